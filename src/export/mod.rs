//! Writing an SOP into the formats drafters edit (the reading side is
//! [`crate::import`]).

mod cells;
mod csv_out;
mod grid_xlsx;
mod xlsx;

pub use csv_out::write_csv;
pub use grid_xlsx::write_grid_xlsx;

pub use xlsx::{template_xlsx, write_xlsx};
