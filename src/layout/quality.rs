//! Phase 8, quality: the figures a drawing is judged by, over all pages:
//! arrows, crossings, bends, length, connector pairs, pass-throughs,
//! close parallels, connector merges, pages.
//!
//! In: the laid-out pages. Out: [`LayoutMetrics`].

use super::types::{ConnectorEnd, FlowPath, Joint, LayoutMetrics, Page};
use crate::geom::Point;

/// The least distance between parallel stretches of two unrelated arrows.
pub(crate) const PARALLEL_GAP: f32 = 4.0;

/// Counts the figures over all pages.
pub(crate) fn figures(pages: &[Page], connector_pairs: usize) -> LayoutMetrics {
    let mut m = LayoutMetrics {
        connector_pairs,
        pages: pages.len(),
        ..LayoutMetrics::default()
    };
    for page in pages {
        for flow in &page.flows {
            m.flows += 1;
            m.bends += flow.points.len().saturating_sub(2);
            for pair in flow.points.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                m.flow_length += (b.x - a.x).abs() + (b.y - a.y).abs();
            }
        }
        m.crossings += crossings(&page.flows).len();
        m.pass_throughs += pass_throughs(&page.flows).len();
        m.close_parallels += close_parallels(&page.flows);
        m.connector_merges += connector_merges(&page.flows, |f| from_incoming(page, f)).len();
    }
    m
}

/// One straight stretch of an arrow: the arrow's index, the fixed
/// coordinate and the span along the stretch.
pub(crate) struct Stretch {
    pub flow: usize,
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

/// The stretches of `flows`: horizontal ones, then vertical ones, each
/// list sorted by its fixed coordinate.
pub(crate) fn stretches(flows: &[FlowPath]) -> [Vec<Stretch>; 2] {
    let mut out: [Vec<Stretch>; 2] = [Vec::new(), Vec::new()];
    for (f, flow) in flows.iter().enumerate() {
        for w in flow.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (vertical, at, from, to) = if a.x == b.x {
                (1, a.x, a.y.min(b.y), a.y.max(b.y))
            } else {
                (0, a.y, a.x.min(b.x), a.x.max(b.x))
            };
            out[vertical].push(Stretch {
                flow: f,
                at,
                from,
                to,
            });
        }
    }
    for list in &mut out {
        list.sort_by(|a, b| a.at.total_cmp(&b.at));
    }
    out
}

/// Pairs of parallel stretches of two unrelated arrows (no shared source,
/// no shared target) that overlap and lie closer than [`PARALLEL_GAP`].
pub(crate) fn close_parallels(flows: &[FlowPath]) -> usize {
    close_parallel_pairs(flows).len()
}

/// The arrows (by index) and distance of each pair of parallel stretches
/// [`close_parallels`] counts.
pub(crate) fn close_parallel_pairs(flows: &[FlowPath]) -> Vec<(usize, usize, f32)> {
    let related = |a: usize, b: usize| {
        let (x, y) = (&flows[a], &flows[b]);
        a == b || x.from == y.from || x.to == y.to
    };
    let mut found = Vec::new();
    for list in stretches(flows) {
        for (i, s) in list.iter().enumerate() {
            found.extend(
                list[i + 1..]
                    .iter()
                    .take_while(|t| t.at - s.at < PARALLEL_GAP - 0.01)
                    .filter(|t| {
                        t.at - s.at > 0.01
                            && s.to.min(t.to) - s.from.max(t.from) > 0.01
                            && !related(s.flow, t.flow)
                    })
                    .map(|t| (s.flow, t.flow, t.at - s.at)),
            );
        }
    }
    found
}

/// Pairs of arrows (by index) where the first comes down from an incoming
/// connector (`from_connector`) and shares a stretch of line with the
/// second: a connector's line joining another arrow reads like a second
/// start.
pub(crate) fn connector_merges(
    flows: &[FlowPath],
    from_connector: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (i, a) in flows.iter().enumerate().filter(|&(i, _)| from_connector(i)) {
        for (j, b) in flows.iter().enumerate().filter(|&(j, _)| j != i) {
            let shared = a.points.windows(2).any(|p| {
                b.points
                    .windows(2)
                    .any(|q| collinear_overlap((p[0], p[1]), (q[0], q[1])) > 0.01)
            });
            if shared {
                found.push((i, j));
            }
        }
    }
    found
}

/// True when arrow `f` of `page` comes down from an incoming connector.
pub(crate) fn from_incoming(page: &Page, f: usize) -> bool {
    let flow = &page.flows[f];
    flow.connector.as_ref().is_some_and(|label| {
        page.connectors
            .iter()
            .any(|c| c.end == ConnectorEnd::In && &c.label == label && c.to == flow.to)
    })
}

/// Length two segments share when they lie on one line.
fn collinear_overlap((a0, a1): (Point, Point), (b0, b1): (Point, Point)) -> f32 {
    if a0.x == a1.x && b0.x == b1.x && a0.x == b0.x {
        a0.y.max(a1.y).min(b0.y.max(b1.y)) - a0.y.min(a1.y).max(b0.y.min(b1.y))
    } else if a0.y == a1.y && b0.y == b1.y && a0.y == b0.y {
        a0.x.max(a1.x).min(b0.x.max(b1.x)) - a0.x.min(a1.x).max(b0.x.min(b1.x))
    } else {
        0.0
    }
}

/// Corners in all of `flows`.
pub(crate) fn bends(flows: &[FlowPath]) -> usize {
    flows.iter().map(|f| f.points.len().saturating_sub(2)).sum()
}

