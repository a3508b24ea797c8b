//! Phase: geometry of one page. Rows get their y, routes their points,
//! symbols, connectors and cells their rectangles.

use super::Context;
use super::cells::{TextStyle, cell, position};
use super::labels;
use super::measure::MeasuredRow;
use super::plan::{PagePlan, Pair, RowKind};
use super::route::{RouteRow, Routes, Side, Slot, Waypoint, X, Y};
use super::types::{
    CellRole, Connector, ConnectorEnd, FlowPath, Joint, Page, Row, Shape, Symbol, TextCell,
};
use crate::geom::{Point, Rect, Size};
use crate::model::Kind;

/// Off-page connector size.
pub(crate) const CONNECTOR_WIDTH: f32 = 20.0;
pub(crate) const CONNECTOR_HEIGHT: f32 = 17.0;
/// Height of a connector band row.
pub(crate) const CONNECTOR_ROW: f32 = CONNECTOR_HEIGHT + 16.0;
/// Clear space between a symbol and the nearest channel track.
pub(crate) const CHANNEL_INSET: f32 = 3.0;
/// Clear space between a lane edge and its outermost track.
const LANE_INSET: f32 = 2.0;
/// Track spacing: widest used, narrowest allowed.
const TRACK_SPACING: f32 = 6.0;
const MIN_TRACK_SPACING: f32 = 3.0;

/// The shape of an activity's symbol.
pub(crate) fn shape_of(kind: Kind) -> Shape {
    match kind {
        Kind::Start | Kind::End => Shape::Terminator,
        Kind::Process => Shape::Process,
        Kind::Decision => Shape::Decision,
    }
}

/// Width and height of a symbol with `text_lines` lines of text.
pub(crate) fn symbol_size(shape: Shape, width: f32, text_lines: usize, line: f32) -> (f32, f32) {
    let text = text_lines as f32 * line;
    match shape {
        Shape::Terminator | Shape::Process => (width, (width * 0.5).max(text + 6.0)),
        Shape::Decision => (width, (width * 0.62).max(2.0 * text + 8.0)),
        Shape::OffPage => (CONNECTOR_WIDTH, CONNECTOR_HEIGHT),
    }
}

/// Offset from the lane axis and width of a connector in `slot` when
/// `group` connectors share its lane in a band row: side by side, all
/// within the room beside the axis that no channel track enters.
pub(crate) fn connector_box(symbol_width: f32, group: usize, slot: Slot) -> (f32, f32) {
    let half = symbol_width / 2.0 + CHANNEL_INSET - 1.0;
    let (offset, width) = match group {
        0 | 1 => (0.0, CONNECTOR_WIDTH),
        2 => {
            let w = CONNECTOR_WIDTH.min(half - 1.5);
            (w / 2.0 + 1.5, w)
        }
        _ => {
            let w = CONNECTOR_WIDTH.min((2.0 * half - 4.0) / 3.0);
            (w + 2.0, w)
        }
    };
    let sign = match slot {
        Slot::Left => -1.0,
        Slot::Centre => 0.0,
        Slot::Right => 1.0,
    };
    (sign * offset, width)
}

/// Centre x and width of the band row's `k`-th connector.
fn connector_at(ctx: &Context<'_>, row: &RouteRow, k: usize) -> (f32, f32) {
    let lane = row.lanes[k];
    let group = row.lanes.iter().filter(|&&l| l == lane).count();
    let (offset, width) = connector_box(ctx.columns.symbol_width, group, row.slot(k));
    (axis(ctx, lane) + offset, width)
}

/// Lane width needed for `tracks` channel tracks on its busier side.
pub(crate) fn lane_width_for(symbol_width: f32, tracks: usize) -> f32 {
    symbol_width + 2.0 * (CHANNEL_INSET + LANE_INSET + (tracks as f32 + 1.0) * MIN_TRACK_SPACING)
}

/// Height a row needs: its texts, or its symbol with room around it for
/// arrows and for the labels of outcomes leaving its bottom.
pub(crate) fn row_height(ctx: &Context<'_>, step: usize, measured: &MeasuredRow) -> f32 {
    let shape = shape_of(ctx.procedure.steps[step].kind);
    let (_, h) = symbol_size(
        shape,
        ctx.columns.symbol_width,
        measured.symbol_text.len(),
        ctx.metrics.label_line,
    );
    let gap = ctx
        .config
        .table
        .symbol_gap
        .max(label_room(ctx, step) + BUS_CLEARANCE);
    measured.height.max(h + 2.0 * gap)
}

/// Room between a bus and the row edge below it.
const BUS_CLEARANCE: f32 = 2.5;

