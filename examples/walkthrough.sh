#!/usr/bin/env bash
# The seed page's two private integrations, made with apigw in a throw-away workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
apigw() { "$PWD/target/release/apigw" "$@"; }
export APIGW_WORKSPACE=${APIGW_WORKSPACE:-$(mktemp -d)/apigw.toml}
echo "# workspace: $APIGW_WORKSPACE"

API=$(apigw create-api --name my-http-api --protocol-type HTTP --query ApiId --output text)
VPC_LINK=$(apigw create-vpc-link --name my-vpc-link --subnet-ids subnet-0a1b2c3d subnet-0e4f5a6b \
    --query VpcLinkId --output text)
echo "# API $API, VPC link $VPC_LINK"

echo "# Private integration to an Application Load Balancer listener:"
apigw create-integration --api-id "$API" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK \
    --connection-id "$VPC_LINK" \
    --integration-uri arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65 \
    --payload-format-version 1.0

echo "# Private integration to an AWS Cloud Map service:"
apigw create-integration --api-id "$API" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK \
    --connection-id "$VPC_LINK" \
    --integration-uri 'arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment' \
    --payload-format-version 1.0

echo "# A load-balancer ARN (not a listener) is refused as the service refuses it:"
apigw create-integration --api-id "$API" --integration-type HTTP_PROXY \
    --integration-method GET --connection-type VPC_LINK --connection-id "$VPC_LINK" \
    --integration-uri arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188 \
    || echo "# (exit code $?)"
