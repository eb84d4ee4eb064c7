#!/usr/bin/env python3
"""Writes src/service/model.rs: the input and output members of each supported
apigatewayv2 operation, taken from the AWS service model, so that flag names,
types, minimums and required members come from one table; and, with --wire,
src/service/wire.rs: what the rest-json wire needs (method, URI template,
success status, where each input member goes and every member's wire name).

The model it reads is scripts/model/apigatewayv2.json, an extract of botocore's
apigatewayv2-service-2.json holding only the operations below and the shapes
they reach, every field kept except the `documentation` texts. Refresh the
extract from a full model with --extract.

Usage:
  scripts/gen-service-model.py > src/service/model.rs
  scripts/gen-service-model.py --wire > src/service/wire.rs
  scripts/gen-service-model.py --extract path/to/apigatewayv2-service-2.json > scripts/model/apigatewayv2.json
"""
import json
import os
import sys

OPERATIONS = [
    "CreateApi", "GetApi", "GetApis", "UpdateApi", "DeleteApi",
    "DeleteCorsConfiguration",
    "CreateVpcLink", "GetVpcLink", "GetVpcLinks", "UpdateVpcLink", "DeleteVpcLink",
    "CreateIntegration", "GetIntegration", "GetIntegrations", "UpdateIntegration", "DeleteIntegration",
    "CreateRoute", "GetRoute", "GetRoutes", "UpdateRoute", "DeleteRoute",
    "CreateStage", "GetStage", "GetStages", "UpdateStage", "DeleteStage",
    "CreateDeployment", "GetDeployment", "GetDeployments", "UpdateDeployment", "DeleteDeployment",
    "DeleteRouteSettings", "DeleteAccessLogSettings",
    "CreateAuthorizer", "GetAuthorizer", "GetAuthorizers", "UpdateAuthorizer", "DeleteAuthorizer",
    "ResetAuthorizersCache",
    "TagResource", "UntagResource", "GetTags",
    "CreateDomainName", "GetDomainName", "GetDomainNames", "UpdateDomainName", "DeleteDomainName",
    "CreateApiMapping", "GetApiMapping", "GetApiMappings", "UpdateApiMapping", "DeleteApiMapping",
    "ImportApi", "ReimportApi", "ExportApi",
]
# The AWS CLI pages these itself (--max-items, --starting-token, --page-size)
# and hides the service's MaxResults/NextToken.
PAGINATED = {"GetApis", "GetAuthorizers", "GetDeployments", "GetDomainNames", "GetIntegrations", "GetRoutes", "GetStages"}

here = os.path.dirname(os.path.abspath(__file__))
EXTRACT = os.path.join(here, "model", "apigatewayv2.json")


