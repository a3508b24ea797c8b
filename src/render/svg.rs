//! SVG output: one standalone document per page, following the SVG
//! contract of design.md section 4 (semantic classes and `data-`
//! attributes, absolute M/L/H/V paths, real text, everything escaped).

use super::xml::{escape, num, push_num};
use crate::config::Theme;
use crate::geom::{Point, Rect};
use crate::layout::{
    CellRole, ColumnKind, Connector, Layout, Page, Shape, Symbol, TextCell, TextLine,
};
use crate::procedure::Procedure;
use crate::text::{Font, fonts};
use std::fmt::Write;

/// Arrowhead length and half width.
const ARROW_LENGTH: f32 = 5.0;
const ARROW_HALF_WIDTH: f32 = 2.2;

/// Writes each flowchart page as an SVG document.
pub fn flowchart_pages(layout: &Layout, procedure: &Procedure, theme: &Theme) -> Vec<String> {
    layout
        .pages
        .iter()
        .map(|page| flowchart_page(layout, page, procedure, theme))
        .collect()
}

/// Opens an SVG document of `width` x `height` points.
pub(crate) fn open(out: &mut String, width: f32, height: f32, kind: &str, number: usize) {
    let (w, h) = (num(width), num(height));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" class="sop-page sop-{kind}" data-page="{number}" font-family="{}">"#,
        fonts::FAMILY_LIST
    );
    let _ = write!(
        out,
        r##"<rect class="sop-paper" x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##
    );
}

/// Writes one text cell's lines.
pub(crate) fn text_cell(out: &mut String, cell: &TextCell, class: &str, theme: &Theme) {
    text_lines(out, &cell.lines, cell.font, class, theme);
}

/// Writes positioned lines of text.
pub(crate) fn text_lines(
    out: &mut String,
    lines: &[TextLine],
    font: Font,
    class: &str,
    theme: &Theme,
) {
    for line in lines {
        let weight = if font.bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<text class="{class}" x="{}" y="{}" font-size="{}"{weight} fill="{}">{}</text>"#,
            num(line.x),
            num(line.y),
            num(font.size),
            escape(&theme.ink),
            escape(&line.text)
        );
    }
}

/// Writes a rectangle.
pub(crate) fn rect(out: &mut String, class: &str, r: &Rect, fill: &str, theme: &Theme) {
    let _ = write!(
        out,
        r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
        num(r.x),
        num(r.y),
        num(r.width),
        num(r.height),
        escape(fill),
        escape(&theme.ink),
        num(theme.grid_width)
    );
}

fn flowchart_page(layout: &Layout, page: &Page, procedure: &Procedure, theme: &Theme) -> String {
    let mut out = String::with_capacity(16_384 + page.rows.len() * 4_096);
    open(
        &mut out,
        page.size.width,
        page.size.height,
        "flowchart",
        page.number,
    );
    grid(&mut out, layout, page, theme);
    for cell in &page.header {
        rect(
            &mut out,
            "sop-grid sop-header-cell",
            &cell.rect,
            &theme.header_fill,
            theme,
        );
        text_cell(&mut out, cell, "sop-header", theme);
    }
    lanes(&mut out, layout, page, procedure);
    for cell in &page.cells {
        let class = match cell.role {
            CellRole::Body(ColumnKind::Number) => "sop-cell sop-number",
            CellRole::Body(ColumnKind::Activity) => "sop-cell sop-text",
            CellRole::Body(ColumnKind::Requirements) => "sop-cell sop-requirements",
            CellRole::Body(ColumnKind::Time) => "sop-cell sop-time",
            CellRole::Body(ColumnKind::Output) => "sop-cell sop-output",
            CellRole::Body(ColumnKind::Notes) => "sop-cell sop-notes",
            _ => "sop-cell",
        };
        text_cell(&mut out, cell, class, theme);
    }
    for flow in &page.flows {
        let mut d = String::with_capacity(flow.points.len() * 12);
        for (i, p) in flow.points.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            push_num(&mut d, p.x);
            d.push(' ');
            push_num(&mut d, p.y);
        }
        let _ = write!(
            out,
            r#"<path class="sop-flow" data-from="{}" data-to="{}" d="{d}" fill="none" stroke="{}" stroke-width="{}"/>"#,
            escape(&flow.from),
            escape(&flow.to),
            escape(&theme.ink),
            num(theme.line_width)
        );
        if let [.., a, b] = flow.points[..] {
            arrowhead(&mut out, a, b, theme);
        }
        if let Some(label) = &flow.label {
            text_lines(&mut out, &label.lines, label.font, "sop-flow-label", theme);
        }
    }
    activities(&mut out, page, procedure, theme);
    for connector in &page.connectors {
        offpage(&mut out, connector, theme);
    }
    for cell in &page.footer {
        text_cell(&mut out, cell, "sop-footer", theme);
    }
    out.push_str("</svg>\n");
    out
}

