//! The invariant checker of design.md section 3: every violation found in
//! a layout, with the ids involved. Tests, the CLI and embedders run it.

use super::index::SegmentIndex;
use super::table_lines::TableLines;
use super::types::{CellRole, ColumnKind, ConnectorEnd, Layout, Page, Shape, TextCell};
use crate::geom::{Point, Rect};
use serde::Serialize;

mod bands;
mod outline;
mod spacing;
use outline::Outline;
use std::collections::HashMap;

/// Rounding allowance in points.
const EPS: f32 = 0.01;

/// One broken invariant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// Invariant number in design.md section 3 (1-10), 11: each outcome
    /// of a decision leaves by its own exit, 12: an arrow keeps 3 pt
    /// from a table line it runs along, 13: connectors in a band stand
    /// 4 pt apart, those of one lane in number order, 14: unrelated
    /// arrows side by side stand 4 pt apart, or 15: no arrow into one side
    /// of a symbol in line with one leaving its other side.
    pub invariant: u8,
    /// Page (1-based).
    pub page: usize,
    /// Activity ids (or connector labels) involved.
    pub ids: Vec<String>,
    /// What is wrong.
    pub message: String,
}

/// Checks every invariant; an empty list means the layout is sound.
pub fn verify(layout: &Layout) -> Vec<Violation> {
    let mut out = Vec::new();
    let mut last_step: Option<usize> = None;
    for page in &layout.pages {
        let mut check = Checker {
            page,
            out: &mut out,
            lanes: layout.lanes_span,
            table_lines: TableLines::of_page(
                layout
                    .columns
                    .iter()
                    .filter(|c| matches!(c.kind, ColumnKind::Lane(_)))
                    .flat_map(|c| [c.x, c.x + c.width]),
                page,
            ),
        };
        check.flows();
        check.exits();
        check.spacing();
        check.parallels(&layout.warnings);
        check.pass_throughs();
        check.bands();
        check.header(layout);
        check.text();
        check.labels(&layout.warnings);
        check.placement(&mut last_step);
    }
    connector_pairs(layout, &mut out);
    out
}

struct Checker<'a> {
    page: &'a Page,
    out: &'a mut Vec<Violation>,
    lanes: (f32, f32),
    table_lines: TableLines,
}

