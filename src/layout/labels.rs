//! Phase 7d, labels: branch labels ("Ya", "Tidak", "Lengkap"). Each sits
//! beside the first segment of its arrow, at the first of a few candidate
//! places where it touches no symbol, arrow, joint line, other label or
//! table line (it stays inside its lane and its row), stands 3 pt from
//! any other label with no line between them, and reads as its own
//! arrow's ([`reads_as_own`]).
//!
//! In: the [`Table`] (with each flow's [`BranchLabel`]), the page with
//! its arrows (phase 7c) and its [`PagePlan`]. Out: the labels set on the
//! page's arrows, and the arrows whose label found no place beside a side
//! exit (the driver routes them again through the bottom).

use super::branch_labels::{SMALLER, wrap_label};
use super::dims::{LABEL_GAP as GAP, label_zone_width};
use super::index::SegmentIndex;
use super::plan::{PagePlan, RowKind};
use super::table::Table;
use super::table_lines::TableLines;
use super::text_cells::{TextStyle, position};
use super::types::{FlowLabelBox, Page};
use crate::geom::{Point, Rect};
use crate::text::{Font, Line, TextMeasurer};

/// How far above or below a side exit a label may be lifted to clear a
/// diamond's corner.
const MAX_RISE: f32 = 14.0;
/// How much nearer than its own first segment an unrelated arrow must run
/// to a label for the label to read as that arrow's.
const OWNER_MARGIN: f32 = 3.0;
/// How far apart two labels stand at least, unless a line runs between
/// them: farther than the lines of one wrapped label, so that two stacked
/// read as two.
pub(crate) const LABEL_SEPARATION: f32 = 3.0;
/// The farthest a label ever sits from the first segment of its arrow.
pub(crate) const MAX_DISTANCE: f32 = GAP + MAX_RISE;

/// How a page's labels are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    /// First: each label nearer its own arrow than any arrow from
    /// elsewhere.
    Owned,
    /// The exits stay where moving them would cost crossings: a label
    /// that finds no place in whole words takes a size smaller, then
    /// breaks as in its zone (with a hyphen inside a word), still reading
    /// as its own arrow's.
    Kept,
    /// After the failed labels' exits moved to the bottom: a label that
    /// finds no place in whole words takes a size smaller, or the zone
    /// under its source.
    Rerouted,
    /// The last resort before a label is left out: the exits of
    /// [`Pass::Kept`], and a label that finds no place reading as its own
    /// arrow's may sit nearer another arrow, still clear of everything.
    Crowded,
}

