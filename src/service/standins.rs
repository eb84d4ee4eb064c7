//! The members of the commands that stand in for the resources behind a VPC
//! link (`apigw elbv2 …`, `apigw servicediscovery …`), in the same table form
//! as the AWS operations. Names follow the elbv2 and servicediscovery APIs;
//! targets are registered on a listener ARN, since that is what an
//! integration names.

use super::spec::{Kind, Member, ModelOperation};

const fn m(name: &'static str, kind: Kind, required: bool) -> Member {
    Member {
        name,
        kind,
        required,
        min: None,
    }
}

const TARGET: &[Member] = &[
    m("Id", Kind::String, true),
    Member {
        name: "Port",
        kind: Kind::Integer,
        required: false,
        min: Some(1),
    },
];
const TARGET_HEALTH: &[Member] = &[
    m("State", Kind::String, false),
    m("Reason", Kind::String, false),
    m("Description", Kind::String, false),
];
const TARGET_HEALTH_DESCRIPTION: &[Member] = &[
    m("Target", Kind::Struct(TARGET), false),
    m("HealthCheckPort", Kind::String, false),
    m("TargetHealth", Kind::Struct(TARGET_HEALTH), false),
];
const INSTANCE_SUMMARY: &[Member] = &[
    m("Id", Kind::String, false),
    m("Attributes", Kind::Map(&Kind::String), false),
];
const HTTP_INSTANCE_SUMMARY: &[Member] = &[
    m("InstanceId", Kind::String, false),
    m("NamespaceName", Kind::String, false),
    m("ServiceName", Kind::String, false),
    m("HealthStatus", Kind::String, false),
    m("Attributes", Kind::Map(&Kind::String), false),
];
const OPERATION_ID: &[Member] = &[m("OperationId", Kind::String, false)];

pub const ELBV2: &[ModelOperation] = &[
    ModelOperation {
        name: "RegisterTargets",
        paginated: false,
        input: &[
            m("ListenerArn", Kind::String, true),
            m("Targets", Kind::List(&Kind::Struct(TARGET)), true),
        ],
        output: &[],
    },
    ModelOperation {
        name: "DeregisterTargets",
        paginated: false,
        input: &[
            m("ListenerArn", Kind::String, true),
            m("Targets", Kind::List(&Kind::Struct(TARGET)), true),
        ],
        output: &[],
    },
    ModelOperation {
        name: "DescribeTargetHealth",
        paginated: false,
        input: &[
            m("ListenerArn", Kind::String, true),
            m("Targets", Kind::List(&Kind::Struct(TARGET)), false),
        ],
        output: &[m(
            "TargetHealthDescriptions",
            Kind::List(&Kind::Struct(TARGET_HEALTH_DESCRIPTION)),
            false,
        )],
    },
];

pub const SERVICEDISCOVERY: &[ModelOperation] = &[
    ModelOperation {
        name: "RegisterInstance",
        paginated: false,
        input: &[
            m("ServiceId", Kind::String, true),
            m("InstanceId", Kind::String, true),
            m("CreatorRequestId", Kind::String, false),
            m("Attributes", Kind::Map(&Kind::String), true),
        ],
        output: OPERATION_ID,
    },
    ModelOperation {
        name: "DeregisterInstance",
        paginated: false,
        input: &[
            m("ServiceId", Kind::String, true),
            m("InstanceId", Kind::String, true),
        ],
        output: OPERATION_ID,
    },
    ModelOperation {
        name: "ListInstances",
        paginated: false,
        input: &[
            m("ServiceId", Kind::String, true),
            Member {
                name: "MaxResults",
                kind: Kind::Integer,
                required: false,
                min: Some(1),
            },
            m("NextToken", Kind::String, false),
        ],
        output: &[
            m(
                "Instances",
                Kind::List(&Kind::Struct(INSTANCE_SUMMARY)),
                false,
            ),
            m("NextToken", Kind::String, false),
        ],
    },
    ModelOperation {
        name: "DiscoverInstances",
        paginated: false,
        input: &[
            m("ServiceId", Kind::String, false),
            m("NamespaceName", Kind::String, false),
            m("ServiceName", Kind::String, false),
            Member {
                name: "MaxResults",
                kind: Kind::Integer,
                required: false,
                min: Some(1),
            },
            m("QueryParameters", Kind::Map(&Kind::String), false),
            m("OptionalParameters", Kind::Map(&Kind::String), false),
            m("HealthStatus", Kind::String, false),
        ],
        output: &[
            m(
                "Instances",
                Kind::List(&Kind::Struct(HTTP_INSTANCE_SUMMARY)),
                false,
            ),
            m("InstancesRevision", Kind::Integer, false),
        ],
    },
    ModelOperation {
        name: "UpdateInstanceCustomHealthStatus",
        paginated: false,
        input: &[
            m("ServiceId", Kind::String, true),
            m("InstanceId", Kind::String, true),
            m("Status", Kind::String, true),
        ],
        output: &[],
    },
];

/// The command groups: `apigw elbv2 …` and `apigw servicediscovery …`.
pub const GROUPS: &[(&str, &str, &[ModelOperation])] = &[
    (
        "elbv2",
        "Targets of the load-balancer listeners that private integrations name",
        ELBV2,
    ),
    (
        "servicediscovery",
        "Instances of the Cloud Map services that private integrations name",
        SERVICEDISCOVERY,
    ),
];
