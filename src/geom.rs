//! Points, sizes and rectangles, in PDF points (1/72 inch).

use serde::{Deserialize, Serialize, Serializer};

/// A point; written in JSON as `[x, y]`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Horizontal position, growing rightwards.
    pub x: f32,
    /// Vertical position, growing downwards.
    pub y: f32,
}

impl Serialize for Point {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        round_pair(&(self.x, self.y), s)
    }
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

/// A coordinate in hundredths of a point, rounded half away from zero;
/// `None` when it is not finite or too large to be a coordinate.
pub(crate) fn hundredths(v: f64) -> Option<i64> {
    let scaled = v * 100.0;
    (scaled.is_finite() && scaled.abs() < 1e15)
        .then(|| (scaled + if scaled < 0.0 { -0.5 } else { 0.5 }) as i64)
}

/// Serialises an `f32` coordinate as the geometry JSON writes it: rounded
/// to 0.01 pt (1/7200 inch, far below what any reader or printer can
/// show), whole numbers without a fraction, so the layout of a long SOP
/// stays lean.
pub(crate) fn round<S: Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
    match hundredths(f64::from(*v)) {
        Some(0) => s.serialize_i64(0),
        Some(h) if h % 100 == 0 => s.serialize_i64(h / 100),
        Some(h) => s.serialize_f64(h as f64 / 100.0),
        None => s.serialize_f32(*v),
    }
}

/// Serialises a pair of `f32` coordinates with [`round`].
pub(crate) fn round_pair<S: Serializer>(v: &(f32, f32), s: S) -> Result<S::Ok, S::Error> {
    RoundedPair(*v).serialize(s)
}

/// An `f32` coordinate that serialises with [`round`].
pub(crate) struct Rounded(pub f32);

/// A pair of `f32` coordinates that serialises with [`round`].
pub(crate) struct RoundedPair(pub (f32, f32));

impl Serialize for RoundedPair {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&Rounded(self.0.0))?;
        t.serialize_element(&Rounded(self.0.1))?;
        t.end()
    }
}

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
        let r = Rect::new(12.345_678, 3.0, 0.004, -7.125);
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"x":12.35,"y":3,"width":0,"height":-7.13}"#
        );
        let p = Point::new(1.005_1, 2.5);
        assert_eq!(serde_json::to_string(&p).unwrap(), "[1.01,2.5]");
    }
}
