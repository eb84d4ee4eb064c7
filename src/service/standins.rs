//! The members of the commands that stand in for the AWS resources an HTTP
//! API leans on: what sits behind a VPC link (`apigw elbv2 …`, `apigw
//! servicediscovery …`), the certificates of custom domains (`apigw acm …`)
//! and the functions of Lambda integrations (`apigw lambda …`), in the same
//! table form as the AWS operations. Names follow those services' APIs;
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

const fn blob(name: &'static str) -> Member {
    m(name, Kind::Blob, false)
}
const fn int(name: &'static str, min: i64) -> Member {
    Member {
        name,
        kind: Kind::Integer,
        required: false,
        min: Some(min),
    }
}
const ENVIRONMENT: &[Member] = &[m("Variables", Kind::Map(&Kind::String), false)];
const ENVIRONMENT_RESPONSE: &[Member] = &[m("Variables", Kind::Map(&Kind::String), false)];
/// `FunctionConfiguration`, as every function operation answers it.
const CONFIGURATION: &[Member] = &[
    m("FunctionName", Kind::String, false),
    m("FunctionArn", Kind::String, false),
    m("Runtime", Kind::String, false),
    m("Role", Kind::String, false),
    m("Handler", Kind::String, false),
    m("CodeSize", Kind::Integer, false),
    m("Description", Kind::String, false),
    m("Timeout", Kind::Integer, false),
    m("MemorySize", Kind::Integer, false),
    m("LastModified", Kind::String, false),
    m("CodeSha256", Kind::String, false),
    m("Version", Kind::String, false),
    m("Environment", Kind::Struct(ENVIRONMENT_RESPONSE), false),
    m("RevisionId", Kind::String, false),
    m("State", Kind::String, false),
    m("LastUpdateStatus", Kind::String, false),
    m("PackageType", Kind::String, false),
    m("Architectures", Kind::List(&Kind::String), false),
];
const FUNCTION_NAME: Member = m("FunctionName", Kind::String, true);
const CODE_LOCATION: &[Member] = &[
    m("RepositoryType", Kind::String, false),
    m("Location", Kind::String, false),
];
const CONCURRENCY: &[Member] = &[m("ReservedConcurrentExecutions", Kind::Integer, false)];

/// The Lambda stand-in: functions run by `apigw serve` and `apigw lambda
/// invoke` (`CodeDirectory` is apigw's own member: a folder instead of a
/// package).
pub const LAMBDA: &[ModelOperation] = &[
    ModelOperation {
        name: "CreateFunction",
        paginated: false,
        input: &[
            FUNCTION_NAME,
            m("Runtime", Kind::String, true),
            m("Role", Kind::String, false),
            m("Handler", Kind::String, false),
            m("Description", Kind::String, false),
            int("Timeout", 1),
            int("MemorySize", 128),
            m("Environment", Kind::Struct(ENVIRONMENT), false),
            blob("ZipFile"),
            m("CodeDirectory", Kind::String, false),
            m("Publish", Kind::Boolean, false),
            m("PackageType", Kind::String, false),
            m("Architectures", Kind::List(&Kind::String), false),
            m("Tags", Kind::Map(&Kind::String), false),
        ],
        output: CONFIGURATION,
    },
    ModelOperation {
        name: "GetFunction",
        paginated: false,
        input: &[FUNCTION_NAME, m("Qualifier", Kind::String, false)],
        output: &[
            m("Configuration", Kind::Struct(CONFIGURATION), false),
            m("Code", Kind::Struct(CODE_LOCATION), false),
            m("Tags", Kind::Map(&Kind::String), false),
            m("Concurrency", Kind::Struct(CONCURRENCY), false),
        ],
    },
    ModelOperation {
        name: "GetFunctionConfiguration",
        paginated: false,
        input: &[FUNCTION_NAME, m("Qualifier", Kind::String, false)],
        output: CONFIGURATION,
    },
    ModelOperation {
        name: "ListFunctions",
        paginated: true,
        input: &[m("FunctionVersion", Kind::String, false)],
        output: &[m(
            "Functions",
            Kind::List(&Kind::Struct(CONFIGURATION)),
            false,
        )],
    },
    ModelOperation {
        name: "UpdateFunctionCode",
        paginated: false,
        input: &[
            FUNCTION_NAME,
            blob("ZipFile"),
            m("CodeDirectory", Kind::String, false),
            m("Publish", Kind::Boolean, false),
            m("RevisionId", Kind::String, false),
        ],
        output: CONFIGURATION,
    },
    ModelOperation {
        name: "UpdateFunctionConfiguration",
        paginated: false,
        input: &[
            FUNCTION_NAME,
            m("Role", Kind::String, false),
            m("Handler", Kind::String, false),
            m("Description", Kind::String, false),
            int("Timeout", 1),
            int("MemorySize", 128),
            m("Environment", Kind::Struct(ENVIRONMENT), false),
            m("Runtime", Kind::String, false),
            m("RevisionId", Kind::String, false),
        ],
        output: CONFIGURATION,
    },
    ModelOperation {
        name: "DeleteFunction",
        paginated: false,
        input: &[FUNCTION_NAME, m("Qualifier", Kind::String, false)],
        output: &[],
    },
    ModelOperation {
        name: "Invoke",
        paginated: false,
        input: &[
            FUNCTION_NAME,
            m("InvocationType", Kind::String, false),
            m("LogType", Kind::String, false),
            m("ClientContext", Kind::String, false),
            blob("Payload"),
            m("Qualifier", Kind::String, false),
        ],
        output: &[
            m("StatusCode", Kind::Integer, false),
            m("FunctionError", Kind::String, false),
            m("LogResult", Kind::String, false),
            m("Payload", Kind::Blob, false),
            m("ExecutedVersion", Kind::String, false),
        ],
    },
    ModelOperation {
        name: "PutFunctionConcurrency",
        paginated: false,
        input: &[
            FUNCTION_NAME,
            Member {
                name: "ReservedConcurrentExecutions",
                kind: Kind::Integer,
                required: true,
                min: Some(0),
            },
        ],
        output: CONCURRENCY,
    },
    ModelOperation {
        name: "GetFunctionConcurrency",
        paginated: false,
        input: &[FUNCTION_NAME],
        output: CONCURRENCY,
    },
    ModelOperation {
        name: "DeleteFunctionConcurrency",
        paginated: false,
        input: &[FUNCTION_NAME],
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

/// The command groups: `apigw elbv2 …`, `apigw servicediscovery …`,
/// `apigw acm …` and `apigw lambda …`.
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
    (
        "lambda",
        "Functions that Lambda integrations and authorizers run, on this machine",
        LAMBDA,
    ),
];

/// The stand-ins' answers that are a blob written to OUTFILE, as
/// [`super::wire::PAYLOADS`] (`lambda invoke`'s `Payload`).
pub const PAYLOADS: &[(&str, &str)] = &[("Invoke", "Payload")];

/// The values of the stand-ins' enumerated members, as [`super::model::ENUMS`]
/// (Cloud Map's `HealthStatusFilter` and `CustomHealthStatus`).
pub const ENUMS: &[(&str, &[&str])] = &[
    (
        "HealthStatus",
        &["HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL"],
    ),
    ("Status", &["HEALTHY", "UNHEALTHY"]),
    ("InvocationType", &["Event", "RequestResponse", "DryRun"]),
    ("LogType", &["None", "Tail"]),
];
