#!/usr/bin/env bash
# boto3 against `apigw endpoint` and against moto_server in the same run:
# calls per second and p50/p99 of create-integration and get-integrations
# (one client, calls one after another, after a warm-up), and the ratios.
# Usage: [APIGW_BIN=path] bench/endpoint.sh [CALLS] [WARMUP]   (default 3000 and 300)
# Uses the release build (cargo build --release: several minutes the first
# time), the tests' client venv target/aws-venv and a moto venv
# target/moto-venv, each made here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-3000}
warmup=${2:-300}
# APIGW_BIN=path skips the build and times that binary instead.
if [ -z "${APIGW_BIN:-}" ]; then
  cargo build --release --quiet
fi
bin=${APIGW_BIN:-$PWD/target/release/apigw}

venv() { # venv DIR PIP-ARGS...
  local dir=$1; shift
  if [ ! -x "$dir/bin/python" ] || [ ! -f "$dir/.installed" ]; then
    rm -rf "$dir"
    python3 -m venv "$dir"
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
    touch "$dir/.installed"
  fi
}
# The same pinned clients as the tests (tests/common/aws.rs writes the same stamp).
if ! cmp -s tests/fixtures/aws/requirements.txt target/aws-venv/.installed 2>/dev/null; then
  rm -rf target/aws-venv
  python3 -m venv target/aws-venv
  target/aws-venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    -r tests/fixtures/aws/requirements.txt
  cp tests/fixtures/aws/requirements.txt target/aws-venv/.installed
fi
venv target/moto-venv 'moto[server]==5.2.5'
py=$PWD/target/aws-venv/bin/python

tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-2
export AWS_CONFIG_FILE=$tmp/none AWS_SHARED_CREDENTIALS_FILE=$tmp/none AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_REGION AWS_ENDPOINT_URL || true

# Waits (bounded) for a line with http:// in FILE and prints that address.
address() {
  local file=$1 i
  for i in $(seq 1 600); do
    if grep -q 'http://' "$file" 2>/dev/null; then
      grep -o 'http://[0-9.]*:[0-9]*' "$file" | head -1
      return
    fi
    sleep 0.05
  done
  echo "no address in $file:" >&2; cat "$file" >&2; exit 1
}

APIGW_WORKSPACE=$tmp/apigw.toml "$bin" endpoint --listen 127.0.0.1:0 >"$tmp/apigw.out" 2>&1 &
pids+=($!)
apigw_url=$(address "$tmp/apigw.out")

moto_port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
target/moto-venv/bin/moto_server -H 127.0.0.1 -p "$moto_port" >"$tmp/moto.out" 2>&1 &
pids+=($!)
moto_url=$(address "$tmp/moto.out")

echo "boto3 $("$py" -c 'import boto3; print(boto3.__version__)'), $calls calls after $warmup warm-up, one client"
echo "apigw endpoint $apigw_url ($bin); moto_server $moto_url ($(target/moto-venv/bin/python -c 'import moto; print(moto.__version__)'))"
"$py" bench/endpoint_calls.py "$apigw_url" "$calls" "$warmup" >"$tmp/apigw.json"
"$py" bench/endpoint_calls.py "$moto_url" "$calls" "$warmup" >"$tmp/moto.json"

"$py" - "$tmp/apigw.json" "$tmp/moto.json" <<'PY'
import json, sys
a = {r["op"]: r for r in map(json.loads, open(sys.argv[1]))}
m = {r["op"]: r for r in map(json.loads, open(sys.argv[2]))}
print(f"{'operation':<20} {'server':<7} {'calls/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
for op in a:
    for name, r in (("apigw", a[op]), ("moto", m[op])):
        print(f"{op:<20} {name:<7} {r['per_s']:>9.0f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f}")
    print(f"{op:<20} {'ratio':<7} {a[op]['per_s'] / m[op]['per_s']:>8.2f}x "
          f"{m[op]['p50_ms'] / a[op]['p50_ms']:>7.2f}x {m[op]['p99_ms'] / a[op]['p99_ms']:>7.2f}x"
          "   (apigw/moto calls/s; moto/apigw latency)")
PY
