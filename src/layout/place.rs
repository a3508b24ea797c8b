//! Phase 7a, place: the geometry of one page without its arrows. Rows get
//! their y, and cells, symbols, joint lines and off-page connectors their
//! rectangles; the footer is set at the foot of the page.
//!
//! In: the [`Table`], the measured rows (phase 3; a slice starting at a
//! given row), the page's
//! [`PagePlan`] and the connector [`Pair`]s (phase 6). Out: the [`Page`]
//! (arrows still empty) and a [`RowBox`] per page row for the router's
//! waypoints.

use super::dims::{BUS_CLEARANCE, CONNECTOR_ROW, connector_box, shape_of, symbol_size};
use super::measure::{MeasuredRow, RowTexts};
use super::plan::{PagePlan, Pair, RowKind};
use super::route::RouteRow;
use super::table::Table;
use super::text_cells::{TextStyle, cell, position};
use super::types::{CellRole, Connector, ConnectorEnd, Joint, Page, Row, Shape, Symbol, TextCell};
use crate::geom::{Point, Rect, Size};
use crate::text::{Font, TextMeasurer};

/// Centre x and width of the band row's `k`-th connector.
pub(crate) fn connector_at(table: &Table<'_>, row: &RouteRow, k: usize) -> (f32, f32) {
    let lane = row.lanes[k];
    let group = row.lanes.iter().filter(|&&l| l == lane).count();
    let (offset, width) = connector_box(table.columns.symbol_width, group, row.slot(k));
    (table.axis(lane) + offset, width)
}

/// A row's vertical geometry.
pub(crate) struct RowBox {
    /// Top edge.
    pub y: f32,
    /// Height.
    pub height: f32,
    shape: Shape,
    /// Width and height of the row's symbols.
    pub size: (f32, f32),
    /// Offset of the bus below the symbol's bottom.
    pub bus_below: f32,
}

impl RowBox {
    /// The symbols' centre line.
    pub fn mid(&self) -> f32 {
        self.y + self.height / 2.0
    }
    /// Top of the symbols.
    pub fn top(&self) -> f32 {
        self.mid() - self.size.1 / 2.0
    }
    /// Bottom of the symbols.
    pub fn bottom(&self) -> f32 {
        self.mid() + self.size.1 / 2.0
    }
}

/// Stacks the rows of a page from `top`.
fn row_boxes(
    table: &Table<'_>,
    measured: &[MeasuredRow],
    first_row: usize,
    plan: &PagePlan,
    top: f32,
) -> Vec<RowBox> {
    let mut y = top;
    plan.kinds
        .iter()
        .map(|kind| {
            let (height, shape, lines, room) = match *kind {
                RowKind::Step(i) => (
                    measured[i - first_row].height,
                    shape_of(table.procedure.steps[i].kind),
                    measured[i - first_row].symbol_text.len(),
                    measured[i - first_row].label_room,
                ),
                RowKind::In(_) | RowKind::Out(_) => (CONNECTOR_ROW, Shape::OffPage, 0, 0.0),
            };
            let size = symbol_size(
                shape,
                table.columns.symbol_width,
                lines,
                table.scale.label_line,
            );
            let gap = (height - size.1) / 2.0;
            let bus_below = (gap / 2.0).max(room).min(gap - BUS_CLEARANCE);
            let b = RowBox {
                y,
                height,
                shape,
                size,
                bus_below,
            };
            y += height;
            b
        })
        .collect()
}

/// The text cells of a row from `y`, `height` tall: one per column with
/// text.
pub(crate) fn body_cells<'t>(
    table: &'t Table<'_>,
    texts: RowTexts,
    y: f32,
    height: f32,
) -> impl Iterator<Item = TextCell> + 't {
    texts
        .into_iter()
        .filter(|(_, lines, _)| lines.iter().any(|l| !l.text.is_empty()))
        .filter_map(move |(column, lines, align)| {
            let c = table.columns.get(column)?;
            Some(cell(
                CellRole::Body(column),
                Rect::new(c.x, y, c.width, height),
                lines,
                TextStyle {
                    align,
                    ..TextStyle::top_left(table.scale.body, table.scale.padding)
                },
                table.measurer,
            ))
        })
}

