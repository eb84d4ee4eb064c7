//! The `x-amazon-apigateway-*` extensions in one table: where each may stand
//! in a document, and whether an HTTP API reads it or ignores it (a REST API
//! extension, which an import lists in `ImportInfo`). The members of
//! `x-amazon-apigateway-integration` have their own table, in the order the
//! export writes them. An extension in neither table is a warning.

/// Where an extension stands in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The document's top level.
    Root,
    /// An operation (`paths./pets.get`).
    Operation,
    /// A path item (`paths./pets`): the any-method operation.
    PathItem,
    /// `components`.
    Components,
    /// A security scheme of `components.securitySchemes`.
    SecurityScheme,
    /// An entry of the top-level `tags` list.
    Tag,
}

/// What an HTTP API import does with an extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handling {
    /// Read into the API.
    Read,
    /// Valid, but only a REST API reads it: listed in `ImportInfo`.
    RestOnly,
}

pub struct Extension {
    pub name: &'static str,
    pub place: Place,
    pub handling: Handling,
}

use Handling::{Read, RestOnly};
use Place::*;

#[rustfmt::skip]
pub const EXTENSIONS: &[Extension] = &[
    Extension { name: "x-amazon-apigateway-cors", place: Root, handling: Read },
    Extension { name: "x-amazon-apigateway-importexport-version", place: Root, handling: Read },
    Extension { name: "x-amazon-apigateway-endpoint-configuration", place: Root, handling: Read },
    Extension { name: "x-amazon-apigateway-integration", place: Operation, handling: Read },
    Extension { name: "x-amazon-apigateway-auth", place: Operation, handling: Read },
    Extension { name: "x-amazon-apigateway-any-method", place: PathItem, handling: Read },
    Extension { name: "x-amazon-apigateway-integrations", place: Components, handling: Read },
    Extension { name: "x-amazon-apigateway-authorizer", place: SecurityScheme, handling: Read },
    Extension { name: "x-amazon-apigateway-authtype", place: SecurityScheme, handling: Read },
    Extension { name: "x-amazon-apigateway-tag-value", place: Tag, handling: Read },
    Extension { name: "x-amazon-apigateway-api-key-source", place: Root, handling: RestOnly },
    Extension { name: "x-amazon-apigateway-binary-media-types", place: Root, handling: RestOnly },
    Extension { name: "x-amazon-apigateway-documentation", place: Root, handling: RestOnly },
    Extension { name: "x-amazon-apigateway-gateway-responses", place: Root, handling: RestOnly },
    Extension { name: "x-amazon-apigateway-minimum-compression-size", place: Root, handling: RestOnly },
    Extension { name: "x-amazon-apigateway-policy", place: Root, handling: RestOnly },
    Extension { name: "x-amazon-apigateway-request-validators", place: Root, handling: RestOnly },
    Extension { name: "x-amazon-apigateway-request-validator", place: Operation, handling: RestOnly },
];

/// The entry for `name` at `place`.
pub fn find(name: &str, place: Place) -> Option<&'static Extension> {
    EXTENSIONS
        .iter()
        .find(|e| e.name == name && e.place == place)
}

/// What the importer does with a member of `x-amazon-apigateway-integration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Member {
    /// A member HTTP APIs read, into the `CreateIntegration` member named.
    Read(&'static str),
    /// A REST API member, listed in `ImportInfo`.
    RestOnly,
}

/// The members of `x-amazon-apigateway-integration`, in the order the export
/// writes them.
#[rustfmt::skip]
pub const INTEGRATION_MEMBERS: &[(&str, Member)] = &[
    ("type", Member::Read("IntegrationType")),
    ("integrationSubtype", Member::Read("IntegrationSubtype")),
    ("httpMethod", Member::Read("IntegrationMethod")),
    ("uri", Member::Read("IntegrationUri")),
    ("connectionType", Member::Read("ConnectionType")),
    ("connectionId", Member::Read("ConnectionId")),
    ("credentials", Member::Read("CredentialsArn")),
    ("requestParameters", Member::Read("RequestParameters")),
    ("responseParameters", Member::Read("ResponseParameters")),
    ("tlsConfig", Member::Read("TlsConfig")),
    ("payloadFormatVersion", Member::Read("PayloadFormatVersion")),
    ("timeoutInMillis", Member::Read("TimeoutInMillis")),
    ("passthroughBehavior", Member::RestOnly),
    ("contentHandling", Member::RestOnly),
    ("requestTemplates", Member::RestOnly),
    ("responses", Member::RestOnly),
    ("cacheKeyParameters", Member::RestOnly),
    ("cacheNamespace", Member::RestOnly),
];

/// The integration types a document may name (any case), with the type
/// HTTP APIs store, or `None` for REST API types (a warning).
pub const INTEGRATION_TYPES: &[(&str, Option<&str>)] = &[
    ("aws_proxy", Some("AWS_PROXY")),
    ("http_proxy", Some("HTTP_PROXY")),
    ("aws", None),
    ("http", None),
    ("mock", None),
];

/// The operations of a path item, with the method of their route, in the
/// order the export writes them.
pub const METHODS: &[(&str, &str)] = &[
    ("get", "GET"),
    ("put", "PUT"),
    ("post", "POST"),
    ("delete", "DELETE"),
    ("options", "OPTIONS"),
    ("head", "HEAD"),
    ("patch", "PATCH"),
    ("trace", "TRACE"),
    ("x-amazon-apigateway-any-method", "ANY"),
];

/// The members of `x-amazon-apigateway-cors`, in export order, with the
/// snake-case spelling some documents use: the service ignores it (a
/// Terraform acceptance test expects no CORS from it), so it only names
/// the right key in the warning.
pub const CORS_MEMBERS: &[(&str, &str)] = &[
    ("allowOrigins", "allow_origins"),
    ("allowCredentials", "allow_credentials"),
    ("exposeHeaders", "expose_headers"),
    ("maxAge", "max_age"),
    ("allowMethods", "allow_methods"),
    ("allowHeaders", "allow_headers"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_extension_is_both_read_and_ignored_at_one_place() {
        for e in EXTENSIONS {
            let same = EXTENSIONS
                .iter()
                .filter(|o| o.name == e.name && o.place == e.place);
            assert_eq!(same.count(), 1, "{}", e.name);
        }
    }
}
