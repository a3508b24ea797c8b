//! The procedure sheet's rows into activities and performers (list or
//! matrix layout), with every problem named by its cell.

use super::cells::{ActorIds, Cells};
use super::grid::Grid;
use super::header::{Field, Header};
use super::lists::numbered_items;
use super::next_cell::{self, Successors};
use super::{Imported, Lang, identity, t};
use crate::error::{Code, Diagnostic, Diagnostics};
use crate::limits::Limits;
use crate::model::{Activity, Actor, Branch, FORMAT, Kind, LabelledBranch, Next, Sop};
use std::collections::{HashMap, HashSet};

/// Builds the document from the procedure sheet (with its header), the
/// identity sheet and the performers' ids sheet, when found.
pub(crate) fn read_workbook(
    procedure: Option<(Grid, Header)>,
    identity_grid: Option<&Grid>,
    actor_ids: Option<&Grid>,
    limits: &Limits,
    lang: Lang,
) -> Result<Imported, Diagnostics> {
    let Some((grid, header)) = procedure else {
        return Err(Diagnostics(vec![Diagnostic::error(
            Code::NoProcedureSheet,
            "",
            t(
                lang,
                "tidak ada sheet dengan baris judul berkolom Kegiatan (atau Uraian Kegiatan)",
                "no sheet has a header row with a Kegiatan (or Uraian Kegiatan) column",
            ),
        )]));
    };
    let mut problems = Diagnostics(header.warnings.clone());
    let ids = ActorIds::read(actor_ids);
    let mut reader = Reader {
        grid: &grid,
        header: &header,
        lang,
        problems: &mut problems,
        actors: Vec::new(),
        actor_cells: Vec::new(),
        actor_index: HashMap::new(),
    };
    reader.matrix_actors(&ids);
    let rows = reader.data_rows();
    if rows.len() > limits.max_activities {
        reader.problems.push(Diagnostic::error(
            Code::LimitExceeded,
            "",
            t(
                lang,
                &format!(
                    "{} kegiatan, melebihi batas max_activities {}",
                    rows.len(),
                    limits.max_activities
                ),
                &format!(
                    "{} activities, more than the limit max_activities {}",
                    rows.len(),
                    limits.max_activities
                ),
            ),
        ));
        return Err(problems);
    }
    reader.warn_headless_cells(&rows);
    let successors: Vec<Successors> = rows.iter().map(|&row| reader.successors(row)).collect();
    let mut activities = Vec::with_capacity(rows.len());
    for (index, &row) in rows.iter().enumerate() {
        activities.push(reader.activity(index, row, &rows, &successors, &ids));
    }
    reader.check_targets(&rows, &activities, &successors);
    let Reader {
        actors,
        actor_cells,
        ..
    } = reader;
    let (identity, identity_cells) = match identity_grid {
        Some(g) => identity::read(g, lang, &mut problems),
        None => (None, Vec::new()),
    };
    if problems.has_errors() {
        return Err(problems);
    }
    let cells = Cells {
        sheet: grid.name.clone(),
        rows,
        fields: header.fields.clone(),
        performer_cols: header.performers.iter().map(|p| p.col).collect(),
        actor_cells,
        identity: identity_cells,
    };
    Ok(Imported {
        sop: Sop {
            format: Some(FORMAT.to_owned()),
            identity,
            actors,
            activities,
        },
        warnings: problems,
        origin: Some(super::Origin::Cells(cells)),
    })
}

/// Most warnings about cells under no header.
const HEADLESS_WARNINGS: usize = 10;

struct Reader<'a> {
    grid: &'a Grid,
    header: &'a Header,
    lang: Lang,
    problems: &'a mut Diagnostics,
    actors: Vec<Actor>,
    /// Where each actor is named (header cell or first Pelaksana cell).
    actor_cells: Vec<String>,
    /// Actor index by name, for the list layout.
    actor_index: HashMap<String, usize>,
}

