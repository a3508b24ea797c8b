//! sopflow turns a Standard Operating Procedure into the PANRB swimlane
//! flowchart of an SOP AP (Peraturan Menteri PANRB No. 35 Tahun 2012):
//! the identity sheet and the table of activities, performers' lanes,
//! quality standards and notes, with the standard symbols and orthogonal
//! arrows, paginated with repeated headers and paired off-page connectors.
//!
//! The pipeline:
//!
//! ```text
//! JSON ──parse_sop──▶ Sop ──Procedure::from_sop──▶ Procedure (validated, ids resolved)
//!      ──layout::layout──▶ Layout (pure geometry, serde) ──render──▶ SVG · PNG · PDF
//! ```
//!
//! The renderers draw the [`layout::Layout`] alone: it carries every
//! text, id and position a page shows, so a tool may also take it (as a
//! Rust value or as JSON) and draw it its own way.
//!
//! Problems come back as [`Diagnostics`]: every error and warning at once,
//! each with a stable [`Code`], a JSON pointer and the activity number.
//!
//! # Quick start
//!
//! ```
//! use sopflow::{config::Config, layout, parse_sop, render, Procedure};
//!
//! let json = r#"{
//!   "actors": [{ "id": "pemohon", "name": "Pemohon" }, { "id": "loket", "name": "Petugas Loket" }],
//!   "activities": [
//!     { "text": "Menyerahkan berkas", "actor": "pemohon", "time": "5 menit" },
//!     { "text": "Memeriksa berkas", "actor": "loket", "kind": "decision", "yes": "3", "no": "1", "time": "10 menit" },
//!     { "text": "Menerbitkan tanda terima", "actor": "loket", "time": "1 x 24 jam" }
//!   ]
//! }"#;
//! let sop = parse_sop(json).expect("valid JSON");
//! let procedure = Procedure::from_sop(&sop).expect("a valid SOP");
//! let config = Config::default();
//! let laid_out = layout::layout(&procedure, &config).unwrap();
//! assert!(layout::verify(&laid_out).is_empty());
//! let pages = render::svg_pages(&laid_out, &config.theme, &render::ImagePolicy::default()).unwrap();
//! assert!(pages[0].contains("sop-activity"));
//! assert_eq!(procedure.summary().decisions, 1);
//! ```

#![warn(missing_docs)]

pub mod config;
mod error;
#[cfg(feature = "sheet")]
pub mod export;
pub mod forms;
#[cfg(feature = "generate")]
pub mod generate;
mod geom;
mod hash;
#[cfg(any(feature = "sheet", feature = "bpmn"))]
pub mod import;
pub mod layout;
mod limits;
pub mod model;
mod parse;
mod procedure;
pub mod render;
pub mod review;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "server")]
pub mod server;
mod text;
mod time;
mod validate;

pub use error::{ActivityRef, Code, Diagnostic, Diagnostics, Error, Lang, Message, Severity};
pub use limits::Limits;
pub use model::{Activity, Actor, Identity, Kind, Sop, SopBuilder};
pub use parse::{parse_sop, parse_sop_with};
pub use procedure::{
    Flow, FlowLabel, Lane, Procedure, ServiceTime, ServiceTimeSummary, Step, Summary,
};
pub use time::{Duration, ParsedTime, TimeSpan, parse_time};
pub use validate::validate;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
