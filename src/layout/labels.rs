//! Phase: branch labels ("Ya", "Tidak", "Lengkap"). Each sits beside the
//! first segment of its arrow, at the first of a few candidate places
//! where it touches no symbol, arrow, joint line or other label.

use super::Context;
use super::index::SegmentIndex;
use super::plan::{PagePlan, RowKind};
use super::route::Routes;
use super::types::{Align, FlowLabelBox, Page};
use crate::geom::{Point, Rect};
use crate::procedure::FlowLabel;
use crate::text::{Line, normalise, wrap};

/// Gap between an arrow and its label.
const GAP: f32 = 1.5;

/// Places the labels of the arrows on `page`.
pub(crate) fn place_labels(
    ctx: &Context<'_>,
    page: &mut Page,
    plan: &PagePlan,
    _routes: &Routes,
    lanes: (f32, f32),
) {
    let mut index = SegmentIndex::default();
    for (f, flow) in page.flows.iter().enumerate() {
        index.add_polyline(&flow.points, f);
    }
    for joint in &page.joints {
        index.add_polyline(&joint.points, usize::MAX);
    }
    let mut obstacles: Vec<Rect> = page
        .symbols
        .iter()
        .map(|s| s.rect)
        .chain(page.connectors.iter().map(|c| c.rect))
        .collect();
    let font = ctx.metrics.label;
    for f in 0..page.flows.len() {
        let flow = &ctx.procedure.flows[plan.flow_index[f]];
        let starts_at_source = matches!(plan.kinds[plan.flows[f].from], RowKind::Step(_));
        let Some(label) = flow.label.as_ref().filter(|_| starts_at_source) else {
            continue;
        };
        let text = match label {
            FlowLabel::Yes => ctx.config.labels.yes.clone(),
            FlowLabel::No => ctx.config.labels.no.clone(),
            FlowLabel::Text(t) => normalise(t),
        };
        if text.is_empty() {
            continue;
        }
        let points = page.flows[f].points.clone();
        let full = ctx.measurer.width(&text, font);
        let mut chosen = None;
        let longest_word = text
            .split(' ')
            .map(|w| ctx.measurer.width(w, font))
            .fold(0.0, f32::max);
        'widths: for width in [full, full / 2.0, full / 3.0] {
            if width < longest_word && width < full {
                continue;
            }
            let lines = wrap(&text, width, font, ctx.measurer);
            let w = lines.iter().map(|l| l.width).fold(0.0, f32::max);
            let h = lines.len() as f32 * ctx.metrics.label_line;
            for rect in candidates(&points, w, h) {
                let inside = rect.x >= lanes.0 && rect.right() <= lanes.1;
                let clear = inside
                    && !obstacles.iter().any(|o| o.inflate(0.5).overlaps(&rect))
                    && index.touching(&rect.inflate(0.5)).next().is_none();
                if clear {
                    chosen = Some((rect, lines));
                    break 'widths;
                }
            }
        }
        // No clear place: keep the label beside its arrow anyway (the checker reports it).
        let Some((rect, lines)) = chosen.or_else(|| {
            let lines = wrap(&text, full, font, ctx.measurer);
            candidates(&points, full, lines.len() as f32 * ctx.metrics.label_line)
                .first()
                .map(|r| (*r, lines))
        }) else {
            continue;
        };
        obstacles.push(rect);
        page.flows[f].label = Some(label_box(ctx, rect, &lines));
    }
}

fn label_box(ctx: &Context<'_>, rect: Rect, lines: &[Line]) -> FlowLabelBox {
    let font = ctx.metrics.label;
    let lines = super::cells::position(
        rect,
        lines,
        font,
        Align::Left,
        super::cells::VAlign::Top,
        0.0,
        ctx.measurer,
    );
    FlowLabelBox { rect, font, lines }
}

/// Places beside the first segment, nearest the source first.
fn candidates(points: &[Point], w: f32, h: f32) -> Vec<Rect> {
    let (Some(&a), Some(&b)) = (points.first(), points.get(1)) else {
        return Vec::new();
    };
    let length = (b.x - a.x).abs() + (b.y - a.y).abs();
    let mut out = Vec::new();
    let mut along = GAP;
    while along + GAP <= length.max(GAP * 2.0) && out.len() < 24 {
        if a.x == b.x {
            let dir = (b.y - a.y).signum();
            let y = if dir > 0.0 {
                a.y + along
            } else {
                a.y - along - h
            };
            out.push(Rect::new(a.x + GAP, y, w, h));
            out.push(Rect::new(a.x - GAP - w, y, w, h));
        } else {
            let dir = (b.x - a.x).signum();
            let x = if dir > 0.0 {
                a.x + along
            } else {
                a.x - along - w
            };
            out.push(Rect::new(x, a.y - GAP - h, w, h));
            out.push(Rect::new(x, a.y + GAP, w, h));
        }
        along += 4.0;
    }
    out
}
