//! Parsing of command-line input values: shorthand syntax, JSON and YAML
//! documents, and the files `file://` values name, each bounded in depth and
//! size so that no input can overflow the stack or exhaust memory.

pub mod document;
pub mod paramfile;
pub mod shorthand;
