//! Phase 8, quality: the figures a drawing is judged by, over all pages:
//! arrows, crossings, bends, length, connector pairs, pages.
//!
//! In: the laid-out pages. Out: [`LayoutMetrics`].

use super::types::{LayoutMetrics, Page};
use crate::geom::Point;

/// Counts the figures over all pages.
pub(crate) fn figures(pages: &[Page], connector_pairs: usize) -> LayoutMetrics {
    let mut m = LayoutMetrics {
        connector_pairs,
        pages: pages.len(),
        ..LayoutMetrics::default()
    };
    for page in pages {
        let mut horizontal: Vec<(f32, f32, f32)> = Vec::new();
        let mut vertical: Vec<(f32, f32, f32)> = Vec::new();
        for flow in &page.flows {
            m.flows += 1;
            m.bends += flow.points.len().saturating_sub(2);
            for pair in flow.points.windows(2) {
                let (a, b): (Point, Point) = (pair[0], pair[1]);
                m.flow_length += (b.x - a.x).abs() + (b.y - a.y).abs();
                if a.y == b.y {
                    horizontal.push((a.y, a.x.min(b.x), a.x.max(b.x)));
                } else {
                    vertical.push((a.x, a.y.min(b.y), a.y.max(b.y)));
                }
            }
        }
        m.crossings += crossings(&mut horizontal, &vertical);
    }
    m
}

/// Strict crossings between horizontal (y, x0, x1) and vertical (x, y0, y1)
/// segments: touching at an end is a junction, not a crossing.
fn crossings(horizontal: &mut [(f32, f32, f32)], vertical: &[(f32, f32, f32)]) -> usize {
    horizontal.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut count = 0;
    for &(x, y0, y1) in vertical {
        let start = horizontal.partition_point(|h| h.0 <= y0);
        count += horizontal[start..]
            .iter()
            .take_while(|h| h.0 < y1)
            .filter(|h| h.1 < x && x < h.2)
            .count();
    }
    count
}
