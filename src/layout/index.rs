//! A lookup of a page's line segments by exact coordinate, for label
//! placement and the invariant checker.

use super::types::{Page, Shape};
use crate::geom::{Point, Rect};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// An `f32` ordered totally, for map keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Key(pub f32);

impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// A straight piece of a line: its fixed coordinate, its span, its owner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Span {
    pub lo: f32,
    pub hi: f32,
    pub owner: usize,
}

/// Horizontal segments by y, vertical segments by x.
#[derive(Debug, Default)]
pub(crate) struct SegmentIndex {
    pub horizontal: BTreeMap<Key, Vec<Span>>,
    pub vertical: BTreeMap<Key, Vec<Span>>,
}

impl SegmentIndex {
    /// The arrows of a page (owner: flow index), and with `joints` also the
    /// joint lines (owner: `usize::MAX`).
    pub fn of_page(page: &Page, joints: bool) -> Self {
        let mut index = Self::default();
        for (f, flow) in page.flows.iter().enumerate() {
            index.add_polyline(&flow.points, f);
        }
        if joints {
            for joint in &page.joints {
                index.add_polyline(&joint.points, usize::MAX);
            }
        }
        index
    }

    /// Adds the segments of a polyline owned by `owner`.
    pub fn add_polyline(&mut self, points: &[Point], owner: usize) {
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.y == b.y {
                self.horizontal.entry(Key(a.y)).or_default().push(Span {
                    lo: a.x.min(b.x),
                    hi: a.x.max(b.x),
                    owner,
                });
            } else if a.x == b.x {
                self.vertical.entry(Key(a.x)).or_default().push(Span {
                    lo: a.y.min(b.y),
                    hi: a.y.max(b.y),
                    owner,
                });
            }
        }
    }

    /// Owners of segments that touch the closed rectangle `rect`.
    pub fn touching(&self, rect: &Rect) -> impl Iterator<Item = usize> + use<'_> {
        let (x0, x1, y0, y1) = (rect.x, rect.right(), rect.y, rect.bottom());
        let h = self
            .horizontal
            .range(Key(y0)..=Key(y1))
            .flat_map(move |(_, spans)| {
                spans
                    .iter()
                    .filter(move |s| s.lo <= x1 && s.hi >= x0)
                    .map(|s| s.owner)
            });
        let v = self
            .vertical
            .range(Key(x0)..=Key(x1))
            .flat_map(move |(_, spans)| {
                spans
                    .iter()
                    .filter(move |s| s.lo <= y1 && s.hi >= y0)
                    .map(|s| s.owner)
            });
        h.chain(v)
    }

    /// Owners of segments passing through `p` (ends included).
    pub fn through(&self, p: Point) -> impl Iterator<Item = usize> + '_ {
        self.touching(&Rect::new(p.x, p.y, 0.0, 0.0))
    }
}

/// The boxes of a page's symbols and connectors, each flagged when it holds
/// a diamond (whose empty corners a label may use).
pub(crate) fn symbol_boxes(page: &Page) -> Vec<(Rect, bool)> {
    page.symbols
        .iter()
        .map(|s| (s.rect, s.shape == Shape::Decision))
        .chain(page.connectors.iter().map(|c| (c.rect, false)))
        .collect()
}
