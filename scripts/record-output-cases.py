#!/usr/bin/env python3
"""Record what the AWS CLI prints for a set of apigatewayv2-shaped responses.

Writes tests/fixtures/output/:
  docs/NAME.json        the responses (the Rust tests read these same files)
  expected/CASE.out     the bytes the AWS CLI writes to stdout
  cases.json            one entry per case: doc, operation, format, query,
                        and the expected file or the expected error message

json, text and table come from awscli's own formatters (awscli.formatter,
identical in AWS CLI v1 and v2). yaml and yaml-stream are v2-only; they are
produced here the way v2 does it: ruamel.yaml's safe dumper in block style,
with ruamel.yaml.clib's libyaml emitter (as the v2 installers ship it),
`{}` printing nothing for yaml, and yaml-stream dumping `[response]`.
--query goes through awscli's own compile step (`Bad value for --query`)
and Python jmespath.

Needs: awscli (v1 is fine), ruamel.yaml<=0.17.21 and ruamel.yaml.clib.
  python -m venv --system-site-packages /tmp/rec
  /tmp/rec/bin/pip install 'ruamel.yaml==0.17.21' 'ruamel.yaml.clib==0.2.12'
  /tmp/rec/bin/python scripts/record-output-cases.py
"""
import argparse
import io
import json
import os
import re
import shutil
import sys

import awscli.table
from awscli.customizations.globalargs import _resolve_query
from awscli.formatter import get_formatter
from ruamel.yaml import YAML

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'output')

# awscli asks the terminal for its width; pin the width it uses when stdout
# is not a terminal, so recordings don't depend on where they are made.
awscli.table.determine_terminal_width = lambda default_width=80: 80

INTEGRATION = {
    "ConnectionType": "INTERNET",
    "IntegrationId": "0abcdef",
    "IntegrationMethod": "POST",
    "IntegrationType": "AWS_PROXY",
    "IntegrationUri": "arn:aws:lambda:us-west-2:123456789012:function:my-function",
    "PayloadFormatVersion": "2.0",
    "TimeoutInMillis": 30000,
}

INTEGRATION_NESTED = {
    "ApiGatewayManaged": False,
    "ConnectionId": "a1b2c3",
    "ConnectionType": "VPC_LINK",
    "Description": "Private integration to the orders service behind an internal ALB",
    "IntegrationId": "1fedcba",
    "IntegrationMethod": "ANY",
    "IntegrationType": "HTTP_PROXY",
    "IntegrationUri": "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65",
    "PayloadFormatVersion": "1.0",
    "RequestParameters": {
        "append:header.x-request-id": "$context.requestId",
        "overwrite:path": "/v2/$request.path.proxy",
    },
    "ResponseParameters": {
        "200": {"overwrite:statuscode": "204"},
        "404": {"append:header.x-error": "true", "overwrite:statuscode": "410"},
    },
    "TimeoutInMillis": 29000,
    "TlsConfig": {"ServerNameToVerify": "orders.internal.example.com"},
}

INTEGRATIONS = {
    "Items": [
        INTEGRATION,
        INTEGRATION_NESTED,
        {
            "ConnectionType": "INTERNET",
            "IntegrationId": "2abc123",
            "IntegrationMethod": "GET",
            "IntegrationType": "HTTP_PROXY",
            "IntegrationUri": "https://example.com/health",
            "PayloadFormatVersion": "1.0",
            "TimeoutInMillis": 5000,
        },
    ],
    "NextToken": "eyJMYXN0RXZhbHVhdGVkS2V5IjogIjJhYmMxMjMifQ==",
}

VPC_LINK = {
    "CreatedDate": "2024-01-15T10:30:00+00:00",
    "Name": "orders-link",
    "SecurityGroupIds": ["sg-0123456789abcdef0"],
    "SubnetIds": ["subnet-0aaa1111", "subnet-0bbb2222"],
    "Tags": {"team": "platform", "env": "prod"},
    "VpcLinkId": "a1b2c3",
    "VpcLinkStatus": "AVAILABLE",
    "VpcLinkStatusMessage": "VPC link is ready to route traffic",
    "VpcLinkVersion": "V2",
}

API = {
    "ApiEndpoint": "https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com",
    "ApiId": "a1b2c3d4e5",
    "ApiKeySelectionExpression": "$request.header.x-api-key",
    "CorsConfiguration": {
        "AllowCredentials": False,
        "AllowHeaders": [],
        "AllowMethods": ["GET", "POST"],
        "AllowOrigins": ["*"],
        "MaxAge": 300,
    },
    "CreatedDate": "2024-01-15T10:30:00+00:00",
    "DisableExecuteApiEndpoint": False,
    "Name": "orders-api",
    "ProtocolType": "HTTP",
    "RouteSelectionExpression": "$request.method $request.path",
    "Tags": {},
}

