#!/usr/bin/env bash
# Requests/s and latency of `apigw serve` against nginx, both as keep-alive
# reverse proxies to the same small backend, driven by wrk on loopback in
# the same run. Prints requests/s, p50 and p99 for the backend direct, nginx
# and apigw, the apigw/nginx ratios, and apigw's peak RSS.
#
# Usage: [PAIRS=60] [PAIR_SECONDS=1] bench/proxy.sh [SECONDS] [CONNECTIONS] [WRK_THREADS] [ROUNDS]   (default 6 64 1 5)
#
# The targets are measured in turn, ROUNDS times over, and the medians are
# printed, so that a burst of other work on the machine skews one sample,
# not the result. apigw runs twice: with its default worker threads (one
# per CPU, each kept on its CPU) and with one, like the nginx it is
# compared with.
# apigw runs a private integration (HTTP_PROXY over a VPC link to the seed's
# ELB listener ARN, whose one target is the backend), route ANY /{proxy+} on
# the $default stage, with its access log on. nginx runs one worker with an
# upstream keepalive pool and its access log on. Both logs go to files.
# A second API in the same serve ("featured", chosen by Host) has the same
# route with what HTTP APIs add on the way: CORS (requests carry an allowed
# Origin, so the CORS headers are added to every answer; the other rows send
# the same Origin, which they ignore), throttling (limits
# far above the load, so every request takes a token) and a stage access
# log in JSON to a local log group. Its row is compared with the plain
# route's, in the same run. The workspace also has 18 more APIs and 5
# custom domains; the domain row reaches the plain route through a mapping.
#
# TLS rows: apigw (`serve --tls-listen`) and nginx terminate TLS with the
# same ECDSA P-256 certificate, one for *.bench.test from apigw's local CA
# (nginx reads its files from .apigw/acm). The handshake rate is full
# handshakes per second with SNI api.bench.test (examples/tls_handshakes.rs:
# CONNECTIONS at a time on one thread, no resumption; openssl s_time cannot
# send SNI); requests/s over kept-alive TLS is wrk on
# https://127.0.0.1 (no SNI, so apigw answers with its execute-api
# certificate from the same CA; the handshake is done once per connection).
# nginx runs one worker, so its TLS rows are set beside apigw-1's.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-6}
connections=${2:-64}
threads=${3:-1}
rounds=${4:-5}

if ! command -v nginx >/dev/null 2>&1 || ! command -v wrk >/dev/null 2>&1; then
  echo "# installing nginx-light and wrk" >&2
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light wrk >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

echo "# building (release)" >&2
cargo build --release --quiet --bin apigw --example bench_backend --example tls_handshakes
bin=$PWD/target/release
source bench/lib.sh

