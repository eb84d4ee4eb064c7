//! The core every front calls: the table of operations (`registry`), their
//! members as data (`spec`, the generated `model`, the stand-ins' `standins`),
//! request checking (`validate`) and [`invoke`], which runs one operation as
//! a transaction on the workspace file. The CLI turns argv into an input map
//! and renders the answer; the endpoint does the same with HTTP.

pub mod registry;
#[rustfmt::skip]
pub mod model;
pub mod spec;
pub mod standins;
pub mod validate;

pub use registry::{Access, Needs, Operation, REGISTRY, invoke};
pub use spec::{Kind, Member, ModelOperation};

/// The member table of an operation, AWS or stand-in, by its model name.
pub fn model_of(name: &str) -> Option<&'static ModelOperation> {
    model::OPERATIONS
        .iter()
        .chain(standins::GROUPS.iter().flat_map(|(_, _, ops)| ops.iter()))
        .find(|op| op.name == name)
}
