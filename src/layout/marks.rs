//! Marks laid over a laid-out document: the changes of a revision drawn
//! where they are (an added step's symbol, a changed one's, a new arrow,
//! a changed Mutu Baku cell), as geometry the renderers only draw.

use super::types::{ColumnKind, Layout};
use crate::geom::{Point, Rect};
use std::collections::{BTreeMap, BTreeSet};

/// What to mark, by step index of the laid-out procedure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkSpec {
    /// Steps that are new.
    pub added: BTreeSet<usize>,
    /// Steps that changed, with the columns whose content changed
    /// (none: the symbol only, a kind or performer change).
    pub changed: BTreeMap<usize, Vec<ColumnKind>>,
    /// Arrows that are new, as (from id, to id).
    pub new_flows: BTreeSet<(String, String)>,
}

/// Added or changed: drawn in two colours and two line styles, so that
/// they read apart in black and white too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// New in this version (dashed).
    Added,
    /// Changed in this version (dotted).
    Changed,
}

/// The shape of a mark.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkShape {
    /// An outline around a symbol.
    Outline(Rect),
    /// A line along an arrow.
    Path(Vec<Point>),
    /// A small triangle in the top right corner of a table cell.
    Corner(Rect),
}

/// One mark.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mark {
    /// Added or changed.
    pub kind: MarkKind,
    /// Where and how.
    pub shape: MarkShape,
}

/// Room between a symbol and its outline.
const OUTLINE_GAP: f32 = 3.0;

/// The marks of each flowchart page of `layout`.
pub fn change_marks(layout: &Layout, spec: &MarkSpec) -> Vec<Vec<Mark>> {
    layout
        .pages
        .iter()
        .map(|page| {
            let mut marks = Vec::new();
            for flow in &page.flows {
                if spec
                    .new_flows
                    .contains(&(flow.from.to_string(), flow.to.to_string()))
                {
                    marks.push(Mark {
                        kind: MarkKind::Added,
                        shape: MarkShape::Path(flow.points.clone()),
                    });
                }
            }
            for symbol in &page.symbols {
                let kind = if spec.added.contains(&symbol.step) {
                    MarkKind::Added
                } else if spec.changed.contains_key(&symbol.step) {
                    MarkKind::Changed
                } else {
                    continue;
                };
                let r = symbol.rect;
                marks.push(Mark {
                    kind,
                    shape: MarkShape::Outline(Rect::new(
                        r.x - OUTLINE_GAP,
                        r.y - OUTLINE_GAP,
                        r.width + 2.0 * OUTLINE_GAP,
                        r.height + 2.0 * OUTLINE_GAP,
                    )),
                });
            }
            for row in page.rows.iter().filter(|r| !r.continued) {
                let Some(columns) = spec.changed.get(&row.step) else {
                    continue;
                };
                for column in layout.columns.iter().filter(|c| columns.contains(&c.kind)) {
                    marks.push(Mark {
                        kind: MarkKind::Changed,
                        shape: MarkShape::Corner(Rect::new(
                            column.x,
                            row.y,
                            column.width,
                            row.height,
                        )),
                    });
                }
            }
            marks
        })
        .collect()
}