/// Places the labels of the arrows on `page`, in flow order; past the
/// first pass, when some find no place, once more with those first.
/// Returns the page flows whose label found no clear place beside a side
/// exit: routed again through the bottom, their label gets the zone
/// reserved there.
pub(crate) fn place_labels(
    table: &Table<'_>,
    page: &mut Page,
    plan: &PagePlan,
    pass: Pass,
) -> Vec<usize> {
    let rerouted = pass == Pass::Rerouted;
    let lanes = table.lanes_span();
    let measurer = table.measurer;
    let zone_width = label_zone_width(table.columns.symbol_width);
    let labelled = |f: usize| {
        table.labels[plan.flow_index[f]].is_some()
            && matches!(plan.kinds[plan.flows[f].from], RowKind::Step(_))
    };
    if !(0..page.flows.len()).any(labelled) {
        return Vec::new();
    }
    let index = SegmentIndex::of_page(page, true);
    let symbols = super::index::symbol_boxes(page);
    let heads: Vec<Rect> = page
        .flows
        .iter()
        .filter_map(|f| f.arrowhead_box())
        .collect();
    let lines = TableLines::of_page(
        table.columns.lanes.iter().flat_map(|&(x, w)| [x, x + w]),
        page,
    );
    let base = table.scale.label;
    let page_now: &Page = page;
    // Each label in turn, in `order`: the labels placed, those left over.
    let attempt = |order: &[usize]| {
        let page = page_now;
        let mut placed: Vec<Rect> = Vec::new();
        let mut boxes = Vec::new();
        let mut failed = Vec::new();
        // Labels kept beside their arrow in no clear place.
        let mut forced_count = 0;
        for &f in order {
            let starts_at_source = matches!(plan.kinds[plan.flows[f].from], RowKind::Step(_));
            let Some(label) = table.labels[plan.flow_index[f]]
                .as_ref()
                .filter(|_| starts_at_source)
            else {
                continue;
            };
            let text = label.text.as_str();
            let points = page.flows[f].points.clone();
            let bottom_exit =
                points.len() >= 2 && points[0].x == points[1].x && points[1].y > points[0].y;
            let clear = |rect: &Rect, placed: &[Rect]| {
                rect.x >= lanes.0
                    && rect.right() <= lanes.1
                    && !lines.touched_by(rect)
                    && !symbols
                        .iter()
                        .any(|&(r, diamond)| symbol_overlaps(&r, diamond, &rect.inflate(0.5)))
                    && !placed
                        .iter()
                        .any(|o| o.inflate(0.5).overlaps(rect) || read_as_one(o, rect, &index))
                    && !heads.iter().any(|h| h.inflate(0.5).overlaps(rect))
                    && index.touching(&rect.inflate(0.5)).next().is_none()
            };
            let owned = |rect: &Rect| reads_as_own(page, &index, f, rect);
            let place =
                |lines: Vec<Line>, font: Font, placed: &[Rect], side: Side, must_own: bool| {
                    let w = lines.iter().map(|l| l.width).fold(0.0, f32::max);
                    let h = lines.len() as f32 * measurer.line_height(font);
                    candidates(&points, w, h)
                        .into_iter()
                        .filter(|&(_, s)| s == side)
                        .map(|(r, _)| r)
                        .find(|r| clear(r, placed) && (!must_own || owned(r)))
                        .map(|rect| (rect, lines, font))
                };
            // Whole words: on one line, else wrapped at spaces, on the side
            // away from the turn, then on the other side. Past that the exit
            // moves (the driver routes the arrow again through the bottom); a
            // bottom exit falls back on its reserved zone, then a size smaller.
            let whole_words = |font: Font, must_own: bool| {
                let full = measurer.width(text, font);
                let longest_word = text
                    .split(' ')
                    .map(|w| measurer.width(w, font))
                    .fold(0.0, f32::max);
                let mut widths = vec![full, (full / 2.0).max(longest_word), longest_word];
                if bottom_exit && zone_width >= longest_word {
                    widths.insert(0, zone_width);
                }
                [Side::Preferred, Side::Other].into_iter().find_map(|side| {
                    widths.iter().find_map(|&width| {
                        let lines = wrap_label(text, width, font, measurer);
                        place(lines, font, &placed, side, must_own)
                    })
                })
            };
            let small = Font {
                size: base.size * SMALLER,
                ..base
            };
            let zone_font = label.zone_font;
            let zone = |must_own: bool| {
                let lines = label.zone_lines.clone();
                [Side::Preferred, Side::Other]
                    .into_iter()
                    .find_map(|side| place(lines.clone(), zone_font, &placed, side, must_own))
            };
            let forced = || {
                // A label with no place of its own beside a bottom stub (a
                // third one there, say): kept beside its arrow, in a clear
                // place if one is left (the checker reports it otherwise).
                let lines = label.zone_lines.clone();
                let h = lines.len() as f32 * table.scale.label_line * zone_font.size / base.size;
                let w = lines.iter().map(|l| l.width).fold(0.0, f32::max);
                let all = candidates(&points, w, h);
                let rect = all
                    .iter()
                    .map(|&(r, _)| r)
                    .find(|r| clear(r, &placed))
                    .or(all.first().map(|&(r, _)| r));
                rect.map(|r| (r, lines, zone_font))
            };
            // With the exits kept, a label tries the places where it reads
            // as its own arrow's in whole words, then a size smaller, then
            // (beside a side exit) broken as in its zone; crowded, it then
            // takes one nearer another arrow.
            let kept = matches!(pass, Pass::Kept | Pass::Crowded);
            let must_own = pass != Pass::Crowded;
            let chosen = whole_words(base, true)
                .or_else(|| kept.then(|| whole_words(small, true)).flatten())
                .or_else(|| (kept && !bottom_exit).then(|| zone(true)).flatten())
                .or_else(|| (!must_own).then(|| whole_words(base, false)).flatten())
                .or_else(|| bottom_exit.then(|| zone(must_own)).flatten())
                .or_else(|| {
                    // (kept, a size smaller was tried above)
                    ((bottom_exit || rerouted) && !(kept && must_own))
                        .then(|| whole_words(small, must_own))
                        .flatten()
                })
                .or_else(|| (rerouted && !bottom_exit).then(|| zone(must_own)).flatten())
                .or_else(|| {
                    let kept = bottom_exit.then(forced).flatten();
                    forced_count += usize::from(kept.is_some());
                    kept
                });
            let Some((rect, lines, font)) = chosen else {
                failed.push(f);
                continue;
            };
            placed.push(rect);
            boxes.push((f, label_box(measurer, rect, &lines, font)));
        }
        (boxes, failed, forced_count)
    };
    let order: Vec<usize> = (0..page.flows.len()).collect();
    let (mut boxes, mut failed, forced) = attempt(&order);
    if !failed.is_empty() && pass != Pass::Owned {
        // Past the first pass (where a label left over moves its exit
        // instead), those left over go first, where they may take a
        // place that another label, placed earlier, could leave (a bottom
        // exit's label has its zone on either side of the stub); kept
        // when fewer labels are left over or kept in no clear place.
        let first: Vec<usize> = failed
            .iter()
            .copied()
            .chain(order.iter().copied().filter(|f| !failed.contains(f)))
            .collect();
        let (again, mut lost, forced_again) = attempt(&first);
        if lost.len() + forced_again < failed.len() + forced {
            lost.sort_unstable();
            (boxes, failed) = (again, lost);
        }
    }
    for (f, label) in boxes {
        page.flows[f].label = Some(Box::new(label));
    }
    failed
}

