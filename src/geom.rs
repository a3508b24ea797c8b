//! Points, sizes and rectangles, in PDF points (1/72 inch).

use serde::{Deserialize, Serialize};

/// A point.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Point {
    /// Horizontal position, growing rightwards.
    pub x: f32,
    /// Vertical position, growing downwards.
    pub y: f32,
}

impl Point {
    /// A point from its coordinates.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// A width and a height.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Size {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// A rectangle from its top-left corner and size.
    pub const fn new(x: f32, y: f32, width: f32, height: f32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// A rectangle of `size` centred on `centre`.
    pub fn centred(centre: Point, width: f32, height: f32) -> Self {
        Self::new(
            centre.x - width / 2.0,
            centre.y - height / 2.0,
            width,
            height,
        )
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Centre point.
    pub fn centre(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// True when the open interiors of the two rectangles overlap.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// True when `inner` lies inside this rectangle (edges included),
    /// allowing `tolerance` for rounding.
    pub fn contains_rect(&self, inner: &Rect, tolerance: f32) -> bool {
        inner.x >= self.x - tolerance
            && inner.y >= self.y - tolerance
            && inner.right() <= self.right() + tolerance
            && inner.bottom() <= self.bottom() + tolerance
    }

    /// This rectangle grown by `by` on every side.
    pub fn inflate(&self, by: f32) -> Rect {
        Rect::new(
            self.x - by,
            self.y - by,
            self.width + 2.0 * by,
            self.height + 2.0 * by,
        )
    }
}

/// True when the open interior of the diamond inscribed in `diamond`
/// overlaps the rectangle `rect`.
pub fn diamond_overlaps(diamond: &Rect, rect: &Rect) -> bool {
    if !diamond.overlaps(rect) {
        return false;
    }
    let c = diamond.centre();
    let gap = |lo: f32, hi: f32, v: f32| {
        if v < lo {
            lo - v
        } else if v > hi {
            v - hi
        } else {
            0.0
        }
    };
    let dx = gap(rect.x, rect.right(), c.x) / (diamond.width / 2.0);
    let dy = gap(rect.y, rect.bottom(), c.y) / (diamond.height / 2.0);
    dx + dy < 1.0 - 1e-4
}
