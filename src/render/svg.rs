//! SVG output: one standalone document per page, following the SVG
//! contract of design.md section 4 (semantic classes and `data-`
//! attributes, absolute M/L/H/V paths, real text, everything escaped).
//! Font family, body font size and ink colour are set once on the root
//! element and inherited by every `<text>` (a text of another size says
//! its own).

use super::xml::Writer;
use crate::config::Theme;
use crate::geom::Rect;
use crate::layout::{
    CellRole, ColumnKind, Connector, ConnectorEnd, FlowPath, Layout, Mark, MarkKind, MarkShape,
    Page, Shape, Symbol, TextCell, TextLine,
};
use crate::text::{Font, fonts};

/// Writes each flowchart page as an SVG document.
pub fn flowchart_pages(layout: &Layout, theme: &Theme) -> Vec<String> {
    flowchart_pages_marked(layout, theme, &[])
}

/// [`flowchart_pages`] with `marks[i]` drawn over page `i` (the changes
/// of a revision, from [`crate::layout::change_marks`]).
pub fn flowchart_pages_marked(layout: &Layout, theme: &Theme, marks: &[Vec<Mark>]) -> Vec<String> {
    layout
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            flowchart_page(layout, page, theme, marks.get(i).map_or(&[], Vec::as_slice))
        })
        .collect()
}