fn label_box(measurer: &dyn TextMeasurer, rect: Rect, lines: &[Line], font: Font) -> FlowLabelBox {
    let lines = position(rect, lines, TextStyle::top_left(font, 0.0), measurer);
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

/// True when a label of flow `f` at `rect` reads as its own arrow's: no
/// unrelated arrow (one sharing neither its source, a fork, nor its
/// target, a merge) runs more than [`OWNER_MARGIN`] nearer to it than
/// the arrow's first segment; joint lines are no arrows. `index` holds
/// the page's segments.
pub(crate) fn reads_as_own(page: &Page, index: &SegmentIndex, f: usize, rect: &Rect) -> bool {
    let own = &page.flows[f];
    let [a, b, ..] = own.points[..] else {
        return true;
    };
    let reach = distance_to_segment(rect, a, b) - OWNER_MARGIN;
    reach <= 0.0
        || index.touching(&rect.inflate(reach)).all(|o| {
            page.flows
                .get(o)
                .is_none_or(|g| g.from == own.from || g.to == own.to)
        })
}

/// True when labels at `a` and `b` stand closer than [`LABEL_SEPARATION`]
/// with no line of `index` between them: they read as one label.
pub(crate) fn read_as_one(a: &Rect, b: &Rect, index: &SegmentIndex) -> bool {
    if !a.inflate(LABEL_SEPARATION).overlaps(b) {
        return false;
    }
    // Along each axis, the gap between the two, else their overlap.
    let span = |a0: f32, a1: f32, b0: f32, b1: f32| {
        let (lo, hi) = (a0.max(b0), a1.min(b1));
        if lo <= hi { (lo, hi) } else { (hi, lo) }
    };
    let (x0, x1) = span(a.x, a.right(), b.x, b.right());
    let (y0, y1) = span(a.y, a.bottom(), b.y, b.bottom());
    index
        .touching(&Rect::new(x0, y0, x1 - x0, y1 - y0))
        .next()
        .is_none()
}

/// How far `r` lies from the segment `a`-`b`, along the farther axis
/// (the distance [`Rect::inflate`] reaches).
fn distance_to_segment(r: &Rect, a: Point, b: Point) -> f32 {
    let seg = Rect::new(
        a.x.min(b.x),
        a.y.min(b.y),
        (b.x - a.x).abs(),
        (b.y - a.y).abs(),
    );
    let dx = (seg.x - r.right()).max(r.x - seg.right()).max(0.0);
    let dy = (seg.y - r.bottom()).max(r.y - seg.bottom()).max(0.0);
    dx.max(dy)
}

/// Which side of its first segment a label sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Away from where the arrow turns (above a side exit's segment).
    Preferred,
    /// The other side.
    Other,
}

