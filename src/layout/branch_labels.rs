//! Branch labels as words: what each labelled flow prints ("Ya", "Tidak",
//! "Lengkap"), and the one place a label is wrapped. The lines a label
//! takes in the zone under its source are wrapped once here; the row
//! heights reserve them and label placement sets them.

use super::dims::label_zone_width;
use crate::config::Words;
use crate::procedure::{FlowLabel, Procedure};
use crate::text::{Font, Line, TextMeasurer, normalise, wrap, wraps_at_syllables};

/// A labelled flow's words.
#[derive(Debug, Clone)]
pub(crate) struct BranchLabel {
    /// The printed words, normalised.
    pub text: String,
    /// The words wrapped into the zone beside the source's bottom stub.
    pub zone_lines: Vec<Line>,
    /// Their font: the label's, or [`SMALLER`] where at the label's a
    /// word would break at no syllable ("Ti-da-k" in a narrow zone) and
    /// smaller it breaks between syllables only.
    pub zone_font: Font,
}

/// How much smaller than the label size a label prints where it finds no
/// room at that size.
pub(crate) const SMALLER: f32 = 0.85;

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
            let smaller = Font {
                size: font.size * SMALLER,
                ..font
            };
            let zone_font = if !wraps_at_syllables(&text, zone, font, measurer)
                && wraps_at_syllables(&text, zone, smaller, measurer)
            {
                smaller
            } else {
                font
            };
            (!text.is_empty()).then(|| BranchLabel {
                zone_lines: wrap_label(&text, zone, zone_font, measurer),
                zone_font,
                text,
            })
        })
        .collect()
}

/// Per lane, the width that holds the longest word of every label leaving
/// a symbol in it beside the symbol's bottom stub, on either side: the
/// lane the columns give it when the paper has the room, so that a label
/// wraps rather than shrinks or leaves by another exit.
pub(crate) fn label_lane_widths(
    procedure: &Procedure,
    labels: &Words,
    font: Font,
    measurer: &dyn TextMeasurer,
) -> Vec<f32> {
    lane_widths(procedure, labels, font, measurer, |_| Some(0.0))
}

/// Per lane, the width that holds the longest word of every label of an
/// outcome leaving a symbol in it (`Procedure::branches`: a decision's,
/// or a box's with labelled arrows) beside a side exit, on either side of
/// a symbol `symbol_width` wide: what a lane is widened to when an
/// outcome whose label found no room beside its side exit left by
/// another exit and crossed arrows. (Room for the label beyond the first
/// channel track, where the exit turns, widened more lanes on generated
/// documents and gave them more pages and crossings, not fewer.)
pub(crate) fn side_label_widths(
    procedure: &Procedure,
    labels: &Words,
    symbol_width: f32,
    font: Font,
    measurer: &dyn TextMeasurer,
) -> Vec<f32> {
    let beside = symbol_width / 2.0;
    lane_widths(procedure, labels, font, measurer, |step| {
        procedure.branches(step).then_some(beside)
    })
}

/// Per lane, twice the room from a source's centre line to the end of its
/// labels' longest word, `beside` each source step (`None`: none).
fn lane_widths(
    procedure: &Procedure,
    labels: &Words,
    font: Font,
    measurer: &dyn TextMeasurer,
    beside: impl Fn(usize) -> Option<f32>,
) -> Vec<f32> {
    let mut widths = vec![0.0_f32; procedure.lanes.len()];
    for flow in &procedure.flows {
        let source = &procedure.steps[flow.from];
        let (Some(label), Some(beside)) = (flow.label.as_ref(), beside(flow.from)) else {
            continue;
        };
        let text = words(label, labels);
        let word = text
            .split(' ')
            .map(|w| measurer.width(w, font))
            .fold(0.0, f32::max);
        if word <= 0.0 {
            continue;
        }
        let need = 2.0 * (beside + super::dims::LABEL_GAP + word + LABEL_CLEARANCE);
        for &lane in &source.lanes {
            widths[lane] = widths[lane].max(need);
        }
    }
    widths
}

/// Room a label keeps from its lane's edge when its lane is sized for it.
const LABEL_CLEARANCE: f32 = 2.0;

impl BranchLabel {
    /// Height the label needs in the zone under its source, gaps included.
    pub fn zone_height(&self, line_height: f32) -> f32 {
        self.zone_lines.len() as f32 * line_height + 2.0 * super::dims::LABEL_GAP
    }
}
