//! Pages of a titled table for what a document carries besides its
//! flowchart: the time analysis (label and value), the monitoring and
//! evaluation forms (a header of columns, some under a group, then rows).
//! Each page is the paper's size; the heading and the column header repeat
//! on every page; a row never splits across pages.

use super::frame::PrintArea;
use super::text_cells::{TextStyle, cell};
use super::type_scale::TypeScale;
use super::types::{CellRole, IdentityPage};
use crate::config::Config;
use crate::geom::Rect;
use crate::text::{Font, FontMeasurer, TextMeasurer, wrap};

/// Share of the width the label column of [`table_pages`] takes.
const LABEL_SHARE: f32 = 0.3;

/// One column of a [`Grid`].
#[derive(Debug, Clone, PartialEq)]
pub struct GridColumn {
    /// Header text.
    pub header: String,
    /// The group header above it (consecutive columns of one group share
    /// one merged cell).
    pub group: Option<String>,
    /// Share of the table's width (the shares are scaled to fill it).
    pub share: f32,
}

/// A table to lay out on pages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// Lines above the table: the first is the title (bold, centred), the
    /// others (unit, period) are set flush left.
    pub heading: Vec<String>,
    /// The columns; none for a label/value table without a header.
    pub columns: Vec<GridColumn>,
    /// Print the columns' numbers (1, 2, 3 …) under the header, as the
    /// regulation's tables do.
    pub numbered: bool,
    /// The rows, one text per column (label and value when there are no
    /// columns).
    pub rows: Vec<Vec<String>>,
    /// Lines below the table on its last page (place, date, signature).
    pub footing: Vec<String>,
}

/// Lays out `rows` (label, value) under `title` on as many pages as they
/// need.
pub fn table_pages(title: &str, rows: &[(String, String)], config: &Config) -> Vec<IdentityPage> {
    let grid = Grid {
        heading: vec![title.to_owned()],
        rows: rows
            .iter()
            .map(|(l, v)| vec![l.clone(), v.clone()])
            .collect(),
        ..Grid::default()
    };
    grid_pages(&grid, config)
}

/// Lays out `grid` on as many pages as it needs.
pub fn grid_pages(grid: &Grid, config: &Config) -> Vec<IdentityPage> {
    FontMeasurer::with_thread_local(|measurer| grid_pages_with(grid, config, measurer))
}

