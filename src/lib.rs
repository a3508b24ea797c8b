//! sopflow: turns a Standard Operating Procedure into the PANRB swimlane
//! flowchart (SOP AP, Peraturan Menteri PANRB No. 35 Tahun 2012).
pub mod error;
pub mod limits;
pub mod model;
pub mod parse;
pub mod procedure;
pub mod time;
pub mod validate;

pub use error::{Code, Diagnostic, Diagnostics, Error, Severity};
pub use limits::Limits;
pub use model::{Activity, Actor, Identity, Kind, Sop, SopBuilder};
pub use parse::{parse_sop, parse_sop_with};
pub use procedure::{Flow, FlowLabel, Lane, Procedure, ServiceTime, Step};
pub use validate::validate;
pub mod config;
pub mod generate;
pub mod geom;
pub mod layout;
pub mod render;
pub mod text;
