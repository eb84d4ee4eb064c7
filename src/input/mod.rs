//! Parsing of command-line input values.

pub mod shorthand;
