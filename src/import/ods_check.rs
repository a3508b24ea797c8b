//! A look at an OpenDocument spreadsheet's `content.xml` before calamine
//! reads it. calamine 0.38 reads every table of the file when it opens it,
//! stores every cell up to the last filled one of each row, and then
//! expands repeated rows (`table:number-rows-repeated`) into one dense
//! block of up to 100 million cells: a few kilobytes of repeated rows
//! become gigabytes. This scan counts, as calamine will, the cells it would
//! store and the block it would build, and refuses a file that would need
//! more than [`MAX_CELLS`], streaming the part so it holds no more than a
//! tag in memory.

use std::io::{BufRead, BufReader, Read};

/// Most cells calamine may hold for all the tables of one file: far above
/// any SOP table (a thousand rows by a hundred columns is 100 000).
pub(crate) const MAX_CELLS: u64 = 2 << 20;
/// The longest tag the scan keeps; longer ones (never written by an
/// office suite) are counted as a filled cell of one column.
const MAX_TAG: usize = 4096;
/// calamine's own caps on the columns of a row and the rows of a table.
const MAX_COLUMNS: u64 = 16_384;
const MAX_ROWS: u64 = 1_048_576;

/// Why calamine must not read a `content.xml`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Its tables would unpack into more than [`MAX_CELLS`] cells.
    TooManyCells,
    /// The part could not be unpacked.
    Unreadable(String),
}

/// Scans `content` (the unpacked `content.xml`).
pub(crate) fn check(content: impl Read) -> Result<(), Refusal> {
    let mut tags = Tags::new(content);
    let mut count = Count::default();
    while let Some(tag) = tags
        .next()
        .map_err(|e| Refusal::Unreadable(e.to_string()))?
    {
        count.see(&tag);
        if count.stored > MAX_CELLS || count.block() > MAX_CELLS {
            return Err(Refusal::TooManyCells);
        }
    }
    Ok(())
}

/// The cells calamine would hold so far.
#[derive(Default)]
struct Count {
    /// Cells stored, all tables so far.
    stored: u64,
    /// Blocks of the tables already closed.
    closed_blocks: u64,
    /// Of the open table: rows up to its last filled row, counting repeats.
    rows_to_last_filled: u64,
    /// Of the open table: rows seen, counting repeats.
    rows: u64,
    /// Of the open table: the rows before its first filled row, which
    /// calamine does not expand.
    rows_before_filled: Option<u64>,
    /// Of the open table: the widest stored row.
    width: u64,
    /// Of the open row: its repeat count, stored cells, empty cells waiting
    /// for a filled one (calamine stores them only then), and whether a
    /// filled cell was seen.
    row_repeats: u64,
    row_cells: u64,
    pending_empty: u64,
    row_filled: bool,
}

impl Count {
    /// The cells of the dense blocks calamine would build.
    fn block(&self) -> u64 {
        self.closed_blocks
            .saturating_add(self.filled_rows().saturating_mul(self.width))
    }

    /// Rows from the first filled row to the last, counting repeats.
    fn filled_rows(&self) -> u64 {
        self.rows_to_last_filled
            .saturating_sub(self.rows_before_filled.unwrap_or(0))
    }

    fn see(&mut self, tag: &Tag) {
        match tag.name.as_slice() {
            b"table:table" if !tag.closing => {
                self.closed_blocks = self.block();
                (self.rows_to_last_filled, self.rows, self.width) = (0, 0, 0);
                self.rows_before_filled = None;
            }
            b"table:table-row" if !tag.closing => {
                let repeats = tag.number("table:number-rows-repeated").max(1);
                self.row_repeats = repeats.min(MAX_ROWS.saturating_sub(self.rows));
                (self.row_cells, self.pending_empty, self.row_filled) = (0, 0, false);
            }
            b"table:table-row" => self.end_row(),
            b"table:table-cell" | b"table:covered-table-cell" if !tag.closing => {
                let room = MAX_COLUMNS.saturating_sub(self.row_cells);
                let repeats = tag.number("table:number-columns-repeated").max(1).min(room);
                let filled = !tag.empty || tag.has("office:value-type");
                if filled {
                    self.row_cells += self.pending_empty.min(room) + repeats;
                    self.row_cells = self.row_cells.min(MAX_COLUMNS);
                    self.stored = self.stored.saturating_add(self.pending_empty + repeats);
                    self.pending_empty = 0;
                    self.row_filled = true;
                } else {
                    self.pending_empty = repeats;
                }
            }
            _ => {}
        }
        if tag.name == b"table:table-row" && !tag.closing && tag.empty {
            self.end_row();
        }
    }

    fn end_row(&mut self) {
        self.rows = self.rows.saturating_add(self.row_repeats);
        if self.row_filled {
            self.rows_before_filled
                .get_or_insert(self.rows - self.row_repeats);
            self.rows_to_last_filled = self.rows;
            self.width = self.width.max(self.row_cells);
        }
        self.row_repeats = 0;
        self.row_filled = false;
    }
}