/// Lays out one page without its arrows: rows, cells, symbols, connectors.
pub(crate) fn place_page(
    table: &Table<'_>,
    (measured, first_row): (&mut [MeasuredRow], usize),
    plan: &PagePlan,
    pairs: &[Pair],
    (number, count): (usize, usize),
) -> (Page, Vec<RowBox>) {
    let frame = &table.frame;
    let top_margin = frame.top();
    let header = table.repeat_header || number == 1;
    let body_top = top_margin + if header { frame.header_height } else { 0.0 };
    let boxes = row_boxes(table, measured, first_row, plan, body_top);
    let body_bottom = boxes.last().map_or(body_top, |b| b.y + b.height);
    let id = |step: usize| table.procedure.steps[step].id.clone();
    let mut rows = Vec::new();
    let mut cells: Vec<TextCell> = Vec::new();
    let mut symbols = Vec::new();
    let mut connectors = Vec::new();
    let mut joints = Vec::new();
    let mut bands = Vec::new();
    let label_font = table.scale.label;
    for (r, (kind, b)) in plan.kinds.iter().zip(&boxes).enumerate() {
        match kind {
            &RowKind::Step(i) => {
                let step = &table.procedure.steps[i];
                rows.push(Row {
                    step: i,
                    id: step.id.clone(),
                    y: b.y,
                    height: b.height,
                    continued: false,
                });
                let texts = std::mem::take(&mut measured[i - first_row].cells);
                cells.extend(body_cells(table, texts, b.y, b.height));
                let rects: Vec<Rect> = step
                    .lanes
                    .iter()
                    .map(|&lane| {
                        Rect::centred(Point::new(table.axis(lane), b.mid()), b.size.0, b.size.1)
                    })
                    .collect();
                for (&lane, rect) in step.lanes.iter().zip(&rects) {
                    let lines = measured[i - first_row].symbol_text.as_slice();
                    let text = position(
                        *rect,
                        lines,
                        TextStyle::centred(label_font, 0.0),
                        table.measurer,
                    );
                    symbols.push(Symbol {
                        step: i,
                        id: step.id.clone(),
                        lane,
                        shape: b.shape,
                        rect: *rect,
                        text,
                        font: label_font,
                    });
                }
                for pair in rects.windows(2) {
                    let points = [
                        Point::new(pair[0].right(), b.mid()),
                        Point::new(pair[1].x, b.mid()),
                    ];
                    joints.push(Joint {
                        id: step.id.clone(),
                        points,
                    });
                }
            }
            RowKind::In(ks) | RowKind::Out(ks) => {
                let end = if matches!(kind, RowKind::In(_)) {
                    ConnectorEnd::In
                } else {
                    ConnectorEnd::Out
                };
                for (i, &k) in ks.iter().enumerate() {
                    let pair = &pairs[k];
                    let flow = &table.procedure.flows[pair.flow];
                    let lane = if end == ConnectorEnd::In {
                        pair.to_lane
                    } else {
                        pair.from_lane
                    };
                    let (x, width) = connector_at(table, &plan.rows[r], i);
                    let rect = Rect::centred(Point::new(x, b.mid()), width, b.size.1);
                    let font = connector_font(&pair.label, rect.width, label_font, table.measurer);
                    let lines = crate::text::wrap(&pair.label, f32::INFINITY, font, table.measurer);
                    let text_box = Rect::new(rect.x, rect.y, rect.width, rect.height * 0.75);
                    let text = position(
                        text_box,
                        lines,
                        TextStyle::centred(font, 0.0),
                        table.measurer,
                    );
                    let (from, to) = (id(flow.from), id(flow.to));
                    connectors.push(Connector {
                        label: pair.label.clone(),
                        from,
                        to,
                        end,
                        lane,
                        rect,
                        text,
                        font,
                    });
                }
                bands.push(Rect::new(
                    table.columns.table_x,
                    b.y,
                    table.columns.table_width,
                    b.height,
                ));
            }
        }
    }
    let area = &frame.area;
    // The columns fit the paper's width (phase 2 refuses a table that
    // does not); only a symbol taller than a page body grows the page.
    let mut size = area.paper;
    let overflow = body_bottom + frame.footer_height - frame.bottom();
    if overflow > 0.0 {
        size.height += overflow;
    }
    let footer = table.footer((number, count), size.height);
    let table = Rect::new(
        table.columns.table_x,
        top_margin.min(body_top),
        table.columns.table_width,
        body_bottom - top_margin.min(body_top),
    );
    let page = Page {
        number,
        size: Size {
            width: size.width,
            height: size.height,
        },
        table,
        header,
        rows,
        bands,
        cells,
        symbols,
        connectors,
        flows: Vec::new(),
        joints,
        footer,
    };
    (page, boxes)
}

/// The smallest size a connector's label shrinks to (config's smallest
/// font size).
const MIN_CONNECTOR_FONT: f32 = 4.0;

/// The font of a connector's label: the label size, or as much smaller
/// as one line in a `width` pentagon needs (a narrow lane's pentagons are
/// narrower), down to [`MIN_CONNECTOR_FONT`]; a label is never wrapped.
fn connector_font(label: &str, width: f32, font: Font, measurer: &dyn TextMeasurer) -> Font {
    let room = width - 2.0;
    let needed = measurer.width(label, font);
    if needed <= room {
        return font;
    }
    Font {
        size: (font.size * room / needed).max(MIN_CONNECTOR_FONT),
        ..font
    }
}
