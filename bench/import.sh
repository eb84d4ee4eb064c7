#!/usr/bin/env bash
# Times `apigw import-api` of a generated OpenAPI document with 300 routes
# and 300 integrations (the service's quotas per API) as a whole process,
# into an empty workspace, and prints the median of RUNS runs (target: under
# 50 ms). Usage: bench/import.sh [RUNS] [BINARY]  (default 21 runs; the
# release build of this tree, or BINARY to time another build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
if [ -n "${2:-}" ]; then
  bin=$(realpath "$2")
else
  cargo build --release --quiet
  bin=$PWD/target/release/apigw
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 300 paths, each with one operation and its own integration: half HTTP
# proxies, half Lambda proxies, a third of the routes behind a JWT
# authorizer, a path parameter on every other one.
python3 - "$tmp/doc.yaml" <<'PY'
import sys
out = ["openapi: 3.0.1", "info:", "  title: bench-300", "  version: '1'", "paths:"]
methods = ["get", "post", "put", "delete", "patch"]
for n in range(300):
    path = "/resource%d/{id}" % n if n % 2 else "/resource%d" % n
    out.append("  %s:" % path)
    out.append("    %s:" % methods[n % len(methods)])
    if n % 3 == 0:
        out.append("      security:")
        out.append("        - jwt: [scope%d]" % n)
    out.append("      x-amazon-apigateway-integration:")
    if n % 2:
        out += ["        type: http_proxy", "        httpMethod: ANY",
                "        uri: https://backend%d.example.com/{id}" % n,
                "        payloadFormatVersion: '1.0'"]
    else:
        out += ["        type: aws_proxy", "        httpMethod: POST",
                "        uri: arn:aws:lambda:us-east-2:123456789012:function:fn%d" % n,
                "        payloadFormatVersion: '2.0'", "        timeoutInMillis: 10000"]
out += ["components:", "  securitySchemes:", "    jwt:", "      type: oauth2", "      flows: {}",
        "      x-amazon-apigateway-authorizer:", "        type: jwt",
        "        identitySource: $request.header.Authorization",
        "        jwtConfiguration: {issuer: 'https://issuer.example.com', audience: [bench]}"]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY

# Check once that it imports as intended.
check=$(APIGW_WORKSPACE="$tmp/check.toml" "$bin" import-api --body "file://$tmp/doc.yaml" --query ApiId --output text)
routes=$(APIGW_WORKSPACE="$tmp/check.toml" "$bin" get-routes --api-id "$check" --query 'length(Items)' --output text)
integrations=$(APIGW_WORKSPACE="$tmp/check.toml" "$bin" get-integrations --api-id "$check" --query 'length(Items)' --output text)
[ "$routes" = 300 ] && [ "$integrations" = 300 ] || { echo "expected 300/300, got $routes/$integrations" >&2; exit 1; }

# The timer of bench/cli.sh: a fresh, flushed copy of the (empty) workspace per run.
rustc -O --edition 2021 -o "$tmp/timer" bench/timer.rs
printf '[workspace]\naccount = "123456789012"\nregion = "us-east-2"\n' > "$tmp/empty.toml"
t=$("$tmp/timer" "$runs" "$tmp/empty.toml" -- "$bin" import-api --body "file://$tmp/doc.yaml" --output off)
v=$("$tmp/timer" "$runs" "$tmp/empty.toml" -- "$bin" --version)
echo "import-api of 300 routes + 300 integrations + 1 authorizer ($(( $(stat -c %s "$tmp/doc.yaml") / 1024 )) KiB YAML), one process, median of $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
printf '  import-api:               %8s ms   (target < 50 ms)\n' "$t"
printf '  floor (apigw --version):  %8s ms\n' "$v"