impl Reader<'_> {
    fn text(&self, row: usize, field: Field) -> &str {
        self.header
            .col(field)
            .map_or("", |col| self.grid.text(row, col))
    }

    fn cell(&self, row: usize, field: Field) -> String {
        let col = self
            .header
            .col(field)
            .or(self.header.col(Field::Text))
            .unwrap_or(0);
        self.grid.cell_ref(row, col)
    }

    fn error(&mut self, cell: String, indonesian: String, english: String) {
        self.problems.push(
            Diagnostic::error(Code::InvalidCell, "", t(self.lang, &indonesian, &english))
                .at_cell(cell),
        );
    }

    /// The performers of the matrix layout, from its header. Ids come
    /// from the performers' sheet, else from the name, with the group
    /// (and a count) where names repeat.
    fn matrix_actors(&mut self, ids: &ActorIds) {
        let mut seen: HashMap<(&str, Option<&str>), usize> = HashMap::new();
        let mut names: HashMap<&str, usize> = HashMap::new();
        for p in &self.header.performers {
            *names.entry(p.name.as_str()).or_default() += 1;
        }
        for p in &self.header.performers {
            let occurrence = seen
                .entry((p.name.as_str(), p.group.as_deref()))
                .or_default();
            let id = ids
                .id_of(&p.name, p.group.as_deref(), *occurrence)
                .or_else(|| {
                    (names[p.name.as_str()] > 1).then(|| {
                        let base = match &p.group {
                            Some(group) => format!("{group} / {}", p.name),
                            None => p.name.clone(),
                        };
                        if *occurrence == 0 {
                            base
                        } else {
                            format!("{base} ({})", *occurrence + 1)
                        }
                    })
                });
            *occurrence += 1;
            self.actors.push(Actor {
                id,
                name: p.name.clone(),
                group: p.group.clone(),
            });
            let row = (self.header.top..self.header.data_start)
                .rev()
                .find(|&r| self.grid.shown(r, p.col) == p.name)
                .unwrap_or(self.header.top);
            self.actor_cells.push(self.grid.cell_ref(row, p.col));
        }
        let mut keys = HashSet::new();
        for (actor, cell) in self.actors.iter().zip(&self.actor_cells) {
            if !keys.insert(actor.key()) {
                self.problems.push(
                    Diagnostic::error(
                        Code::InvalidCell,
                        "",
                        t(
                            self.lang,
                            &format!(
                                "id pelaksana \"{}\" dipakai dua kali (lembar Pelaksana)",
                                actor.key()
                            ),
                            &format!(
                                "the performer id \"{}\" is used twice (Pelaksana sheet)",
                                actor.key()
                            ),
                        ),
                    )
                    .at_cell(cell.clone()),
                );
            }
        }
    }

    /// The rows holding activities: not empty, not a repeated header, not
    /// a row with nothing but its number.
    fn data_rows(&self) -> Vec<usize> {
        let Some(text_col) = self.header.col(Field::Text) else {
            return Vec::new();
        };
        let number_col = self.header.col(Field::Number);
        (self.header.data_start..self.grid.rows.len())
            .filter(|&row| {
                let cells = &self.grid.rows[row];
                let has_content = cells
                    .iter()
                    .enumerate()
                    .any(|(col, c)| !c.is_empty() && Some(col) != number_col);
                let repeated_header =
                    super::header::field_of(self.grid.text(row, text_col)) == Some(Field::Text);
                has_content && !repeated_header
            })
            .collect()
    }

    /// Warns of filled cells under no header (often a Lanjut cell split by
    /// an unquoted `;` in CSV); at most [`HEADLESS_WARNINGS`] of them.
    fn warn_headless_cells(&mut self, rows: &[usize]) {
        let known: HashSet<usize> = self
            .header
            .fields
            .iter()
            .map(|&(_, c)| c)
            .chain(self.header.performers.iter().map(|p| p.col))
            .collect();
        let headless = rows.iter().flat_map(|&row| {
            self.grid.rows[row]
                .iter()
                .enumerate()
                .filter(|(col, text)| !text.is_empty() && !known.contains(col))
                .map(move |(col, _)| (row, col))
        });
        let found: Vec<(usize, usize)> = headless.take(HEADLESS_WARNINGS).collect();
        for (row, col) in found {
            self.problems.push(
                Diagnostic::warning(
                    Code::UnknownColumn,
                    "",
                    t(
                        self.lang,
                        "sel ini tidak berada di bawah judul kolom mana pun dan diabaikan",
                        "this cell stands under no column header and is left out",
                    ),
                )
                .at_cell(self.grid.cell_ref(row, col)),
            );
        }
    }

    fn successors(&mut self, row: usize) -> Successors {
        let written = self.text(row, Field::Next).to_owned();
        match next_cell::parse(&written) {
            Ok(s) => s,
            Err(part) => {
                let cell = self.cell(row, Field::Next);
                self.error(
                    cell,
                    format!("\"{part}\" tidak menyebut nomor kegiatan tujuan (tulis mis. \"Ya: 5; Tidak: 2\")"),
                    format!("\"{part}\" names no target activity number (write e.g. \"Ya: 5; Tidak: 2\")"),
                );
                Successors::Following
            }
        }
    }

    fn activity(
        &mut self,
        index: usize,
        row: usize,
        rows: &[usize],
        successors: &[Successors],
        ids: &ActorIds,
    ) -> Activity {
        let optional = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        let id = optional(self.text(row, Field::Number).trim_end_matches('.'));
        let text = self.text(row, Field::Text).to_owned();
        if text.is_empty() {
            let cell = self.cell(row, Field::Text);
            self.error(
                cell,
                "Kegiatan kosong; setiap baris kegiatan perlu uraian".into(),
                "Kegiatan is empty; every activity row needs its text".into(),
            );
        }
        let actor = self.performers_of(row, ids);
        let kind = self.kind(index, row, rows.len(), &successors[index]);
        let (next, yes, no) = next_fields(&successors[index], kind);
        Activity {
            id,
            text,
            actor,
            kind,
            requirements: numbered_items(self.text(row, Field::Requirements)),
            time: optional(self.text(row, Field::Time)),
            output: optional(self.text(row, Field::Output)),
            notes: optional(self.text(row, Field::Notes)),
            symbol_text: optional(self.text(row, Field::SymbolText)),
            next,
            yes,
            no,
        }
    }

    /// The actor keys of a row: marks in the matrix layout, names in the
    /// list layout (separated by `;` or line breaks).
    fn performers_of(&mut self, row: usize, ids: &ActorIds) -> Vec<String> {
        let keys: Vec<String> = if self.header.performers.is_empty() {
            let names: Vec<String> = self
                .text(row, Field::Actor)
                .split([';', '\n'])
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            names
                .into_iter()
                .map(|name| self.list_actor(row, name, ids))
                .collect()
        } else {
            self.header
                .performers
                .iter()
                .zip(&self.actors)
                .filter(|(p, _)| !self.grid.text(row, p.col).is_empty())
                .map(|(_, actor)| actor.key().to_owned())
                .collect()
        };
        if keys.is_empty() {
            let cell = match self.header.performers.first() {
                Some(p) => self.grid.cell_ref(row, p.col),
                None => self.cell(row, Field::Actor),
            };
            let (id, en) = if self.header.performers.is_empty() {
                ("Pelaksana kosong", "Pelaksana is empty")
            } else {
                (
                    "tidak ada tanda pada kolom pelaksana mana pun",
                    "no performer column is marked",
                )
            };
            self.error(cell, id.into(), en.into());
        }
        keys
    }

    /// The key of a performer named in the list layout, adding it on its
    /// first appearance.
    fn list_actor(&mut self, row: usize, name: String, ids: &ActorIds) -> String {
        if let Some(&i) = self.actor_index.get(&name) {
            return self.actors[i].key().to_owned();
        }
        self.actor_index.insert(name.clone(), self.actors.len());
        let id = ids.id_of(&name, None, 0);
        self.actors.push(Actor {
            id,
            name,
            group: None,
        });
        self.actor_cells.push(self.cell(row, Field::Actor));
        self.actors[self.actors.len() - 1].key().to_owned()
    }

    /// The Jenis cell, or the kind the contract infers when the sheet has
    /// no Jenis column.
    fn kind(&mut self, index: usize, row: usize, count: usize, next: &Successors) -> Option<Kind> {
        if self.header.col(Field::Kind).is_none() {
            let last = index + 1 == count;
            return Some(if index == 0 {
                Kind::Start
            } else if *next == Successors::Nothing || last && *next == Successors::Following {
                Kind::End
            } else if next.labelled() >= 2 {
                Kind::Decision
            } else {
                Kind::Process
            });
        }
        let written = self.text(row, Field::Kind);
        if written.is_empty() {
            return None;
        }
        let kind = match super::grid::header_key(written).as_str() {
            "mulai" | "start" | "awal" => Kind::Start,
            "proses" | "process" | "kegiatan" => Kind::Process,
            "keputusan" | "decision" | "keputusanpilihan" => Kind::Decision,
            "selesai" | "end" | "akhir" => Kind::End,
            _ => {
                let cell = self.cell(row, Field::Kind);
                self.error(
                    cell,
                    format!("Jenis \"{written}\" tidak dikenal; tulis mulai, proses, keputusan atau selesai"),
                    format!("Jenis \"{written}\" is not known; write start, process, decision or end"),
                );
                return None;
            }
        };
        Some(kind)
    }

    /// Refuses Lanjut targets that are no activity's No.
    fn check_targets(
        &mut self,
        rows: &[usize],
        activities: &[Activity],
        successors: &[Successors],
    ) {
        let ids: HashSet<String> = activities
            .iter()
            .enumerate()
            .map(|(i, a)| a.id.clone().unwrap_or_else(|| (i + 1).to_string()))
            .collect();
        for (&row, next) in rows.iter().zip(successors) {
            let Successors::Targets(targets) = next else {
                continue;
            };
            for target in targets.iter().filter(|t| !ids.contains(&t.to)) {
                let cell = self.cell(row, Field::Next);
                self.error(
                    cell,
                    format!(
                        "\"{}\" menunjuk kegiatan {}, yang tidak ada dalam tabel",
                        target.written, target.to
                    ),
                    format!(
                        "\"{}\" points to activity {}, which is not in the table",
                        target.written, target.to
                    ),
                );
            }
        }
    }
}