ROUTE = {
    "ApiKeyRequired": False,
    "AuthorizationType": "NONE",
    "RouteId": "r0ut3id",
    "RouteKey": "$default",
    "Target": "integrations/0abcdef",
}

STAGE = {
    "AutoDeploy": True,
    "CreatedDate": "2024-01-15T10:30:00+00:00",
    "DefaultRouteSettings": {
        "DetailedMetricsEnabled": False,
        "ThrottlingBurstLimit": 5000,
        "ThrottlingRateLimit": 10000.0,
    },
    "DeploymentId": "d3pl0y",
    "LastUpdatedDate": "2024-01-16T08:00:00+00:00",
    "RouteSettings": {
        "GET /orders": {"ThrottlingBurstLimit": 10, "ThrottlingRateLimit": 2.5},
    },
    "StageName": "$default",
    "StageVariables": {"lambdaAlias": "prod", "version": "2.0"},
    "Tags": {},
}

UNICODE = {
    "ApiId": "u1n2i3",
    "Description": "Zoë's café API ☕ — 日本語 — emoji 😀 and \"quotes\"",
    "Name": "café-api",
    "Tags": {"owner": "Zoë", "項目": "値"},
}

EDGES = {
    "Empty": "",
    "Yes": "yes",
    "TrueString": "true",
    "NullString": "null",
    "Number200": "200",
    "Version": "1.0",
    "Octal": "0o17",
    "Date": "2024-01-15",
    "Colon": "a: b",
    "ColonNoSpace": "overwrite:statuscode",
    "Hash": "a #b",
    "Dash": "- x",
    "Star": "*",
    "At": "@x",
    "Lead": " leading",
    "Trail": "trailing ",
    "Multi": "line one\nline two",
    "Tab": "a\tb",
    "Quote": "it's",
    "Long": "This description is deliberately long so that the YAML emitter has to fold it across several lines at spaces.",
    "LongQuoted": "'quoted' and long enough to pass the eighty column limit that the emitter folds quoted text at, really",
    "Null": None,
    "True": True,
    "False": False,
    "Zero": 0,
    "Negative": -3,
    "Float": 2.5,
    "WholeFloat": 10000.0,
    "Big": 1e16,
    "Small": 1.5e-07,
    "EmptyList": [],
    "EmptyMap": {},
    "Scalars": ["a", 1, True, None],
    "ListOfLists": [["a", "b"], ["c", "d"]],
    "Nested": {"Inner": {"Deep": [{"q": 1}, {"r": [1, 2], "q": 2}]}},
}

# Lists mixing scalars and lists: text prints the scalars first. (awscli's
# table format crashes on these, and its text format on lists mixing dicts
# and scalars, so neither is recorded.)
MIXED_LISTS = {
    "Mixed": ["x", ["y", "z"], "w"],
}

DEPLOYMENTS = {
    "Items": [
        {
            "AutoDeployed": True,
            "CreatedDate": "2024-01-15T10:30:00+00:00",
            "DeploymentId": "d1",
            "DeploymentStatus": "DEPLOYED",
        },
        {
            "AutoDeployed": False,
            "CreatedDate": "2024-01-16T10:30:00+00:00",
            "DeploymentId": "d2",
            "DeploymentStatus": "FAILED",
            "DeploymentStatusMessage": "Integration 0abcdef not found",
            "Description": "manual",
        },
    ],
}

APIS_WIDE = {
    "Items": [
        {
            "ApiEndpoint": "https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com",
            "ApiId": "a1b2c3d4e5",
            "Name": "orders-api",
            "ProtocolType": "HTTP",
            "RouteSelectionExpression": "$request.method $request.path",
        },
    ],
}

DOCS = {
    "integration": ("CreateIntegration", INTEGRATION),
    "integration_nested": ("GetIntegration", INTEGRATION_NESTED),
    "integrations": ("GetIntegrations", INTEGRATIONS),
    "vpc_link": ("CreateVpcLink", VPC_LINK),
    "api": ("GetApi", API),
    "route": ("CreateRoute", ROUTE),
    "stage": ("GetStage", STAGE),
    "unicode": ("GetApi", UNICODE),
    "edges": ("GetApi", EDGES),
    "deployments": ("GetDeployments", DEPLOYMENTS),
    "apis_wide": ("GetApis", APIS_WIDE),
    "empty": ("GetTags", {}),
    "mixed_lists": ("GetApi", MIXED_LISTS),
}

