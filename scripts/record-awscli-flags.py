#!/usr/bin/env python3
"""Records the aws CLI's flag names for every operation apigw has (its
apigatewayv2 operations, the tags operations, and the elbv2 and
servicediscovery operations the stand-ins take), with awscli's renames
applied, into tests/fixtures/awscli_flags.json for tests/cli_aws_compat.rs.

Usage (awscli in a throw-away venv):
    python3 -m venv target/awscli-venv && target/awscli-venv/bin/pip install awscli
    target/awscli-venv/bin/python scripts/record-awscli-flags.py > tests/fixtures/awscli_flags.json
"""
import json
import sys

import awscli
import awscli.clidriver
from botocore import xform_name

OPERATIONS = {
    "apigatewayv2": [
        "CreateApi", "GetApi", "GetApis", "UpdateApi", "DeleteApi",
        "CreateVpcLink", "GetVpcLink", "GetVpcLinks", "UpdateVpcLink", "DeleteVpcLink",
        "CreateIntegration", "GetIntegration", "GetIntegrations", "UpdateIntegration", "DeleteIntegration",
        "CreateRoute", "GetRoute", "GetRoutes", "UpdateRoute", "DeleteRoute",
        "CreateStage", "GetStage", "GetStages", "UpdateStage", "DeleteStage",
        "CreateAuthorizer", "GetAuthorizer", "GetAuthorizers", "UpdateAuthorizer", "DeleteAuthorizer",
        "TagResource", "UntagResource", "GetTags",
    ],
    "elbv2": ["RegisterTargets", "DeregisterTargets", "DescribeTargetHealth"],
    "servicediscovery": [
        "RegisterInstance", "DeregisterInstance", "ListInstances", "DiscoverInstances",
        "UpdateInstanceCustomHealthStatus", "GetInstance", "GetOperation",
    ],
}

driver = awscli.clidriver.create_clidriver()
services = driver._get_command_table()
out = {"awscli": awscli.__version__, "operations": {}}
for service, operations in OPERATIONS.items():
    commands = services[service]._get_command_table()
    for op in operations:
        command = commands[xform_name(op, "-")]
        flags = []
        for name, arg in command.arg_table.items():
            member = getattr(arg, "_serialized_name", None)
            flags.append({"flag": "--" + name, "member": member,
                          "required": bool(getattr(arg, "required", False))})
        out["operations"]["%s %s" % (service, command.name)] = flags
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