/// The model's `next`, `yes` and `no` for what a Lanjut cell says: Ya and
/// Tidak of a decision become `yes` and `no`.
fn next_fields(
    successors: &Successors,
    kind: Option<Kind>,
) -> (Option<Next>, Option<String>, Option<String>) {
    let targets = match successors {
        Successors::Following => return (None, None, None),
        Successors::Nothing if kind == Some(Kind::End) => return (None, None, None),
        Successors::Nothing => return (Some(Next::Many(Vec::new())), None, None),
        Successors::Targets(targets) => targets,
    };
    fn yes_no<'t>(
        targets: &'t [next_cell::Target],
        words: &'static [&'static str],
    ) -> impl Iterator<Item = &'t next_cell::Target> {
        targets.iter().filter(move |t| {
            t.label
                .as_deref()
                .is_some_and(|l| words.contains(&l.to_lowercase().as_str()))
        })
    }
    let yes_no = |words: &'static [&'static str]| yes_no(targets, words);
    if kind == Some(Kind::Decision)
        && targets.iter().all(|t| t.label.is_some())
        && yes_no(&["ya", "yes"]).count() <= 1
        && yes_no(&["tidak", "no"]).count() <= 1
        && yes_no(&["ya", "yes", "tidak", "no"]).count() == targets.len()
    {
        let yes = yes_no(&["ya", "yes"]).next().map(|t| t.to.clone());
        let no = yes_no(&["tidak", "no"]).next().map(|t| t.to.clone());
        return (None, yes, no);
    }
    let next = match targets.as_slice() {
        [one] if one.label.is_none() => Next::One(one.to.clone()),
        many => Next::Many(
            many.iter()
                .map(|t| match &t.label {
                    None => Branch::To(t.to.clone()),
                    Some(label) => Branch::Labelled(LabelledBranch {
                        to: t.to.clone(),
                        label: Some(label.clone()),
                    }),
                })
                .collect(),
        ),
    };
    (Some(next), None, None)
}
