//! Where each field of an imported document came from, so that what
//! validation says about `/activities/3/next` is shown as `Prosedur!F7`;
//! and the performers' ids sheet that keeps actor ids across a round trip.

use super::grid::{Grid, header_key};
use super::header::Field;
use crate::error::Diagnostics;

/// The cells the fields of an imported document came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cells {
    /// The procedure sheet's name.
    pub sheet: String,
    /// The 0-based row of each activity.
    pub rows: Vec<usize>,
    /// The column of each field present.
    pub fields: Vec<(Field, usize)>,
    /// The performer columns of the matrix layout.
    pub performer_cols: Vec<usize>,
    /// Where each actor is named.
    pub actor_cells: Vec<String>,
    /// Where each identity field is written (field name, cell).
    pub identity: Vec<(&'static str, String)>,
}

impl Cells {
    /// Adds the cell to every diagnostic whose path points into the document.
    pub fn locate(&self, mut diagnostics: Diagnostics) -> Diagnostics {
        for d in &mut diagnostics.0 {
            if d.cell.is_none() {
                d.cell = self.cell_of(&d.path);
            }
        }
        diagnostics
    }

    /// The cell a JSON pointer came from.
    pub fn cell_of(&self, pointer: &str) -> Option<String> {
        let mut segments = pointer.trim_start_matches('/').split('/');
        match segments.next()? {
            "activities" => {
                let index: usize = segments.next()?.parse().ok()?;
                let row = *self.rows.get(index)?;
                let field = match segments.next().unwrap_or("text") {
                    "id" => Field::Number,
                    "actor" => Field::Actor,
                    "kind" => Field::Kind,
                    "requirements" => Field::Requirements,
                    "time" => Field::Time,
                    "output" => Field::Output,
                    "notes" => Field::Notes,
                    "symbol_text" => Field::SymbolText,
                    "next" | "yes" | "no" => Field::Next,
                    _ => Field::Text,
                };
                let col = self
                    .column(field)
                    .or_else(|| {
                        (field == Field::Actor)
                            .then(|| self.performer_cols.first().copied())
                            .flatten()
                    })
                    .or_else(|| self.column(Field::Text))?;
                Some(format!("{}!{}", self.sheet, super::grid::a1(row, col)))
            }
            "actors" => {
                let index: usize = segments.next()?.parse().ok()?;
                self.actor_cells.get(index).cloned()
            }
            "identity" => {
                let field = segments.next()?;
                self.identity
                    .iter()
                    .find(|(name, _)| *name == field)
                    .map(|(_, cell)| cell.clone())
            }
            _ => None,
        }
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|&(_, c)| c)
    }
}

/// True for the name of the sheet listing performers' ids.
pub(crate) fn is_actor_sheet(key: &str) -> bool {
    matches!(key, "pelaksana" | "actors")
}

/// The performers' ids sheet: columns Id, Nama (Name) and Kelompok
/// (Group). A writer adds it so that ids survive a round trip; a drafter
/// may leave it out, and ids are then made from the names.
#[derive(Debug, Clone, Default)]
pub(crate) struct ActorIds {
    entries: Vec<(String, Option<String>, String)>,
}

impl ActorIds {
    /// Reads the sheet, if there is one.
    pub fn read(grid: Option<&Grid>) -> Self {
        let Some(grid) = grid else {
            return Self::default();
        };
        let Some(header) = grid.rows.first() else {
            return Self::default();
        };
        let col = |names: &[&str]| {
            header
                .iter()
                .position(|c| names.contains(&header_key(c).as_str()))
        };
        let (Some(id), Some(name)) = (col(&["id"]), col(&["nama", "name"])) else {
            return Self::default();
        };
        let group = col(&["kelompok", "group"]);
        let entries = (1..grid.rows.len())
            .filter(|&r| !grid.text(r, id).is_empty() && !grid.text(r, name).is_empty())
            .map(|r| {
                let group = group
                    .map(|g| grid.text(r, g).to_owned())
                    .filter(|g| !g.is_empty());
                (
                    grid.text(r, name).to_owned(),
                    group,
                    grid.text(r, id).to_owned(),
                )
            })
            .collect();
        Self { entries }
    }

    /// The id of the `occurrence`-th (0-based) performer of this name and
    /// group, if the sheet has it.
    pub fn id_of(&self, name: &str, group: Option<&str>, occurrence: usize) -> Option<String> {
        self.entries
            .iter()
            .filter(|(n, g, _)| n == name && g.as_deref() == group)
            .nth(occurrence)
            .map(|(_, _, id)| id.clone())
    }
}
