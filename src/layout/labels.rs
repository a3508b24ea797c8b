//! Phase: branch labels ("Ya", "Tidak", "Lengkap"). Each sits beside the
//! first segment of its arrow, at the first of a few candidate places
//! where it touches no symbol, arrow, joint line or other label.

use super::Context;
use super::cells::TextStyle;
use super::index::SegmentIndex;
use super::plan::{PagePlan, RowKind};
use super::types::{FlowLabelBox, Page};
use crate::geom::{Point, Rect};
use crate::procedure::FlowLabel;
use crate::text::{Font, Line, normalise, wrap};

/// Gap between an arrow and its label.
const GAP: f32 = 1.5;
/// How far above or below a side exit a label may be lifted to clear a
/// diamond's corner.
const MAX_RISE: f32 = 14.0;
/// The farthest a label ever sits from the first segment of its arrow.
pub(crate) const MAX_DISTANCE: f32 = GAP + MAX_RISE;

/// The words a branch label prints.
pub(crate) fn label_text(ctx: &Context<'_>, label: &FlowLabel) -> String {
    match label {
        FlowLabel::Yes => ctx.config.labels.yes.clone(),
        FlowLabel::No => ctx.config.labels.no.clone(),
        FlowLabel::Text(t) => normalise(t).into_owned(),
    }
}

/// Width of the zone beside a bottom stub, under the symbol: no channel
/// track and no other arrow ever enters it.
fn zone_width(ctx: &Context<'_>) -> f32 {
    ctx.columns.symbol_width / 2.0 + super::place::CHANNEL_INSET - GAP - 0.5
}

/// Height a flow's label needs in the zone under its source, gaps included.
pub(crate) fn zone_height(ctx: &Context<'_>, flow: usize) -> f32 {
    let Some(label) = &ctx.procedure.flows[flow].label else {
        return 0.0;
    };
    let lines = wrap(
        &label_text(ctx, label),
        zone_width(ctx),
        ctx.metrics.label,
        ctx.measurer,
    );
    lines.len() as f32 * ctx.metrics.label_line + 2.0 * GAP
}

/// Places the labels of the arrows on `page`. Returns the page flows whose
/// label found no clear place beside a side exit: routed again through the
/// bottom, their label gets the zone reserved there.
pub(crate) fn place_labels(
    ctx: &Context<'_>,
    page: &mut Page,
    plan: &PagePlan,
    lanes: (f32, f32),
) -> Vec<usize> {
    let labelled = |f: usize| {
        ctx.procedure.flows[plan.flow_index[f]].label.is_some()
            && matches!(plan.kinds[plan.flows[f].from], RowKind::Step(_))
    };
    if !(0..page.flows.len()).any(labelled) {
        return Vec::new();
    }
    let index = SegmentIndex::of_page(page, true);
    let symbols = super::index::symbol_boxes(page);
    let mut placed: Vec<Rect> = Vec::new();
    let mut failed = Vec::new();
    let base = ctx.metrics.label;
    for f in 0..page.flows.len() {
        let flow = &ctx.procedure.flows[plan.flow_index[f]];
        let starts_at_source = matches!(plan.kinds[plan.flows[f].from], RowKind::Step(_));
        let Some(label) = flow.label.as_ref().filter(|_| starts_at_source) else {
            continue;
        };
        let text = label_text(ctx, label);
        if text.is_empty() {
            continue;
        }
        let points = page.flows[f].points.clone();
        let bottom_exit =
            points.len() >= 2 && points[0].x == points[1].x && points[1].y > points[0].y;
        let clear = |rect: &Rect, placed: &[Rect]| {
            rect.x >= lanes.0
                && rect.right() <= lanes.1
                && !symbols
                    .iter()
                    .any(|&(r, diamond)| symbol_overlaps(&r, diamond, &rect.inflate(0.5)))
                && !placed.iter().any(|o| o.inflate(0.5).overlaps(rect))
                && index.touching(&rect.inflate(0.5)).next().is_none()
        };
        let place = |lines: Vec<Line>, font: Font, placed: &[Rect]| {
            let w = lines.iter().map(|l| l.width).fold(0.0, f32::max);
            let h = lines.len() as f32 * ctx.measurer.line_height(font);
            candidates(&points, w, h)
                .into_iter()
                .find(|r| clear(r, placed))
                .map(|rect| (rect, lines, font))
        };
        // Whole words first, in the label size then smaller; a bottom exit
        // then falls back on its reserved zone, words broken if need be.
        let small = Font {
            size: base.size * 0.85,
            ..base
        };
        let whole_words = [base, small].into_iter().find_map(|font| {
            let full = ctx.measurer.width(&text, font);
            let longest_word = text
                .split(' ')
                .map(|w| ctx.measurer.width(w, font))
                .fold(0.0, f32::max);
            let mut widths = vec![full, (full / 2.0).max(longest_word), longest_word];
            if bottom_exit && zone_width(ctx) >= longest_word {
                widths.insert(0, zone_width(ctx));
            }
            widths
                .into_iter()
                .find_map(|width| place(wrap(&text, width, font, ctx.measurer), font, &placed))
        });
        let zone = || {
            let lines = wrap(&text, zone_width(ctx), base, ctx.measurer);
            place(lines.clone(), base, &placed).or_else(|| {
                // A third label on one bottom stub: keep it beside its arrow (the checker reports it).
                let h = lines.len() as f32 * ctx.metrics.label_line;
                let w = lines.iter().map(|l| l.width).fold(0.0, f32::max);
                candidates(&points, w, h).first().map(|r| (*r, lines, base))
            })
        };
        let chosen = whole_words.or_else(|| if bottom_exit { zone() } else { None });
        let Some((rect, lines, font)) = chosen else {
            failed.push(f);
            continue;
        };
        placed.push(rect);
        page.flows[f].label = Some(Box::new(label_box(ctx, rect, &lines, font)));
    }
    failed
}

