#!/usr/bin/env bash
# A custom domain over HTTPS, all on this machine: a certificate for
# api.example.com from apigw's local CA (`apigw acm request-certificate`),
# the domain name and its API mapping, `apigw serve --tls-listen`, and curl
# trusting the local CA's certificate. With openssl on PATH it also makes a
# client CA and certificate and shows mutual TLS on a second domain. Needs
# bash, cargo and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
for tool in cargo curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "domains: '$tool' is not on PATH" >&2; exit 1; }
done
TLS_PORT=${TLS_PORT:-8443}

step "Building apigw and the example backend"
cargo build --bin apigw --example echo_backend
bin=$PWD/target/debug/apigw
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
wait_for() {
    for _ in $(seq 200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
    echo "domains: '$2' never appeared in $1:" >&2
    cat "$1" >&2
    return 1
}

step "A backend and the API that reaches it"
target/debug/examples/echo_backend orders >"$work/orders.out" 2>&1 & pids+=($!)
wait_for "$work/orders.out" 'listening on'
backend=$(grep -o '127.0.0.1:[0-9]*' "$work/orders.out")
ORDERS=$(apigw create-api --name orders --protocol-type HTTP --query ApiId --output text)
integration=$(apigw create-integration --api-id "$ORDERS" --integration-type HTTP_PROXY \
    --integration-method GET --integration-uri "http://$backend/{proxy}" \
    --payload-format-version 1.0 --query IntegrationId --output text)
apigw create-route --api-id "$ORDERS" --route-key 'GET /{proxy+}' --target "integrations/$integration" --output off
apigw create-stage --api-id "$ORDERS" --stage-name prod --auto-deploy --output off

step "A certificate from the local CA, and the domain name that uses it"
CERT=$(apigw acm request-certificate --domain-name api.example.com --query CertificateArn --output text)
apigw acm describe-certificate --certificate-arn "$CERT" \
    --query 'Certificate.[DomainName,Status,Type,KeyAlgorithm,NotAfter]' --output text
apigw create-domain-name --domain-name api.example.com \
    --domain-name-configurations "CertificateArn=$CERT" --query DomainName --output text
apigw create-api-mapping --domain-name api.example.com --api-id "$ORDERS" --stage prod \
    --api-mapping-key orders --query ApiMappingKey --output text
CA=$(dirname "$APIGW_WORKSPACE")/.apigw/ca/ca-cert.pem

if command -v openssl >/dev/null 2>&1; then
    step "Mutual TLS on mtls.example.com (client certificates made with openssl)"
    store=$(dirname "$APIGW_WORKSPACE")/.apigw/truststores/my-truststore
    mkdir -p "$store"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
        -subj '/CN=Example clients' -keyout "$work/clients-key.pem" -out "$store/clients.pem" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj '/O=Example/CN=alice' \
        -keyout "$work/alice-key.pem" -out "$work/alice.csr" 2>/dev/null
    # An X.509 v3 certificate (extensions given): v1 ones are refused.
    printf 'extendedKeyUsage=clientAuth\n' >"$work/client.ext"
    openssl x509 -req -in "$work/alice.csr" -CA "$store/clients.pem" -CAkey "$work/clients-key.pem" \
        -days 30 -extfile "$work/client.ext" -out "$work/alice.pem" 2>/dev/null
    MTLS=$(apigw acm request-certificate --domain-name mtls.example.com --query CertificateArn --output text)
    apigw create-domain-name --domain-name mtls.example.com \
        --domain-name-configurations "CertificateArn=$MTLS" \
        --mutual-tls-authentication TruststoreUri=s3://my-truststore/clients.pem \
        --query MutualTlsAuthentication.TruststoreUri --output text
    apigw create-api-mapping --domain-name mtls.example.com --api-id "$ORDERS" --stage prod \
        --query Stage --output text
fi

step "apigw serve --tls-listen 127.0.0.1:$TLS_PORT"
"$bin" serve --listen 127.0.0.1:0 --tls-listen "127.0.0.1:$TLS_PORT" >"$work/serve.out" 2>"$work/serve.log" &
pids+=($!)
wait_for "$work/serve.out" 'listening on http://'
cat "$work/serve.out"
port=$(grep -o 'https://127.0.0.1:[0-9]*' "$work/serve.out" | grep -o '[0-9]*$')

step "curl over HTTPS, trusting the local CA"
echo "\$ curl --resolve api.example.com:$port:127.0.0.1 --cacert $CA https://api.example.com:$port/orders/list"
curl -sS --resolve "api.example.com:$port:127.0.0.1" --cacert "$CA" "https://api.example.com:$port/orders/list"
echo
if command -v openssl >/dev/null 2>&1; then
    echo "\$ curl ... https://mtls.example.com:$port/list            # no client certificate"
    curl -sS --resolve "mtls.example.com:$port:127.0.0.1" --cacert "$CA" \
        "https://mtls.example.com:$port/list" 2>&1 | sed 's/^/  /' || true
    echo "\$ curl ... --cert alice.pem --key alice-key.pem https://mtls.example.com:$port/list"
    curl -sS --resolve "mtls.example.com:$port:127.0.0.1" --cacert "$CA" \
        --cert "$work/alice.pem" --key "$work/alice-key.pem" "https://mtls.example.com:$port/list"
    echo
fi

step "What serve logged (the refused handshake included)"
kill -INT "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
cat "$work/serve.log"
