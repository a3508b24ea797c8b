//! Branch labels as words: what each labelled flow prints ("Ya", "Tidak",
//! "Lengkap"), and the one place a label is wrapped. The lines a label
//! takes in the zone under its source are wrapped once here; the row
//! heights reserve them and label placement sets them.

use super::dims::label_zone_width;
use crate::config::Words;
use crate::procedure::{FlowLabel, Procedure};
use crate::text::{Font, Line, TextMeasurer, normalise, wrap};

/// A labelled flow's words.
#[derive(Debug, Clone)]
pub(crate) struct BranchLabel {
    /// The printed words, normalised.
    pub text: String,
    /// The words wrapped into the zone beside the source's bottom stub.
    pub zone_lines: Vec<Line>,
}

/// The words a branch label prints.
pub(crate) fn words(label: &FlowLabel, labels: &Words) -> String {
    match label {
        FlowLabel::Yes => labels.yes.clone(),
        FlowLabel::No => labels.no.clone(),
        FlowLabel::Text(t) => normalise(t).into_owned(),
    }
}

/// Wraps a label's words into `width`.
pub(crate) fn wrap_label(
    text: &str,
    width: f32,
    font: Font,
    measurer: &dyn TextMeasurer,
) -> Vec<Line> {
    wrap(text, width, font, measurer)
}

/// The label of every flow (`None` for unlabelled flows and empty words).
pub(crate) fn branch_labels(
    procedure: &Procedure,
    labels: &Words,
    symbol_width: f32,
    font: Font,
    measurer: &dyn TextMeasurer,
) -> Vec<Option<BranchLabel>> {
    let zone = label_zone_width(symbol_width);
    procedure
        .flows
        .iter()
        .map(|flow| {
            let text = words(flow.label.as_ref()?, labels);
            (!text.is_empty()).then(|| BranchLabel {
                zone_lines: wrap_label(&text, zone, font, measurer),
                text,
            })
        })
        .collect()
}

impl BranchLabel {
    /// Height the label needs in the zone under its source, gaps included.
    pub fn zone_height(&self, line_height: f32) -> f32 {
        self.zone_lines.len() as f32 * line_height + 2.0 * super::dims::LABEL_GAP
    }
}