# --- the backend
"$bin/examples/bench_backend" 127.0.0.1:0 >"$tmp/backend.out" 2>&1 &
pids+=($!)
backend=$(wait_for_line "$tmp/backend.out" 'listening on' | awk '{print $NF}')
backend_port=${backend##*:}

# --- nginx: one worker, keep-alive to the backend
nginx_port=$(free_port)
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log $tmp/nginx/access.log;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  keepalive_requests 100000;
  upstream backend {
    server 127.0.0.1:$backend_port;
    keepalive 256;
    keepalive_requests 100000;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
"$nginx_bin" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" >"$tmp/nginx/out" 2>&1 &
pids+=($!)
wait_for_port "$nginx_port"

# --- apigw: the seed's listener integration, its target the backend
ws=$tmp/apigw.toml
listener=arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65
apigw() { APIGW_WORKSPACE=$ws "$bin/apigw" "$@"; }
api=$(apigw create-api --name bench --protocol-type HTTP --query ApiId --output text)
link=$(apigw create-vpc-link --name bench --subnet-ids subnet-0a1b2c3d --query VpcLinkId --output text)
integration=$(apigw create-integration --api-id "$api" --integration-type HTTP_PROXY \
  --integration-method ANY --connection-type VPC_LINK --connection-id "$link" \
  --integration-uri "$listener" --payload-format-version 1.0 --query IntegrationId --output text)
apigw create-route --api-id "$api" --route-key 'ANY /{proxy+}' --target "integrations/$integration" --output off
# Limits far above the load: without settings a stage has the account's
# default (10,000 requests/s, burst 5,000), which wrk passes at once.
apigw create-stage --api-id "$api" --stage-name '$default' --auto-deploy \
  --default-route-settings ThrottlingBurstLimit=5000000,ThrottlingRateLimit=10000000 --output off
apigw elbv2 register-targets --listener-arn "$listener" --targets "Id=127.0.0.1,Port=$backend_port"
# The same backend behind a JWT route, its tokens from serve's local issuer,
# to measure what checking a token adds.
apigw_port=$(free_port)
issuer="http://127.0.0.1:$apigw_port"
authorizer=$(apigw create-authorizer --api-id "$api" --name bench --authorizer-type JWT \
  --identity-source '$request.header.Authorization' --jwt-configuration "Audience=bench,Issuer=$issuer" \
  --query AuthorizerId --output text)
apigw create-route --api-id "$api" --route-key 'ANY /jwt/{proxy+}' --target "integrations/$integration" \
  --authorization-type JWT --authorizer-id "$authorizer" --output off
token=$(apigw mint-token --issuer "$issuer" --audience bench --expires-in 1h)
# The featured API: CORS, throttling and an access log on the same route.
featured=$(apigw create-api --name featured --protocol-type HTTP \
  --cors-configuration '{"AllowOrigins":["https://app.example.com"],"AllowMethods":["GET","POST"],"AllowHeaders":["content-type"],"ExposeHeaders":["x-request-id"],"MaxAge":600}' \
  --query ApiId --output text)
featured_integration=$(apigw create-integration --api-id "$featured" --integration-type HTTP_PROXY \
  --integration-method ANY --connection-type VPC_LINK --connection-id "$link" \
  --integration-uri "$listener" --payload-format-version 1.0 --query IntegrationId --output text)
apigw create-route --api-id "$featured" --route-key 'ANY /{proxy+}' --target "integrations/$featured_integration" --output off
apigw create-stage --api-id "$featured" --stage-name '$default' --auto-deploy \
  --default-route-settings ThrottlingBurstLimit=5000000,ThrottlingRateLimit=10000000 \
  --access-log-settings '{"DestinationArn":"arn:aws:logs:us-east-2:123456789012:log-group:bench-featured","Format":"{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\",\"integrationLatency\":\"$context.integrationLatency\"}"}' \
  --output off
# 18 more APIs and 5 custom domains, so that the plan is not a toy; the
# domain row goes through api.bench.test's mapping "orders" to the plain
# API's $default stage.
# A domain's certificate must exist: one from the local CA for them all.
cert=$(apigw acm request-certificate --domain-name '*.bench.test' --query CertificateArn --output text 2>/dev/null)
others=()
for i in $(seq 1 18); do
  other=$(apigw create-api --name "other-$i" --protocol-type HTTP --query ApiId --output text)
  oi=$(apigw create-integration --api-id "$other" --integration-type HTTP_PROXY \
    --integration-method ANY --connection-type VPC_LINK --connection-id "$link" \
    --integration-uri "$listener" --payload-format-version 1.0 --query IntegrationId --output text)
  apigw create-route --api-id "$other" --route-key 'ANY /{proxy+}' --target "integrations/$oi" --output off
  apigw create-stage --api-id "$other" --stage-name live --auto-deploy --output off
  others+=("$other")
done
for d in 1 2 3 4 5; do
  name=api.bench.test
  [ "$d" = 1 ] || name="d$d.bench.test"
  apigw create-domain-name --domain-name "$name" \
    --domain-name-configurations "CertificateArn=$cert,EndpointType=REGIONAL,SecurityPolicy=TLS_1_2" --output off
  for k in 1 2 3; do
    apigw create-api-mapping --domain-name "$name" --api-id "${others[$(( (d * 3 + k) % 18 ))]}" \
      --stage live --api-mapping-key "svc$k/v$d" --output off
  done
done
apigw create-api-mapping --domain-name api.bench.test --api-id "$api" --stage '$default' --api-mapping-key orders --output off
# nginx terminating TLS with that certificate (and its chain), as a proxy
# to the backend like the plain nginx.
cert_dir=$tmp/.apigw/acm/${cert##*/}
cat "$cert_dir/certificate.pem" "$cert_dir/chain.pem" >"$tmp/nginx/fullchain.pem"
nginx_tls_port=$(free_port)
mkdir -p "$tmp/nginx-tls"
sed -e "s|listen 127.0.0.1:$nginx_port;|listen 127.0.0.1:$nginx_tls_port ssl;\n    ssl_certificate $tmp/nginx/fullchain.pem;\n    ssl_certificate_key $cert_dir/private-key.pem;\n    ssl_protocols TLSv1.2 TLSv1.3;|" \
  -e "s|$tmp/nginx/|$tmp/nginx-tls/|g" \
  -e "s|ssl_certificate $tmp/nginx-tls/fullchain.pem|ssl_certificate $tmp/nginx/fullchain.pem|" \
  "$tmp/nginx/nginx.conf" >"$tmp/nginx-tls/nginx.conf"
"$nginx_bin" -p "$tmp/nginx-tls" -c "$tmp/nginx-tls/nginx.conf" >"$tmp/nginx-tls/out" 2>&1 &
pids+=($!)
wait_for_port "$nginx_tls_port"
# With several APIs, serve chooses by Host.
plain_host="Host: $api.execute-api.localhost:$apigw_port"
featured_host="Host: $featured.execute-api.localhost:$apigw_port"
"$bin/apigw" serve --workspace "$ws" --listen "127.0.0.1:$apigw_port" --tls-listen 127.0.0.1:0 --local-issuer >"$tmp/apigw.out" 2>"$tmp/apigw.log" &
apigw_pid=$!
pids+=($apigw_pid)
apigw_url=$(wait_for_line "$tmp/apigw.out" 'listening on http:' | awk '{print $NF}')
apigw_tls=$(wait_for_line "$tmp/apigw.out" 'listening on https:' | grep -o '127.0.0.1:[0-9]*')
APIGW_SERVE_THREADS=1 "$bin/apigw" serve --workspace "$ws" --api-id "$api" --listen 127.0.0.1:0 --tls-listen 127.0.0.1:0 >"$tmp/apigw1.out" 2>"$tmp/apigw1.log" &
apigw1_pid=$!
pids+=($apigw1_pid)
apigw1_url=$(wait_for_line "$tmp/apigw1.out" 'listening on http:' | awk '{print $NF}')
apigw1_tls=$(wait_for_line "$tmp/apigw1.out" 'listening on https:' | grep -o '127.0.0.1:[0-9]*')

# --- the runs
# CPU time (user + system, in clock ticks) a process and its children
# (nginx's worker) have used so far.
cpu_ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
# Each run also records the CPU time the serving process spent on it: on a
# machine where wrk, the backend and the gateway share the CPUs, and other
# work comes and goes, CPU time per request is the steadier figure of what
# a feature costs (requests/s of one round can move by a quarter).
run() {
  local name=$1 url=$2 round=$3 pid=
  shift 3
  case $name in
    apigw-1 | apigw-1-*) pid=$apigw1_pid ;;
    apigw*) pid=$apigw_pid ;;
    nginx-tls) pid=$(cat "$tmp/nginx-tls/nginx.pid" 2>/dev/null || true) ;;
    nginx) pid=$(cat "$tmp/nginx/nginx.pid" 2>/dev/null || true) ;;
  esac
  local before=0
  [ -z "$pid" ] || before=$(cpu_ticks "$pid")
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" "$url" >"$tmp/$name.$round.wrk" 2>&1
  [ -z "$pid" ] || echo $(($(cpu_ticks "$pid") - before)) >"$tmp/$name.$round.cpu"
}
echo "# wrk -t$threads -c$connections -d${seconds}s, $rounds rounds, $(nproc) CPUs" >&2
for url in "http://$backend/bench" "http://127.0.0.1:$nginx_port/bench" "$apigw1_url/bench"; do
  wrk -t"$threads" -c"$connections" -d2s "$url" >/dev/null 2>&1 # warm up