/// Places beside the first segment, nearest the source first, each with
/// its side: the side away from where the arrow turns is preferred.
fn candidates(points: &[Point], w: f32, h: f32) -> Vec<(Rect, Side)> {
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
                [(left, Side::Preferred), (right, Side::Other)]
            } else {
                [(right, Side::Preferred), (left, Side::Other)]
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
                [(below, Side::Preferred), (above, Side::Other)]
            } else {
                [(above, Side::Preferred), (below, Side::Other)]
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
                let turns_up = turn.is_some_and(|t| t.y < b.y);
                let (above, below) = if turns_up {
                    (Side::Other, Side::Preferred)
                } else {
                    (Side::Preferred, Side::Other)
                };
                out.push((Rect::new(x, a.y - GAP - h - rise, w, h), above));
                out.push((Rect::new(x, a.y + GAP + rise, w, h), below));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_candidate_sits_beside_the_first_segment_without_touching_it() {
        let paths = [
            vec![Point::new(100.0, 50.0), Point::new(100.0, 90.0)],
            vec![
                Point::new(100.0, 50.0),
                Point::new(160.0, 50.0),
                Point::new(160.0, 90.0),
            ],
            vec![
                Point::new(100.0, 50.0),
                Point::new(40.0, 50.0),
                Point::new(40.0, 10.0),
            ],
            vec![Point::new(100.0, 50.0), Point::new(100.0, 10.0)],
        ];
        for points in &paths {
            let (a, b) = (points[0], points[1]);
            let all = candidates(points, 18.0, 8.0);
            assert!(!all.is_empty());
            for (r, _) in &all {
                let d = distance_to_segment(r, a, b);
                assert!(d <= MAX_DISTANCE + 1e-3, "{r:?} is {d} from {a:?}-{b:?}");
                let seg = Rect::new(
                    a.x.min(b.x),
                    a.y.min(b.y),
                    (b.x - a.x).abs(),
                    (b.y - a.y).abs(),
                );
                assert!(
                    !r.overlaps(&seg.inflate(GAP - 1e-3)),
                    "{r:?} touches the segment"
                );
            }
        }
    }

    #[test]
    fn the_first_candidate_is_on_the_side_away_from_the_turn() {
        // Down, then right: the label goes left of the drop.
        let right_turn = [
            Point::new(100.0, 50.0),
            Point::new(100.0, 90.0),
            Point::new(150.0, 90.0),
        ];
        let first = candidates(&right_turn, 10.0, 8.0)[0];
        assert!(first.0.right() <= 100.0 && first.1 == Side::Preferred);
        // Down, then left: the label goes right of it.
        let left_turn = [
            Point::new(100.0, 50.0),
            Point::new(100.0, 90.0),
            Point::new(50.0, 90.0),
        ];
        let first = candidates(&left_turn, 10.0, 8.0)[0];
        assert!(first.0.x >= 100.0 && first.1 == Side::Preferred);
    }
}
