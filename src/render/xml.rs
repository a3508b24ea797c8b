//! A tiny XML writer: escaping and number formatting straight into the
//! output, deterministic and without allocations per value.

use std::fmt::Write as _;

/// Appends to an XML document.
#[derive(Debug, Default)]
pub struct Writer {
    /// The text written so far.
    pub out: String,
    /// The font size the open SVG root sets: texts of that size inherit it
    /// instead of repeating it.
    pub font_size: Option<f32>,
}

impl Writer {
    /// A writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            font_size: None,
        }
    }

    /// Appends markup as is.
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Appends escaped text (content or attribute value).
    pub fn text(&mut self, text: &str) -> &mut Self {
        push_escaped(&mut self.out, text);
        self
    }

    /// Appends a number with at most two decimals.
    pub fn num(&mut self, value: f32) -> &mut Self {
        push_num(&mut self.out, value);
        self
    }

    /// Appends ` name="value"` for a number.
    pub fn attr(&mut self, name: &str, value: f32) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_num(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// Appends ` name="text"`, escaped.
    pub fn attr_text(&mut self, name: &str, value: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// Appends ` x=".." y=".." width=".." height=".."`.
    pub fn rect_attrs(&mut self, r: &crate::geom::Rect) -> &mut Self {
        self.attr("x", r.x)
            .attr("y", r.y)
            .attr("width", r.width)
            .attr("height", r.height)
    }

    /// Appends a point as `x y`.
    pub fn point(&mut self, x: f32, y: f32) -> &mut Self {
        self.num(x).raw(" ").num(y)
    }
}

/// Escapes text for XML content and attribute values, dropping characters
/// XML 1.0 forbids, so no user text can become markup.
#[cfg(test)]
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20
                || matches!(c, '\u{FFFE}' | '\u{FFFF}')
                || ('\u{7F}'..='\u{9F}').contains(&c) => {}
            c => out.push(c),
        }
    }
}

/// Formats a coordinate with at most two decimals and no trailing zeros.
#[cfg(test)]
fn num(value: f32) -> String {
    let mut s = String::new();
    push_num(&mut s, value);
    s
}

/// Appends a coordinate to `out`.
pub fn push_num(out: &mut String, value: f32) {
    let hundredths = (f64::from(value) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push('-');
    }
    let magnitude = hundredths.unsigned_abs();
    let _ = write!(out, "{}", magnitude / 100);
    let fraction = magnitude % 100;
    if fraction != 0 {
        out.push('.');
        out.push(char::from(b'0' + (fraction / 10) as u8));
        if !fraction.is_multiple_of(10) {
            out.push(char::from(b'0' + (fraction % 10) as u8));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<script>&\"'</text>]]>\u{0}\u{7}x"),
            "&lt;script&gt;&amp;&quot;&apos;&lt;/text&gt;]]&gt;x"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(2.345), "2.35");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-3.25), "-3.25");
        assert_eq!(num(935.433), "935.43");
    }
}
