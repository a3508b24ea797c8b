//! Points, sizes and rectangles, in PDF points (1/72 inch).

use serde::{Deserialize, Serialize, Serializer};

/// A point.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Point {
    /// Horizontal position, growing rightwards.
    #[serde(serialize_with = "round")]
    pub x: f32,
    /// Vertical position, growing downwards.
    #[serde(serialize_with = "round")]
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
    #[serde(serialize_with = "round")]
    pub width: f32,
    /// Height.
    #[serde(serialize_with = "round")]
    pub height: f32,
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    #[serde(serialize_with = "round")]
    pub x: f32,
    /// Top edge.
    #[serde(serialize_with = "round")]
    pub y: f32,
    /// Width.
    #[serde(serialize_with = "round")]
    pub width: f32,
    /// Height.
    #[serde(serialize_with = "round")]
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

/// A coordinate as the geometry JSON writes it: rounded to 0.01 pt
/// (1/7200 inch, far below what any reader or printer can show), whole
/// numbers without a fraction, so the layout of a long SOP stays lean.
pub(crate) fn rounded(v: f32) -> f64 {
    let r = (f64::from(v) * 100.0).round() / 100.0;
    if r == 0.0 { 0.0 } else { r }
}

/// Serialises an `f32` with [`rounded`].
pub(crate) fn round<S: Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
    let r = rounded(*v);
    if r.fract() == 0.0 && r.abs() < 1e15 {
        s.serialize_i64(r as i64)
    } else {
        s.serialize_f64(r)
    }
}

/// Serialises a pair of `f32` with [`rounded`].
pub(crate) fn round_pair<S: Serializer>(v: &(f32, f32), s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeTuple;
    let mut t = s.serialize_tuple(2)?;
    t.serialize_element(&Rounded(v.0))?;
    t.serialize_element(&Rounded(v.1))?;
    t.end()
}

/// An `f32` that serialises rounded.
struct Rounded(f32);

impl Serialize for Rounded {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        round(&self.0, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_written_to_the_hundredth_of_a_point() {
        let p = Rect::new(12.345_678, 3.0, 0.004, -7.125);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"x":12.35,"y":3,"width":0,"height":-7.13}"#
        );
    }
}