fn label_box(ctx: &Context<'_>, rect: Rect, lines: &[Line], font: Font) -> FlowLabelBox {
    let lines = super::cells::position(rect, lines, TextStyle::top_left(font, 0.0), ctx.measurer);
    FlowLabelBox { rect, font, lines }
}

/// True when a label at `rect` would cover the symbol at `symbol`.
pub(crate) fn symbol_overlaps(symbol: &Rect, diamond: bool, rect: &Rect) -> bool {
    if diamond {
        crate::geom::diamond_overlaps(symbol, rect)
    } else {
        symbol.overlaps(rect)
    }
}

/// Places beside the first segment, nearest the source first, on the side
/// away from where the arrow turns.
fn candidates(points: &[Point], w: f32, h: f32) -> Vec<Rect> {
    let (Some(&a), Some(&b)) = (points.first(), points.get(1)) else {
        return Vec::new();
    };
    let turn = points.get(2).copied();
    let length = (b.x - a.x).abs() + (b.y - a.y).abs();
    let mut out = Vec::new();
    let mut along = GAP;
    while along <= length.max(GAP) {
        if a.x == b.x {
            let y = if b.y > a.y {
                a.y + along
            } else {
                a.y - along - h
            };
            let right = Rect::new(a.x + GAP, y, w, h);
            let left = Rect::new(a.x - GAP - w, y, w, h);
            let turns_right = turn.is_some_and(|t| t.x > b.x);
            out.extend(if turns_right {
                [left, right]
            } else {
                [right, left]
            });
        } else {
            let x = if b.x > a.x {
                a.x + along
            } else {
                a.x - along - w
            };
            let above = Rect::new(x, a.y - GAP - h, w, h);
            let below = Rect::new(x, a.y + GAP, w, h);
            let turns_up = turn.is_some_and(|t| t.y < b.y);
            out.extend(if turns_up {
                [below, above]
            } else {
                [above, below]
            });
        }
        along += 3.0;
    }
    if a.y == b.y {
        // Beside a side vertex, over the empty corner of a diamond's box.
        let dir = if b.x > a.x { 1.0 } else { -1.0 };
        for rise in (0..=7).map(|k| k as f32 * MAX_RISE / 7.0) {
            for back in [0.25, 0.5, 0.75, 1.0] {
                let x = if dir > 0.0 {
                    a.x - w * back
                } else {
                    a.x - w * (1.0 - back)
                };
                let x = if dir > 0.0 {
                    x
                } else {
                    x.max(a.x - w + w * back)
                };
                out.push(Rect::new(x, a.y - GAP - h - rise, w, h));
                out.push(Rect::new(x, a.y + GAP + rise, w, h));
            }
        }
    }
    out
}