/// Every crossing of one page's arrows, as the pair of arrows (horizontal
/// one, vertical one) by index: strict crossings of a horizontal and a
/// vertical segment of two different arrows; touching at an end is a
/// junction, not a crossing.
pub(crate) fn crossings(flows: &[FlowPath]) -> Vec<(usize, usize)> {
    // (y, x0, x1, arrow) and (x, y0, y1, arrow).
    let mut horizontal: Vec<(f32, f32, f32, usize)> = Vec::new();
    let mut vertical: Vec<(f32, f32, f32, usize)> = Vec::new();
    for (i, flow) in flows.iter().enumerate() {
        for pair in flow.points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.y == b.y {
                horizontal.push((a.y, a.x.min(b.x), a.x.max(b.x), i));
            } else {
                vertical.push((a.x, a.y.min(b.y), a.y.max(b.y), i));
            }
        }
    }
    horizontal.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut found = Vec::new();
    for &(x, y0, y1, v) in &vertical {
        let start = horizontal.partition_point(|h| h.0 <= y0);
        found.extend(
            horizontal[start..]
                .iter()
                .take_while(|h| h.0 < y1)
                .filter(|h| h.3 != v && h.1 < x && x < h.2)
                .map(|h| (h.3, v)),
        );
    }
    found
}

/// The arrows (by index, once per crossing) that cross a line joining the
/// symbols of a joint activity: read as a junction, it ties the arrow to
/// the activity.
pub(crate) fn joint_crossings<'a>(
    flows: &'a [FlowPath],
    joints: &'a [Joint],
) -> impl Iterator<Item = usize> + 'a {
    flows.iter().enumerate().flat_map(move |(f, flow)| {
        flow.points.windows(2).flat_map(move |w| {
            let (a, b) = (w[0], w[1]);
            joints.iter().filter_map(move |j| {
                let [p, q] = j.points;
                let (y, x0, x1) = (p.y, p.x.min(q.x), p.x.max(q.x));
                let crosses =
                    a.x == b.x && a.y.min(b.y) < y && y < a.y.max(b.y) && x0 < a.x && a.x < x1;
                let along =
                    a.y == b.y && a.y == y && a.x.max(b.x).min(x1) - a.x.min(b.x).max(x0) > 0.01;
                (crosses || along).then_some(f)
            })
        })
    })
}

/// Every pair of arrows (into a symbol, out of it) that reads as one line
/// passing the box: the first ends with a horizontal stretch into one side,
/// the second leaves the opposite side at the same height, the same way.
pub(crate) fn pass_throughs(flows: &[FlowPath]) -> Vec<(usize, usize)> {
    let horizontal_end = |a: Point, b: Point| (a.y == b.y && a.x != b.x).then_some(b.x > a.x);
    let mut found = Vec::new();
    let lines = |f: &FlowPath| f.points.len() >= 2;
    for (i, into) in flows.iter().enumerate().filter(|(_, f)| lines(f)) {
        let n = into.points.len();
        let Some(rightward) = horizontal_end(into.points[n - 2], into.points[n - 1]) else {
            continue;
        };
        let end = into.points[n - 1];
        for (j, out) in flows.iter().enumerate().filter(|(_, f)| lines(f)) {
            let start = out.points[0];
            if out.from == into.to
                && start.y == end.y
                && start.x != end.x
                && horizontal_end(start, out.points[1]) == Some(rightward)
            {
                found.push((i, j));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(from: &str, to: &str, points: &[(f32, f32)]) -> FlowPath {
        FlowPath {
            from: from.into(),
            to: to.into(),
            points: points.iter().map(|&(x, y)| Point::new(x, y)).collect(),
            label: None,
            connector: None,
        }
    }

    #[test]
    fn an_arrow_in_line_with_one_leaving_the_other_side_is_a_pass_through() {
        // Into B's left side at y 50, out of B's right side at y 50.
        let into = path("A", "B", &[(0.0, 10.0), (0.0, 50.0), (40.0, 50.0)]);
        let out = path("B", "C", &[(80.0, 50.0), (120.0, 50.0), (120.0, 90.0)]);
        assert_eq!(pass_throughs(&[into.clone(), out]), vec![(0, 1)]);
        // Leaving B's bottom instead: no line passes the box.
        let down = path("B", "C", &[(60.0, 60.0), (60.0, 90.0)]);
        assert!(pass_throughs(&[into.clone(), down]).is_empty());
        // Leaving the right side lower down: not in line.
        let lower = path("B", "C", &[(80.0, 55.0), (120.0, 55.0)]);
        assert!(pass_throughs(&[into, lower]).is_empty());
    }

    #[test]
    fn unrelated_parallel_stretches_closer_than_four_points_are_counted() {
        let a = path("A", "B", &[(10.0, 0.0), (10.0, 100.0)]);
        let near = path("C", "D", &[(13.0, 50.0), (13.0, 150.0)]);
        let far = path("C", "D", &[(14.0, 50.0), (14.0, 150.0)]);
        let fork = path("A", "E", &[(12.0, 50.0), (12.0, 150.0)]);
        let apart = path("C", "D", &[(12.0, 120.0), (12.0, 150.0)]);
        assert_eq!(close_parallels(&[a.clone(), near]), 1);
        assert_eq!(close_parallels(&[a.clone(), far]), 0);
        assert_eq!(
            close_parallels(&[a.clone(), fork]),
            0,
            "a fork shares its source"
        );
        assert_eq!(
            close_parallels(&[a, apart]),
            0,
            "no overlap along the stretch"
        );
    }
}