impl Checker<'_> {
    fn report(&mut self, invariant: u8, ids: Vec<String>, message: String) {
        self.out.push(Violation {
            invariant,
            page: self.page.number,
            ids,
            message,
        });
    }

    /// Ends of flow `f` may touch these outlines.
    fn ends(&self, f: usize) -> (Vec<Outline>, Vec<Outline>) {
        let flow = &self.page.flows[f];
        let of = |id: &str| -> Vec<Outline> {
            self.page
                .symbols
                .iter()
                .filter(|s| &*s.id == id)
                .map(Outline::of)
                .collect()
        };
        let (mut sources, mut targets) = (of(&flow.from), of(&flow.to));
        for c in &self.page.connectors {
            if c.from == flow.from && c.to == flow.to && Some(&c.label) == flow.connector.as_ref() {
                match c.end {
                    ConnectorEnd::In => sources.push(Outline::Box(c.rect)),
                    ConnectorEnd::Out => targets.push(Outline::Box(c.rect)),
                }
            }
        }
        (sources, targets)
    }

    fn flows(&mut self) {
        let page = self.page;
        let index = SegmentIndex::of_page(page, false);
        let related = |a: usize, b: usize| {
            let (x, y) = (&page.flows[a], &page.flows[b]);
            a == b || x.from == y.from || x.to == y.to
        };
        let obstacles: Vec<(Outline, &str)> = page
            .symbols
            .iter()
            .map(|s| (Outline::of(s), &*s.id))
            .chain(
                page.connectors
                    .iter()
                    .map(|c| (Outline::Box(c.rect), c.label.as_str())),
            )
            .collect();
        for (f, flow) in page.flows.iter().enumerate() {
            let ids = vec![flow.from.to_string(), flow.to.to_string()];
            let points = &flow.points;
            if points.len() < 2
                || points
                    .windows(2)
                    .any(|p| p[0].x != p[1].x && p[0].y != p[1].y)
            {
                self.report(
                    1,
                    ids.clone(),
                    format!("flow is not an orthogonal polyline: {points:?}"),
                );
                continue;
            }
            let (sources, targets) = self.ends(f);
            let first = points[0];
            let last = points[points.len() - 1];
            let before_last = points[points.len() - 2];
            if !sources.iter().any(|o| o.exit_port(first)) {
                self.report(
                    2,
                    ids.clone(),
                    format!("flow does not start on its source's boundary at {first:?}"),
                );
            }
            if !targets
                .iter()
                .any(|o| o.entry_port(last) && enters(o.rect(), before_last, last))
            {
                self.report(
                    2,
                    ids.clone(),
                    format!("flow does not end with an arrowhead into its target at {last:?}"),
                );
            }
            for pair in points.windows(2) {
                let segment = bounds(pair[0], pair[1]);
                if segment.x < self.lanes.0 - EPS || segment.right() > self.lanes.1 + EPS {
                    self.report(
                        3,
                        ids.clone(),
                        format!("segment {segment:?} leaves the Pelaksana columns"),
                    );
                }
                for (outline, id) in &obstacles {
                    if outline.crossed_by(&segment) {
                        self.report(
                            3,
                            vec![flow.from.to_string(), flow.to.to_string(), id.to_string()],
                            format!("segment {segment:?} passes through symbol {id}"),
                        );
                    }
                }
            }
            for w in points.windows(2) {
                let segment = bounds(w[0], w[1]);
                for other in index
                    .touching(&segment)
                    .filter(|&o| !related(f, o))
                    .collect::<Vec<_>>()
                {
                    if overlaps_collinear(&page.flows[other].points, w[0], w[1]) {
                        self.report(
                            4,
                            vec![
                                flow.from.to_string(),
                                flow.to.to_string(),
                                page.flows[other].from.to_string(),
                                page.flows[other].to.to_string(),
                            ],
                            "two unrelated flows share a stretch of line".into(),
                        );
                    }
                }
            }
            for &bend in &points[1..points.len() - 1] {
                if let Some(other) = index.through(bend).find(|&o| !related(f, o)) {
                    let o = &page.flows[other];
                    self.report(
                        5,
                        vec![
                            flow.from.to_string(),
                            flow.to.to_string(),
                            o.from.to_string(),
                            o.to.to_string(),
                        ],
                        format!("flow bends at {bend:?}, on another flow"),
                    );
                }
            }
        }
    }

    /// Invariant 11: two outcomes leaving one symbol (any two arrows of a
    /// decision, or two of which one carries a label) never start at the
    /// same point nor share their first segment.
    fn exits(&mut self) {
        let page = self.page;
        for symbol in &page.symbols {
            let outline = Outline::of(symbol);
            let decision = symbol.shape == Shape::Decision;
            let leaving: Vec<(&[Point], bool)> = page
                .flows
                .iter()
                .filter(|f| f.points.len() >= 2)
                .filter(|f| f.from == symbol.id && outline.exit_port(f.points[0]))
                .map(|f| (&f.points[..], f.label.is_some()))
                .collect();
            if leaving.len() < 2 || !decision && !leaving.iter().any(|l| l.1) {
                continue;
            }
            for (k, &(a, labelled)) in leaving.iter().enumerate() {
                for &(b, other_labelled) in &leaving[k + 1..] {
                    let outcomes = decision || labelled || other_labelled;
                    if outcomes && (a[0] == b[0] || overlaps_collinear(&b[..2], a[0], a[1])) {
                        self.report(
                            11,
                            vec![symbol.id.to_string()],
                            format!(
                                "two outcomes of {} leave by one exit at {:?}",
                                symbol.id, a[0]
                            ),
                        );
                    }
                }
            }
        }
    }

    fn header(&mut self, layout: &Layout) {
        if !self.page.header {
            return;
        }
        let top = layout
            .header
            .iter()
            .map(|c| c.rect.y)
            .fold(f32::MAX, f32::min);
        if (self.page.table.y - top).abs() > EPS {
            self.report(
                8,
                Vec::new(),
                "the header is not at the top of the table".into(),
            );
        }
        for cell in &layout.header {
            if let Some(message) = overflow(cell) {
                self.report(6, Vec::new(), message);
            }
        }
    }

    fn text(&mut self) {
        let page = self.page;
        for cell in &page.cells {
            if let Some(message) = overflow(cell) {
                self.report(6, Vec::new(), message);
            }
        }
        let size = Rect::new(0.0, 0.0, page.size.width, page.size.height);
        for cell in &page.footer {
            if !size.contains_rect(&cell.rect, EPS) {
                self.report(6, Vec::new(), "footer outside the page".into());
            }
        }
        for symbol in &page.symbols {
            for line in &symbol.text {
                if line.x < symbol.rect.x - EPS || line.x + line.width > symbol.rect.right() + EPS {
                    self.report(
                        6,
                        vec![symbol.id.to_string()],
                        format!("symbol text {:?} wider than its symbol", line.text),
                    );
                }
            }
        }
    }

    fn labels(&mut self, warnings: &[crate::error::Diagnostic]) {
        let page = self.page;
        // Labels the layout warned to sit nearer another arrow, by source.
        let crowded = |from: &str| {
            warnings.iter().any(|w| {
                w.code == crate::error::Code::LabelCrowded
                    && w.activity.as_ref().is_some_and(|a| a.id == from)
            })
        };
        let index = SegmentIndex::of_page(page, true);
        let symbols = super::index::symbol_boxes(page);
        let heads: Vec<Rect> = page
            .flows
            .iter()
            .filter_map(|f| f.arrowhead_box())
            .collect();
        let boxes: Vec<(usize, Rect)> = page
            .flows
            .iter()
            .enumerate()
            // An arrow of fewer than two points is reported as not orthogonal.
            .filter(|(_, fl)| fl.points.len() >= 2)
            .filter_map(|(f, fl)| fl.label.as_ref().map(|l| (f, l.rect)))
            .collect();
        for (i, &(f, rect)) in boxes.iter().enumerate() {
            let flow = &page.flows[f];
            let ids = vec![flow.from.to_string(), flow.to.to_string()];
            let first =
                bounds(flow.points[0], flow.points[1]).inflate(super::labels::MAX_DISTANCE + EPS);
            if !first.overlaps(&rect) {
                self.report(
                    7,
                    ids.clone(),
                    "label is not beside the first segment of its flow".into(),
                );
            }
            if !super::labels::reads_as_own(page, &index, f, &rect) && !crowded(&flow.from) {
                self.report(
                    7,
                    ids.clone(),
                    format!("label at {rect:?} reads as another arrow's: one runs nearer to it than its own first segment"),
                );
            }
            if rect.x < self.lanes.0 - EPS || rect.right() > self.lanes.1 + EPS {
                self.report(7, ids.clone(), "label leaves the Pelaksana columns".into());
            }
            if self.table_lines.touched_by(&rect.inflate(-EPS)) {
                self.report(
                    7,
                    ids.clone(),
                    format!("label at {rect:?} crosses or touches a lane or row line"),
                );
            }
            let hits_symbol = symbols
                .iter()
                .any(|&(r, diamond)| super::labels::symbol_overlaps(&r, diamond, &rect));
            let hits_line = index.touching(&rect).next().is_some();
            if heads.iter().any(|head| head.overlaps(&rect)) {
                self.report(
                    7,
                    ids.clone(),
                    format!("label at {rect:?} covers an arrowhead"),
                );
            }
            let hits_label = boxes[i + 1..]
                .iter()
                .any(|(_, other)| other.overlaps(&rect));
            let stacks = boxes[i + 1..].iter().any(|(_, other)| {
                !other.overlaps(&rect)
                    && super::labels::read_as_one(other, &rect.inflate(-EPS), &index)
            });
            if stacks {
                self.report(
                    7,
                    ids.clone(),
                    format!(
                        "label at {rect:?} stands closer than {} pt to another, no line between: they read as one",
                        super::labels::LABEL_SEPARATION
                    ),
                );
            }
            if hits_symbol || hits_line || hits_label {
                self.report(
                    7,
                    ids,
                    format!("label at {rect:?} overlaps a symbol, a line or another label"),
                );
            }
        }
    }

    fn placement(&mut self, last_step: &mut Option<usize>) {
        let page = self.page;
        let rows: HashMap<usize, (f32, f32)> = page
            .rows
            .iter()
            .map(|r| (r.step, (r.y, r.y + r.height)))
            .collect();
        for row in &page.rows {
            // A continued row goes on right after the row it continues.
            let in_order = match *last_step {
                None => !row.continued,
                Some(last) if row.continued => row.step == last && page.rows.len() == 1,
                Some(last) => row.step > last,
            };
            if !in_order {
                self.report(
                    9,
                    vec![row.id.to_string()],
                    "rows out of the SOP's order".into(),
                );
            }
            *last_step = Some(row.step);
        }
        for symbol in &page.symbols {
            let in_row = rows.get(&symbol.step).is_some_and(|&(top, bottom)| {
                symbol.rect.y >= top - EPS && symbol.rect.bottom() <= bottom + EPS
            });
            if !in_row {
                self.report(
                    9,
                    vec![symbol.id.to_string()],
                    "symbol outside its row".into(),
                );
            }
        }
        let content = Rect::new(0.0, 0.0, page.size.width, page.size.height);
        if !content.contains_rect(&page.table, EPS) {
            self.report(8, Vec::new(), "table outside the paper".into());
        }
        for flow in &page.flows {
            if flow
                .points
                .iter()
                .any(|p| p.y < page.table.y - EPS || p.y > page.table.bottom() + EPS)
            {
                self.report(
                    8,
                    vec![flow.from.to_string(), flow.to.to_string()],
                    "flow leaves its page's table".into(),
                );
            }
        }
    }
}