# Formats the AWS CLI itself can't print for some documents.
SKIP = {("mixed_lists", "table")}

FORMATS = ["json", "text", "table", "yaml", "yaml-stream"]

QUERIES = [
    ("integration", "IntegrationId"),
    ("integration", "{Id: IntegrationId, Type: IntegrationType}"),
    ("integration", "TimeoutInMillis"),
    ("integration", "[IntegrationId, TimeoutInMillis]"),
    ("integration", "NoSuchKey"),
    ("integration", "keys(@)"),
    ("integrations", "Items[].IntegrationId"),
    ("integrations", "Items[0]"),
    ("integrations", "length(Items)"),
    ("integrations", "Items[?IntegrationType=='HTTP_PROXY'].{Id: IntegrationId, Uri: IntegrationUri}"),
    ("integrations", "Items[?TimeoutInMillis > `10000`].IntegrationId | [0]"),
    ("integrations", "sort_by(Items, &TimeoutInMillis)[].{T: TimeoutInMillis, I: IntegrationId}"),
    ("integration_nested", "ResponseParameters"),
    ("integration_nested", "ResponseParameters.*"),
    ("integration_nested", "merge(RequestParameters, {extra: 'x'})"),
    ("vpc_link", "Tags"),
    ("vpc_link", "SubnetIds"),
    ("vpc_link", "join(',', SubnetIds)"),
    ("stage", "DefaultRouteSettings.ThrottlingRateLimit"),
    ("stage", "to_string(DefaultRouteSettings)"),
    ("unicode", "Name"),
    ("edges", "values(@)[?type(@) == 'string'] | length(@)"),
]

BAD_QUERIES = [
    ("integrations", "Items["),
    ("integrations", "Items[?"),
    ("integrations", "{Id IntegrationId}"),
    ("integrations", "Items[]]"),
    ("integrations", ""),
]

RUNTIME_ERRORS = [
    ("integration", "length(TimeoutInMillis)"),
    ("integration", "no_such_function(@)"),
    ("integration", "join(',', @)"),
    ("integration", "length(@, @)"),
]


class Args(argparse.Namespace):
    pass


def _yaml():
    y = YAML(typ='safe')
    y.default_flow_style = False
    return y


def run_format(fmt, operation, doc, query):
    """stdout of `aws ... --output FMT [--query Q]`, or raises on a bad query."""
    compiled = _resolve_query(query) if query is not None else None
    stream = io.StringIO()
    if fmt in ('json', 'text', 'table'):
        args = Args(query=compiled, color='off')
        get_formatter(fmt, args)(operation, json.loads(json.dumps(doc)), stream)
        return stream.getvalue()
    data = json.loads(json.dumps(doc))
    if compiled is not None:
        data = compiled.search(data)
    if fmt == 'yaml':
        if data != {}:
            _yaml().dump(data, stream)
    elif fmt == 'yaml-stream':
        _yaml().dump([data], stream)
    return stream.getvalue()


def slug(text):
    s = re.sub(r'[^A-Za-z0-9]+', '-', text).strip('-')
    return s[:40] or 'empty'


# Strings that stress quoting, folding, width counting and escapes.
TRICKY = [
    "", " ", "a", "yes", "no", "on", "off", "y", "true", "False", "NULL", "~",
    "null", "0", "007", "0x1F", "0b101", "0o17", "1_000", "+1", "-1", ".5",
    "1.", "1e3", "1E+3", "-.inf", ".NaN", "2024-01-15", "2024-1-5 1:02:03",
    "2001-12-14t21:59:43.10-05:00", "12:30:45", "<<", "=", "!", "&", "*",
    "!tag", "&anchor", "*alias", "%percent", "@at", "`tick", "|pipe",
    ">gt", "'single'", '"double"', "#hash", "a#b", "a #b", "a# b", "a:b",
    "a: b", "a:", ":a", ": a", "?a", "? a", "-a", "- a", "--", "---",
    "--- x", "...", "... x", "[x]", "{x}", "x,y", "x, y", "a[0]", "a{b}",
    "trailing ", " leading", "two  spaces", "tab\there", "new\nline",
    "cr\rhere", "end\n", "\nstart", "a \nb", "a\n b", "a\n\nb",
    "back\\slash", "caf\u00e9", "\u65e5\u672c", "\U0001F600", "\u00a0nbsp",
    "\u0085nel", "\u2028ls", "\ufeffbom", "\x7fdel", "\x00nul", "\x1besc",
    "$default", "$request.header.Authorization", "ANY /{proxy+}",
    "arn:aws:lambda:us-west-2:123456789012:function:f",
    "https://example.com/a?b=c&d=e#f",
    "word " * 20,
    "x" * 100,
    "'q' " * 25,
    "a: b " * 20,
    "\t" + "tabbed words " * 8,
    "ends with spaces past the fold " * 3 + "  ",
]


