//! Writing an SOP into the formats drafters edit (the reading side is
//! [`crate::import`]).

mod xlsx;

pub use xlsx::{template_xlsx, write_xlsx};
