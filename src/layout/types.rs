//! The layout as data: pure geometry in points, ready for any renderer.

use crate::error::Diagnostic;
use crate::geom::{Point, Rect, Size};
use crate::text::Font;
use serde::Serialize;
use std::sync::Arc;

/// A laid-out SOP: pages of positioned table cells, symbols and arrows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// The document's title (its name, else its number, else "SOP").
    pub title: String,
    /// Language of the printed words (BCP 47: "id", "en").
    pub language: String,
    /// The actor id of each lane, in column order.
    pub lane_actors: Vec<String>,
    /// The table's columns, left to right (same on every page).
    pub columns: Vec<Column>,
    /// Left and right edge of the swimlane block (all arrows stay inside).
    #[serde(serialize_with = "crate::geom::round_pair")]
    pub lanes_span: (f32, f32),
    /// The table header (group headers, sub-headers, column numbers) at
    /// its place on the page: every page whose `header` is true shows it.
    pub header: Vec<TextCell>,
    /// Height of the table header.
    #[serde(serialize_with = "crate::geom::round")]
    pub header_height: f32,
    /// The identity sheet's pages, when configured and the document has
    /// one (empty otherwise): one page, or more when its lists are long.
    pub identity: Vec<IdentityPage>,
    /// The flowchart pages.
    pub pages: Vec<Page>,
    /// Quality figures.
    pub metrics: LayoutMetrics,
    /// Layout warnings (table widened, row taller than a page, missing glyphs).
    pub warnings: Vec<Diagnostic>,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "lane")]
#[non_exhaustive]
pub enum ColumnKind {
    /// "No".
    Number,
    /// "Kegiatan".
    Activity,
    /// A performer's swimlane.
    Lane(usize),
    /// Mutu Baku: Kelengkapan.
    Requirements,
    /// Mutu Baku: Waktu.
    Time,
    /// Mutu Baku: Output.
    Output,
    /// "Keterangan".
    Notes,
}

/// One table column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// What it holds.
    pub kind: ColumnKind,
    /// Left edge.
    #[serde(serialize_with = "crate::geom::round")]
    pub x: f32,
    /// Width.
    #[serde(serialize_with = "crate::geom::round")]
    pub width: f32,
}

/// One page of the flowchart table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// 1-based page number among the flowchart pages (continuation pages
    /// included).
    pub number: usize,
    /// Paper size (grown only when a single symbol is taller than the
    /// page: a row's text that does not fit goes on on the next page).
    pub size: Size,
    /// The table's outline, header included.
    pub table: Rect,
    /// True when the page shows the table header ([`Layout::header`]) at
    /// the top of its table.
    pub header: bool,
    /// Activity rows on this page.
    pub rows: Vec<Row>,
    /// Bands holding off-page connectors (top and bottom of the body).
    pub bands: Vec<Rect>,
    /// Body text cells.
    pub cells: Vec<TextCell>,
    /// Activity symbols.
    pub symbols: Vec<Symbol>,
    /// Off-page connectors.
    pub connectors: Vec<Connector>,
    /// Arrows.
    pub flows: Vec<FlowPath>,
    /// Plain lines joining the symbols of joint activities.
    pub joints: Vec<Joint>,
    /// Footer texts.
    pub footer: Vec<TextCell>,
}

impl Page {
    /// The y of every horizontal line of the body (row and connector
    /// band edges), ascending, each once.
    pub fn row_lines(&self) -> Vec<f32> {
        let mut ys: Vec<f32> = self
            .rows
            .iter()
            .flat_map(|r| [r.y, r.y + r.height])
            .chain(self.bands.iter().flat_map(|b| [b.y, b.bottom()]))
            .collect();
        ys.sort_by(f32::total_cmp);
        ys.dedup();
        ys
    }
}

/// An activity row band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Index of the activity (0-based row order).
    pub step: usize,
    /// The activity's id.
    pub id: Arc<str>,
    /// Top edge.
    #[serde(serialize_with = "crate::geom::round")]
    pub y: f32,
    /// Height.
    #[serde(serialize_with = "crate::geom::round")]
    pub height: f32,
    /// True on a page that only continues the text of a row taller than
    /// a page (the row, its symbol and arrows are on the page before).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub continued: bool,
}

