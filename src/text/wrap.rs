//! Greedy line wrapping with measured widths.

use super::syllables::hyphenation_points;
use super::{Font, TextMeasurer};
use serde::{Deserialize, Serialize};

/// One wrapped line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The text of the line.
    pub text: String,
    /// Its measured width in points.
    pub width: f32,
    /// Space before it (hanging indent of a numbered list item).
    pub indent: f32,
}

/// Cleans user text for layout: unifies line breaks, turns tabs into spaces,
/// drops control and zero-width format characters, folds runs of spaces,
/// trims each line. Borrows when the text is already clean.
pub fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
    if is_clean(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(clean(text))
}

/// True when [`normalise`] would not change `text`.
fn is_clean(text: &str) -> bool {
    let mut previous = '\n';
    for c in text.chars() {
        let space = c == ' ';
        if (c != '\n' && (c.is_whitespace() && !space || c.is_control() || is_invisible(c)))
            || (space && matches!(previous, ' ' | '\n'))
            || (c == '\n' && previous == ' ')
        {
            return false;
        }
        previous = c;
    }
    previous != ' '
}

/// Zero-width format characters (joiners, marks, BOM): drawn as nothing.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut space = false;
        for c in line.trim().chars() {
            if c.is_whitespace() || c == '\u{200B}' {
                space = !out.is_empty() && !out.ends_with('\n');
                continue;
            }
            if c.is_control() || is_invisible(c) {
                continue;
            }
            if std::mem::take(&mut space) {
                out.push(' ');
            }
            out.push(c);
        }
    }
    out
}

/// Wraps `text` (already [`normalise`]d) into lines no wider than
/// `max_width`, keeping its line breaks; a word wider than the line is
/// broken between characters.
pub fn wrap(text: &str, max_width: f32, font: Font, measurer: &dyn TextMeasurer) -> Vec<Line> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, max_width, 0.0, font, measurer, &mut lines);
    }
    lines
}

/// Wraps one paragraph, continuation lines indented by `indent`.
pub(crate) fn wrap_paragraph(
    paragraph: &str,
    max_width: f32,
    indent: f32,
    font: Font,
    measurer: &dyn TextMeasurer,
    lines: &mut Vec<Line>,
) {
    let mut current = String::new();
    let mut width = 0.0;
    let mut first_line = true;
    let available = |first: bool| if first { max_width } else { max_width - indent };
    // Each line gets an exact-size copy; the builder's buffer is reused.
    let flush = |current: &mut String, width: &mut f32, first: &mut bool, lines: &mut Vec<Line>| {
        lines.push(Line {
            text: current.as_str().to_owned(),
            width: *width,
            indent: if *first { 0.0 } else { indent },
        });
        current.clear();
        *width = 0.0;
        *first = false;
    };
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let word_width = measurer.width(word, font);
        if let Some(last) = current.chars().last() {
            let joined = width
                + measurer.join_width(last, word.chars().next().unwrap_or(' '), font)
                + word_width;
            if joined <= available(first_line) {
                current.push(' ');
                current.push_str(word);
                width = joined;
                continue;
            }
            flush(&mut current, &mut width, &mut first_line, lines);
        }
        if word_width <= available(first_line) {
            current.push_str(word);
            width = word_width;
            continue;
        }
        // A word longer than a line: break after '/', '-' or '.' where a
        // piece fits, else inside the word with a hyphen, between its
        // syllables where one fits.
        let mut rest = word;
        while !rest.is_empty() && measurer.width(rest, font) > available(first_line) {
            let room = available(first_line);
            let (end, hyphen) = break_point(rest, room, font, measurer);
            current.clear();
            current.push_str(&rest[..end]);
            if hyphen {
                current.push('-');
            }
            width = measurer.width(&current, font);
            flush(&mut current, &mut width, &mut first_line, lines);
            rest = &rest[end..];
        }
        current.clear();
        current.push_str(rest);
        width = measurer.width(rest, font);
    }
    flush(&mut current, &mut width, &mut first_line, lines);
}

/// True when every word of `text` fits `max_width`, or breaks between
/// its syllables (see [`hyphenation_points`]) into pieces that fit with
/// their hyphens: [`wrap`] then breaks no word at a point not known.
pub(crate) fn wraps_at_syllables(
    text: &str,
    max_width: f32,
    font: Font,
    measurer: &dyn TextMeasurer,
) -> bool {
    text.split([' ', '\n']).all(|word| {
        let fits = |from: usize, to: usize| {
            let hyphen = if to < word.len() { "-" } else { "" };
            measurer.width(&format!("{}{hyphen}", &word[from..to]), font) <= max_width
        };
        let mut ends = hyphenation_points(word);
        ends.push(word.len());
        let mut start = 0;
        while start < word.len() {
            let Some(&end) = ends
                .iter()
                .filter(|&&end| end > start)
                .take_while(|&&end| fits(start, end))
                .last()
            else {
                return false;
            };
            start = end;
        }
        true
    })
}

