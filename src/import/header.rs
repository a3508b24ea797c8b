//! Finding the header of the procedure sheet (one to three rows, merged or
//! not) and what each column holds: a field of the activity, or one
//! performer of the matrix layout with its group.

use super::grid::{Grid, header_key};
use super::{Lang, t};
use crate::error::{Code, Diagnostic, Diagnostics};

/// What a column of the procedure sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// No: the activity id.
    Number,
    /// Kegiatan: the activity text.
    Text,
    /// Pelaksana of the list layout: performers' names.
    Actor,
    /// Kelengkapan.
    Requirements,
    /// Waktu.
    Time,
    /// Output.
    Output,
    /// Keterangan.
    Notes,
    /// Jenis: the kind of step.
    Kind,
    /// Lanjut: the successors.
    Next,
    /// Teks Simbol: the short text inside the symbol.
    SymbolText,
}

/// Header texts accepted for each field, as [`header_key`]s.
const FIELD_NAMES: &[(Field, &[&str])] = &[
    (Field::Number, &["no", "nomor", "id"]),
    (
        Field::Text,
        &[
            "kegiatan",
            "uraiankegiatan",
            "uraian",
            "aktivitas",
            "activity",
        ],
    ),
    (Field::Actor, &["pelaksana", "pelaku", "actor", "performer"]),
    (
        Field::Requirements,
        &["kelengkapan", "persyaratan", "input", "requirements"],
    ),
    (Field::Time, &["waktu", "time", "duration"]),
    (Field::Output, &["output", "hasil", "keluaran"]),
    (Field::Notes, &["keterangan", "catatan", "notes"]),
    (Field::Kind, &["jenis", "simbol", "kind"]),
    (Field::Next, &["lanjut", "lanjutke", "next", "ke"]),
    (Field::SymbolText, &["tekssimbol", "symboltext"]),
];

/// The field a header text names exactly (case, spaces and punctuation
/// aside).
pub(crate) fn field_of(text: &str) -> Option<Field> {
    let key = header_key(text);
    FIELD_NAMES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|&(field, _)| field)
}

/// [`field_of`], or else the field whose name begins the header
/// ("Waktu (menit)", "Persyaratan/Perlengkapan"), for names of five
/// letters or more.
fn field_of_loose(text: &str) -> Option<Field> {
    field_of(text).or_else(|| {
        let key = header_key(text);
        FIELD_NAMES
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.len() >= 5 && key.starts_with(n)))
            .map(|&(field, _)| field)
    })
}

/// A performer column of the matrix layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PerformerColumn {
    /// 0-based column.
    pub col: usize,
    /// The performer's name (the lowest header cell).
    pub name: String,
    /// The actor group above the name, if any.
    pub group: Option<String>,
}

/// The header of the procedure sheet, read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// 0-based first header row.
    pub top: usize,
    /// 0-based first row after the header.
    pub data_start: usize,
    /// Columns holding activity fields.
    pub fields: Vec<(Field, usize)>,
    /// Performer columns (matrix layout), left to right.
    pub performers: Vec<PerformerColumn>,
    /// Warnings about columns left out.
    pub warnings: Vec<Diagnostic>,
}

impl Header {
    /// The column of a field, if the sheet has it.
    pub fn col(&self, field: Field) -> Option<usize> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|&(_, c)| c)
    }
}

/// Rows searched for the header from the top of a sheet.
const SEARCH_ROWS: usize = 50;

/// Finds the header: the first row with a Kegiatan cell, with up to two
/// more rows below it. `None` when the sheet has no Kegiatan column.
pub(crate) fn find(grid: &Grid, lang: Lang) -> Option<Result<Header, Diagnostics>> {
    let (top, text_col) = (0..grid.rows.len().min(SEARCH_ROWS)).find_map(|row| {
        (0..grid.rows[row].len())
            .find(|&col| field_of(grid.text(row, col)) == Some(Field::Text))
            .map(|col| (row, col))
    })?;
    let depth = depth(grid, top, text_col);
    Some(read(grid, top, depth, lang))
}

