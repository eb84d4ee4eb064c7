//! The workspace file's top tables in one list: their names in the file's
//! order (the fields of `Workspace`, which a test holds this list to) and
//! the shape of each, for the readers that take a file apart by its
//! headers (`focus`, which reads one API's part, and `split`, which reads a
//! long file on two threads). A new table is one entry here and one field.

/// How a top table's sections are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Taken whole by the readers: settings, domain names and their
    /// mappings, the stand-ins (`[workspace]`, `[elbv2]`, `[functions.F]`).
    Whole,
    /// Resources by id (`[apis.ID]`).
    Resources,
    /// Resources per API, then by id (`[integrations.API.ID]`).
    PerApi,
}

use Shape::{PerApi, Resources, Whole};

/// Every top table, in the file's order.
pub(crate) const TABLES: [(&str, Shape); 13] = [
    ("workspace", Whole),
    ("vpc-links", Resources),
    ("apis", Resources),
    ("integrations", PerApi),
    ("routes", PerApi),
    ("stages", PerApi),
    ("authorizers", PerApi),
    ("deployments", PerApi),
    ("domain-names", Whole),
    ("api-mappings", Whole),
    ("elbv2", Whole),
    ("servicediscovery", Whole),
    ("functions", Whole),
];

/// The place of a top table in [`TABLES`]; `u8::MAX` for another name.
pub(crate) fn rank(top: &str) -> u8 {
    TABLES
        .iter()
        .position(|(t, _)| *t == top)
        .map_or(u8::MAX, |r| r as u8)
}

/// The name of the table at `rank` ("" for `u8::MAX`).
pub(crate) fn name(rank: u8) -> &'static str {
    TABLES.get(rank as usize).map_or("", |(n, _)| n)
}

/// Whether the table at `rank` is per API.
pub(crate) fn is_per_api(rank: u8) -> bool {
    TABLES.get(rank as usize).is_some_and(|(_, s)| *s == PerApi)
}

/// Whether the table named `top` has this shape.
pub(crate) fn has_shape(top: &str, shape: Shape) -> bool {
    TABLES.iter().any(|(t, s)| *t == top && *s == shape)
}

/// The names of the tables of one shape.
pub(crate) fn of_shape(shape: Shape) -> impl Iterator<Item = &'static str> {
    TABLES
        .iter()
        .filter(move |(_, s)| *s == shape)
        .map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde::de::{self, Visitor};

    /// A deserializer that only records the field names a struct asks for.
    struct Fields(std::cell::RefCell<Vec<&'static str>>);

    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<T: std::fmt::Display>(_: T) -> Self {
            Stop
        }
    }

    impl<'de> de::Deserializer<'de> for &Fields {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0.borrow_mut().extend(fields);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    #[test]
    fn the_list_is_the_workspace_s_fields_in_order() {
        let fields = Fields(Default::default());
        let _ = super::super::Workspace::deserialize(&fields);
        let names: Vec<&str> = TABLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(*fields.0.borrow(), names);
    }

    #[test]
    fn ranks_and_shapes() {
        assert_eq!(rank("workspace"), 0);
        assert_eq!(rank("nope"), u8::MAX);
        assert_eq!(name(rank("routes")), "routes");
        assert!(is_per_api(rank("stages")));
        assert!(!is_per_api(rank("apis")));
        assert!(!is_per_api(u8::MAX));
        assert!(has_shape("apis", Resources));
        assert_eq!(of_shape(PerApi).count(), 5);
    }
}
