//! The shapes of operation input and output, as data: each operation's
//! members with their kinds, minimums and required flags (generated from the
//! AWS model in `model.rs`, plus the stand-ins' own tables in `standins.rs`).

#[derive(Debug)]
pub enum Kind {
    String,
    Integer,
    Boolean,
    Double,
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
}
