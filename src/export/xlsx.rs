//! Writing an SOP as the workbook drafters edit: the matrix layout of
//! `spreadsheet-format.md` styled like the printed table, the
//! `Identitas` sheet, and the `Pelaksana` sheet that keeps actor ids.

use super::cells::{KINDS, MUTU_BAKU, TAIL, activity_cells, check_actors, identity_rows, marks};
use crate::error::Error;
use crate::model::{Activity, Actor, Identity, Kind, Sop};
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Longest text Excel keeps in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The workbook of an SOP as bytes (`.xlsx`).
///
/// Activities must name actors by id or name (a validated document
/// does); reading the bytes back gives the same document.
pub fn write_xlsx(sop: &Sop) -> Result<Vec<u8>, Error> {
    write(sop, None)
}

/// An empty workbook to type an SOP in: the same sheets with one example
/// row and a short instruction above the table.
pub fn template_xlsx() -> Result<Vec<u8>, Error> {
    let actor = |name: &str| Actor {
        id: None,
        name: name.to_owned(),
        group: None,
    };
    let sop = Sop {
        format: None,
        identity: Some(Identity::default()),
        actors: vec![
            actor("Pemohon"),
            actor("Petugas Loket"),
            actor("Kepala Seksi"),
        ],
        activities: vec![Activity {
            id: Some("1".into()),
            text: "Menyerahkan berkas permohonan".into(),
            actor: vec!["Pemohon".into()],
            kind: Some(Kind::Start),
            requirements: vec!["Formulir permohonan".into(), "Fotokopi KTP".into()],
            time: Some("5 menit".into()),
            output: Some("Berkas permohonan".into()),
            ..Activity::default()
        }],
    };
    write(
        &sop,
        Some(
            "Satu baris per kegiatan. Beri tanda √ di kolom pelaksana; ganti nama kolom pelaksana sesuai unit. \
             Lanjut: kosong = baris berikutnya, \"5\", \"5, 7\", \"Ya: 5; Tidak: 2\", atau \"-\" bila tidak ada.",
        ),
    )
}

fn write(sop: &Sop, instruction: Option<&str>) -> Result<Vec<u8>, Error> {
    check_actors(sop)?;
    let mut book = Workbook::new();
    let styles = Styles::new();
    procedure_sheet(book.add_worksheet(), sop, instruction, &styles).map_err(failed)?;
    identity_sheet(book.add_worksheet(), sop.identity.as_ref(), &styles).map_err(failed)?;
    actors_sheet(book.add_worksheet(), &sop.actors, &styles).map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}

fn failed(error: XlsxError) -> Error {
    Error::Workbook {
        reason: error.to_string(),
    }
}

struct Styles {
    title: Format,
    header: Format,
    cell: Format,
    mark: Format,
    note: Format,
}

impl Styles {
    fn new() -> Self {
        let border = Format::new()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Self {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9D9D9))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            mark: border.clone().set_align(FormatAlign::Center),
            cell: border,
            note: Format::new().set_italic().set_text_wrap(),
        }
    }
}