/// One start, end or empty-element tag: its name and raw attributes.
struct Tag {
    name: Vec<u8>,
    attributes: Vec<u8>,
    closing: bool,
    empty: bool,
}

impl Tag {
    /// The whole number in attribute `name`, 0 when absent or not a number.
    fn number(&self, name: &str) -> u64 {
        self.value(name)
            .and_then(|v| std::str::from_utf8(v).ok())
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    }

    fn has(&self, name: &str) -> bool {
        self.value(name).is_some()
    }

    fn value(&self, name: &str) -> Option<&[u8]> {
        let text = &self.attributes;
        let name = name.as_bytes();
        let mut at = 0;
        while let Some(found) = find(&text[at..], name) {
            let start = at + found;
            let before_ok = start == 0 || text[start - 1].is_ascii_whitespace();
            let rest = &text[start + name.len()..];
            let rest_trimmed = trim_start(rest);
            if before_ok && rest_trimmed.first() == Some(&b'=') {
                let value = trim_start(&rest_trimmed[1..]);
                let quote = *value.first()?;
                let end = value[1..].iter().position(|&b| b == quote)?;
                return Some(&value[1..1 + end]);
            }
            at = start + name.len();
        }
        None
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

/// The tags of an XML stream, read a buffer at a time.
struct Tags<R: Read> {
    input: BufReader<R>,
}

impl<R: Read> Tags<R> {
    fn new(input: R) -> Self {
        Self {
            input: BufReader::new(input),
        }
    }

    /// The next tag, skipping text, comments and declarations.
    fn next(&mut self) -> std::io::Result<Option<Tag>> {
        loop {
            let mut skipped = Vec::new();
            if self.input.read_until(b'<', &mut skipped)? == 0 || skipped.last() != Some(&b'<') {
                return Ok(None);
            }
            let mut raw = Vec::new();
            let mut quote = None;
            loop {
                let buf = self.input.fill_buf()?;
                if buf.is_empty() {
                    return Ok(None);
                }
                let mut used = 0;
                let mut done = false;
                for &b in buf {
                    used += 1;
                    match quote {
                        Some(q) if b == q => quote = None,
                        Some(_) => {}
                        None if b == b'"' || b == b'\'' => quote = Some(b),
                        None if b == b'>' => {
                            done = true;
                            break;
                        }
                        None => {}
                    }
                    if raw.len() < MAX_TAG {
                        raw.push(b);
                    }
                }
                self.input.consume(used);
                if done {
                    break;
                }
            }
            if raw.first().is_some_and(|b| matches!(b, b'!' | b'?')) {
                continue;
            }
            return Ok(Some(Tag::parse(raw)));
        }
    }
}

impl Tag {
    fn parse(raw: Vec<u8>) -> Self {
        let closing = raw.first() == Some(&b'/');
        let empty = raw.last() == Some(&b'/');
        let body = &raw[usize::from(closing)..raw.len() - usize::from(empty && raw.len() > 1)];
        let name_len = body
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(body.len());
        Self {
            name: body[..name_len].to_vec(),
            attributes: body[name_len..].to_vec(),
            closing,
            empty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><office:document-content><office:body><office:spreadsheet>\
             <table:table table:name=\"Prosedur\">{rows}</table:table>\
             </office:spreadsheet></office:body></office:document-content>"
        )
    }

    #[test]
    fn an_ordinary_sheet_with_trailing_empty_cells_passes() {
        let row = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>1</text:p>\
                   </table:table-cell><table:table-cell table:number-columns-repeated=\"16383\"/></table:table-row>";
        let trailing = "<table:table-row table:number-rows-repeated=\"1048000\">\
                        <table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>";
        let content = table(&format!("{}{trailing}", row.repeat(200)));
        assert_eq!(check(content.as_bytes()), Ok(()));
    }

    #[test]
    fn repeated_filled_rows_that_would_make_a_huge_block_are_refused() {
        let row = "<table:table-row table:number-rows-repeated=\"1000000\">\
                   <table:table-cell office:value-type=\"float\" office:value=\"1\" \
                   table:number-columns-repeated=\"100\"/></table:table-row>";
        assert_eq!(check(table(row).as_bytes()), Err(Refusal::TooManyCells));
    }

    #[test]
    fn a_far_filled_cell_after_many_empty_columns_counts_its_empty_cells() {
        let row = "<table:table-row><table:table-cell table:number-columns-repeated=\"16000\"/>\
                   <table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>\
                   </table:table-row>";
        assert_eq!(
            check(table(&row.repeat(200)).as_bytes()),
            Err(Refusal::TooManyCells)
        );
        assert_eq!(check(table(&row.repeat(100)).as_bytes()), Ok(()));
    }

    #[test]
    fn a_greater_than_sign_inside_an_attribute_does_not_end_the_tag() {
        let tag = Tags::new(&b"<a x=\"1>2\" table:number-rows-repeated='7'/>"[..])
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(tag.name, b"a");
        assert!(tag.empty);
        assert_eq!(tag.number("table:number-rows-repeated"), 7);
    }
}