def strip_docs(value):
    if isinstance(value, dict):
        return {k: strip_docs(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [strip_docs(v) for v in value]
    return value


def extract(full):
    """The operations of OPERATIONS and every shape they reach, in the model's order."""
    shapes = full["shapes"]
    used = set()

    def reach(name):
        if name in used:
            return
        used.add(name)
        s = shapes[name]
        for m in s.get("members", {}).values():
            reach(m["shape"])
        for key in ("member", "key", "value"):
            if key in s:
                reach(s[key]["shape"])

    ops = {}
    for name, op in full["operations"].items():
        if name not in OPERATIONS:
            continue
        ops[name] = op
        for key in ("input", "output"):
            if key in op:
                reach(op[key]["shape"])
        for e in op.get("errors", []):
            reach(e["shape"])
    missing = [o for o in OPERATIONS if o not in ops]
    if missing:
        raise SystemExit("not in the model: %s" % ", ".join(missing))
    return strip_docs({
        "version": full.get("version", "2.0"),
        "metadata": full["metadata"],
        "operations": ops,
        "shapes": {k: v for k, v in shapes.items() if k in used},
    })


if len(sys.argv) == 3 and sys.argv[1] == "--extract":
    with open(sys.argv[2]) as f:
        json.dump(extract(json.load(f)), sys.stdout, indent=1)
    print()
    sys.exit(0)
WIRE = sys.argv[1:] == ["--wire"]
if len(sys.argv) != 1 and not WIRE:
    raise SystemExit(__doc__)

with open(EXTRACT) as f:
    model = json.load(f)
shapes = model["shapes"]
consts = {}


def const_name(shape):
    out = ""
    for i, c in enumerate(shape.lstrip("_")):
        if c.isupper() and i and not out.endswith("_"):
            out += "_"
        out += c.upper() if c.isalnum() else "_"
    return "S_" + out


def kind(shape_name):
    s = shapes[shape_name]
    t = s["type"]
    # A blob (ExportApi's document) is text here: the OpenAPI document.
    if t in ("string", "timestamp", "blob"):
        return "Kind::String"
    if t == "integer" or t == "long":
        return "Kind::Integer"
    if t == "boolean":
        return "Kind::Boolean"
    if t == "double":
        return "Kind::Double"
    if t == "list":
        return "Kind::List(&%s)" % kind(s["member"]["shape"])
    if t == "map":
        return "Kind::Map(&%s)" % kind(s["value"]["shape"])
    if t == "structure":
        name = const_name(shape_name)
        if name not in consts:
            consts[name] = None
            consts[name] = members(shape_name)
        return "Kind::Struct(%s)" % name
    raise SystemExit("unknown type %s" % t)


def members(shape_name, skip=()):
    s = shapes[shape_name]
    req = set(s.get("required", []))
    rows = []
    for m, ref in s["members"].items():
        if m in skip:
            continue
        target = shapes[ref["shape"]]
        lo = target.get("min")
        rows.append(
            "    Member { name: %s, kind: %s, required: %s, min: %s },"
            % (json.dumps(m), kind(ref["shape"]), "true" if m in req else "false",
               "Some(%d)" % lo if lo is not None else "None")
        )
    return "&[\n" + "\n".join(rows) + "\n]"




def wire():
    """The rest-json side of each operation, and the wire name of every body
    or output member (one per member name: the generator checks that the
    model never gives one name two wire names)."""
    where = {"uri": "Path", "querystring": "Query", "header": "Header"}
    names = {}
    seen = set()

    def walk(shape_name, top):
        if shape_name in seen:
            return
        seen.add(shape_name)
        s = shapes[shape_name]
        for m, ref in s.get("members", {}).items():
            target = shapes[ref["shape"]]
            if top and ref.get("location"):
                continue
            wire_name = ref.get("locationName", m)
            if names.setdefault(m, wire_name) != wire_name:
                raise SystemExit("%s has two wire names: %s, %s" % (m, names[m], wire_name))
            # The endpoint sends timestamps as stored (ISO-8601); a model
            # asking for another format would need a conversion there.
            if target["type"] == "timestamp" and target.get("timestampFormat", "iso8601") != "iso8601":
                raise SystemExit("%s is not an ISO-8601 timestamp" % m)
            walk_target(ref["shape"])

    def walk_target(shape_name):
        s = shapes[shape_name]
        if s["type"] == "structure":
            walk(shape_name, False)
        elif s["type"] == "list":
            walk_target(s["member"]["shape"])
        elif s["type"] == "map":
            walk_target(s["value"]["shape"])

    routes = []
    for op in OPERATIONS:
        o = model["operations"][op]
        http = o["http"]
        inp = shapes[o["input"]["shape"]]
        params = []
        for m, ref in inp["members"].items():
            loc = ref.get("location")
            if loc:
                params.append("Param { member: %s, wire: %s, location: Location::%s }"
                              % (json.dumps(m), json.dumps(ref["locationName"]), where[loc]))
        walk(o["input"]["shape"], True)
        if "output" in o:
            walk(o["output"]["shape"], True)
        routes.append("    Route { operation: %s, method: %s, uri: %s, status: %d, params: &[%s] },"
                      % (json.dumps(op), json.dumps(http["method"]), json.dumps(http["requestUri"]),
                         http.get("responseCode", 200), ", ".join(params)))
    print("// @generated by scripts/gen-service-model.py --wire from scripts/model/apigatewayv2.json.")
    print("// Do not edit by hand; run the script again (tests/generated.rs checks it).")
    print("use super::spec::{Location, Param, Route};")
    print()
    print("/// Each operation's method, URI template, success status and the members")
    print("/// that travel outside the JSON body.")
    print("pub const ROUTES: &[Route] = &[")
    print("\n".join(routes))
    print("];")
    print()
    print("/// The operations whose answer is one member sent as the raw body (a blob")
    print("/// payload), with that member: the endpoint sends it as is, the CLI writes it")
    print("/// to the file named last (the AWS CLI's `outfile`).")
    print("pub const PAYLOADS: &[(&str, &str)] = &[")
    for op in OPERATIONS:
        o = model["operations"][op]
        if "output" not in o:
            continue
        out = shapes[o["output"]["shape"]]
        payload = out.get("payload")
        if payload and shapes[out["members"][payload]["shape"]]["type"] == "blob":
            print("    (%s, %s)," % (json.dumps(op), json.dumps(payload)))
    print("];")
    print()
    print("/// Member name → JSON key on the wire, for bodies and answers at any depth.")
    print("pub const NAMES: &[(&str, &str)] = &[")
    for m in sorted(names):
        print("    (%s, %s)," % (json.dumps(m), json.dumps(names[m])))
    print("];")


if WIRE:
    wire()
    sys.exit(0)

ops = []
for op in OPERATIONS:
    o = model["operations"][op]
    skip = ("MaxResults", "NextToken") if op in PAGINATED else ()
    inp = members(o["input"]["shape"], skip)
    out = members(o["output"]["shape"]) if "output" in o else "&[]"
    ops.append((op, inp, out))

print("// @generated by scripts/gen-service-model.py from scripts/model/apigatewayv2.json.")
print("// Do not edit by hand; run the script again (tests/generated.rs checks it).")
print("#![allow(clippy::all)]")
print("use super::spec::{Kind, Member, ModelOperation};")
print()
for name, body in consts.items():
    print("pub const %s: &[Member] = %s;" % (name, body))
print()
print("pub const OPERATIONS: &[ModelOperation] = &[")
for op, inp, out in ops:
    print("    ModelOperation { name: %s, paginated: %s, input: %s, output: %s }," % (
        json.dumps(op), "true" if op in PAGINATED else "false", inp, out))
print("];")
print()
# The enumerations: each member whose shape lists its values, by member name
# (one enumeration per name across these operations; spec::enum_values reads it).
enums = {}
for shape in shapes.values():
    for m, ref in shape.get("members", {}).items():
        values = shapes[ref["shape"]].get("enum")
        if values is None:
            continue
        if enums.setdefault(m, values) != values:
            raise SystemExit("member %s has two enumerations" % m)
print("/// The values of each enumerated member, by member name, in the model's order.")
print("pub const ENUMS: &[(&str, &[&str])] = &[")
for m in sorted(enums):
    print("    (%s, &[%s])," % (json.dumps(m), ", ".join(json.dumps(v) for v in enums[m])))
print("];")
