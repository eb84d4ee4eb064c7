#!/usr/bin/env bash
# What the Lambda path of `apigw serve` costs: one python handler served two
# ways in the same run, as a Lambda function (AWS_PROXY route, apigw's
# runtime host and its python loop, warm) and over HTTP (HTTP_PROXY route to
# a small python HTTP server that calls the same handler with a 2.0 event).
# Prints requests/s, p50 and p99 of each at 1 and 4 connections, the
# difference of the p50s (the Lambda path's own cost), and the cold start:
# the first request after serve starts, a fresh python process included.
#
# Usage: bench/lambda.sh [SECONDS] [ROUNDS] [COLD_STARTS]   (default 5 3 5)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
rounds=${2:-3}
colds=${3:-5}

if ! command -v wrk >/dev/null 2>&1; then
  echo "# installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
command -v python3 >/dev/null || { echo "skipped: python3 is not installed" >&2; exit 0; }

echo "# building (release)" >&2
cargo build --release --quiet --bin apigw
bin=$PWD/target/release
source bench/lib.sh

# --- the handler, and the same handler behind a python HTTP server
mkdir -p "$tmp/fn"
cat >"$tmp/fn/app.py" <<'PY'
import json
def handler(event, context):
    return {"statusCode": 200, "headers": {"content-type": "application/json"},
            "body": json.dumps({"path": event["rawPath"], "ok": True})}
PY
cat >"$tmp/http_server.py" <<'PY'
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
sys.path.insert(0, sys.argv[1])
from app import handler

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's
    # algorithm and the client's delayed ACK add 40 ms to every answer.
    disable_nagle_algorithm = True
    def do_GET(self):
        path, _, query = self.path.partition("?")
        event = {"version": "2.0", "rawPath": path, "rawQueryString": query,
                 "headers": {k.lower(): v for k, v in self.headers.items()},
                 "requestContext": {"http": {"method": "GET", "path": path},
                                    "timeEpoch": int(time.time() * 1000)},
                 "isBase64Encoded": False}
        answer = handler(event, None)
        body = answer["body"].encode()
        self.send_response(answer["statusCode"])
        for k, v in answer.get("headers", {}).items():
            self.send_header(k, v)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("listening on", server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$tmp/http_server.py" "$tmp/fn" >"$tmp/http.out" 2>&1 &
pids+=($!)
http_port=$(wait_for_line "$tmp/http.out" 'listening on' | awk '{print $NF}')

# --- the workspace: GET /lambda to the function, GET /http to the server
ws=$tmp/apigw.toml
apigw() { APIGW_WORKSPACE=$ws "$bin/apigw" "$@"; }
api=$(apigw create-api --name lambda-bench --protocol-type HTTP --query ApiId --output text)
apigw lambda create-function --function-name bench --runtime python3.12 --handler app.handler \
  --code-directory "$tmp/fn" --output off
fn_int=$(apigw create-integration --api-id "$api" --integration-type AWS_PROXY \
  --integration-uri arn:aws:lambda:us-east-2:123456789012:function:bench \
  --payload-format-version 2.0 --query IntegrationId --output text)
http_int=$(apigw create-integration --api-id "$api" --integration-type HTTP_PROXY \
  --integration-method GET --integration-uri "http://127.0.0.1:$http_port/http" \
  --payload-format-version 1.0 --query IntegrationId --output text)
apigw create-route --api-id "$api" --route-key 'GET /lambda' --target "integrations/$fn_int" --output off
apigw create-route --api-id "$api" --route-key 'GET /http' --target "integrations/$http_int" --output off
apigw create-stage --api-id "$api" --stage-name '$default' --auto-deploy \
  --default-route-settings ThrottlingBurstLimit=5000000,ThrottlingRateLimit=10000000 --output off

start_serve() {
  local port=$1 out=$2
  "$bin/apigw" serve --workspace "$ws" --listen "127.0.0.1:$port" >"$out" 2>"$out.err" &
  serve_pid=$!
  pids+=($serve_pid)
  wait_for_line "$out" 'listening on' >/dev/null
}

# --- cold starts: a fresh serve each time, its first request timed
port=$(free_port)
: >"$tmp/cold"
for i in $(seq 1 "$colds"); do
  start_serve "$port" "$tmp/serve.cold.$i"
  curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/lambda" >>"$tmp/cold"
  kill "$serve_pid"
  wait "$serve_pid" 2>/dev/null || true
done

# What python itself takes to start with the modules apigw's loop imports,
# for comparison with the cold start.
: >"$tmp/python"
for i in $(seq 1 "$colds"); do
  python3 -c 'import time; t = time.time(); print(t)' >/dev/null
  start=$(date +%s%N)
  python3 -c 'import http.client, importlib, json, os, sys, time, traceback'
  echo "$(( ($(date +%s%N) - start) / 1000 ))" >>"$tmp/python"
done

# --- warm runs
start_serve "$port" "$tmp/serve.out"
url=http://127.0.0.1:$port
for path in /lambda /http; do
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$url$path"; done
done
echo "# wrk -t1 -d${seconds}s, $rounds rounds, $(nproc) CPUs" >&2
for round in $(seq 1 "$rounds"); do
  for c in 1 4; do
    for path in lambda http; do
      wrk -t1 -c"$c" -d"${seconds}s" --latency "$url/$path" >"$tmp/$path.c$c.$round.wrk" 2>&1
    done
  done
done
instances=$(grep -c 'lambda bench: started instance' "$tmp/serve.out.err" || true)

python3 - "$tmp" "$rounds" "$seconds" "$(nproc)" "$instances" <<'PY'
import re, statistics, sys
tmp, rounds, secs, cpus, instances = sys.argv[1:]
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
rows = {}
for c in (1, 4):
    for path in ("lambda", "http"):
        samples = []
        for r in range(1, int(rounds) + 1):
            text = open(f"{tmp}/{path}.c{c}.{r}.wrk").read()
            rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
            p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
            p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
            bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
            samples.append((rps, p50, p99, int(bad.group(1)) if bad else 0))
        rows[(path, c)] = [statistics.median(s[i] for s in samples) for i in range(3)] + [sum(s[3] for s in samples)]
print(f"nproc {cpus}; wrk -t1 -d{secs}s on loopback; medians of {rounds} rounds")
print(f"{'route':28} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for (path, c), (rps, p50, p99, bad) in rows.items():
    name = "GET /lambda (AWS_PROXY)" if path == "lambda" else "GET /http (HTTP_PROXY)"
    print(f"{name:28} {c:>5} {rps:>9.0f} {p50:>8.3f} {p99:>8.3f} {bad:>8}")
for c in (1, 4):
    l, h = rows[("lambda", c)], rows[("http", c)]
    print(f"{c} connection(s): Lambda path p50 {(l[1] - h[1]) * 1000:+.0f} us, p99 {(l[2] - h[2]) * 1000:+.0f} us, requests/s x{l[0] / h[0]:.2f} vs the HTTP path")
print(f"function instances started for the warm runs: {instances}")
cold = [float(x) * 1000 for x in open(f"{tmp}/cold").read().split()]
print(f"cold start (first request after serve starts, curl time_total): median {statistics.median(cold):.1f} ms, "
      f"min {min(cold):.1f}, max {max(cold):.1f} over {len(cold)}")
py = [int(x) / 1000 for x in open(f"{tmp}/python").read().split()]
print(f"python3 start-up with the loop's imports alone: median {statistics.median(py):.1f} ms")
PY
