//! Pages of a titled two-column table (label, value), for what a
//! document appends after its flowchart (the time analysis): each page the
//! paper's size, the title repeated, rows never split across pages.

use super::frame::PrintArea;
use super::text_cells::{TextStyle, cell};
use super::type_scale::TypeScale;
use super::types::{CellRole, IdentityPage};
use crate::config::Config;
use crate::geom::Rect;
use crate::text::{Font, FontMeasurer, TextMeasurer, wrap};

/// Share of the width the label column takes.
const LABEL_SHARE: f32 = 0.3;

/// Lays out `rows` under `title` on as many pages as they need.
pub fn table_pages(title: &str, rows: &[(String, String)], config: &Config) -> Vec<IdentityPage> {
    FontMeasurer::with_thread_local(|measurer| table_pages_with(title, rows, config, measurer))
}

/// [`table_pages`], measuring text with `measurer`.
pub fn table_pages_with(
    title: &str,
    rows: &[(String, String)],
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
    let label_w = width * LABEL_SHARE;
    let value_w = width - label_w;
    let new_page = || {
        let h = measurer.line_height(title_font) + 2.0 * pad;
        let rect = Rect::new(left, area.content.y, width, h);
        let lines = wrap(title, width - 2.0 * pad, title_font, measurer);
        IdentityPage {
            size: area.paper,
            boxes: vec![rect],
            cells: vec![cell(
                CellRole::Identity,
                rect,
                lines,
                TextStyle::centred(title_font, pad),
                measurer,
            )],
            images: Vec::new(),
        }
    };
    let mut pages = vec![new_page()];
    let mut y = pages[0].boxes[0].bottom();
    for (label, value) in rows {
        let label_lines = wrap(label, label_w - 2.0 * pad, bold, measurer);
        let value_lines = wrap(value, value_w - 2.0 * pad, body, measurer);
        let h = label_lines.len().max(value_lines.len()).max(1) as f32 * line + 2.0 * pad;
        let fresh = pages.last().is_some_and(|p| p.cells.len() == 1);
        if y + h > bottom && !fresh {
            pages.push(new_page());
            y = pages[pages.len() - 1].boxes[0].bottom();
        }
        let page = pages.last_mut().expect("a page");
        let label_rect = Rect::new(left, y, label_w, h);
        let value_rect = Rect::new(left + label_w, y, value_w, h);
        page.boxes.push(label_rect);
        page.boxes.push(value_rect);
        let style = |font| TextStyle::top_left(font, pad);
        page.cells.push(cell(
            CellRole::Identity,
            label_rect,
            label_lines,
            style(bold),
            measurer,
        ));
        page.cells.push(cell(
            CellRole::Identity,
            value_rect,
            value_lines,
            style(body),
            measurer,
        ));
        y += h;
    }
    pages
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
}
