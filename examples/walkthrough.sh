#!/usr/bin/env bash
# The seed page's two private integrations, made with apigw and then served:
# an ELB listener and a Cloud Map service, each backed by a small server on
# this machine (examples/echo_backend.rs), answered through `apigw serve` on
# the `test` stage. Needs only bash and a Rust toolchain (cargo, with a C
# compiler for the ring crate); every line goes to stdout or stderr as it
# happens, so `examples/walkthrough.sh > log 2>&1` keeps a complete log.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "walkthrough: '$1' is not on PATH; $2" >&2
    exit 1
}
need cargo "install a Rust toolchain (https://rustup.rs), then run this again"

step "Building apigw and the example backend (cargo's progress below; the first build takes a few minutes)"
# The dev profile: the walkthrough needs no speed, and `cargo test` reuses
# most of this build.
if ! cargo build --bin apigw --example echo_backend; then
    command -v cc >/dev/null 2>&1 ||
        echo "walkthrough: no C compiler (cc) on PATH; the ring crate needs one (e.g. apt-get install gcc)" >&2
    exit 1
fi
bin=$PWD/target/debug/apigw
backend=$PWD/target/debug/examples/echo_backend
apigw() { "$bin" "$@"; }
work=$(mktemp -d)
export APIGW_WORKSPACE=$work/apigw.toml
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# Waits (a bounded number of times) for `pattern` in `file`.
wait_for() {
    for _ in $(seq 200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
    echo "walkthrough: '$2' never appeared in $1:" >&2
    cat "$1" >&2
    return 1
}
# GET over bash's /dev/tcp: prints the body, then ` (STATUS)` when asked.
get() {
    local host=${base#http://} status line
    exec 3<>"/dev/tcp/${host%:*}/${host##*:}"
    printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$1" "$host" >&3
    IFS=' ' read -r _ status _ <&3
    while IFS= read -r line <&3 && [ "${line%$'\r'}" != "" ]; do :; done
    cat <&3
    exec 3<&-
    if [ "${2:-}" = status ]; then echo " ($status)"; fi
}
# The IntegrationId of a create-integration answer (JSON, as the AWS CLI prints it).
integration_id() { sed -n 's/^ *"IntegrationId": "\([a-z0-9]*\)".*/\1/p'; }

LISTENER=arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65
SERVICE='arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment'

step "The API and the VPC link (workspace $APIGW_WORKSPACE)"
API=$(apigw create-api --name my-http-api --protocol-type HTTP --query ApiId --output text)
VPC_LINK=$(apigw create-vpc-link --name my-vpc-link --subnet-ids subnet-0a1b2c3d subnet-0e4f5a6b --query VpcLinkId --output text)
echo "API $API, VPC link $VPC_LINK"

step "Private integration to a load balancer (the seed page's first command)"
out=$(apigw create-integration --api-id "$API" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK \
    --connection-id "$VPC_LINK" \
    --integration-uri "$LISTENER" \
    --payload-format-version 1.0)
echo "$out"
ELB=$(integration_id <<<"$out")

step "Private integration to Cloud Map (the seed page's second command)"
out=$(apigw create-integration --api-id "$API" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK \
    --connection-id "$VPC_LINK" \
    --integration-uri "$SERVICE" \
    --payload-format-version 1.0)
echo "$out"
MAP=$(integration_id <<<"$out")

step "Routes and a stage"
apigw create-route --api-id "$API" --route-key 'GET /orders' --target "integrations/$ELB" --output text
apigw create-route --api-id "$API" --route-key 'GET /catalog/{proxy+}' --target "integrations/$MAP" --output text
apigw create-stage --api-id "$API" --stage-name test --auto-deploy --query StageName --output text

step "What stands behind the VPC link, on this machine"
for name in orders catalog-green catalog-blue; do
    "$backend" "$name" >"$work/$name.out" 2>&1 & pids+=($!)
done
port() { wait_for "$work/$1.out" 'listening on' && grep -o '[0-9]*$' "$work/$1.out"; }
orders=$(port orders); green=$(port catalog-green); blue=$(port catalog-blue)
echo "backends on ports $orders (orders), $green (catalog green), $blue (catalog blue)"
apigw elbv2 register-targets --listener-arn "$LISTENER" --targets "Id=127.0.0.1,Port=$orders"
apigw servicediscovery register-instance --service-id srv-id --instance-id green-1 \
    --attributes "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=$green,stage=prod,deployment=green_deployment" --output text
apigw servicediscovery register-instance --service-id srv-id --instance-id blue-1 \
    --attributes "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=$blue,stage=prod,deployment=blue_deployment" --output text
apigw elbv2 describe-target-health --listener-arn "$LISTENER" --query 'TargetHealthDescriptions[].[Target.Id,Target.Port,TargetHealth.State]' --output text

step "apigw serve"
"$bin" serve --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.log" & serve=$!; pids+=($serve)
wait_for "$work/serve.out" 'listening on'
cat "$work/serve.out"
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -1)

step "Answers (the backend sees the stage in its path, as the seed page says)"
echo "\$ GET $base/test/orders"; get /test/orders
for i in 1 2 3; do echo "\$ GET $base/test/catalog/items/$i"; get "/test/catalog/items/$i"; done
echo "\$ GET $base/test/nowhere"; get /test/nowhere status

kill -INT "$serve"; wait "$serve" 2>/dev/null || true
step "Access log"
cat "$work/serve.log"
