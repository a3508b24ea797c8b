//! Reading a CSV file into a [`Grid`]: UTF-8 with or without BOM (or the
//! Windows-1252 that older Excel writes), `,`, `;` or tab separated, the
//! separator found from the header line, quoted cells with line breaks.

use super::grid::{Grid, a1};
use super::{Lang, SheetLimits, clean_text, t};
use crate::error::{Code, Diagnostic, Diagnostics};

/// The name CSV cells are referred to by (`CSV!C7`).
pub(crate) const SHEET_NAME: &str = "CSV";

/// Reads CSV bytes into one grid.
pub(crate) fn read(bytes: &[u8], limits: &SheetLimits, lang: Lang) -> Result<Grid, Diagnostics> {
    let text = decode(bytes);
    if text.contains('\0') {
        return super::fail(Diagnostic::error(
            Code::UnreadableWorkbook,
            "",
            t(
                lang,
                "berkas ini bukan CSV (berisi data biner)",
                "this is not a CSV file (it holds binary data)",
            ),
        ));
    }
    let separator = separator_of(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut grid = Grid {
        name: SHEET_NAME.to_owned(),
        ..Grid::default()
    };
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Diagnostic::error(
                Code::UnreadableWorkbook,
                "",
                t(
                    lang,
                    &format!("baris {} CSV tidak terbaca: {e}", row + 1),
                    &format!("CSV line {} cannot be read: {e}", row + 1),
                ),
            )
        })?;
        if row >= limits.max_rows || record.len() > limits.max_columns {
            let (id, en) = if row >= limits.max_rows {
                (
                    format!("CSV lebih dari {} baris", limits.max_rows),
                    format!("the CSV has more than {} rows", limits.max_rows),
                )
            } else {
                (
                    format!(
                        "baris berisi {} kolom, melebihi batas {}",
                        record.len(),
                        limits.max_columns
                    ),
                    format!(
                        "the row has {} columns, more than the limit of {}",
                        record.len(),
                        limits.max_columns
                    ),
                )
            };
            return super::fail(
                Diagnostic::error(Code::LimitExceeded, "", t(lang, &id, &en))
                    .at_cell(format!("{SHEET_NAME}!{}", a1(row, 0))),
            );
        }
        let mut cells = Vec::with_capacity(record.len());
        for (col, field) in record.iter().enumerate() {
            if field.chars().count() > limits.max_cell_chars {
                return super::fail(
                    Diagnostic::error(
                        Code::LimitExceeded,
                        "",
                        t(
                            lang,
                            &format!("sel berisi lebih dari {} karakter", limits.max_cell_chars),
                            &format!(
                                "the cell holds more than {} characters",
                                limits.max_cell_chars
                            ),
                        ),
                    )
                    .at_cell(format!("{SHEET_NAME}!{}", a1(row, col))),
                );
            }
            cells.push(clean_text(field));
        }
        grid.rows.push(cells);
    }
    Ok(grid)
}

/// The text of the bytes: UTF-8 without its BOM, else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// One Windows-1252 byte as a character.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The separator used on the header line (the first line naming a
/// Kegiatan column, else the first line): the most frequent of `;`, `,`
/// and tab outside quotes.
fn separator_of(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().take(50).collect();
    let header = lines
        .iter()
        .find(|line| {
            let lower = line.to_lowercase();
            ["kegiatan", "uraian", "aktivitas", "activity"]
                .iter()
                .any(|w| lower.contains(w))
        })
        .or(lines.first())
        .copied()
        .unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b';', b',', b'\t'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_comes_from_the_header_line() {
        assert_eq!(
            separator_of("SOP Pelayanan, Kota\nNo;Kegiatan;Pelaksana\n"),
            b';'
        );
        assert_eq!(separator_of("No,Kegiatan,\"a;b\"\n"), b',');
        assert_eq!(separator_of("No\tKegiatan\n"), b'\t');
    }

    #[test]
    fn windows_1252_bytes_are_decoded() {
        assert_eq!(decode(b"Caf\xe9 \x96 \x80"), "Café – €");
        assert_eq!(decode(b"\xef\xbb\xbfNo"), "No");
    }
}
