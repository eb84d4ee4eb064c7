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
const INSTANCE: &[Member] = &[
    m("Id", Kind::String, false),
    m("Attributes", Kind::Map(&Kind::String), false),
];
const OPERATION: &[Member] = &[
    m("Id", Kind::String, false),
    m("Type", Kind::String, false),
    m("Status", Kind::String, false),
];

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
        name: "GetInstance",
        paginated: false,
        input: &[
            m("ServiceId", Kind::String, true),
            m("InstanceId", Kind::String, true),
        ],
        output: &[m("Instance", Kind::Struct(INSTANCE), false)],
    },
    ModelOperation {
        name: "GetOperation",
        paginated: false,
        input: &[m("OperationId", Kind::String, true)],
        output: &[m("Operation", Kind::Struct(OPERATION), false)],
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

const CERTIFICATE_ARN: &[Member] = &[m("CertificateArn", Kind::String, true)];
const CERTIFICATE_DETAIL: &[Member] = &[
    m("CertificateArn", Kind::String, false),
    m("DomainName", Kind::String, false),
    m("SubjectAlternativeNames", Kind::List(&Kind::String), false),
    m("Serial", Kind::String, false),
    m("Subject", Kind::String, false),
    m("Issuer", Kind::String, false),
    m("CreatedAt", Kind::String, false),
    m("ImportedAt", Kind::String, false),
    m("IssuedAt", Kind::String, false),
    m("Status", Kind::String, false),
    m("NotBefore", Kind::String, false),
    m("NotAfter", Kind::String, false),
    m("KeyAlgorithm", Kind::String, false),
    m("InUseBy", Kind::List(&Kind::String), false),
    m("Type", Kind::String, false),
    m("RenewalEligibility", Kind::String, false),
];
const CERTIFICATE_SUMMARY: &[Member] = &[
    m("CertificateArn", Kind::String, false),
    m("DomainName", Kind::String, false),
    m(
        "SubjectAlternativeNameSummaries",
        Kind::List(&Kind::String),
        false,
    ),
    m("HasAdditionalSubjectAlternativeNames", Kind::Boolean, false),
    m("Status", Kind::String, false),
    m("Type", Kind::String, false),
    m("KeyAlgorithm", Kind::String, false),
    m("InUse", Kind::Boolean, false),
    m("NotBefore", Kind::String, false),
    m("NotAfter", Kind::String, false),
    m("CreatedAt", Kind::String, false),
];

/// The ACM stand-in: certificates for custom domain names (`src/acm/`).
/// PEM members are strings: `fileb://` reads them as the AWS CLI does.
pub const ACM: &[ModelOperation] = &[
    ModelOperation {
        name: "ImportCertificate",
        paginated: false,
        input: &[
            m("CertificateArn", Kind::String, false),
            m("Certificate", Kind::String, true),
            m("PrivateKey", Kind::String, true),
            m("CertificateChain", Kind::String, false),
        ],
        output: &[m("CertificateArn", Kind::String, false)],
    },
    ModelOperation {
        name: "RequestCertificate",
        paginated: false,
        input: &[
            m("DomainName", Kind::String, true),
            m("ValidationMethod", Kind::String, false),
            m("SubjectAlternativeNames", Kind::List(&Kind::String), false),
            m("IdempotencyToken", Kind::String, false),
            m("KeyAlgorithm", Kind::String, false),
        ],
        output: &[m("CertificateArn", Kind::String, false)],
    },
    ModelOperation {
        name: "DescribeCertificate",
        paginated: false,
        input: CERTIFICATE_ARN,
        output: &[m("Certificate", Kind::Struct(CERTIFICATE_DETAIL), false)],
    },
    ModelOperation {
        name: "ListCertificates",
        paginated: false,
        input: &[m("CertificateStatuses", Kind::List(&Kind::String), false)],
        output: &[m(
            "CertificateSummaryList",
            Kind::List(&Kind::Struct(CERTIFICATE_SUMMARY)),
            false,
        )],
    },
    ModelOperation {
        name: "DeleteCertificate",
        paginated: false,
        input: CERTIFICATE_ARN,
        output: &[],
    },
    ModelOperation {
        name: "GetCertificate",
        paginated: false,
        input: CERTIFICATE_ARN,
        output: &[
            m("Certificate", Kind::String, false),
            m("CertificateChain", Kind::String, false),
        ],
    },
];

/// The command groups: `apigw elbv2 …`, `apigw servicediscovery …` and
/// `apigw acm …`.
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
    (
        "acm",
        "Certificates for custom domain names, imported or issued by a local CA",
        ACM,
    ),
];

/// The values of the stand-ins' enumerated members, as [`super::model::ENUMS`]
/// (Cloud Map's `HealthStatusFilter` and `CustomHealthStatus`).
pub const ENUMS: &[(&str, &[&str])] = &[
    (
        "HealthStatus",
        &["HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL"],
    ),
    ("Status", &["HEALTHY", "UNHEALTHY"]),
];
