//! The shapes of operation input and output, as data: each operation's
//! members with their kinds, minimums and required flags (generated from the
//! AWS model in `model.rs`, plus the stand-ins' own tables in `standins.rs`).

#[derive(Debug)]
pub enum Kind {
    String,
    Integer,
    Boolean,
    Double,
    /// Bytes: base64 in the JSON input (as on the wire), read raw from a
    /// `fileb://` file or taken as the text's bytes on the command line.
    Blob,
    List(&'static Kind),
    Map(&'static Kind),
    Struct(&'static [Member]),
}

#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub min: Option<i64>,
}

/// An operation's input and output members.
#[derive(Debug)]
pub struct ModelOperation {
    pub name: &'static str,
    /// Paged by the CLI with `--max-items`/`--starting-token`/`--page-size`.
    pub paginated: bool,
    pub input: &'static [Member],
    pub output: &'static [Member],
}

/// The values an enumerated member takes (`ConnectionType`: INTERNET,
/// VPC_LINK), from the AWS model's table or the stand-ins'.
pub fn enum_values(member: &str) -> Option<&'static [&'static str]> {
    super::model::ENUMS
        .iter()
        .chain(super::standins::ENUMS)
        .find(|(name, _)| *name == member)
        .map(|(_, values)| *values)
}

/// Where a member travels in a rest-json request, outside the JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A `{label}` of the URI template.
    Path,
    /// A query-string parameter (repeated for lists).
    Query,
    /// A request header.
    Header,
}

/// A member that travels outside the JSON body, with its wire name.
#[derive(Debug)]
pub struct Param {
    pub member: &'static str,
    pub wire: &'static str,
    pub location: Location,
}

/// An operation on the rest-json wire (generated in `wire.rs`).
#[derive(Debug)]
pub struct Route {
    pub operation: &'static str,
    pub method: &'static str,
    /// The URI template, `/v2/apis/{apiId}/integrations`.
    pub uri: &'static str,
    /// The status of a successful answer (201 creates, 204 deletes, …).
    pub status: u16,
    pub params: &'static [Param],
}

/// `TimeoutInMillis` → `timeout-in-millis`.
pub fn flag_name(member: &str) -> String {
    let mut out = String::with_capacity(member.len() + 4);
    for (i, c) in member.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `CreateIntegration` → `create-integration`.
pub fn command_name(operation: &str) -> String {
    flag_name(operation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(flag_name("TimeoutInMillis"), "timeout-in-millis");
        assert_eq!(flag_name("ApiId"), "api-id");
        assert_eq!(command_name("GetVpcLinks"), "get-vpc-links");
    }

    #[test]
    fn enumerations_come_from_the_tables() {
        assert_eq!(
            enum_values("ConnectionType"),
            Some(&["INTERNET", "VPC_LINK"][..])
        );
        assert_eq!(enum_values("Status"), Some(&["HEALTHY", "UNHEALTHY"][..]));
        assert_eq!(enum_values("ApiId"), None);
        let names: Vec<&str> = super::super::model::ENUMS
            .iter()
            .chain(super::super::standins::ENUMS)
            .map(|(n, _)| *n)
            .collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "one enumeration per member name");
    }
}