fn procedure_sheet(
    sheet: &mut Worksheet,
    sop: &Sop,
    instruction: Option<&str>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name("Prosedur")?;
    let name = sop
        .identity
        .as_ref()
        .and_then(|i| i.name.as_deref())
        .unwrap_or("Prosedur");
    sheet.write_string_with_format(0, 0, format!("SOP {name}"), &styles.title)?;
    if let Some(text) = instruction {
        sheet.write_string_with_format(1, 0, text, &styles.note)?;
    }
    let grouped = sop.actors.iter().any(|a| a.group.is_some());
    let top: u32 = 2;
    let bottom = top + if grouped { 2 } else { 1 };
    let performers = sop.actors.len().max(1) as u16;
    let first_performer = 2u16;
    let mutu = first_performer + performers;
    let tail = mutu + 3;
    let vertical = |sheet: &mut Worksheet, col: u16, text: &str| {
        sheet
            .merge_range(top, col, bottom, col, text, &styles.header)
            .map(|_| ())
    };
    vertical(sheet, 0, "No")?;
    vertical(sheet, 1, "Kegiatan")?;
    merge_across(
        sheet,
        top,
        first_performer,
        mutu - 1,
        "Pelaksana",
        &styles.header,
    )?;
    for (i, actor) in sop.actors.iter().enumerate() {
        let col = first_performer + i as u16;
        if grouped && actor.group.is_none() {
            sheet.merge_range(top + 1, col, bottom, col, &actor.name, &styles.header)?;
        } else {
            sheet.write_string_with_format(bottom, col, &actor.name, &styles.header)?;
        }
    }
    if grouped {
        let mut i = 0;
        while i < sop.actors.len() {
            let group = &sop.actors[i].group;
            let run = sop.actors[i..]
                .iter()
                .take_while(|a| &a.group == group)
                .count();
            if let Some(group) = group {
                let col = first_performer + i as u16;
                merge_across(
                    sheet,
                    top + 1,
                    col,
                    col + run as u16 - 1,
                    group,
                    &styles.header,
                )?;
            }
            i += run;
        }
    }
    merge_across(sheet, top, mutu, mutu + 2, "Mutu Baku", &styles.header)?;
    for (k, text) in MUTU_BAKU.iter().enumerate() {
        let col = mutu + k as u16;
        if bottom > top + 1 {
            sheet.merge_range(top + 1, col, bottom, col, text, &styles.header)?;
        } else {
            sheet.write_string_with_format(bottom, col, *text, &styles.header)?;
        }
    }
    for (k, text) in TAIL.iter().enumerate() {
        vertical(sheet, tail + k as u16, text)?;
    }
    let widths = [
        (0, 5.0),
        (1, 40.0),
        (mutu, 26.0),
        (mutu + 1, 12.0),
        (mutu + 2, 20.0),
    ];
    for (col, width) in widths {
        sheet.set_column_width(col, width)?;
    }
    for col in first_performer..mutu {
        sheet.set_column_width(col, 13.0)?;
    }
    for (k, width) in [22.0, 11.0, 18.0, 16.0].iter().enumerate() {
        sheet.set_column_width(tail + k as u16, *width)?;
    }
    let first_row = bottom + 1;
    for (index, activity) in sop.activities.iter().enumerate() {
        let row = first_row + index as u32;
        let (lead, rest) = activity_cells(activity);
        for (col, value) in [0, 1].into_iter().zip(&lead) {
            write_cell(sheet, row, col, value, &styles.cell)?;
        }
        for (k, value) in rest.iter().enumerate() {
            write_cell(sheet, row, mutu + k as u16, value, &styles.cell)?;
        }
        for (i, marked) in marks(sop, activity).into_iter().enumerate() {
            let mark = if marked { "√" } else { "" };
            write_cell(sheet, row, first_performer + i as u16, mark, &styles.mark)?;
        }
    }
    let last_row = (first_row + sop.activities.len() as u32).max(first_row + 200);
    let kinds = DataValidation::new().allow_list_strings(&KINDS.map(|(_, w)| w))?;
    sheet.add_data_validation(first_row, tail + 1, last_row, tail + 1, &kinds)?;
    sheet.set_freeze_panes(first_row, 2)?;
    sheet.set_landscape();
    Ok(())
}

fn merge_across(
    sheet: &mut Worksheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if last > first {
        sheet.merge_range(row, first, row, last, text, format)?;
    } else {
        sheet.write_string_with_format(row, first, text, format)?;
    }
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if value.chars().count() > MAX_CELL_CHARS {
        return Err(XlsxError::MaxStringLengthExceeded);
    }
    if value.is_empty() {
        sheet.write_blank(row, col, format)?;
    } else {
        sheet.write_string_with_format(row, col, value, format)?;
    }
    Ok(())
}

fn identity_sheet(
    sheet: &mut Worksheet,
    identity: Option<&Identity>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name("Identitas")?;
    sheet.set_column_width(0, 26.0)?;
    sheet.set_column_width(1, 80.0)?;
    let Some(identity) = identity else {
        return Ok(());
    };
    for (row, (label, value)) in identity_rows(identity).into_iter().enumerate() {
        sheet.write_string_with_format(row as u32, 0, label, &styles.header)?;
        write_cell(sheet, row as u32, 1, &value, &styles.cell)?;
    }
    Ok(())
}

fn actors_sheet(sheet: &mut Worksheet, actors: &[Actor], styles: &Styles) -> Result<(), XlsxError> {
    sheet.set_name("Pelaksana")?;
    for (col, (text, width)) in [("Id", 18.0), ("Nama", 30.0), ("Kelompok", 30.0)]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, col as u16, *text, &styles.header)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    for (i, actor) in actors.iter().enumerate() {
        let row = i as u32 + 1;
        write_cell(
            sheet,
            row,
            0,
            actor.id.as_deref().unwrap_or_default(),
            &styles.cell,
        )?;
        write_cell(sheet, row, 1, &actor.name, &styles.cell)?;
        write_cell(
            sheet,
            row,
            2,
            actor.group.as_deref().unwrap_or_default(),
            &styles.cell,
        )?;
    }
    Ok(())
}
