"""Times boto3 calls against one endpoint (run by bench/endpoint.sh).

    python endpoint_calls.py URL CALLS WARMUP

One client, calls made one after another: CALLS create_integration calls
(spread over APIs of 250, under the service's 300 per API) and CALLS
get_integrations calls on an API holding 10. Prints one JSON line per
operation: calls/s, p50 and p99 in milliseconds.
"""

import json
import sys
import time

import boto3
import botocore.config

url, calls, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = boto3.session.Session().client(
    "apigatewayv2",
    endpoint_url=url,
    config=botocore.config.Config(retries={"max_attempts": 1}),
)


def new_api():
    return c.create_api(Name="bench", ProtocolType="HTTP")["ApiId"]


def create(api, n):
    c.create_integration(
        ApiId=api,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="GET",
        IntegrationUri=f"https://backend.example.com/{n}",
        PayloadFormatVersion="1.0",
    )


def timed(name, fn):
    for i in range(warmup):
        fn(i, warm=True)
    times = []
    start = time.perf_counter()
    for i in range(calls):
        t = time.perf_counter()
        fn(i, warm=False)
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(json.dumps({"op": name, "calls": calls, "per_s": calls / total, "p50_ms": pick(0.50), "p99_ms": pick(0.99)}))


state = {"api": new_api(), "in_api": 0}


def create_call(i, warm):
    if state["in_api"] == 250:
        state["api"], state["in_api"] = new_api(), 0
    create(state["api"], i)
    state["in_api"] += 1


listed = new_api()
for n in range(10):
    create(listed, n)


def get_call(i, warm):
    items = c.get_integrations(ApiId=listed)["Items"]
    assert len(items) == 10, len(items)


timed("create-integration", create_call)
timed("get-integrations", get_call)