/// Table lines: column edges and row edges of the body, in one path.
fn grid(out: &mut String, layout: &Layout, page: &Page, theme: &Theme) {
    let top = page
        .header
        .iter()
        .map(|c| c.rect.bottom())
        .fold(page.table.y, f32::max);
    let bottom = page.table.bottom();
    let (left, right) = (page.table.x, page.table.right());
    let mut d = String::new();
    let mut edges: Vec<f32> = layout.columns.iter().map(|c| c.x).collect();
    edges.push(right);
    for x in edges {
        d.push('M');
        push_num(&mut d, x);
        d.push(' ');
        push_num(&mut d, top);
        d.push('V');
        push_num(&mut d, bottom);
    }
    let mut ys: Vec<f32> = page
        .rows
        .iter()
        .flat_map(|r| [r.y, r.y + r.height])
        .chain(page.bands.iter().flat_map(|b| [b.y, b.bottom()]))
        .collect();
    ys.push(top);
    ys.sort_by(f32::total_cmp);
    ys.dedup();
    for y in ys {
        d.push('M');
        push_num(&mut d, left);
        d.push(' ');
        push_num(&mut d, y);
        d.push('H');
        push_num(&mut d, right);
    }
    let _ = write!(
        out,
        r#"<path class="sop-grid" d="{d}" fill="none" stroke="{}" stroke-width="{}"/>"#,
        escape(&theme.ink),
        num(theme.grid_width)
    );
}

/// One invisible rectangle per lane spanning its x range.
fn lanes(out: &mut String, layout: &Layout, page: &Page, procedure: &Procedure) {
    for column in &layout.columns {
        if let ColumnKind::Lane(i) = column.kind {
            let id = procedure.lanes.get(i).map_or("", |l| l.id.as_str());
            let _ = write!(
                out,
                r#"<rect class="sop-lane" data-actor="{}" x="{}" y="{}" width="{}" height="{}" fill="none" stroke="none"/>"#,
                escape(id),
                num(column.x),
                num(page.table.y),
                num(column.width),
                num(page.table.height)
            );
        }
    }
}

fn activities(out: &mut String, page: &Page, procedure: &Procedure, theme: &Theme) {
    let mut i = 0;
    while i < page.symbols.len() {
        let step = page.symbols[i].step;
        let end = page.symbols[i..]
            .iter()
            .position(|s| s.step != step)
            .map_or(page.symbols.len(), |n| i + n);
        let group = &page.symbols[i..end];
        let actors: Vec<&str> = group
            .iter()
            .filter_map(|s| procedure.lanes.get(s.lane))
            .map(|l| l.id.as_str())
            .collect();
        let _ = write!(
            out,
            r#"<g class="sop-activity" data-id="{}" data-row="{}" data-actor="{}">"#,
            escape(&group[0].id),
            step + 1,
            escape(&actors.join(" "))
        );
        for joint in page.joints.iter().filter(|j| j.id == group[0].id) {
            let [a, b] = joint.points;
            let _ = write!(
                out,
                r#"<path class="sop-joint" d="M{} {}H{}" fill="none" stroke="{}" stroke-width="{}"/>"#,
                num(a.x),
                num(a.y),
                num(b.x),
                escape(&theme.ink),
                num(theme.line_width)
            );
        }
        for symbol in group {
            symbol_shape(out, symbol, theme);
            text_lines(out, &symbol.text, symbol.font, "sop-symbol-text", theme);
        }
        out.push_str("</g>");
        i = end;
    }
}