/// Opens an SVG document of `width` x `height` points.
pub(crate) fn open(
    w: &mut Writer,
    width: f32,
    height: f32,
    kind: &str,
    number: usize,
    theme: &Theme,
) {
    w.raw(r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1""#);
    w.raw(" width=\"")
        .num(width)
        .raw("pt\" height=\"")
        .num(height)
        .raw("pt\" viewBox=\"0 0 ")
        .point(width, height);
    w.raw("\" class=\"sop-page sop-")
        .raw(kind)
        .raw("\" data-page=\"")
        .raw(&number.to_string())
        .raw("\"");
    w.attr_text("font-family", fonts::FAMILY_LIST)
        .attr("font-size", theme.font_size)
        .attr_text("fill", &theme.ink)
        .raw(">");
    w.font_size = Some(theme.font_size);
    w.raw(r##"<rect class="sop-paper" x="0" y="0""##)
        .attr("width", width)
        .attr("height", height)
        .raw(r##" fill="#ffffff"/>"##);
}

/// Writes one text cell's lines.
pub(crate) fn text_cell(w: &mut Writer, cell: &TextCell, class: &str) {
    text_lines(w, &cell.lines, cell.font, class);
}

/// Writes positioned lines of text.
pub(crate) fn text_lines(w: &mut Writer, lines: &[TextLine], font: Font, class: &str) {
    for line in lines {
        w.raw("<text class=\"")
            .raw(class)
            .raw("\"")
            .attr("x", line.x)
            .attr("y", line.y);
        if w.font_size != Some(font.size) {
            w.attr("font-size", font.size);
        }
        if font.bold {
            w.raw(r#" font-weight="bold""#);
        }
        w.raw(">").text(&line.text).raw("</text>");
    }
}

/// Writes a rectangle with the theme's outline.
pub(crate) fn rect(w: &mut Writer, class: &str, r: &Rect, fill: &str, theme: &Theme) {
    w.raw("<rect class=\"").raw(class).raw("\"").rect_attrs(r);
    w.attr_text("fill", fill)
        .attr_text("stroke", &theme.ink)
        .attr("stroke-width", theme.grid_width)
        .raw("/>");
}

/// Stroke attributes of arrows and symbols.
fn line_style(w: &mut Writer, fill: &str, theme: &Theme) {
    w.attr_text("fill", fill)
        .attr_text("stroke", &theme.ink)
        .attr("stroke-width", theme.line_width);
}

fn flowchart_page(layout: &Layout, page: &Page, theme: &Theme, marks: &[Mark]) -> String {
    let mut w = Writer::with_capacity(8_192 + page.rows.len() * 3_072);
    open(
        &mut w,
        page.size.width,
        page.size.height,
        "flowchart",
        page.number,
        theme,
    );
    grid(&mut w, layout, page, theme);
    if page.header {
        for cell in &layout.header {
            rect(
                &mut w,
                "sop-grid sop-header-cell",
                &cell.rect,
                &theme.header_fill,
                theme,
            );
            text_cell(&mut w, cell, "sop-header");
        }
    }
    lanes(&mut w, layout, page);
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
        text_cell(&mut w, cell, class);
    }
    for flow in &page.flows {
        // One group per flow (per piece of a cut flow): its line, its
        // arrowhead and its label, so a script highlights a path by it.
        w.raw(r#"<g class="sop-flow-group""#)
            .attr_text("data-from", &flow.from)
            .attr_text("data-to", &flow.to)
            .raw(r#" data-label=""#);
        for (i, line) in flow.label.iter().flat_map(|l| &l.lines).enumerate() {
            if i > 0 {
                w.raw(" ");
            }
            w.text(&line.text);
        }
        w.raw(r#"">"#);
        w.raw(r#"<path class="sop-flow""#)
            .attr_text("data-from", &flow.from)
            .attr_text("data-to", &flow.to)
            .raw(" d=\"");
        for (i, p) in flow.points.iter().enumerate() {
            w.raw(if i == 0 { "M" } else { "L" }).point(p.x, p.y);
        }
        w.raw("\"");
        line_style(&mut w, "none", theme);
        w.raw("/>");
        arrowhead(&mut w, flow);
        if let Some(label) = &flow.label {
            text_lines(&mut w, &label.lines, label.font, "sop-flow-label");
        }
        w.raw("</g>");
    }
    activities(&mut w, layout, page, theme);
    for connector in &page.connectors {
        offpage(&mut w, connector, theme);
    }
    for mark in marks {
        draw_mark(&mut w, mark);
    }
    for cell in &page.footer {
        text_cell(&mut w, cell, "sop-footer");
    }
    w.raw("</svg>\n");
    w.out
}

/// Colour of added things (dashed) and of changed ones (dotted).
const ADDED_INK: &str = "#1565c0";
const CHANGED_INK: &str = "#e65100";
/// Side of the corner triangle of a changed cell.
const CORNER: f32 = 7.0;

/// One change mark: blue dashed for what is new, orange dotted for what
/// changed, so the two also read apart in black and white.
fn draw_mark(w: &mut Writer, mark: &Mark) {
    let (class, ink, dash) = match mark.kind {
        MarkKind::Added => ("sop-mark sop-mark-added", ADDED_INK, "5 2.5"),
        MarkKind::Changed => ("sop-mark sop-mark-changed", CHANGED_INK, "1.2 2"),
    };
    match &mark.shape {
        MarkShape::Outline(r) => {
            w.raw("<rect class=\"").raw(class).raw("\"").rect_attrs(r);
            w.raw(" fill=\"none\" stroke=\"").raw(ink);
            w.raw("\" stroke-width=\"1.6\" stroke-linecap=\"round\" stroke-dasharray=\"")
                .raw(dash);
            w.raw("\"/>");
        }
        MarkShape::Path(points) => {
            w.raw("<path class=\"").raw(class).raw("\" d=\"");
            for (i, p) in points.iter().enumerate() {
                w.raw(if i == 0 { "M" } else { "L" }).point(p.x, p.y);
            }
            w.raw("\" fill=\"none\" stroke=\"").raw(ink);
            w.raw("\" stroke-width=\"2.4\" stroke-opacity=\"0.75\" stroke-dasharray=\"")
                .raw(dash);
            w.raw("\"/>");
        }
        MarkShape::Corner(r) => {
            let (x, y) = (r.x + r.width, r.y);
            w.raw("<path class=\"").raw(class).raw("\" d=\"M");
            w.point(x - CORNER, y)
                .raw("L")
                .point(x, y)
                .raw("L")
                .point(x, y + CORNER);
            w.raw("Z\" fill=\"")
                .raw(ink)
                .raw("\" stroke=\"#000000\" stroke-width=\"0.5\"/>");
        }
    }
}

/// Table lines: column edges and row edges of the body, in one path.
fn grid(w: &mut Writer, layout: &Layout, page: &Page, theme: &Theme) {
    let top = page.table.y
        + if page.header {
            layout.header_height
        } else {
            0.0
        };
    let bottom = page.table.bottom();
    let (left, right) = (page.table.x, page.table.right());
    w.raw(r#"<path class="sop-grid" d=""#);
    for x in layout.columns.iter().map(|c| c.x).chain([right]) {
        w.raw("M").point(x, top).raw("V").num(bottom);
    }
    let mut ys = page.row_lines();
    ys.push(top);
    ys.sort_by(f32::total_cmp);
    ys.dedup();
    for y in ys {
        w.raw("M").point(left, y).raw("H").num(right);
    }
    w.raw("\" fill=\"none\"")
        .attr_text("stroke", &theme.ink)
        .attr("stroke-width", theme.grid_width)
        .raw("/>");
}

/// One invisible rectangle per lane spanning its x range.
fn lanes(w: &mut Writer, layout: &Layout, page: &Page) {
    for column in &layout.columns {
        if let ColumnKind::Lane(i) = column.kind {
            let id = layout.lane_actors.get(i).map_or("", String::as_str);
            w.raw(r#"<rect class="sop-lane""#)
                .attr_text("data-actor", id)
                .attr("x", column.x)
                .attr("y", page.table.y);
            w.attr("width", column.width)
                .attr("height", page.table.height)
                .raw(r#" fill="none" stroke="none"/>"#);
        }
    }
}

fn activities(w: &mut Writer, layout: &Layout, page: &Page, theme: &Theme) {
    for group in page.symbols.chunk_by(|a, b| a.step == b.step) {
        let first = &group[0];
        w.raw(r#"<g class="sop-activity""#)
            .attr_text("data-id", &first.id)
            .raw(" data-row=\"")
            .raw(&(first.step + 1).to_string())
            .raw("\"");
        w.raw(" data-actor=\"");
        for (k, symbol) in group.iter().enumerate() {
            if k > 0 {
                w.raw(" ");
            }
            w.text(
                layout
                    .lane_actors
                    .get(symbol.lane)
                    .map_or("", String::as_str),
            );
        }
        w.raw("\">");
        for joint in page.joints.iter().filter(|j| j.id == first.id) {
            let [a, b] = joint.points;
            w.raw(r#"<path class="sop-joint" d="M"#)
                .point(a.x, a.y)
                .raw("H")
                .num(b.x)
                .raw("\"");
            line_style(w, "none", theme);
            w.raw("/>");
        }
        for symbol in group {
            symbol_shape(w, symbol, theme);
            text_lines(w, &symbol.text, symbol.font, "sop-symbol-text");
        }
        w.raw("</g>");
    }
}

fn symbol_shape(w: &mut Writer, symbol: &Symbol, theme: &Theme) {
    let r = symbol.rect;
    match symbol.shape {
        Shape::Terminator | Shape::Process => {
            let class = if symbol.shape == Shape::Terminator {
                "sop-terminator"
            } else {
                "sop-process"
            };
            w.raw("<rect class=\"sop-symbol ")
                .raw(class)
                .raw("\"")
                .rect_attrs(&r);
            if symbol.shape == Shape::Terminator {
                w.attr("rx", r.height / 2.0).attr("ry", r.height / 2.0);
            }
        }
        Shape::Decision => {
            let c = r.centre();
            w.raw(r#"<path class="sop-symbol sop-decision" d="M"#)
                .point(c.x, r.y)
                .raw("L")
                .point(r.right(), c.y);
            w.raw("L")
                .point(c.x, r.bottom())
                .raw("L")
                .point(r.x, c.y)
                .raw("Z\"");
        }
        Shape::OffPage => pentagon_path(w, &r),
    }
    line_style(w, &theme.symbol_fill, theme);
    w.raw("/>");
}

/// The open tag of a pentagon pointing down, without its style.
fn pentagon_path(w: &mut Writer, r: &Rect) {
    let shoulder = r.y + r.height * 0.6;
    w.raw(r#"<path class="sop-symbol sop-offpage" d="M"#)
        .point(r.x, r.y)
        .raw("L")
        .point(r.right(), r.y)
        .raw("L")
        .point(r.right(), shoulder);
    w.raw("L")
        .point(r.centre().x, r.bottom())
        .raw("L")
        .point(r.x, shoulder)
        .raw("Z\"");
}

fn offpage(w: &mut Writer, connector: &Connector, theme: &Theme) {
    let end = match connector.end {
        ConnectorEnd::In => "in",
        ConnectorEnd::Out => "out",
    };
    w.raw(r#"<g class="sop-offpage""#)
        .attr_text("data-label", &connector.label)
        .attr_text("data-from", &connector.from);
    w.attr_text("data-to", &connector.to)
        .attr_text("data-end", end)
        .raw(">");
    pentagon_path(w, &connector.rect);
    line_style(w, &theme.symbol_fill, theme);
    w.raw("/>");
    text_lines(w, &connector.text, connector.font, "sop-offpage-label");
    w.raw("</g>");
}

/// The flow's arrowhead as a filled triangle.
fn arrowhead(w: &mut Writer, flow: &FlowPath) {
    let Some([tip, left, right]) = flow.arrowhead() else {
        return;
    };
    w.raw(r#"<path class="sop-arrow" d="M"#)
        .point(tip.x, tip.y)
        .raw("L")
        .point(left.x, left.y);
    w.raw("L")
        .point(right.x, right.y)
        .raw(r#"Z" stroke="none"/>"#);
}