/// Every connector label occurs exactly twice: one out, one in, same flow.
fn connector_pairs(layout: &Layout, out: &mut Vec<Violation>) {
    let mut seen: HashMap<&str, Vec<(usize, ConnectorEnd, &str, &str)>> = HashMap::new();
    for page in &layout.pages {
        for c in &page.connectors {
            seen.entry(c.label.as_str())
                .or_default()
                .push((page.number, c.end, &*c.from, &*c.to));
        }
    }
    let mut labels: Vec<_> = seen.into_iter().collect();
    labels.sort_by(|a, b| a.0.cmp(b.0));
    for (label, ends) in labels {
        let paired = matches!(ends[..], [(p1, a, f1, t1), (p2, b, f2, t2)] if a != b && f1 == f2 && t1 == t2 && p1 != p2);
        if !paired && !label.is_empty() {
            let page = ends.first().map_or(0, |e| e.0);
            out.push(Violation {
                invariant: 8,
                page,
                ids: vec![label.to_owned()],
                message: format!("connector {label} is not one matched pair: {ends:?}"),
            });
        }
    }
}

fn bounds(a: Point, b: Point) -> Rect {
    Rect::new(
        a.x.min(b.x),
        a.y.min(b.y),
        (a.x - b.x).abs(),
        (a.y - b.y).abs(),
    )
}