/// Where a word too long for `room` breaks: after the last '/', '-', '.'
/// or '_' where the piece fits; else after the last syllable (see
/// [`hyphenation_points`]) where the piece and a hyphen fit; else after
/// the most characters that fit with a hyphen; else after one character.
/// Returns the byte offset and whether a hyphen is added.
fn break_point(rest: &str, room: f32, font: Font, measurer: &dyn TextMeasurer) -> (usize, bool) {
    let fits = |end: usize| measurer.width(&rest[..end], font) <= room;
    let fits_hyphenated = |end: usize| measurer.width(&format!("{}-", &rest[..end]), font) <= room;
    let at_punctuation = rest
        .char_indices()
        .filter(|&(i, c)| matches!(c, '/' | '-' | '.' | '_') && i + c.len_utf8() < rest.len())
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|&end| fits(end))
        .last();
    if let Some(end) = at_punctuation {
        return (end, false);
    }
    if let Some(end) = hyphenation_points(rest)
        .into_iter()
        .take_while(|&end| fits_hyphenated(end))
        .last()
    {
        return (end, true);
    }
    let mut ends = rest.char_indices().map(|(i, c)| i + c.len_utf8());
    let first = ends.next().unwrap_or(rest.len());
    match ends
        .filter(|&end| end < rest.len())
        .take_while(|&end| fits_hyphenated(end))
        .last()
    {
        Some(end) => (end, true),
        None => (first, false),
    }
}

/// How a list item prints: numbered, or as an unnumbered lead-in line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemMark {
    /// The only item of its list: printed as it is.
    Plain,
    /// An item ending with ":" that items follow ("Hambatan dapat saja
    /// terjadi:"): printed unnumbered; the numbering restarts under it.
    LeadIn,
    /// The item's number in its run.
    Number(usize),
}

/// How each item of a list prints, drafters' way: a single item as it is;
/// several numbered 1, 2, 3; an item ending with ":" that other items
/// follow is a lead-in line that starts a new numbering under it.
pub(crate) fn list_marks<S: AsRef<str>>(items: &[S]) -> Vec<ItemMark> {
    if items.len() == 1 {
        return vec![ItemMark::Plain];
    }
    let mut marks = Vec::with_capacity(items.len());
    let mut number = 0;
    for (i, item) in items.iter().enumerate() {
        if item.as_ref().trim_end().ends_with(':') && i + 1 < items.len() {
            marks.push(ItemMark::LeadIn);
            number = 0;
        } else {
            number += 1;
            marks.push(ItemMark::Number(number));
        }
    }
    marks
}

/// The marker printed before a numbered item ("3. "), empty otherwise.
pub(crate) fn item_marker(mark: ItemMark) -> String {
    match mark {
        ItemMark::Number(n) => format!("{n}. "),
        ItemMark::Plain | ItemMark::LeadIn => String::new(),
    }
}

