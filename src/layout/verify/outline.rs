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

    /// True when an arrow may end at `p`: the middle of a side, or a
    /// point on the outline's upper half (beside the top a connector's
    /// line comes down to).
    pub(super) fn entry_port(&self, p: Point) -> bool {
        let r = self.rect();
        let c = r.centre();
        let (hw, hh) = (r.width / 2.0, r.height / 2.0);
        let (dx, dy) = ((p.x - c.x).abs(), c.y - p.y);
        let near = |a: f32, b: f32| (a - b).abs() <= 2.0 * EPS;
        let on_upper_half = match self {
            Outline::Diamond(_) => dy > EPS && near(dx, hw * (1.0 - dy / hh)),
            Outline::Capsule(_) => {
                let flat = hw - hh;
                let past = (dx - flat).max(0.0);
                dy > EPS && dx <= hw && near(dy, (hh * hh - past * past).max(0.0).sqrt())
            }
            Outline::Box(_) => near(dy, hh) && dx <= hw,
        };
        on_port(r, p) || on_upper_half
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arrow_may_end_on_the_upper_edge_but_not_inside() {
        let r = Rect::new(0.0, 0.0, 40.0, 20.0);
        // Half way from the top vertex to the left one, on the diamond.
        let diamond = Outline::Diamond(r);
        assert!(diamond.entry_port(Point::new(10.0, 5.0)));
        assert!(diamond.entry_port(Point::new(20.0, 0.0)));
        assert!(!diamond.entry_port(Point::new(10.0, 0.0)), "above the edge");
        assert!(!diamond.entry_port(Point::new(10.0, 8.0)), "inside");
        assert!(!diamond.entry_port(Point::new(10.0, 15.0)), "lower edge");
        // A box's top edge anywhere along it; a capsule's flat top only.
        let boxed = Outline::Box(r);
        assert!(boxed.entry_port(Point::new(10.0, 0.0)));
        assert!(!boxed.entry_port(Point::new(10.0, 2.0)));
        let capsule = Outline::Capsule(r);
        assert!(capsule.entry_port(Point::new(10.0, 0.0)));
        assert!(
            !capsule.entry_port(Point::new(2.0, 0.0)),
            "outside the end arc"
        );
        let on_arc = 10.0 - (100.0f32 - 64.0).sqrt();
        assert!(capsule.entry_port(Point::new(2.0, on_arc)));
    }
}
