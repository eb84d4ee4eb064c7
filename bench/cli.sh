#!/usr/bin/env bash
# Times one `apigw create-integration` call as a whole process, on an empty
# workspace and on one holding 10,000 integrations, and prints the medians.
# Usage: bench/cli.sh [RUNS] [BINARY]   (default 31 runs per case; the
# release build of this tree, or BINARY to time another build the same way)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-31}
if [ -n "${2:-}" ]; then
  bin=$(realpath "$2")
else
  cargo build --release --quiet
  bin=$PWD/target/release/apigw
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

listener=arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65

# Fills a workspace with N integrations spread over APIs of 300 (the service's quota per API).
fill() {
  local ws=$1 n=$2
  python3 - "$ws" "$n" <<'PY'
import sys, random, string
path, n = sys.argv[1], int(sys.argv[2])
rand = lambda k: ''.join(random.choice(string.ascii_lowercase + string.digits) for _ in range(k))
random.seed(7)
out = ['[workspace]', 'account = "123456789012"', 'region = "us-east-2"', '']
link = rand(7)
out += ['[vpc-links.%s]' % link, 'CreatedDate = "2026-01-01T00:00:00+00:00"', 'Name = "bench"',
        'SubnetIds = ["subnet-0a"]', 'VpcLinkId = "%s"' % link, 'VpcLinkStatus = "AVAILABLE"',
        'VpcLinkStatusMessage = "VPC link is ready to route traffic"', 'VpcLinkVersion = "V2"', '']
# In the order apigw writes a workspace: APIs, and each API's integrations, by id.
apis = sorted(rand(10) for _ in range(n // 300 + 2))
for a in apis:
    out += ['[apis.%s]' % a, 'ApiEndpoint = "https://%s.execute-api.us-east-2.amazonaws.com"' % a, 'ApiId = "%s"' % a,
            'ApiKeySelectionExpression = "$request.header.x-api-key"', 'CreatedDate = "2026-01-01T00:00:00+00:00"',
            'DisableExecuteApiEndpoint = false', 'Name = "bench"', 'ProtocolType = "HTTP"',
            'RouteSelectionExpression = "$request.method $request.path"', '']
listener = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65"
ids = [(apis[i // 300], rand(7)) for i in range(n)]
for a, iid in sorted(ids):
    out += ['[integrations.%s.%s]' % (a, iid), 'ConnectionId = "%s"' % link, 'ConnectionType = "VPC_LINK"',
            'IntegrationId = "%s"' % iid, 'IntegrationMethod = "GET"', 'IntegrationType = "HTTP_PROXY"',
            'IntegrationUri = "%s"' % listener, 'PayloadFormatVersion = "1.0"', 'TimeoutInMillis = 30000', '']
open(path, 'w').write('\n'.join(out))
# The last API has room: print it and the link for the timed calls.
print(apis[-1], link)
PY
}

# The timer: a tiny Rust program (process spawn without a Python in between).
rustc -O --edition 2021 -o "$tmp/timer" bench/timer.rs

# Runs the timed command RUNS times against a fresh, flushed copy of the
# workspace; prints the median in ms.
measure() {
  local ws=$1 api=$2 link=$3
  "$tmp/timer" "$runs" "$ws" -- "$bin" create-integration --api-id "$api" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK --connection-id "$link" \
    --integration-uri "$listener" --payload-format-version 1.0 --output off
}

empty=$tmp/empty.toml
read -r api link < <(fill "$empty" 0)
big=$tmp/big.toml
read -r api_big link_big < <(fill "$big" 10000)

e=$(measure "$empty" "$api" "$link")
b=$(measure "$big" "$api_big" "$link_big")
# The floor: starting the process and parsing the command line, nothing else.
v=$("$tmp/timer" "$runs" "$empty" -- "$bin" --version)
echo "create-integration, one process per call, median of $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
printf '  empty workspace:               %8s ms\n' "$e"
printf '  10,000 integrations (%s KiB): %8s ms\n' "$(( $(stat -c %s "$big") / 1024 ))" "$b"
printf '  floor (apigw --version):       %8s ms\n' "$v"
python3 -c "print('  ratio 10k/empty: %.1fx' % ($b / $e))"
