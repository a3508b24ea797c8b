//! Numbered lists typed in one cell ("1. KTP\n2. KK"), as drafters write
//! Kelengkapan and the identity sheet's lists.

/// A Kelengkapan cell as items: numbered lines ("1. …", "2) …") start
/// items, other lines stay in the item above; an unnumbered cell is one
/// item.
pub(crate) fn numbered_items(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    if strip_number(text.lines().next().unwrap_or_default()).is_none() {
        return vec![text.to_owned()];
    }
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        match (strip_number(line), items.last_mut()) {
            (Some(item), _) => items.push(item.to_owned()),
            (None, Some(last)) => {
                last.push('\n');
                last.push_str(line);
            }
            (None, None) => items.push(line.to_owned()),
        }
    }
    items
}

/// The text after a leading "1." or "2)" and a space, if there is one.
pub(crate) fn strip_number(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &line[digits..];
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lines_make_a_list_and_other_breaks_stay() {
        assert_eq!(
            numbered_items("1. KTP\n2. KK\n   fotokopi"),
            ["KTP", "KK\n   fotokopi"]
        );
        assert_eq!(numbered_items("Formulir\nlengkap"), ["Formulir\nlengkap"]);
        assert_eq!(numbered_items("2019 dokumen"), ["2019 dokumen"]);
        assert_eq!(numbered_items("1) Surat"), ["Surat"]);
        assert!(numbered_items("").is_empty());
    }
}
