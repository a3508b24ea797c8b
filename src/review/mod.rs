//! Reviewing an SOP before it is signed: [`lint`] checks it against the
//! criteria of an effective SOP that Bimtek trainers teach (Jelas, Terukur,
//! Konsisten, Dapat dievaluasi, Tepat prosedur and tanggung jawab);
//! [`analyze`] shows where the service time goes; [`diff`] what changed
//! between two versions.

mod analysis;
mod analysis_table;
mod clarity;
mod dates;
mod diff;
mod findings;
mod lint;

pub use analysis::{Analysis, Handover, Loop, PathStep, PerformerTime, Share, analyze};
pub use analysis_table::{analysis_table, analysis_title};
pub use dates::Date;
pub use diff::{
    ActorChange, Change, Changes, FieldChange, ServiceTimeChange, StepChange, change_spec,
    changes_table, diff,
};
pub use findings::{Criterion, Finding, Level};
pub use lint::{LintConfig, lint};
