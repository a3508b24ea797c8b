//! A sheet as a grid of texts with its merged ranges: what every
//! spreadsheet reader (XLSX, XLS, ODS, CSV) produces, and all the
//! procedure and identity readers look at.

/// A rectangle of merged cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    /// First row.
    pub top: usize,
    /// First column.
    pub left: usize,
    /// Last row.
    pub bottom: usize,
    /// Last column.
    pub right: usize,
}

impl Merge {
    fn contains(&self, row: usize, col: usize) -> bool {
        (self.top..=self.bottom).contains(&row) && (self.left..=self.right).contains(&col)
    }
}

/// One sheet: its name, its cells as trimmed texts (dates already ISO),
/// and its merged ranges when the format records them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    /// The sheet's name (`Prosedur`); for CSV the file's kind.
    pub name: String,
    /// Rows of cells; rows may be shorter than the widest one.
    pub rows: Vec<Vec<String>>,
    /// Merged ranges (XLSX, XLS); empty where the format has none (ODS
    /// through calamine, CSV), in which case headers are read by the
    /// layout of their texts.
    pub merges: Vec<Merge>,
}

impl Grid {
    /// The text of a cell, empty outside the grid.
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or("", String::as_str)
    }

    /// The text a cell shows: its own, or that of the merged range it lies in.
    pub fn shown(&self, row: usize, col: usize) -> &str {
        match self.merges.iter().find(|m| m.contains(row, col)) {
            Some(m) => self.text(m.top, m.left),
            None => self.text(row, col),
        }
    }

    /// The merged range a cell belongs to, if any.
    pub fn merge_at(&self, row: usize, col: usize) -> Option<Merge> {
        self.merges.iter().copied().find(|m| m.contains(row, col))
    }

    /// True when every cell of the row is empty.
    pub fn row_is_empty(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.iter().all(String::is_empty))
    }

    /// The reference of a cell as a drafter reads it: `Prosedur!E3`.
    pub fn cell_ref(&self, row: usize, col: usize) -> String {
        format!("{}!{}", self.name, a1(row, col))
    }
}

/// The A1 name of a 0-based cell (`(2, 4)` is `E3`).
pub(crate) fn a1(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// The letters of a 0-based column: A … Z, AA, AB, …
pub(crate) fn column_letters(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A header text reduced for matching: lowercase letters and digits only
/// ("Uraian Kegiatan" and "uraian-kegiatan" are both `uraiankegiatan`).
pub(crate) fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_follow_the_spreadsheet_convention() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(2, 4), "E3");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn merged_cells_show_their_first_cell() {
        let grid = Grid {
            name: "S".into(),
            rows: vec![vec!["Pelaksana".into(), String::new()], vec!["A".into()]],
            merges: vec![Merge {
                top: 0,
                left: 0,
                bottom: 0,
                right: 1,
            }],
        };
        assert_eq!(grid.shown(0, 1), "Pelaksana");
        assert_eq!(grid.shown(1, 1), "");
        assert_eq!(header_key(" Lanjut ke: "), "lanjutke");
    }
}