/// Wraps one list field (see [`list_marks`]): numbered items hang their
/// continuation lines under the item's text.
pub(crate) fn wrap_list<S: AsRef<str>>(
    items: &[S],
    width: f32,
    font: Font,
    measurer: &dyn TextMeasurer,
) -> Vec<Line> {
    let mut lines = Vec::new();
    for (item, mark) in items.iter().zip(list_marks(items)) {
        let item = normalise(item.as_ref());
        if mark == ItemMark::Plain {
            lines.extend(wrap(&item, width, font, measurer));
            continue;
        }
        let marker = item_marker(mark);
        let indent = measurer.width(&marker, font);
        let text = format!("{marker}{}", item.replace('\n', " "));
        wrap_paragraph(&text, width, indent, font, measurer, &mut lines);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::FontMeasurer;

    #[test]
    fn normalise_folds_space_and_drops_controls() {
        assert_eq!(
            normalise("  Kepala \t Bidang\u{7}  \r\nSeksi  "),
            "Kepala Bidang\nSeksi"
        );
        assert_eq!(normalise("a\n\nb"), "a\n\nb");
    }

    #[test]
    fn lines_fit_and_keep_every_word() {
        let m = FontMeasurer::new();
        let font = Font::regular(9.0);
        let text = "Petugas layanan membimbing pengguna layanan untuk mengakses aplikasi pelayanan statistik";
        let lines = wrap(text, 80.0, font, &m);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(line.width <= 80.0, "{line:?}");
            assert!((m.width(&line.text, font) - line.width).abs() < 1e-3);
        }
        let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn a_line_with_no_room_still_ends() {
        let m = FontMeasurer::new();
        for width in [0.0, -1e-6, -5.0] {
            let lines = wrap("No Kegiatan", width, Font::regular(9.0), &m);
            let text: String = lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(text, "NoKegiatan", "one character a line at {width}");
        }
    }

    #[test]
    fn long_words_break_after_slashes_first() {
        let m = FontMeasurer::new();
        let font = Font::bold(8.5);
        let lines = wrap("Persyaratan/Perlengkapan", 60.0, font, &m);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Persyaratan/", "Perlengkapan"]);
    }

    #[test]
    fn a_lead_in_line_is_unnumbered_and_restarts_the_numbering_under_it() {
        let m = FontMeasurer::new();
        let items = [
            "Dokumen asli",
            "Hambatan dapat saja terjadi:",
            "Jaringan terputus",
            "Aplikasi tidak dapat diakses",
            "Catatan:",
        ];
        let lines = wrap_list(&items, 400.0, Font::regular(9.0), &m);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "1. Dokumen asli",
                "Hambatan dapat saja terjadi:",
                "1. Jaringan terputus",
                "2. Aplikasi tidak dapat diakses",
                "3. Catatan:"
            ],
            "a colon at the end of the list is no lead-in"
        );
        assert_eq!(list_marks(&["Syarat:"]), [ItemMark::Plain]);
    }

    #[test]
    fn long_words_break_and_newlines_stay() {
        let m = FontMeasurer::new();
        let font = Font::regular(9.0);
        let lines = wrap(
            "https://romantik.web.bps.go.id/rekomendasi\nakhir",
            40.0,
            font,
            &m,
        );
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| l.width <= 40.0));
        assert_eq!(lines.last().map(|l| l.text.as_str()), Some("akhir"));
        let rejoined: String = lines[..lines.len() - 1]
            .iter()
            .map(|l| l.text.strip_suffix('-').unwrap_or(&l.text))
            .collect();
        assert_eq!(rejoined, "https://romantik.web.bps.go.id/rekomendasi");
        // Broken after '/' or '.', or inside a word with a hyphen (the
        // URL's last piece and "akhir" end their paragraphs).
        for line in &lines[..lines.len() - 2] {
            assert!(
                line.text.ends_with(['/', '.', '-']),
                "{:?} ends inside a word",
                line.text
            );
        }
    }

    #[test]
    fn a_width_wraps_at_syllables_when_each_syllable_fits_with_its_hyphen() {
        let m = FontMeasurer::new();
        let font = Font::regular(7.5);
        let dak = m.width("dak", font);
        // "Ti-" and "dak" fit; a little narrower, "dak" would break inside.
        assert!(wraps_at_syllables("Tidak", dak, font, &m));
        assert!(!wraps_at_syllables("Tidak", dak - 0.5, font, &m));
        assert!(wraps_at_syllables("Ya", dak, font, &m));
        // Every word counts; a word that fits needs no syllables.
        assert!(!wraps_at_syllables("Ya Tidak", dak - 0.5, font, &m));
        let kelengkapan = m.width("Kelengkapan", font);
        assert!(wraps_at_syllables("Kelengkapan", kelengkapan, font, &m));
        assert!(wraps_at_syllables(
            "Kelengkapan",
            m.width("Keleng-", font),
            font,
            &m
        ));
    }

    #[test]
    fn a_word_broken_inside_gets_a_hyphen_between_syllables() {
        let m = FontMeasurer::new();
        let font = Font::bold(9.0);
        for (text, width) in [
            ("Kelengkapan", 45.0),
            ("Seksi Pemrosesan", 45.0),
            ("Persediaan", 30.0),
        ] {
            let lines = wrap(text, width, font, &m);
            assert!(lines.len() > 1, "{text}");
            let mut rebuilt = String::new();
            for (i, line) in lines.iter().enumerate() {
                assert!(line.width <= width, "{line:?}");
                let inside =
                    i + 1 < lines.len() && !line.text.contains(' ') && line.text.ends_with('-');
                rebuilt.push_str(
                    line.text
                        .strip_suffix('-')
                        .filter(|_| inside)
                        .unwrap_or(&line.text),
                );
                if !inside && i + 1 < lines.len() {
                    rebuilt.push(' ');
                }
            }
            assert_eq!(rebuilt, text);
            // Each break inside a word is at a syllable boundary.
            for line in lines.iter().filter(|l| l.text.ends_with('-')) {
                let piece = line.text.trim_end_matches('-');
                let word = piece.rsplit(' ').next().unwrap();
                assert!(
                    [
                        "Ke", "Keleng", "Kelengka", "Pem", "Pemro", "Pemrose", "Per", "Perse",
                        "Persedi", "di", "dia", "se", "sedi", "sedia", "ro", "rose", "leng",
                        "lengka"
                    ]
                    .contains(&word),
                    "{text}: broken after {word:?}"
                );
            }
        }
    }
}