def random_doc(rng, depth=0):
    """A response-shaped dict mixing tricky strings, numbers and nesting."""
    doc = {}
    for _ in range(rng.randint(1, 6)):
        key = rng.choice(TRICKY[2:] + ["Name", "Id", "Tags", "Items", "200", "x-y"])
        doc[key] = random_value(rng, depth)
    return doc


def random_value(rng, depth):
    roll = rng.random()
    if depth < 3 and roll < 0.15:
        return random_doc(rng, depth + 1)
    if depth < 3 and roll < 0.25:
        return [random_doc(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if roll < 0.35:
        return [rng.choice(TRICKY) for _ in range(rng.randint(0, 4))]
    if roll < 0.42:
        return rng.choice([None, True, False, 0, 1, -7, 30000, 2.5, 10000.0, 1e16, 1.5e-07, 0.1 + 0.2])
    if roll < 0.45:
        return rng.choice([{}, []])
    return rng.choice(TRICKY)


def record_random(loaded_count):
    import random
    rng = random.Random(20240115)
    cases = []
    for i in range(60):
        doc = json.loads(json.dumps(random_doc(rng)))
        outputs = {}
        for fmt in FORMATS:
            try:
                outputs[fmt] = run_format(fmt, 'GetThing', doc, None)
            except Exception:
                pass  # the AWS CLI itself fails on this shape
        cases.append({'doc': doc, 'operation': 'GetThing', 'outputs': outputs})
    with open(os.path.join(ROOT, 'random.json'), 'w', encoding='utf-8') as f:
        json.dump(cases, f, indent=1, ensure_ascii=True)
        f.write('\n')


# JMESPath expressions checked against Python jmespath through the json
# format (the result's value and key order both show there).
QUERY_BATTERY = [
    "@", "*", "Items[*]", "Items[*].IntegrationId", "Items[].TlsConfig", "Items[].TlsConfig.ServerNameToVerify",
    "Items[0].IntegrationId", "Items[-1].IntegrationId", "Items[5]", "Items[-5]", "Items[1:]", "Items[:1]",
    "Items[::2].IntegrationId", "Items[::-1].IntegrationId", "Items[-2:].IntegrationId", "Items[10:]",
    "Items[?TimeoutInMillis >= `29000`].IntegrationId", "Items[?TimeoutInMillis < `29000`] | length(@)",
    "Items[?ConnectionType == 'INTERNET' && TimeoutInMillis > `10000`].IntegrationId",
    "Items[?ConnectionType == 'VPC_LINK' || TimeoutInMillis == `5000`].IntegrationId",
    "Items[?!TlsConfig].IntegrationId", "Items[?TlsConfig].TlsConfig", "Items[?IntegrationId > '1'].IntegrationId",
    "Items[?PayloadFormatVersion == `\"1.0\"`].IntegrationId", "Items[?TimeoutInMillis == `30000.0`].IntegrationId",
    "Items[].[IntegrationId, TimeoutInMillis]", "Items[].{b: IntegrationId, a: IntegrationMethod}",
    "Items[].RequestParameters", "Items[].ResponseParameters.*", "Items[].ResponseParameters.*.*",
    "Items[].ResponseParameters.*[]", "Items[].RequestParameters | [0]", "Items[].ResponseParameters[]",
    "Items[*].ResponseParameters.\"200\"", "Items[].keys(@)", "Items[].values(@)[0]",
    "sort_by(Items, &IntegrationId)[].IntegrationId", "sort_by(Items, &TimeoutInMillis)[-1].IntegrationId",
    "reverse(sort(Items[].IntegrationMethod))", "max_by(Items, &TimeoutInMillis).IntegrationId",
    "min_by(Items, &IntegrationId).IntegrationId", "max(Items[].TimeoutInMillis)", "min(Items[].IntegrationType)",
    "sum(Items[].TimeoutInMillis)", "avg(Items[].TimeoutInMillis)", "length(Items[0])", "length(NextToken)",
    "map(&IntegrationId, Items)", "map(&TlsConfig, Items)", "not_null(Items[0].TlsConfig, Items[1].TlsConfig)",
    "contains(Items[].IntegrationId, '1fedcba')", "contains(NextToken, 'Key')", "starts_with(NextToken, 'eyJ')",
    "ends_with(NextToken, '==')", "join('/', Items[].IntegrationMethod)", "to_array(NextToken)", "to_array(Items)[0].IntegrationId",
    "to_string(Items[0].TimeoutInMillis)", "to_string(Items[1].ResponseParameters)", "to_number('42')", "to_number('4.5e1')",
    "to_number('x')", "to_number(Items[0].PayloadFormatVersion)", "type(@)", "type(Items[0].TimeoutInMillis)",
    "type(NextToken)", "type(`null`)", "type(`true`)", "abs(`-3`)", "abs(`-3.5`)", "ceil(`1.2`)", "floor(`-1.2`)",
    "merge(Items[0], Items[2])", "merge(`{}`, Items[1].TlsConfig)", "keys(Items[1].ResponseParameters)",
    "values(Items[1].RequestParameters)", "Items[1].ResponseParameters.\"404\"", "Items[0] | keys(@)",
    "`[1, 2, 3]`", "`\"lit\"`", "'raw'", "`1.5`", "`false`", "`null`", "@.NextToken", "NextToken || 'none'",
    "Missing || 'none'", "Items && 'yes'", "Missing && 'yes'", "!Missing", "!Items", "!`0`", "Items[?`true`] | length(@)",
    "{Next: NextToken, First: Items[0].IntegrationId, Count: length(Items)}", "{x: Missing}", "Missing.{x: a}",
    "Missing[0]", "Missing[*]", "Items[0].Missing.Deeper", "[Missing, NextToken]", "Items[0].TimeoutInMillis > `1`",
    "Items[0].TimeoutInMillis == Items[0].TimeoutInMillis", "`1` == `1.0`", "`[1]` == `[1.0]`", "`1` == `true`",
    "`{\"a\": 1}` == `{\"a\": 1.0}`", "'a' < 'b'", "`1` < `null`", "Items[*] | [0].IntegrationId",
    "Items[].ResponseParameters | [0]", "length(Items[].ResponseParameters)", "Items[][]", "[[`1`, `2`], `3`][]",
]


def record_queries(loaded):
    operation, doc = loaded['integrations']
    cases = []
    for query in QUERY_BATTERY:
        case = {'query': query}
        try:
            case['json'] = run_format('json', operation, doc, query)
        except Exception as e:
            case['error'] = str(e)
        cases.append(case)
    with open(os.path.join(ROOT, 'queries.json'), 'w', encoding='utf-8') as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write('\n')


def main():
    for sub in ('docs', 'expected'):
        shutil.rmtree(os.path.join(ROOT, sub), ignore_errors=True)
        os.makedirs(os.path.join(ROOT, sub))
    loaded = {}
    for name, (operation, doc) in DOCS.items():
        path = os.path.join(ROOT, 'docs', name + '.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write('\n')
        with open(path, encoding='utf-8') as f:
            loaded[name] = (operation, json.load(f))

    cases = []

    def add(doc_name, fmt, query, kind):
        operation, doc = loaded[doc_name]
        case = {'doc': doc_name, 'operation': operation, 'format': fmt, 'query': query}
        name = f"{doc_name}.{fmt}" + (f".{len(cases):03d}-{slug(query)}" if query is not None else '')
        try:
            out = run_format(fmt, operation, doc, query)
        except Exception as e:  # what the AWS CLI prints to stderr
            case['error'] = str(e)
            case['error_kind'] = kind
        else:
            case['expected'] = f'expected/{name}.out'
            with open(os.path.join(ROOT, case['expected']), 'w', encoding='utf-8', newline='') as f:
                f.write(out)
        cases.append(case)

    for doc_name in DOCS:
        for fmt in FORMATS:
            if (doc_name, fmt) not in SKIP:
                add(doc_name, fmt, None, None)
    for doc_name, query in QUERIES:
        for fmt in FORMATS:
            add(doc_name, fmt, query, None)
    for doc_name, query in BAD_QUERIES:
        add(doc_name, 'json', query, 'parse')
    for doc_name, query in RUNTIME_ERRORS:
        add(doc_name, 'json', query, 'evaluation')

    with open(os.path.join(ROOT, 'cases.json'), 'w', encoding='utf-8') as f:
        json.dump(cases, f, indent=2, ensure_ascii=False)
        f.write('\n')
    record_random(len(cases))
    record_queries(loaded)
    print(f'{len(cases)} cases written to {os.path.normpath(ROOT)}', file=sys.stderr)


if __name__ == '__main__':
    main()