/// How many rows the header has: the height of a vertically merged
/// Kegiatan cell, else the rows below whose Kegiatan cell is empty (a
/// data row always has its Kegiatan).
fn depth(grid: &Grid, top: usize, text_col: usize) -> usize {
    if let Some(merge) = grid.merge_at(top, text_col)
        && merge.bottom > merge.top
    {
        return (merge.bottom - merge.top + 1).min(3);
    }
    let number_col =
        (0..grid.rows[top].len()).find(|&col| field_of(grid.text(top, col)) == Some(Field::Number));
    let mut depth = 1;
    while depth < 3 {
        let row = top + depth;
        let numbered = number_col.is_some_and(|col| grid.text(row, col).parse::<u64>().is_ok());
        if grid.row_is_empty(row)
            || !grid.text(row, text_col).is_empty()
            || numbered
            || is_column_numbers(grid, row)
            || !under_a_group(grid, top, row)
        {
            break;
        }
        depth += 1;
    }
    depth
}

/// True when some cell of `row` stands under a group of the rows above:
/// a horizontally merged cell, or a column whose cells above are empty
/// (the unmerged spread of "Pelaksana" over its performers).
fn under_a_group(grid: &Grid, top: usize, row: usize) -> bool {
    grid.merges
        .iter()
        .any(|m| (top..row).contains(&m.top) && m.right > m.left)
        || grid.rows[row].iter().enumerate().any(|(col, text)| {
            !text.is_empty() && (top..row).all(|r| grid.shown(r, col).is_empty())
        })
}

/// True for the row of column numbers (1, 2, 3, …) printed tables carry
/// under their header.
fn is_column_numbers(grid: &Grid, row: usize) -> bool {
    let numbers: Vec<i64> = match grid.rows.get(row) {
        Some(cells) => {
            let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
            let parsed: Vec<i64> = filled.iter().filter_map(|c| c.parse().ok()).collect();
            if parsed.len() != filled.len() {
                return false;
            }
            parsed
        }
        None => return false,
    };
    numbers.len() >= 3 && numbers.windows(2).all(|w| w[1] == w[0] + 1)
}

