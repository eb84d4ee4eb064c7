#!/usr/bin/env bash
# Runs `apigw import-api` over every document of the shared corpus
# (../shared/corpus/openapi/ and ../shared/corpus/derived/, read in place,
# never copied), each into a fresh workspace with a 10 s bound, and prints
# one line per document: imported (routes, integrations, authorizers) or
# refused (the message), then a one-line summary. A panic, a timeout or an
# exit code other than 0/254 counts as a failure and makes the script exit 1.
#
# The corpus README's notes are followed: a guide fragment
# (*.fragment.json) is wrapped in `openapi: 3.0.1` + info + paths where it
# belongs (an integration under a GET operation, securitySchemes under
# components, …); a Kubernetes manifest (*.k8s.yaml) is imported from its
# spec.body. Everything else is imported as published.
#
# Usage: scripts/import-corpus.sh [CORPUS_DIR] [BINARY]
set -uo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-$PWD/../shared/corpus}
if [ -n "${2:-}" ]; then
  bin=$(realpath "$2")
else
  cargo build --quiet || exit 1
  bin=$PWD/target/debug/apigw
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints the document to import for FILE on stdout, or exits 3 with why not.
prepare() {
  python3 - "$1" <<'PY'
import json, sys, re
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
if path.endswith(".k8s.yaml"):
    # The manifest's spec.body, a JSON string inside YAML: read it without a
    # YAML library (python3 has none by default) by its quoting.
    m = re.search(r"^\s*body:\s*'(.*?)'\s*$", text, re.S | re.M)
    if not m:
        print("no spec.body in the manifest", file=sys.stderr); sys.exit(3)
    print(m.group(1).replace("''", "'")); sys.exit(0)
if not path.endswith(".fragment.json"):
    sys.stdout.write(text); sys.exit(0)
def load(t):
    return json.loads(t) if t.lstrip().startswith("{") else json.loads("{" + t + "}")
try:
    frag = load(text)
except ValueError as e:
    # The guide elides with a line of "...": drop such lines and try again.
    try:
        frag = load("\n".join(l for l in text.splitlines() if l.strip() != "..."))
    except ValueError:
        print("the fragment is not valid JSON as printed in the guide (%s)" % e, file=sys.stderr); sys.exit(3)
if "openapi" in frag or "swagger" in frag:
    print(json.dumps(frag)); sys.exit(0)
doc = {"openapi": "3.0.1", "info": {"title": "fragment", "version": "1"}, "paths": {}}
for key, value in frag.items():
    if key in ("x-amazon-apigateway-integration", "x-amazon-apigateway-auth"):
        doc["paths"].setdefault("/fragment", {}).setdefault("get", {})[key] = value
    elif key in ("securitySchemes", "x-amazon-apigateway-integrations", "schemas"):
        doc.setdefault("components", {})[key] = value
    elif key == "paths":
        doc["paths"].update(value)
    elif key.startswith("/") or key == "$default":
        doc["paths"][key] = value
    else:
        doc[key] = value
print(json.dumps(doc))
PY
}

imported=0 refused=0 failed=0 skipped=0
for f in "$corpus"/openapi/* "$corpus"/derived/*; do
  [ -f "$f" ] || continue
  name=${f#"$corpus"/}
  case "$f" in *.md|*.tsv|*README*) continue ;; esac
  doc=$tmp/doc
  if ! prepare "$f" > "$doc" 2> "$tmp/why"; then
    printf '%-72s skipped: %s\n' "$name" "$(head -c 200 "$tmp/why")"
    skipped=$((skipped + 1)); continue
  fi
  ws=$tmp/ws.toml; rm -f "$ws"
  out=$(APIGW_WORKSPACE=$ws timeout 10 "$bin" import-api --body "file://$doc" --output json 2> "$tmp/err")
  code=$?
  err=$(tr '\n\t' '  ' < "$tmp/err" | sed 's/^ *An error occurred ([A-Za-z]*) when calling the ImportApi operation: //')
  if [ $code -eq 0 ]; then
    api=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ApiId"])')
    count() { APIGW_WORKSPACE=$ws "$bin" "$1" --api-id "$api" --query 'length(Items)' --output text; }
    extra=$(printf '%s' "$out" | python3 -c 'import json,sys; a=json.load(sys.stdin); print("%d warnings, %d info" % (len(a.get("Warnings", [])), len(a.get("ImportInfo", []))))')
    printf '%-72s imported: %s routes, %s integrations, %s authorizers (%s)\n' "$name" \
      "$(count get-routes)" "$(count get-integrations)" "$(count get-authorizers)" "$extra"
    imported=$((imported + 1))
  elif [ $code -eq 254 ] && ! grep -q panicked "$tmp/err"; then
    printf '%-72s refused: %s\n' "$name" "${err:0:300}"
    refused=$((refused + 1))
  else
    printf '%-72s FAILED (exit %s): %s\n' "$name" "$code" "${err:0:300}"
    failed=$((failed + 1))
  fi
done
total=$((imported + refused + failed + skipped))
echo "corpus: $total documents: $imported imported, $refused refused, $skipped not importable as printed, $failed failed (panic, hang or unexpected exit)"
[ $failed -eq 0 ]
