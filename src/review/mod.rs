//! Reviewing an SOP before it is signed: [`lint`] checks it against the
//! criteria of an effective SOP that Bimtek trainers teach (Jelas, Terukur,
//! Konsisten, Dapat dievaluasi, Tepat prosedur and tanggung jawab).

mod clarity;
mod dates;
mod findings;
mod lint;

pub use dates::Date;
pub use findings::{Criterion, Finding, Level};
pub use lint::{LintConfig, lint};