/// [`grid_pages`], measuring text with `measurer`.
pub fn grid_pages_with(
    grid: &Grid,
    config: &Config,
    measurer: &dyn TextMeasurer,
) -> Vec<IdentityPage> {
    let area = PrintArea::of(&config.page);
    let scale = TypeScale::new(config, measurer);
    let (left, width) = (area.content.x, area.content.width);
    let bottom = area.content.bottom();
    let pad = scale.padding * 1.5;
    let body = scale.body;
    let bold = Font::bold(body.size);
    let title_font = Font::bold(body.size * 1.3);
    let line = measurer.line_height(body);
    // Column edges.
    let widths: Vec<f32> = if grid.columns.is_empty() {
        vec![width * LABEL_SHARE, width * (1.0 - LABEL_SHARE)]
    } else {
        let total: f32 = grid.columns.iter().map(|c| c.share.max(0.01)).sum();
        grid.columns
            .iter()
            .map(|c| width * c.share.max(0.01) / total)
            .collect()
    };
    let xs: Vec<f32> = widths
        .iter()
        .scan(left, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect();
    let block = |lines: usize| lines.max(1) as f32 * line + 2.0 * pad;
    let mut pages: Vec<IdentityPage> = Vec::new();
    let mut page_has_rows = false;
    let start_page = |pages: &mut Vec<IdentityPage>| -> f32 {
        let mut page = IdentityPage {
            size: area.paper,
            boxes: Vec::new(),
            cells: Vec::new(),
            images: Vec::new(),
        };
        let mut y = area.content.y;
        for (k, text) in grid.heading.iter().enumerate() {
            let (font, style) = if k == 0 {
                (title_font, TextStyle::centred(title_font, pad))
            } else {
                (body, TextStyle::top_left(body, pad))
            };
            let lines = wrap(text, width - 2.0 * pad, font, measurer);
            let h = lines.len().max(1) as f32 * measurer.line_height(font) + 2.0 * pad;
            let rect = Rect::new(left, y, width, h);
            if grid.columns.is_empty() && k == 0 {
                page.boxes.push(rect);
            }
            page.cells
                .push(cell(CellRole::Identity, rect, lines, style, measurer));
            y += h;
        }
        if !grid.columns.is_empty() {
            y += pad;
            y = header(&mut page, grid, &xs, &widths, y, pad, bold, measurer);
        }
        pages.push(page);
        y
    };
    let mut y = start_page(&mut pages);
    let columns = widths.len();
    for row in &grid.rows {
        let wrapped: Vec<_> = (0..columns)
            .map(|c| {
                let text = row.get(c).map_or("", String::as_str);
                let font = if grid.columns.is_empty() && c == 0 {
                    bold
                } else {
                    body
                };
                (wrap(text, widths[c] - 2.0 * pad, font, measurer), font)
            })
            .collect();
        let h = block(wrapped.iter().map(|(l, _)| l.len()).max().unwrap_or(1));
        if y + h > bottom && page_has_rows {
            y = start_page(&mut pages);
        }
        let page = pages.last_mut().expect("a page");
        for (c, (lines, font)) in wrapped.into_iter().enumerate() {
            let rect = Rect::new(xs[c], y, widths[c], h);
            page.boxes.push(rect);
            page.cells.push(cell(
                CellRole::Identity,
                rect,
                lines,
                TextStyle::top_left(font, pad),
                measurer,
            ));
        }
        page_has_rows = true;
        y += h;
    }
    if !grid.footing.is_empty() {
        let lines: Vec<_> = grid
            .footing
            .iter()
            .flat_map(|t| wrap(t, width * 0.4 - 2.0 * pad, body, measurer))
            .collect();
        let h = block(lines.len()) + line;
        if y + h > bottom {
            y = start_page(&mut pages);
        }
        let rect = Rect::new(left + width * 0.6, y + line, width * 0.4, h - line);
        let page = pages.last_mut().expect("a page");
        page.cells.push(cell(
            CellRole::Identity,
            rect,
            lines,
            TextStyle::centred(body, pad),
            measurer,
        ));
    }
    pages
}

/// A line of text centred in the bottom margin of a page of `size` (a
/// book's page number under each page's own).
pub fn page_label(text: &str, size: crate::geom::Size, config: &Config) -> crate::layout::TextCell {
    FontMeasurer::with_thread_local(|measurer| {
        let scale = TypeScale::new(config, measurer);
        let font = scale.label;
        let [_, right, bottom, left] = config.page.margins;
        let h = measurer.line_height(font);
        let rect = Rect::new(
            left,
            size.height - bottom / 2.0 - h / 2.0,
            size.width - left - right,
            h,
        );
        let lines = wrap(text, rect.width, font, measurer);
        cell(
            CellRole::Footer,
            rect,
            lines,
            TextStyle::centred(font, 0.0),
            measurer,
        )
    })
}

/// The column header (group row, names, numbers) from `y`; returns its
/// bottom.
#[allow(clippy::too_many_arguments)]
fn header(
    page: &mut IdentityPage,
    grid: &Grid,
    xs: &[f32],
    widths: &[f32],
    top: f32,
    pad: f32,
    bold: Font,
    measurer: &dyn TextMeasurer,
) -> f32 {
    let line = measurer.line_height(bold);
    let grouped = grid.columns.iter().any(|c| c.group.is_some());
    let names: Vec<_> = grid
        .columns
        .iter()
        .zip(widths)
        .map(|(c, w)| wrap(&c.header, w - 2.0 * pad, bold, measurer))
        .collect();
    let names_h = names.iter().map(Vec::len).max().unwrap_or(1) as f32 * line + 2.0 * pad;
    let group_h = if grouped { line + 2.0 * pad } else { 0.0 };
    let mut c = 0;
    while c < grid.columns.len() {
        let group = &grid.columns[c].group;
        let mut end = c + 1;
        while group.is_some() && end < grid.columns.len() && grid.columns[end].group == *group {
            end += 1;
        }
        let x = xs[c];
        let w: f32 = widths[c..end].iter().sum();
        match group {
            Some(text) => {
                let rect = Rect::new(x, top, w, group_h);
                let lines = wrap(text, w - 2.0 * pad, bold, measurer);
                page.boxes.push(rect);
                page.cells.push(cell(
                    CellRole::Header,
                    rect,
                    lines,
                    TextStyle::centred(bold, pad),
                    measurer,
                ));
                for k in c..end {
                    let rect = Rect::new(xs[k], top + group_h, widths[k], names_h);
                    page.boxes.push(rect);
                    page.cells.push(cell(
                        CellRole::Header,
                        rect,
                        names[k].clone(),
                        TextStyle::centred(bold, pad),
                        measurer,
                    ));
                }
            }
            None => {
                let rect = Rect::new(x, top, w, group_h + names_h);
                page.boxes.push(rect);
                page.cells.push(cell(
                    CellRole::Header,
                    rect,
                    names[c].clone(),
                    TextStyle::centred(bold, pad),
                    measurer,
                ));
            }
        }
        c = end;
    }
    let mut bottom = top + group_h + names_h;
    if grid.numbered {
        let h = measurer.line_height(bold) + pad;
        for (k, (x, w)) in xs.iter().zip(widths).enumerate() {
            let rect = Rect::new(*x, bottom, *w, h);
            let number = wrap(&(k + 1).to_string(), w - pad, bold, measurer);
            page.boxes.push(rect);
            page.cells.push(cell(
                CellRole::Header,
                rect,
                number,
                TextStyle::centred(bold, pad / 2.0),
                measurer,
            ));
        }
        bottom += h;
    }
    bottom
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fill_pages_in_order_and_never_cross_the_bottom_margin() {
        let config = Config::default();
        let rows: Vec<(String, String)> = (0..120)
            .map(|i| (format!("Baris {i}"), "isi ".repeat(i % 30 + 1)))
            .collect();
        let pages = table_pages("Analisis", &rows, &config);
        assert!(pages.len() > 1);
        let bottom = PrintArea::of(&config.page).content.bottom();
        let mut seen = 0;
        for page in &pages {
            assert_eq!(page.cells[0].lines[0].text.as_ref(), "Analisis");
            for b in &page.boxes {
                assert!(b.bottom() <= bottom + 0.01, "{b:?}");
            }
            seen += (page.cells.len() - 1) / 2;
        }
        assert_eq!(seen, rows.len());
        assert_eq!(pages[0].cells[1].lines[0].text.as_ref(), "Baris 0");
    }

    #[test]
    fn a_grouped_header_merges_its_group_and_repeats_on_every_page() {
        let column = |header: &str, group: Option<&str>| GridColumn {
            header: header.into(),
            group: group.map(str::to_owned),
            share: 1.0,
        };
        let grid = Grid {
            heading: vec!["Monitoring".into(), "Unit kerja: Bagian Umum".into()],
            columns: vec![
                column("No", None),
                column("Berjalan dengan baik", Some("Penilaian")),
                column("Tidak berjalan dengan baik", Some("Penilaian")),
            ],
            numbered: true,
            rows: (0..80)
                .map(|i| vec![i.to_string(), String::new(), String::new()])
                .collect(),
            footing: vec!["Penilai,".into()],
        };
        let pages = grid_pages(&grid, &Config::default());
        assert!(pages.len() > 1);
        for page in &pages {
            let texts: Vec<&str> = page
                .cells
                .iter()
                .flat_map(|c| c.lines.iter().map(|l| l.text.as_ref()))
                .collect();
            assert_eq!(
                texts.iter().filter(|t| **t == "Penilaian").count(),
                1,
                "{texts:?}"
            );
            assert!(texts.contains(&"Unit kerja: Bagian Umum"));
        }
        let last = pages.last().unwrap();
        assert!(
            last.cells
                .iter()
                .any(|c| c.lines.iter().any(|l| l.text.as_ref() == "Penilai,"))
        );
    }
}
