#!/usr/bin/env bash
# The seed page's two private integrations, made with apigw and then served:
# an ELB listener and a Cloud Map service, each backed by a small server on
# this machine, answered through `apigw serve` on the `test` stage.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/apigw
apigw() { "$bin" "$@"; }
work=$(mktemp -d)
export APIGW_WORKSPACE=$work/apigw.toml
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "port $1 never opened" >&2; return 1; }

LISTENER=arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65
SERVICE='arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment'

echo "== The API and the VPC link"
API=$(apigw create-api --name my-http-api --protocol-type HTTP --query ApiId --output text)
VPC_LINK=$(apigw create-vpc-link --name my-vpc-link --subnet-ids subnet-0a1b2c3d subnet-0e4f5a6b --query VpcLinkId --output text)
echo "API $API, VPC link $VPC_LINK"

echo "== Private integration to a load balancer (the seed page's first command)"
ELB=$(apigw create-integration --api-id "$API" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK \
    --connection-id "$VPC_LINK" \
    --integration-uri "$LISTENER" \
    --payload-format-version 1.0 | tee /dev/stderr | python3 -c 'import json,sys; print(json.load(sys.stdin)["IntegrationId"])')

echo "== Private integration to Cloud Map (the seed page's second command)"
MAP=$(apigw create-integration --api-id "$API" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK \
    --connection-id "$VPC_LINK" \
    --integration-uri "$SERVICE" \
    --payload-format-version 1.0 | tee /dev/stderr | python3 -c 'import json,sys; print(json.load(sys.stdin)["IntegrationId"])')

echo "== Routes and a stage"
apigw create-route --api-id "$API" --route-key 'GET /orders' --target "integrations/$ELB" --output text
apigw create-route --api-id "$API" --route-key 'GET /catalog/{proxy+}' --target "integrations/$MAP" --output text
apigw create-stage --api-id "$API" --stage-name test --query StageName --output text

echo "== What stands behind the VPC link, on this machine"
orders=$(free_port); green=$(free_port); blue=$(free_port)
python3 examples/echo_backend.py orders "$orders" & pids+=($!)
python3 examples/echo_backend.py catalog-green "$green" & pids+=($!)
python3 examples/echo_backend.py catalog-blue "$blue" & pids+=($!)
for p in "$orders" "$green" "$blue"; do wait_port "$p"; done
apigw elbv2 register-targets --listener-arn "$LISTENER" --targets "Id=127.0.0.1,Port=$orders"
apigw servicediscovery register-instance --service-id srv-id --instance-id green-1 \
    --attributes "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=$green,stage=prod,deployment=green_deployment" --output text
apigw servicediscovery register-instance --service-id srv-id --instance-id blue-1 \
    --attributes "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=$blue,stage=prod,deployment=blue_deployment" --output text
apigw elbv2 describe-target-health --listener-arn "$LISTENER" --query 'TargetHealthDescriptions[].[Target.Id,Target.Port,TargetHealth.State]' --output text

echo "== apigw serve"
"$bin" serve --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.log" & serve=$!; pids+=($serve)
for _ in $(seq 100); do grep -q 'listening on' "$work/serve.out" 2>/dev/null && break; sleep 0.05; done
cat "$work/serve.out"
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -1)

echo "== Answers (the backend sees the stage in its path, as the seed page says)"
echo "\$ curl $base/test/orders"; curl -s "$base/test/orders"
for i in 1 2 3; do echo "\$ curl $base/test/catalog/items/$i"; curl -s "$base/test/catalog/items/$i"; done
echo "\$ curl $base/test/nowhere"; curl -s -w ' (%{http_code})\n' "$base/test/nowhere"

kill -INT "$serve"; wait "$serve" 2>/dev/null || true
echo "== Access log"
cat "$work/serve.log"
