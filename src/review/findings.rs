//! What a review reports: a finding with its criterion, level and place.

use crate::error::Lang;
use serde::Serialize;

/// The criterion of an effective SOP a finding serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Criterion {
    /// Clear and easy to understand.
    Jelas,
    /// Measurable: time, result and inputs given.
    Terukur,
    /// Consistent in its words and performers.
    Konsisten,
    /// Can be evaluated: the identity sheet says what evaluation reads.
    #[serde(rename = "Dapat dievaluasi")]
    DapatDievaluasi,
    /// Right procedure and responsibility: every step on a path, every
    /// performer with a step.
    Tepat,
}

impl Criterion {
    /// The name a reviewer reads ("Dapat dievaluasi").
    pub fn name(self) -> &'static str {
        match self {
            Criterion::Jelas => "Jelas",
            Criterion::Terukur => "Terukur",
            Criterion::Konsisten => "Konsisten",
            Criterion::DapatDievaluasi => "Dapat dievaluasi",
            Criterion::Tepat => "Tepat",
        }
    }
}

/// How much a finding weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Should be fixed before signing.
    Warning,
    /// Worth a look; counts only with `--deny advice`.
    Advice,
}

/// One thing a reviewer would point out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code (`terukur-tanpa-waktu`).
    pub code: &'static str,
    /// The criterion it serves.
    pub criterion: Criterion,
    /// Warning or advice.
    pub severity: Level,
    /// The 1-based row of the activity concerned, if one is.
    pub activity: Option<usize>,
    /// The activity's id.
    pub id: Option<String>,
    /// JSON pointer to the field concerned (`/activities/2/time`).
    pub path: String,
    /// What is wrong and how to fix it, in Indonesian.
    pub message: String,
    /// The same in English.
    #[serde(skip)]
    pub english: String,
}

impl Finding {
    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.message,
            Lang::En => &self.english,
        }
    }
}
