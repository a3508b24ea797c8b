//! Writing an SOP as CSV the way Indonesian Excel saves it: UTF-8 with a
//! BOM, `;` between cells, the matrix layout with its header spread over
//! two rows (three with actor groups) since CSV has no merged cells.

use super::cells::{MUTU_BAKU, TAIL, activity_cells, check_actors, marks};
use crate::error::Error;
use crate::model::Sop;

/// The procedure table of an SOP as CSV text. CSV has one sheet: the
/// identity sheet and actor ids are not written (use XLSX to keep them).
pub fn write_csv(sop: &Sop) -> Result<String, Error> {
    check_actors(sop)?;
    let grouped = sop.actors.iter().any(|a| a.group.is_some());
    let performers = sop.actors.len();
    let width = 2 + performers + MUTU_BAKU.len() + TAIL.len();
    let mut header = vec![vec![String::new(); width]; if grouped { 3 } else { 2 }];
    header[0][0] = "No".into();
    header[0][1] = "Kegiatan".into();
    header[0][2] = "Pelaksana".into();
    let last = header.len() - 1;
    for (i, actor) in sop.actors.iter().enumerate() {
        match &actor.group {
            // An ungrouped performer's name stands in the group row.
            None if grouped => header[1][2 + i] = actor.name.clone(),
            _ => header[last][2 + i] = actor.name.clone(),
        }
        let starts_group = i == 0 || sop.actors[i - 1].group != actor.group;
        if let Some(group) = actor.group.as_ref().filter(|_| starts_group) {
            header[1][2 + i] = group.clone();
        }
    }
    let mutu = 2 + performers;
    header[0][mutu] = "Mutu Baku".into();
    for (k, text) in MUTU_BAKU.iter().enumerate() {
        header[1][mutu + k] = (*text).into();
    }
    for (k, text) in TAIL.iter().enumerate() {
        header[0][mutu + MUTU_BAKU.len() + k] = (*text).into();
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed = |e: csv::Error| Error::Workbook {
        reason: e.to_string(),
    };
    for row in &header {
        writer.write_record(row).map_err(failed)?;
    }
    for activity in &sop.activities {
        let (lead, rest) = activity_cells(activity);
        let mut row: Vec<String> = lead.to_vec();
        row.extend(
            marks(sop, activity)
                .into_iter()
                .map(|m| if m { "√" } else { "" }.to_owned()),
        );
        row.extend(rest);
        writer.write_record(&row).map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::Workbook {
        reason: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Workbook {
        reason: e.to_string(),
    })?;
    Ok(format!("\u{feff}{text}"))
}