/// How a text is aligned in its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
}

/// What a text cell is, for renderers that style by role; written in
/// JSON as one word (`"header"`, `"footer"`, `"identity"`, or the body
/// column: `"number"`, `"activity"`, `"requirements"`, `"time"`,
/// `"output"`, `"notes"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CellRole {
    /// A header cell (grey, bold).
    Header,
    /// A body cell of a column.
    Body(ColumnKind),
    /// A footer text.
    Footer,
    /// A text of the identity sheet.
    Identity,
}

impl Serialize for CellRole {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let name = match self {
            CellRole::Header => "header",
            CellRole::Footer => "footer",
            CellRole::Identity => "identity",
            CellRole::Body(ColumnKind::Number) => "number",
            CellRole::Body(ColumnKind::Activity) => "activity",
            CellRole::Body(ColumnKind::Requirements) => "requirements",
            CellRole::Body(ColumnKind::Time) => "time",
            CellRole::Body(ColumnKind::Output) => "output",
            CellRole::Body(ColumnKind::Notes) => "notes",
            CellRole::Body(ColumnKind::Lane(_)) => "lane",
        };
        s.serialize_str(name)
    }
}

/// A positioned line of text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    /// The text.
    pub text: Box<str>,
    /// Left end of the baseline.
    #[serde(serialize_with = "crate::geom::round")]
    pub x: f32,
    /// Baseline.
    #[serde(serialize_with = "crate::geom::round")]
    pub y: f32,
    /// Measured width.
    #[serde(serialize_with = "crate::geom::round")]
    pub width: f32,
}

/// A table cell with its wrapped text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextCell {
    /// What the cell is.
    pub role: CellRole,
    /// The cell's rectangle.
    pub rect: Rect,
    /// Font of every line.
    pub font: Font,
    /// Alignment.
    pub align: Align,
    /// Lines, positioned.
    pub lines: Vec<TextLine>,
}

/// The standard symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Shape {
    /// Capsule: start and end.
    Terminator,
    /// Rectangle: an activity.
    Process,
    /// Diamond: a decision.
    Decision,
    /// Pentagon pointing down: off-page connector.
    OffPage,
}

/// An activity's symbol in one lane.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Symbol {
    /// Activity index.
    pub step: usize,
    /// Activity id.
    pub id: Arc<str>,
    /// Lane (actor index).
    pub lane: usize,
    /// Shape.
    pub shape: Shape,
    /// Bounding box.
    pub rect: Rect,
    /// Short text inside, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<TextLine>,
    /// Font of the text.
    pub font: Font,
}

/// Which end of a cut arrow a connector is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ConnectorEnd {
    /// At the bottom of the source's page: the arrow goes into it.
    Out,
    /// At the top of the target's page: the arrow comes out of it.
    In,
}

/// One pentagon of an off-page connector pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Connector {
    /// Label shared with its partner.
    pub label: String,
    /// Source activity id of the cut arrow.
    pub from: Arc<str>,
    /// Target activity id of the cut arrow.
    pub to: Arc<str>,
    /// Which end this is.
    pub end: ConnectorEnd,
    /// Lane it stands in.
    pub lane: usize,
    /// Bounding box.
    pub rect: Rect,
    /// The label text, positioned.
    pub text: Vec<TextLine>,
    /// Font of the label.
    pub font: Font,
}

/// A branch label beside an arrow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowLabelBox {
    /// The box the text occupies.
    pub rect: Rect,
    /// Font.
    pub font: Font,
    /// Lines.
    pub lines: Vec<TextLine>,
}

/// One arrow (or one piece of an arrow cut by a page break).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowPath {
    /// Source activity id.
    pub from: Arc<str>,
    /// Target activity id.
    pub to: Arc<str>,
    /// Orthogonal polyline, from the source boundary to the target
    /// boundary (or to/from an off-page connector); the arrowhead is at the
    /// last point.
    pub points: Vec<Point>,
    /// Branch label, if any (boxed: most arrows have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Box<FlowLabelBox>>,
    /// Label of the connector pair when the arrow crosses a page break.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connector: Option<String>,
}

/// Length of an arrowhead along its arrow, in points.
pub const ARROW_LENGTH: f32 = 5.0;
/// Half the width of an arrowhead across its arrow, in points.
pub const ARROW_HALF_WIDTH: f32 = 2.2;

