//! The outlines arrows attach to and must not pass through: a box, a
//! terminator's capsule, a decision's diamond.

use super::EPS;
use crate::geom::{Point, Rect};
use crate::layout::types::{Shape, Symbol};

/// A symbol's outline: its box, a terminator's capsule (half circles at
/// its ends) or a decision's diamond inside it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Outline {
    Box(Rect),
    Capsule(Rect),
    Diamond(Rect),
}

impl Outline {
    pub(super) fn of(symbol: &Symbol) -> Self {
        match symbol.shape {
            Shape::Decision => Outline::Diamond(symbol.rect),
            Shape::Terminator => Outline::Capsule(symbol.rect),
            Shape::Process | Shape::OffPage => Outline::Box(symbol.rect),
        }
    }

    pub(super) fn rect(&self) -> &Rect {
        match self {
            Outline::Box(r) | Outline::Capsule(r) | Outline::Diamond(r) => r,
        }
    }

    /// True when an arrow may leave from `p`: the middle of a side, or a
    /// point on the outline's lower half beside it (outcomes past three).
    pub(super) fn exit_port(&self, p: Point) -> bool {
        let r = self.rect();
        let c = r.centre();
        let (hw, hh) = (r.width / 2.0, r.height / 2.0);
        let (dx, dy) = ((p.x - c.x).abs(), p.y - c.y);
        // How far the outline reaches from the axis at the point's height.
        let reach = match self {
            Outline::Diamond(_) => hw * (1.0 - dy / hh),
            Outline::Capsule(_) => hw - hh + (hh * hh - dy * dy).max(0.0).sqrt(),
            Outline::Box(_) => hw,
        };
        let on_lower_half = dy > EPS && dy < hh - EPS && (dx - reach).abs() <= 2.0 * EPS;
        on_port(r, p) || on_lower_half
    }

    /// True when the axis-parallel segment box enters the open interior.
    pub(super) fn crossed_by(&self, segment: &Rect) -> bool {
        match *self {
            Outline::Box(r) => crosses_interior(&r, segment),
            Outline::Capsule(r) | Outline::Diamond(r) => {
                if !crosses_interior(&r, segment) {
                    return false;
                }
                let c = r.centre();
                let (hw, hh) = (r.width / 2.0, r.height / 2.0);
                let diamond = matches!(self, Outline::Diamond(_));
                if segment.height <= EPS {
                    // The outline's half width at the segment's height.
                    let dy = (segment.y - c.y).abs();
                    let half = if diamond {
                        hw * (1.0 - dy / hh)
                    } else {
                        hw - hh + (hh * hh - dy * dy).max(0.0).sqrt()
                    };
                    half > EPS && segment.x < c.x + half - EPS && segment.right() > c.x - half + EPS
                } else {
                    let dx = (segment.x - c.x).abs();
                    let half = if diamond {
                        hh * (1.0 - dx / hw)
                    } else {
                        let past = (dx - (hw - hh)).max(0.0);
                        (hh * hh - past * past).max(0.0).sqrt()
                    };
                    half > EPS
                        && segment.y < c.y + half - EPS
                        && segment.bottom() > c.y - half + EPS
                }
            }
        }
    }
}

/// True when `p` is the middle of one of the rectangle's sides.
pub(super) fn on_port(r: &Rect, p: Point) -> bool {
    let c = r.centre();
    let near = |a: f32, b: f32| (a - b).abs() <= EPS;
    (near(p.x, c.x) && (near(p.y, r.y) || near(p.y, r.bottom())))
        || (near(p.y, c.y) && (near(p.x, r.x) || near(p.x, r.right())))
}

/// True when the segment box enters the open interior of `r`.
fn crosses_interior(r: &Rect, segment: &Rect) -> bool {
    segment.x < r.right() - EPS
        && segment.right() > r.x + EPS
        && segment.y < r.bottom() - EPS
        && segment.bottom() > r.y + EPS
}