fn symbol_shape(out: &mut String, symbol: &Symbol, theme: &Theme) {
    let r = symbol.rect;
    let style = format!(
        r#"fill="{}" stroke="{}" stroke-width="{}""#,
        escape(&theme.symbol_fill),
        escape(&theme.ink),
        num(theme.line_width)
    );
    match symbol.shape {
        Shape::Terminator => {
            let _ = write!(
                out,
                r#"<rect class="sop-symbol sop-terminator" x="{}" y="{}" width="{}" height="{}" rx="{}" ry="{}" {style}/>"#,
                num(r.x),
                num(r.y),
                num(r.width),
                num(r.height),
                num(r.height / 2.0),
                num(r.height / 2.0)
            );
        }
        Shape::Process => {
            let _ = write!(
                out,
                r#"<rect class="sop-symbol sop-process" x="{}" y="{}" width="{}" height="{}" {style}/>"#,
                num(r.x),
                num(r.y),
                num(r.width),
                num(r.height)
            );
        }
        Shape::Decision => {
            let c = r.centre();
            let _ = write!(
                out,
                r#"<path class="sop-symbol sop-decision" d="M{} {}L{} {}L{} {}L{} {}Z" {style}/>"#,
                num(c.x),
                num(r.y),
                num(r.right()),
                num(c.y),
                num(c.x),
                num(r.bottom()),
                num(r.x),
                num(c.y)
            );
        }
        Shape::OffPage => pentagon(out, &r, &style),
    }
}

fn pentagon(out: &mut String, r: &Rect, style: &str) {
    let shoulder = r.y + r.height * 0.6;
    let c = r.centre();
    let _ = write!(
        out,
        r#"<path class="sop-symbol sop-offpage" d="M{} {}L{} {}L{} {}L{} {}L{} {}Z" {style}/>"#,
        num(r.x),
        num(r.y),
        num(r.right()),
        num(r.y),
        num(r.right()),
        num(shoulder),
        num(c.x),
        num(r.bottom()),
        num(r.x),
        num(shoulder)
    );
}

fn offpage(out: &mut String, connector: &Connector, theme: &Theme) {
    let end = match connector.end {
        crate::layout::ConnectorEnd::In => "in",
        crate::layout::ConnectorEnd::Out => "out",
    };
    let _ = write!(
        out,
        r#"<g class="sop-offpage" data-label="{}" data-from="{}" data-to="{}" data-end="{end}">"#,
        escape(&connector.label),
        escape(&connector.from),
        escape(&connector.to)
    );
    let style = format!(
        r#"fill="{}" stroke="{}" stroke-width="{}""#,
        escape(&theme.symbol_fill),
        escape(&theme.ink),
        num(theme.line_width)
    );
    pentagon(out, &connector.rect, &style);
    text_lines(
        out,
        &connector.text,
        connector.font,
        "sop-offpage-label",
        theme,
    );
    out.push_str("</g>");
}

/// A filled triangle with its tip at `tip`, pointing from `from`.
fn arrowhead(out: &mut String, from: Point, tip: Point, theme: &Theme) {
    let direction = |d: f32| {
        if d > 0.0 {
            1.0
        } else if d < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    let (dx, dy) = (direction(tip.x - from.x), direction(tip.y - from.y));
    let base = Point::new(tip.x - dx * ARROW_LENGTH, tip.y - dy * ARROW_LENGTH);
    let (px, py) = (-dy * ARROW_HALF_WIDTH, dx * ARROW_HALF_WIDTH);
    let _ = write!(
        out,
        r#"<path class="sop-arrow" d="M{} {}L{} {}L{} {}Z" fill="{}" stroke="none"/>"#,
        num(tip.x),
        num(tip.y),
        num(base.x + px),
        num(base.y + py),
        num(base.x - px),
        num(base.y - py),
        escape(&theme.ink)
    );
}