done
wrk -t"$threads" -c"$connections" -d2s -H "$plain_host" "$apigw_url/bench" >/dev/null 2>&1
wrk -t"$threads" -c"$connections" -d2s -H "Host: api.bench.test" "$apigw_url/orders/bench" >/dev/null 2>&1
wrk -t"$threads" -c"$connections" -d2s -H "$featured_host" -H "Origin: https://app.example.com" "$apigw_url/bench" >/dev/null 2>&1
# Full TLS handshakes per second with SNI api.bench.test, verified against
# the local CA.
handshakes() {
  "$bin/examples/tls_handshakes" "$2" api.bench.test "$tmp/.apigw/ca/ca-cert.pem" "$seconds" "$connections" \
    >"$tmp/$1.$3.hs" 2>&1 || true
}
for url in "https://127.0.0.1:$nginx_tls_port/bench" "https://$apigw1_tls/bench"; do
  wrk -t"$threads" -c"$connections" -d2s "$url" >/dev/null 2>&1 # warm up
done
# Within a round the targets run one after the other, in reverse order
# every other round, so that a drift of the machine's load over a round
# does not favour whichever runs first; the ratios are also taken per
# round (targets measured seconds apart) and their median printed.
targets=(direct nginx apigw apigw-featured apigw-domain apigw-1 apigw-jwt nginx-tls apigw-tls apigw-1-tls)
# Every plain-HTTP row sends the same request, with a browser's Origin, so
# that the featured row differs from the plain one only in what the
# gateway does with it.
origin="Origin: https://app.example.com"
run_target() {
  case $1 in
    direct) run direct "http://$backend/bench" "$2" -H "$origin" ;;
    nginx) run nginx "http://127.0.0.1:$nginx_port/bench" "$2" -H "$origin" ;;
    apigw) run apigw "$apigw_url/bench" "$2" -H "$plain_host" -H "$origin" ;;
    apigw-featured) run apigw-featured "$apigw_url/bench" "$2" -H "$featured_host" -H "$origin" ;;
    apigw-domain) run apigw-domain "$apigw_url/orders/bench" "$2" -H "Host: api.bench.test" -H "$origin" ;;
    apigw-1) run apigw-1 "$apigw1_url/bench" "$2" -H "$origin" ;;
    apigw-jwt) run apigw-jwt "$apigw_url/jwt/bench" "$2" -H "$plain_host" -H "Authorization: Bearer $token" -H "$origin" ;;
    nginx-tls) run nginx-tls "https://127.0.0.1:$nginx_tls_port/bench" "$2" ;;
    apigw-tls) run apigw-tls "https://$apigw_tls/bench" "$2" -H "$plain_host" ;;
    apigw-1-tls) run apigw-1-tls "https://$apigw1_tls/bench" "$2" ;;
  esac
}
for round in $(seq 1 "$rounds"); do
  order=("${targets[@]}")
  if [ $((round % 2)) = 0 ]; then
    order=()
    for ((i = ${#targets[@]} - 1; i >= 0; i--)); do order+=("${targets[$i]}"); done
  fi
  for target in "${order[@]}"; do run_target "$target" "$round"; done
  handshakes nginx-tls "127.0.0.1:$nginx_tls_port" "$round"
  handshakes apigw-tls "$apigw_tls" "$round"
  handshakes apigw-1-tls "$apigw1_tls" "$round"
done
# The two criteria (the featured route against the plain one, apigw
# against nginx) are also measured in pairs: PAIRS runs of PAIR_SECONDS of
# each side back to back, the side that goes first swapping every pair, so
# that both sides of a ratio see the same load of the machine.
# The default is many short pairs: on a shared 2-CPU machine a pair's
# ratio moves by about 9% whether its runs last 1 s or 2 s (the noise
# comes in spells of seconds, which a longer run does not average out),
# so for the same time, 60 pairs of 1 s put the median about 1.4 times
# closer to the truth than 20 pairs of 2 s (the standard error of the
# median goes with the square root of the number of pairs).
pairs=${PAIRS:-60}
pair_seconds=${PAIR_SECONDS:-1}
pair() {
  local label=$1 a=$2 b=$3 k side first second saved=$seconds
  seconds=$pair_seconds
  for k in $(seq 1 "$pairs"); do
    if [ $((k % 2)) = 1 ]; then first=$a second=$b; else first=$b second=$a; fi
    for side in "$first" "$second"; do run_target "$side" "pair-$label-$k"; done
  done
  seconds=$saved
}
pair featured apigw apigw-featured
pair nginx nginx apigw
rss_kib=$(awk '/^VmHWM/ {print $2}' "/proc/$apigw_pid/status")
rss1_kib=$(awk '/^VmHWM/ {print $2}' "/proc/$apigw1_pid/status")


PAIRS=$pairs PAIR_SECONDS=$pair_seconds python3 - "$tmp" "$rss_kib" "$rss1_kib" "$(nproc)" "$threads" "$connections" "$seconds" "$rounds" <<'PY'
import os, re, statistics, sys
tmp, rss, rss1, cpus, threads, conns, secs, rounds = sys.argv[1:]
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
rows = {}
cpu = {}
per_round = {}
ticks_per_s = os.sysconf("SC_CLK_TCK")
for name in ("direct", "nginx", "apigw", "apigw-featured", "apigw-domain", "apigw-1", "apigw-jwt",
             "nginx-tls", "apigw-tls", "apigw-1-tls"):
    samples = []
    for r in range(1, int(rounds) + 1):
        text = open(f"{tmp}/{name}.{r}.wrk").read()
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
        p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
        p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
        samples.append((rps, p50, p99, int(bad.group(1)) if bad else 0))
        done = int(re.search(r"(\d+) requests in", text).group(1))
        try:
            ticks = int(open(f"{tmp}/{name}.{r}.cpu").read())
            cpu.setdefault(name, []).append(ticks * 1e6 / ticks_per_s / max(done, 1))
        except FileNotFoundError:
            pass
    per_round[name] = [x[0] for x in samples]
    rows[name] = [statistics.median(s[i] for s in samples) for i in range(3)] + [sum(s[3] for s in samples)]
    rows[name].append(", ".join(f"{s[0]:.0f}" for s in samples))
print(f"nproc {cpus}; wrk -t{threads} -c{conns} -d{secs}s on loopback; medians of {rounds} rounds")
print(f"{'target':14} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8}  {'non-2xx':>7}  requests/s per round")
for name, (rps, p50, p99, bad, each) in rows.items():
    print(f"{name:14} {rps:11.0f} {p50:8.3f} {p99:8.3f}  {bad:7d}  {each}")
for name in ("apigw", "apigw-1"):
    a, n = rows[name], rows["nginx"]
    print(f"{name}/nginx: requests/s x{a[0] / n[0]:.2f}, p50 x{a[1] / n[1]:.2f}, p99 x{a[2] / n[2]:.2f}")
print("CPU time of the serving process per request (user + system, median of the rounds):")
for name, each in cpu.items():
    print(f"  {name:14} {statistics.median(each):6.1f} us   rounds: " + ", ".join(f"{c:.1f}" for c in each))
def cpu_ratio(a, b):
    return statistics.median(cpu[a]) / statistics.median(cpu[b])
if "apigw-featured" in cpu and "apigw" in cpu:
    print(f"CPU per request, CORS + throttling + access log vs plain route: x{cpu_ratio('apigw-featured', 'apigw'):.3f}; "
          f"custom domain vs own endpoint: x{cpu_ratio('apigw-domain', 'apigw'):.3f}; apigw-1 vs nginx: x{cpu_ratio('apigw-1', 'nginx'):.3f}")
def pair_ratios(label, a, b):
    out = []
    k = 1
    while os.path.exists(f"{tmp}/{a}.pair-{label}-{k}.wrk"):
        rps = []
        for name in (a, b):
            text = open(f"{tmp}/{name}.pair-{label}-{k}.wrk").read()
            rps.append(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)))
        out.append(rps[0] / rps[1])
        k += 1
    return out
print(f"Paired runs ({os.environ.get('PAIRS', '60')} pairs of {os.environ.get('PAIR_SECONDS', '1')} s, the first side swapping each pair), ratio of requests/s:")
for label, a, b in (("featured", "apigw-featured", "apigw"), ("nginx", "apigw", "nginx")):
    r = pair_ratios(label, a, b)
    if r:
        print(f"  {a}/{b}: median x{statistics.median(r):.3f}, mean x{statistics.mean(r):.3f}   pairs: " + ", ".join(f"{x:.3f}" for x in r))
def round_ratios(a, b):
    return [x / y for x, y in zip(per_round[a], per_round[b])]
print("Ratios of requests/s within each round (the targets measured seconds apart), median and rounds:")
for a, b in (("apigw-featured", "apigw"), ("apigw", "nginx"), ("apigw-1", "nginx"), ("apigw-domain", "apigw")):
    r = round_ratios(a, b)
    print(f"  {a}/{b}: x{statistics.median(r):.3f}   rounds: " + ", ".join(f"{x:.3f}" for x in r))
f, a = rows["apigw-featured"], rows["apigw"]
print(f"CORS + throttling + access log vs plain route (apigw): requests/s x{f[0] / a[0]:.3f} ({(f[0] / a[0] - 1) * 100:+.1f}%), p50 +{f[1] - a[1]:.3f} ms, p99 +{f[2] - a[2]:.3f} ms")
d = rows["apigw-domain"]
print(f"custom domain mapping vs the API's own endpoint (20 APIs, 5 domains): requests/s x{d[0] / a[0]:.3f} ({(d[0] / a[0] - 1) * 100:+.1f}%)")
j, a = rows["apigw-jwt"], rows["apigw"]
print(f"JWT route vs open route (apigw): p50 +{j[1] - a[1]:.3f} ms, p99 +{j[2] - a[2]:.3f} ms, requests/s x{j[0] / a[0]:.2f}")
for name in ("apigw-tls", "apigw-1-tls"):
    a, n = rows[name], rows["nginx-tls"]
    print(f"{name}/nginx-tls (kept-alive TLS): requests/s x{a[0] / n[0]:.2f}, p50 x{a[1] / n[1]:.2f}, p99 x{a[2] / n[2]:.2f}")
def handshake_rate(name):
    rates = []
    for r in range(1, int(rounds) + 1):
        text = open(f"{tmp}/{name}.{r}.hs").read()
        m = re.search(r"handshakes (\d+) in ([\d.]+) s: [\d.]+/s, failed (\d+)", text)
        rates.append((int(m.group(1)) / float(m.group(2)), int(m.group(3))) if m else (0.0, -1))
    return statistics.median(x for x, _ in rates), rates
print(f"{'TLS handshakes':14} {'per second':>11} {'failed':>7}  per round (full handshakes, SNI api.bench.test, {conns} at a time)")
hs = {}
for name in ("nginx-tls", "apigw-tls", "apigw-1-tls"):
    hs[name], each = handshake_rate(name)
    print(f"{name:14} {hs[name]:11.0f} {sum(f for _, f in each):7d}  " + ", ".join(f"{x:.0f}" for x, _ in each))
for name in ("apigw-tls", "apigw-1-tls"):
    if hs["nginx-tls"]:
        print(f"{name}/nginx-tls handshakes/s: x{hs[name] / hs['nginx-tls']:.2f}")
print(f"apigw peak RSS (VmHWM): {int(rss) / 1024:.1f} MiB (default threads), {int(rss1) / 1024:.1f} MiB (one worker)")
# The two criteria, each by the three measures; the paired runs are the
# most careful (both sides under the same load), so they come first, with
# the quartiles of their ratios to show the machine's noise.
def quartiles(r):
    q = statistics.quantiles(r, n=4) if len(r) > 1 else [r[0]] * 3
    # The standard error of a median of n samples is about 1.25 sd / sqrt(n).
    se = 1.2533 * statistics.stdev(r) / len(r) ** 0.5 if len(r) > 1 else float("nan")
    return f"median's standard error ±{se:.3f}; quartiles x{q[0]:.3f}..x{q[2]:.3f}"
print("Criteria (requests/s): paired median / per-round median / medians of rounds")
for label, a, b, test, want in (("featured", "apigw-featured", "apigw", lambda x: abs(x - 1) <= 0.05, "within 5%"),
                                ("nginx", "apigw", "nginx", lambda x: x >= 1, "at or above 1")):
    r = pair_ratios(label, a, b)
    paired = statistics.median(r) if r else float("nan")
    each = statistics.median(round_ratios(a, b))
    whole = rows[a][0] / rows[b][0]
    print(f"  {a}/{b}: x{paired:.3f} / x{each:.3f} / x{whole:.3f}  ({want}: "
          f"{'holds' if test(paired) else 'does not hold'} paired; {quartiles(r) if r else 'no pairs'})")
PY