/// Height reserved under a symbol for the labels of its outcomes (each
/// wrapped into the zone beside the bottom stub), with the gap to the bus.
fn label_room(ctx: &Context<'_>, step: usize) -> f32 {
    // Labels alternate right and left of the stub, stacking down each side.
    let mut sides = [0.0f32; 2];
    for (i, &f) in ctx.labelled[step].iter().enumerate() {
        sides[i % 2] += labels::zone_height(ctx, f);
    }
    sides[0].max(sides[1])
}

/// A row's vertical geometry.
pub(crate) struct RowBox {
    y: f32,
    height: f32,
    shape: Shape,
    size: (f32, f32),
    /// Offset of the bus below the symbol's bottom.
    bus_below: f32,
}

impl RowBox {
    fn mid(&self) -> f32 {
        self.y + self.height / 2.0
    }
    fn top(&self) -> f32 {
        self.mid() - self.size.1 / 2.0
    }
    fn bottom(&self) -> f32 {
        self.mid() + self.size.1 / 2.0
    }
}

/// Stacks the rows of a page from `top`.
pub(crate) fn row_boxes(
    ctx: &Context<'_>,
    measured: &[MeasuredRow],
    plan: &PagePlan,
    top: f32,
) -> Vec<RowBox> {
    let mut y = top;
    plan.kinds
        .iter()
        .map(|kind| {
            let (height, shape, lines, room) = match *kind {
                RowKind::Step(i) => (
                    ctx.row_heights[i],
                    shape_of(ctx.procedure.steps[i].kind),
                    measured[i].symbol_text.len(),
                    label_room(ctx, i),
                ),
                RowKind::In(_) | RowKind::Out(_) => (CONNECTOR_ROW, Shape::OffPage, 0, 0.0),
            };
            let size = symbol_size(
                shape,
                ctx.columns.symbol_width,
                lines,
                ctx.metrics.label_line,
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

fn axis(ctx: &Context<'_>, lane: usize) -> f32 {
    let (x, w) = ctx.columns.lanes[lane];
    x + w / 2.0
}

/// Lays out one page without its arrows: rows, cells, symbols, connectors.
pub(crate) fn place_page(
    ctx: &Context<'_>,
    measured: &mut [MeasuredRow],
    plan: &PagePlan,
    pairs: &[Pair],
    (number, count): (usize, usize),
) -> (Page, Vec<RowBox>) {
    let [top_margin, right_margin, bottom_margin, _] = ctx.config.page.margins;
    let show_header = ctx.config.page.repeat_header || number == 1;
    let header_y = show_header.then_some(top_margin);
    let body_top = top_margin + if show_header { ctx.header.height } else { 0.0 };
    let boxes = row_boxes(ctx, measured, plan, body_top);
    let body_bottom = boxes.last().map_or(body_top, |b| b.y + b.height);
    let id = |step: usize| ctx.procedure.steps[step].id.clone();
    let mut rows = Vec::new();
    let mut cells: Vec<TextCell> = Vec::new();
    let mut symbols = Vec::new();
    let mut connectors = Vec::new();
    let mut joints = Vec::new();
    let mut bands = Vec::new();
    let label_font = ctx.metrics.label;
    for (r, (kind, b)) in plan.kinds.iter().zip(&boxes).enumerate() {
        match kind {
            &RowKind::Step(i) => {
                let step = &ctx.procedure.steps[i];
                rows.push(Row {
                    step: i,
                    id: step.id.clone(),
                    y: b.y,
                    height: b.height,
                });
                let texts = std::mem::take(&mut measured[i].cells);
                for (column, lines, align) in texts
                    .into_iter()
                    .filter(|(_, lines, _)| lines.iter().any(|l| !l.text.is_empty()))
                {
                    if let Some(c) = ctx.columns.get(column) {
                        let rect = Rect::new(c.x, b.y, c.width, b.height);
                        let font = ctx.metrics.body;
                        cells.push(cell(
                            CellRole::Body(column),
                            rect,
                            lines,
                            TextStyle {
                                align,
                                ..TextStyle::top_left(font, ctx.metrics.padding)
                            },
                            ctx.measurer,
                        ));
                    }
                }
                let rects: Vec<Rect> = step
                    .lanes
                    .iter()
                    .map(|&lane| {
                        Rect::centred(Point::new(axis(ctx, lane), b.mid()), b.size.0, b.size.1)
                    })
                    .collect();
                for (&lane, rect) in step.lanes.iter().zip(&rects) {
                    let lines = measured[i].symbol_text.as_slice();
                    let text = position(
                        *rect,
                        lines,
                        TextStyle::centred(label_font, 0.0),
                        ctx.measurer,
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
                    let flow = &ctx.procedure.flows[pair.flow];
                    let lane = if end == ConnectorEnd::In {
                        pair.to_lane
                    } else {
                        pair.from_lane
                    };
                    let (x, width) = connector_at(ctx, &plan.rows[r], i);
                    let rect = Rect::centred(Point::new(x, b.mid()), width, b.size.1);
                    let lines =
                        crate::text::wrap(&pair.label, rect.width, label_font, ctx.measurer);
                    let text_box = Rect::new(rect.x, rect.y, rect.width, rect.height * 0.75);
                    let text = position(
                        text_box,
                        lines,
                        TextStyle::centred(label_font, 0.0),
                        ctx.measurer,
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
                        font: label_font,
                    });
                }
                bands.push(Rect::new(
                    ctx.columns.table_x,
                    b.y,
                    ctx.columns.table_width,
                    b.height,
                ));
            }
        }
    }
    let mut size = ctx.page_size;
    size.width = size
        .width
        .max(ctx.columns.table_x + ctx.columns.table_width + right_margin);
    let overflow = body_bottom + ctx.footer_height - (ctx.page_size.height - bottom_margin);
    if overflow > 0.0 {
        size.height += overflow;
    }
    let footer = super::cells::footer(
        ctx.procedure,
        ctx.config,
        &ctx.columns,
        &ctx.metrics,
        ctx.measurer,
        (number, count),
        size.height - bottom_margin,
    );
    let table = Rect::new(
        ctx.columns.table_x,
        top_margin.min(body_top),
        ctx.columns.table_width,
        body_bottom - top_margin.min(body_top),
    );
    let page = Page {
        number,
        size: Size {
            width: size.width,
            height: size.height,
        },
        table,
        header_y,
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

/// The arrows of a page: routes turned into points.
pub(crate) fn place_flows(
    ctx: &Context<'_>,
    plan: &PagePlan,
    routes: &Routes,
    boxes: &[RowBox],
    pairs: &[Pair],
) -> Vec<FlowPath> {
    let track_x = |lane: usize, side: Side, track: usize| {
        let (x, w) = ctx.columns.lanes[lane];
        let count = routes.tracks[lane * 2 + side as usize];
        let half = ctx.columns.symbol_width / 2.0 + CHANNEL_INSET;
        let room = w / 2.0 - half - LANE_INSET;
        let spacing = (room / (count as f32 + 1.0)).min(TRACK_SPACING);
        let offset = half + (track as f32 + 1.0) * spacing;
        match side {
            Side::Left => x + w / 2.0 - offset,
            Side::Right => x + w / 2.0 + offset,
        }
    };
    let point = |w: &Waypoint| {
        let b = &boxes[w.row];
        let x = match w.x {
            X::Axis(lane) => axis(ctx, lane),
            X::Edge(lane, slot, side) => {
                let row = &plan.rows[w.row];
                let (x, width) = match (0..row.lanes.len())
                    .find(|&k| row.connector && row.lanes[k] == lane && row.slot(k) == slot)
                {
                    Some(k) => connector_at(ctx, row, k),
                    None => (axis(ctx, lane), b.size.0),
                };
                match side {
                    Side::Left => x - width / 2.0,
                    Side::Right => x + width / 2.0,
                }
            }
            X::Track(lane, side, track) => track_x(lane, side, track),
        };
        let y = match w.y {
            Y::Mid => b.mid(),
            Y::SymbolTop => b.top(),
            Y::SymbolBottom => b.bottom(),
            Y::BusBelow => b.bottom() + b.bus_below,
            Y::BusAbove => b.y + (b.top() - b.y) / 2.0,
        };
        Point::new(x, y)
    };
    let id = |step: usize| ctx.procedure.steps[step].id.clone();
    routes
        .paths
        .iter()
        .enumerate()
        .map(|(f, path)| {
            let flow = &ctx.procedure.flows[plan.flow_index[f]];
            let connector = plan.pair[f].map(|k| pairs[k].label.clone());
            let points = simplify(path.iter().map(point).collect());
            FlowPath {
                from: id(flow.from),
                to: id(flow.to),
                points,
                label: None,
                connector,
            }
        })
        .collect()
}

/// Drops repeated points and corners that are not corners.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_some_and(|q| q.x == p.x && q.y == p.y) {
            continue;
        }
        if out.len() >= 2 {
            let a = out[out.len() - 2];
            let b = out[out.len() - 1];
            if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}
