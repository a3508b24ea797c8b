//! Phase 8, quality: the figures a drawing is judged by, over all pages:
//! arrows, crossings, bends, length, connector pairs, pages.
//!
//! In: the laid-out pages. Out: [`LayoutMetrics`].

use super::types::{FlowPath, LayoutMetrics, Page};

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
    }
    m
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