impl FlowPath {
    /// The arrowhead's corners (tip, then the two base corners), a
    /// triangle of [`ARROW_LENGTH`] by twice [`ARROW_HALF_WIDTH`] at the
    /// last point; none for an arrow of fewer than two points.
    pub fn arrowhead(&self) -> Option<[Point; 3]> {
        let [.., from, tip] = self.points[..] else {
            return None;
        };
        let direction = |d: f32| match d.partial_cmp(&0.0) {
            Some(std::cmp::Ordering::Greater) => 1.0,
            Some(std::cmp::Ordering::Less) => -1.0,
            _ => 0.0,
        };
        let (dx, dy) = (direction(tip.x - from.x), direction(tip.y - from.y));
        let base = Point::new(tip.x - dx * ARROW_LENGTH, tip.y - dy * ARROW_LENGTH);
        let (px, py) = (-dy * ARROW_HALF_WIDTH, dx * ARROW_HALF_WIDTH);
        Some([
            tip,
            Point::new(base.x + px, base.y + py),
            Point::new(base.x - px, base.y - py),
        ])
    }

    /// The box around the arrowhead (see [`FlowPath::arrowhead`]).
    pub fn arrowhead_box(&self) -> Option<Rect> {
        let corners = self.arrowhead()?;
        let (x0, x1) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
            (lo.min(p.x), hi.max(p.x))
        });
        let (y0, y1) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
            (lo.min(p.y), hi.max(p.y))
        });
        Some(Rect::new(x0, y0, x1 - x0, y1 - y0))
    }
}

/// A plain line joining two symbols of a joint activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Joint {
    /// Activity id.
    pub id: Arc<str>,
    /// Start and end.
    pub points: [Point; 2],
}

/// Quality figures of a layout.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct LayoutMetrics {
    /// Arrows drawn (pieces of cut arrows counted once each).
    pub flows: usize,
    /// Places where two arrows cross.
    pub crossings: usize,
    /// Corners in all arrows.
    pub bends: usize,
    /// Total arrow length in points.
    #[serde(serialize_with = "crate::geom::round")]
    pub flow_length: f32,
    /// Off-page connector pairs.
    pub connector_pairs: usize,
    /// An arrow into one side of a symbol in line with another leaving
    /// the opposite side (it reads as one line passing the box).
    pub pass_throughs: usize,
    /// Parallel stretches of two unrelated arrows closer than 4 pt.
    pub close_parallels: usize,
    /// An incoming connector's line sharing a stretch with another arrow
    /// (it reads like a second start).
    pub connector_merges: usize,
    /// Flowchart pages.
    pub pages: usize,
}

impl LayoutMetrics {
    /// Mean corners per arrow.
    pub fn bends_per_flow(&self) -> f32 {
        if self.flows == 0 {
            0.0
        } else {
            self.bends as f32 / self.flows as f32
        }
    }
}

/// A page of the identity sheet (Identitas SOP): the first is page 1 of
/// the document; later ones continue its lists under a header naming the
/// SOP.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IdentityPage {
    /// Paper size.
    pub size: Size,
    /// Ruled boxes.
    pub boxes: Vec<Rect>,
    /// Texts.
    pub cells: Vec<TextCell>,
    /// Where the logo and the signature go (first page only): both always
    /// have their place, empty (to be stamped on a printed copy) when no
    /// image is given.
    pub images: Vec<PlacedImage>,
}

/// Which image of the identity sheet a box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ImageKind {
    /// The agency's logo.
    Logo,
    /// The approving official's signature or e-signature QR code.
    Signature,
}

impl ImageKind {
    /// JSON pointer of the field that names the image.
    pub fn field(self) -> &'static str {
        match self {
            ImageKind::Logo => "/identity/logo",
            ImageKind::Signature => "/identity/signature",
        }
    }
}

/// The place of an identity-sheet image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedImage {
    /// Logo or signature.
    pub kind: ImageKind,
    /// The image as the document gives it: a `data:` URI or a path,
    /// loaded by the renderer under its image policy; `None` when the
    /// document gives none and the place stays empty.
    pub source: Option<String>,
    /// The box; the image is fitted inside, keeping its proportions.
    pub rect: Rect,
}
