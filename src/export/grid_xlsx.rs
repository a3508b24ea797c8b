//! A [`Grid`] (a monitoring or evaluation form) as a workbook an assessor
//! fills in on a computer: one sheet per grid, the heading above, the
//! header (merged group cells) grey and bold, the rows ruled and wrapped.

use crate::error::Error;
use crate::layout::Grid;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// Width of all columns together, in Excel's character units.
const TABLE_WIDTH: f64 = 160.0;

/// Writes each (sheet name, grid) as a sheet; names are cut to Excel's 31
/// characters, the characters it refuses made `-`, and made unique.
pub fn write_grid_xlsx(sheets: &[(String, Grid)]) -> Result<Vec<u8>, Error> {
    let failed = |e: XlsxError| Error::Workbook {
        reason: e.to_string(),
    };
    let mut book = Workbook::new();
    let mut used: Vec<String> = Vec::new();
    for (name, grid) in sheets {
        let sheet = book.add_worksheet();
        sheet
            .set_name(unique_name(name, &mut used))
            .map_err(failed)?;
        write_sheet(sheet, grid).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

fn unique_name(name: &str, used: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_owned();
    let base: String = if clean.is_empty() {
        "Form".into()
    } else {
        clean.chars().take(31).collect()
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" ({n})");
        candidate = format!(
            "{}{suffix}",
            base.chars().take(31 - suffix.len()).collect::<String>()
        );
        n += 1;
    }
    used.push(candidate.clone());
    candidate
}

fn write_sheet(sheet: &mut Worksheet, grid: &Grid) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_background_color(Color::RGB(0xD9D9D9))
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let title = Format::new().set_bold().set_font_size(13);
    let columns = grid.columns.len().max(2) as u16;
    let total: f32 = grid.columns.iter().map(|c| c.share.max(0.01)).sum();
    for (c, column) in grid.columns.iter().enumerate() {
        let width = TABLE_WIDTH * f64::from(column.share.max(0.01) / total);
        sheet.set_column_width(c as u16, width.max(4.0))?;
    }
    let mut row = 0u32;
    for (k, text) in grid.heading.iter().enumerate() {
        if k == 0 {
            sheet.merge_range(row, 0, row, columns - 1, text, &title)?;
        } else {
            sheet.write_string(row, 0, text)?;
        }
        row += 1;
    }
    row += 1;
    let grouped = grid.columns.iter().any(|c| c.group.is_some());
    let mut c = 0usize;
    while c < grid.columns.len() {
        let group = &grid.columns[c].group;
        let mut end = c + 1;
        while group.is_some() && end < grid.columns.len() && grid.columns[end].group == *group {
            end += 1;
        }
        match group {
            Some(text) => {
                if end - c > 1 {
                    sheet.merge_range(row, c as u16, row, (end - 1) as u16, text, &header)?;
                } else {
                    sheet.write_string_with_format(row, c as u16, text, &header)?;
                }
                for k in c..end {
                    sheet.write_string_with_format(
                        row + 1,
                        k as u16,
                        &grid.columns[k].header,
                        &header,
                    )?;
                }
            }
            None if grouped => {
                sheet.merge_range(
                    row,
                    c as u16,
                    row + 1,
                    c as u16,
                    &grid.columns[c].header,
                    &header,
                )?;
            }
            None => {
                sheet.write_string_with_format(row, c as u16, &grid.columns[c].header, &header)?;
            }
        }
        c = end;
    }
    row += if grouped { 2 } else { 1 };
    if grid.numbered {
        for k in 0..grid.columns.len() {
            sheet.write_number_with_format(row, k as u16, (k + 1) as f64, &header)?;
        }
        row += 1;
    }
    let header_rows = row;
    for values in &grid.rows {
        for k in 0..usize::from(columns) {
            let text = values.get(k).map_or("", String::as_str);
            sheet.write_string_with_format(row, k as u16, text, &cell)?;
        }
        row += 1;
    }
    sheet.set_freeze_panes(header_rows, 0)?;
    row += 1;
    for text in &grid.footing {
        sheet.write_string(row, (columns - 1).max(1), text)?;
        row += 1;
    }
    sheet.set_landscape();
    Ok(())
}