fn read(grid: &Grid, top: usize, depth: usize, lang: Lang) -> Result<Header, Diagnostics> {
    let width = (top..top + depth)
        .map(|r| grid.rows.get(r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let filled = fill(grid, top, depth, width);
    let mut header = Header {
        top,
        data_start: top + depth + usize::from(is_column_numbers(grid, top + depth)),
        ..Header::default()
    };
    for col in 0..width {
        let mut path: Vec<&str> = Vec::new();
        for row_texts in &filled {
            let text = row_texts[col].as_str();
            if !text.is_empty() && path.last() != Some(&text) {
                path.push(text);
            }
        }
        let Some(&leaf) = path.last() else { continue };
        let under_performers = path.len() >= 2 && field_of_loose(path[0]) == Some(Field::Actor);
        if under_performers {
            header.performers.push(PerformerColumn {
                col,
                name: leaf.to_owned(),
                group: (path.len() >= 3).then(|| path[path.len() - 2].to_owned()),
            });
            continue;
        }
        let leaf_row = (top..top + depth)
            .rev()
            .find(|&r| !grid.shown(r, col).is_empty())
            .unwrap_or(top);
        match field_of_loose(leaf) {
            Some(field) => {
                if let Some(first) = header.col(field) {
                    return super::fail(
                        Diagnostic::error(
                            Code::InvalidCell,
                            "",
                            t(
                                lang,
                                &format!(
                                    "kolom \"{leaf}\" muncul dua kali (juga di {})",
                                    grid.cell_ref(leaf_row, first)
                                ),
                                &format!(
                                    "the column \"{leaf}\" appears twice (also at {})",
                                    grid.cell_ref(leaf_row, first)
                                ),
                            ),
                        )
                        .at_cell(grid.cell_ref(leaf_row, col)),
                    );
                }
                header.fields.push((field, col));
            }
            None => header.warnings.push(
                Diagnostic::warning(
                    Code::UnknownColumn,
                    "",
                    t(
                        lang,
                        &format!("kolom \"{leaf}\" tidak dikenal dan diabaikan"),
                        &format!("the column \"{leaf}\" is not known and is left out"),
                    ),
                )
                .at_cell(grid.cell_ref(leaf_row, col)),
            ),
        }
    }
    if header.col(Field::Actor).is_some() && !header.performers.is_empty() {
        let col = header.col(Field::Actor).unwrap_or_default();
        return super::fail(Diagnostic::error(
            Code::InvalidCell,
            "",
            t(
                lang,
                "tabel memakai kolom Pelaksana berisi nama sekaligus kolom per pelaksana; pilih salah satu",
                "the table has both a Pelaksana column of names and one column per performer; keep one",
            ),
        )
        .at_cell(grid.cell_ref(top, col)));
    }
    Ok(header)
}

/// The header texts with merged cells filled across their range. Where
/// the format keeps no merges, an empty cell above a named cell belongs
/// to the group on its left ("Pelaksana" over the performers).
fn fill(grid: &Grid, top: usize, depth: usize, width: usize) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = (top..top + depth)
        .map(|r| (0..width).map(|c| grid.shown(r, c).to_owned()).collect())
        .collect();
    if !grid.merges.is_empty() {
        return rows;
    }
    let named_below =
        |rows: &[Vec<String>], h: usize, c: usize| rows[h + 1..].iter().any(|r| !r[c].is_empty());
    for h in 0..depth.saturating_sub(1) {
        for c in 1..width {
            if rows[h][c].is_empty()
                && named_below(&rows, h, c)
                && !rows[h][c - 1].is_empty()
                && named_below(&rows, h, c - 1)
            {
                rows[h][c] = rows[h][c - 1].clone();
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            name: "S".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
            merges: Vec::new(),
        }
    }

    #[test]
    fn a_three_row_header_without_merges_gives_groups_and_performers() {
        let g = grid(&[
            &["SOP Pelayanan"],
            &[
                "No",
                "Kegiatan",
                "Pelaksana",
                "",
                "",
                "",
                "Mutu Baku",
                "",
                "",
                "Keterangan",
            ],
            &[
                "",
                "",
                "Satker Penerima",
                "",
                "",
                "Kepala",
                "Kelengkapan",
                "Waktu",
                "Output",
                "",
            ],
            &["", "", "Tim A", "Tim B", "Tim C", "", "", "", "", ""],
            &["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
            &["1", "Mulai", "v"],
        ]);
        let h = find(&g, Lang::Id).unwrap().unwrap();
        assert_eq!((h.top, h.data_start), (1, 5));
        let names: Vec<(&str, Option<&str>)> = h
            .performers
            .iter()
            .map(|p| (p.name.as_str(), p.group.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("Tim A", Some("Satker Penerima")),
                ("Tim B", Some("Satker Penerima")),
                ("Tim C", Some("Satker Penerima")),
                ("Kepala", None)
            ]
        );
        assert_eq!(h.col(Field::Time), Some(7));
        assert_eq!(h.col(Field::Notes), Some(9));
    }

    #[test]
    fn a_header_that_begins_with_a_field_name_names_it() {
        let g = grid(&[
            &[
                "No",
                "Kegiatan",
                "Pelaksana (Unit)",
                "Waktu (menit)",
                "Persyaratan/Perlengkapan",
                "Warna",
            ],
            &["1", "Mulai", "A", "5", "", ""],
        ]);
        let h = find(&g, Lang::Id).unwrap().unwrap();
        assert_eq!(h.col(Field::Actor), Some(2));
        assert_eq!(h.col(Field::Time), Some(3));
        assert_eq!(h.col(Field::Requirements), Some(4));
        assert_eq!(h.warnings.len(), 1, "Warna is no field");
    }

    #[test]
    fn a_one_row_list_header_is_one_row() {
        let g = grid(&[
            &["No.", "Uraian Kegiatan", "Pelaku", "Lanjut ke"],
            &["1", "Mulai", "A", ""],
        ]);
        let h = find(&g, Lang::Id).unwrap().unwrap();
        assert_eq!(h.data_start, 1);
        assert_eq!(h.col(Field::Actor), Some(2));
        assert_eq!(h.col(Field::Next), Some(3));
        assert!(h.performers.is_empty());
    }
}