/// True when the last segment (from `prev` to `end`) points into `r`.
fn enters(r: &Rect, prev: Point, end: Point) -> bool {
    let c = r.centre();
    (end.y - prev.y) * (c.y - end.y) > 0.0 || (end.x - prev.x) * (c.x - end.x) > 0.0
}

/// True when some segment of `points` runs along a-b for a positive length.
fn overlaps_collinear(points: &[Point], a: Point, b: Point) -> bool {
    points.windows(2).any(|w| {
        let (c, d) = (w[0], w[1]);
        if a.y == b.y && c.y == d.y && a.y == c.y {
            a.x.max(b.x).min(c.x.max(d.x)) - a.x.min(b.x).max(c.x.min(d.x)) > EPS
        } else if a.x == b.x && c.x == d.x && a.x == c.x {
            a.y.max(b.y).min(c.y.max(d.y)) - a.y.min(b.y).max(c.y.min(d.y)) > EPS
        } else {
            false
        }
    })
}

/// A message when a cell's text does not fit inside it.
fn overflow(cell: &TextCell) -> Option<String> {
    let r = cell.rect;
    let pad = if matches!(cell.role, CellRole::Footer) {
        0.0
    } else {
        0.5
    };
    for line in &cell.lines {
        let fits_x = line.x >= r.x + pad - EPS && line.x + line.width <= r.right() - pad + EPS;
        let fits_y = line.y - cell.font.size * 0.905 >= r.y - EPS
            && line.y + cell.font.size * 0.212 <= r.bottom() + EPS;
        if !fits_x || !fits_y {
            return Some(format!("text {:?} overflows its cell {r:?}", line.text));
        }
    }
    None
}
