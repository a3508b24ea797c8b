//! A tiny XML writer: escaping and number formatting, deterministic.

use std::fmt::Write;

/// Escapes text for XML content and attribute values, dropping characters
/// XML 1.0 forbids, so no user text can become markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
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
    out
}

/// Formats a coordinate with at most two decimals and no trailing zeros.
pub fn num(value: f32) -> String {
    let mut s = String::new();
    push_num(&mut s, value);
    s
}

/// Appends a coordinate to `out`.
pub fn push_num(out: &mut String, value: f32) {
    let v = (value * 100.0).round() / 100.0;
    let v = if v == 0.0 { 0.0 } else { v };
    if v.fract() == 0.0 {
        let _ = write!(out, "{}", v as i64);
    } else {
        let text = format!("{v:.2}");
        out.push_str(text.trim_end_matches('0'));
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
        assert_eq!(num(-0.001), "0");
    }
}
