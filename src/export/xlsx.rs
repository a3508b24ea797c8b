//! Writing an SOP as the workbook drafters edit: the matrix layout of
//! `spreadsheet-format.md` styled like the printed table, the
//! `Identitas` sheet, and the `Pelaksana` sheet that keeps actor ids.

use crate::error::Error;
use crate::model::{Activity, Actor, Branch, Identity, Kind, Next, Sop};
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Longest text Excel keeps in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The printed words of the Jenis drop-down.
const KINDS: [(Kind, &str); 4] = [
    (Kind::Start, "mulai"),
    (Kind::Process, "proses"),
    (Kind::Decision, "keputusan"),
    (Kind::End, "selesai"),
];

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
        actors: vec![actor("Pemohon"), actor("Petugas Loket"), actor("Kepala Seksi")],
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
    for (index, activity) in sop.activities.iter().enumerate() {
        if let Some(name) = activity.actor.iter().find(|a| actor_of(sop, a).is_none()) {
            return Err(Error::Workbook {
                reason: format!(
                    "activity {} names the actor \"{name}\", which is not in `actors`",
                    index + 1
                ),
            });
        }
    }
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

/// The columns right of the performers, in print order.
const TAIL: [&str; 4] = ["Keterangan", "Jenis", "Lanjut", "Teks Simbol"];

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
        sheet.merge_range(top, col, bottom, col, text, &styles.header).map(|_| ())
    };
    vertical(sheet, 0, "No")?;
    vertical(sheet, 1, "Kegiatan")?;
    merge_across(sheet, top, first_performer, mutu - 1, "Pelaksana", &styles.header)?;
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
            let run = sop.actors[i..].iter().take_while(|a| &a.group == group).count();
            if let Some(group) = group {
                let col = first_performer + i as u16;
                merge_across(sheet, top + 1, col, col + run as u16 - 1, group, &styles.header)?;
            }
            i += run;
        }
    }
    merge_across(sheet, top, mutu, mutu + 2, "Mutu Baku", &styles.header)?;
    for (k, text) in ["Kelengkapan", "Waktu", "Output"].iter().enumerate() {
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
    let widths = [(0, 5.0), (1, 40.0), (mutu, 26.0), (mutu + 1, 12.0), (mutu + 2, 20.0)];
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
        let cells: [(u16, String); 9] = [
            (0, activity.id.clone().unwrap_or_default()),
            (1, activity.text.clone()),
            (mutu, requirements_text(&activity.requirements)),
            (mutu + 1, activity.time.clone().unwrap_or_default()),
            (mutu + 2, activity.output.clone().unwrap_or_default()),
            (tail, activity.notes.clone().unwrap_or_default()),
            (tail + 1, activity.kind.map(kind_word).unwrap_or_default().to_owned()),
            (tail + 2, next_text(activity)),
            (tail + 3, activity.symbol_text.clone().unwrap_or_default()),
        ];
        for (col, value) in cells {
            write_cell(sheet, row, col, &value, &styles.cell)?;
        }
        for i in 0..sop.actors.len() {
            let marked = activity.actor.iter().any(|a| actor_of(sop, a) == Some(i));
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

/// The actor an activity's reference names: by id first, then by name.
fn actor_of(sop: &Sop, reference: &str) -> Option<usize> {
    let actors = &sop.actors;
    actors
        .iter()
        .position(|a| a.key() == reference)
        .or_else(|| actors.iter().position(|a| a.name == reference))
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

/// The Jenis word of a kind.
fn kind_word(kind: Kind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("proses", |(_, word)| word)
}

/// Kelengkapan: one item as it is, several numbered one per line.
fn requirements_text(items: &[String]) -> String {
    numbered(items, items.len() > 1)
}

fn numbered(items: &[String], number: bool) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| if number { format!("{}. {item}", i + 1) } else { item.clone() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The Lanjut cell of an activity.
fn next_text(activity: &Activity) -> String {
    let mut parts = Vec::new();
    if activity.yes.is_some() || activity.no.is_some() {
        let yes = activity.yes.clone().or_else(|| match &activity.next {
            Some(Next::One(to)) => Some(to.clone()),
            _ => None,
        });
        parts.extend(yes.map(|to| format!("Ya: {to}")));
        parts.extend(activity.no.as_ref().map(|to| format!("Tidak: {to}")));
        return parts.join("; ");
    }
    match &activity.next {
        None => String::new(),
        Some(Next::One(to)) => to.clone(),
        Some(Next::Many(list)) if list.is_empty() => "-".to_owned(),
        Some(Next::Many(list)) => {
            let labelled = list.iter().any(|b| b.label().is_some());
            list.iter()
                .map(|b: &Branch| match b.label() {
                    Some(label) => format!("{label}: {}", b.target()),
                    None => b.target().to_owned(),
                })
                .collect::<Vec<_>>()
                .join(if labelled { "; " } else { ", " })
        }
    }
}

/// The identity sheet's labels, in the order of the printed sheet.
fn identity_rows(identity: &Identity) -> Vec<(&'static str, String)> {
    let one = |v: &Option<String>| v.clone().unwrap_or_default();
    let list = |items: &[String]| numbered(items, true);
    let approval = identity.approved_by.clone().unwrap_or_default();
    let mut rows = vec![
        ("Instansi", one(&identity.agency)),
        ("Unit Kerja", one(&identity.unit)),
        ("Nomor SOP", one(&identity.number)),
        ("Tanggal Pembuatan", one(&identity.created)),
        ("Tanggal Revisi", one(&identity.revised)),
        ("Tanggal Efektif", one(&identity.effective)),
        ("Disahkan Oleh", one(&approval.position)),
        ("Nama Pejabat", one(&approval.name)),
        ("NIP", one(&approval.nip)),
        ("Nama SOP", one(&identity.name)),
        ("Dasar Hukum", list(&identity.legal_basis)),
        ("Kualifikasi Pelaksana", list(&identity.qualifications)),
        ("Keterkaitan", list(&identity.related)),
        ("Peralatan/Perlengkapan", list(&identity.equipment)),
        ("Peringatan", list(&identity.warnings)),
        ("Pencatatan dan Pendataan", list(&identity.records)),
    ];
    for (label, value) in [
        ("Logo", &identity.logo),
        ("Tanda Tangan", &identity.signature),
        ("Catatan Kaki", &identity.footer),
    ] {
        if let Some(value) = value {
            rows.push((label, value.clone()));
        }
    }
    rows
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
    for (col, (text, width)) in [("Id", 18.0), ("Nama", 30.0), ("Kelompok", 30.0)].iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *text, &styles.header)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    for (i, actor) in actors.iter().enumerate() {
        let row = i as u32 + 1;
        write_cell(sheet, row, 0, actor.id.as_deref().unwrap_or_default(), &styles.cell)?;
        write_cell(sheet, row, 1, &actor.name, &styles.cell)?;
        write_cell(sheet, row, 2, actor.group.as_deref().unwrap_or_default(), &styles.cell)?;
    }
    Ok(())
}
