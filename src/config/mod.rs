//! Configuration: paper, margins, column widths, fonts, printed words and
//! theme. Every field has a PANRB-faithful default and may be overridden
//! from a JSON configuration file (unknown fields are refused).

use crate::geom::Size;
use serde::{Deserialize, Serialize};

mod reader_words;
mod words;

pub use reader_words::ReaderWords;
pub use words::{IdentityWords, Words};

/// Everything that shapes the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Paper and margins.
    pub page: PageConfig,
    /// Table columns and spacing.
    pub table: TableConfig,
    /// Every printed word (`labels` in older configuration files).
    #[serde(alias = "labels")]
    pub words: Words,
    /// Lines, fills and fonts.
    pub theme: Theme,
    /// Print the identity sheet (Identitas SOP) as the first page.
    pub identity_sheet: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            page: PageConfig::default(),
            table: TableConfig::default(),
            words: Words::default(),
            theme: Theme::default(),
            identity_sheet: true,
        }
    }
}

impl Config {
    /// Refuses values no page can be made of (naming the field): sizes and
    /// widths out of range, margins that leave no room, unknown colours.
    pub fn check(&self) -> Result<(), crate::Error> {
        let fail = |field: &'static str, expected: &str| {
            Err(crate::Error::ConfigValue {
                field,
                expected: expected.to_owned(),
            })
        };
        let size = self.page.size();
        if !(size.width.is_finite()
            && size.height.is_finite()
            && (144.0..=14_400.0).contains(&size.width)
            && (144.0..=14_400.0).contains(&size.height))
        {
            return fail("page.paper", "between 144 and 14400 points on each side");
        }
        let [top, right, bottom, left] = self.page.margins;
        if self.page.margins.iter().any(|m| !(0.0..=144.0).contains(m))
            || left + right > size.width / 2.0
            || top + bottom > size.height / 2.0
        {
            return fail(
                "page.margins",
                "0 to 144 points each, leaving at least half the paper",
            );
        }
        let ranges = [
            ("theme.font_size", self.theme.font_size, 4.0, 24.0),
            (
                "theme.header_font_size",
                self.theme.header_font_size,
                4.0,
                24.0,
            ),
            (
                "theme.label_font_size",
                self.theme.label_font_size,
                4.0,
                24.0,
            ),
            ("theme.grid_width", self.theme.grid_width, 0.0, 4.0),
            ("theme.line_width", self.theme.line_width, 0.1, 4.0),
            (
                "table.lane_min_width",
                self.table.lane_min_width,
                40.0,
                400.0,
            ),
            (
                "table.lane_max_width",
                self.table.lane_max_width,
                40.0,
                400.0,
            ),
            ("table.padding", self.table.padding, 0.0, 12.0),
            ("table.symbol_width", self.table.symbol_width, 24.0, 200.0),
            ("table.symbol_gap", self.table.symbol_gap, 8.0, 60.0),
        ];
        for (field, value, low, high) in ranges {
            if !(low..=high).contains(&value) {
                return fail(field, &format!("between {low} and {high}"));
            }
        }
        let widths = &self.table.widths;
        let fixed = [
            ("table.widths.number", widths.number),
            ("table.widths.activity", widths.activity),
            ("table.widths.requirements", widths.requirements),
            ("table.widths.time", widths.time),
            ("table.widths.output", widths.output),
            ("table.widths.notes", widths.notes),
        ];
        for (field, width) in fixed {
            if width.is_some_and(|w| !(8.0..=size.width).contains(&w)) {
                return fail(field, "from 8 points to the paper's width");
            }
        }
        for (field, colour) in [
            ("theme.header_fill", &self.theme.header_fill),
            ("theme.symbol_fill", &self.theme.symbol_fill),
            ("theme.ink", &self.theme.ink),
        ] {
            let hex = colour.strip_prefix('#').is_some_and(|h| {
                matches!(h.len(), 3 | 6) && h.chars().all(|c| c.is_ascii_hexdigit())
            });
            if !hex && colour != "none" {
                return fail(field, "a colour like #d9d9d9");
            }
        }
        Ok(())
    }

    /// The default configuration with the given printed words.
    pub fn with_words(words: Words) -> Self {
        Self {
            words,
            ..Self::default()
        }
    }
}

/// Paper sizes in use in Indonesian government documents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Paper {
    /// ISO A4, 210 x 297 mm.
    A4,
    /// F4 / Folio, 215 x 330 mm, customary for official correspondence.
    F4,
    /// US Letter, 8.5 x 11 in.
    Letter,
    /// US Legal, 8.5 x 14 in.
    Legal,
    /// Any size in points (portrait width and height).
    Custom {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
    },
}

impl Paper {
    /// Portrait size in points.
    pub fn portrait(self) -> Size {
        const MM: f32 = 72.0 / 25.4;
        let (width, height) = match self {
            Paper::A4 => (210.0 * MM, 297.0 * MM),
            Paper::F4 => (215.0 * MM, 330.0 * MM),
            Paper::Letter => (612.0, 792.0),
            Paper::Legal => (612.0, 1008.0),
            Paper::Custom { width, height } => (width, height),
        };
        Size { width, height }
    }
}

/// Paper, orientation, margins, and what repeats on every page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PageConfig {
    /// Paper size.
    pub paper: Paper,
    /// Landscape (the PANRB norm) or portrait.
    pub landscape: bool,
    /// Margins in points: top, right, bottom, left.
    pub margins: [f32; 4],
    /// Repeat the table header on every page.
    pub repeat_header: bool,
    /// Print the footer (SOP number and name, page x of y).
    pub footer: bool,
    /// How off-page connectors are labelled.
    pub connector_labels: ConnectorLabels,
    /// What "Halaman x dari y" counts.
    pub numbering: PageNumbering,
    /// What page breaks are chosen for first.
    pub breaks: PageBreaks,
}

/// What page breaks are chosen for. Each off-page connector stands in its
/// activity's lane at the foot or the head of the page, so its line
/// crosses the arrows between lanes on either side of it: where a page
/// breaks decides how many crossings the pages have. Ties go to fewer
/// pages, then to fewer arrows cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PageBreaks {
    /// The fewest crossings and pages together, a page weighing as much
    /// as one crossing: a page is added only where it spares at least two.
    #[default]
    Balanced,
    /// The fewest pages, then the fewest arrows cut, then the fewest
    /// crossings.
    FewestPages,
    /// The fewest crossings, whatever the pages.
    FewestCrossings,
}

/// What the page numbers of the footer count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum PageNumbering {
    /// Every page of the document: the identity sheet is page 1, as on
    /// signed SOPs.
    #[default]
    Document,
    /// The flowchart pages only.
    Flowchart,
}

impl Default for PageConfig {
    fn default() -> Self {
        Self {
            paper: Paper::F4,
            landscape: true,
            margins: [28.0, 28.0, 28.0, 28.0],
            repeat_header: true,
            footer: true,
            connector_labels: ConnectorLabels::Numbers,
            numbering: PageNumbering::Document,
            breaks: PageBreaks::default(),
        }
    }
}

impl PageConfig {
    /// The paper as a drafter names it: "A4 lanskap", "F4 potret",
    /// "600 x 800 pt".
    pub fn describe(&self) -> String {
        let name = match self.paper {
            Paper::A4 => "A4",
            Paper::F4 => "F4",
            Paper::Letter => "Letter",
            Paper::Legal => "Legal",
            Paper::Custom { .. } => {
                let size = self.size();
                return format!("{:.0} x {:.0} pt", size.width, size.height);
            }
        };
        let orientation = if self.landscape { "lanskap" } else { "potret" };
        format!("{name} {orientation}")
    }

    /// The page size in points, orientation applied.
    pub fn size(&self) -> Size {
        let p = self.paper.portrait();
        let (short, long) = (p.width.min(p.height), p.width.max(p.height));
        if self.landscape {
            Size {
                width: long,
                height: short,
            }
        } else {
            Size {
                width: short,
                height: long,
            }
        }
    }
}

/// Words of off-page connector pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ConnectorLabels {
    /// 1, 2, 3 ...
    Numbers,
    /// A, B, C ... Z, AA, AB ...
    Letters,
    /// No text in the pentagons.
    None,
}

impl ConnectorLabels {
    /// The label of the `index`-th pair (0-based).
    pub fn label(self, index: usize) -> String {
        match self {
            ConnectorLabels::Numbers => (index + 1).to_string(),
            ConnectorLabels::Letters => {
                let mut n = index + 1;
                let mut s = Vec::new();
                while n > 0 {
                    n -= 1;
                    s.push(b'A' + (n % 26) as u8);
                    n /= 26;
                }
                s.reverse();
                String::from_utf8_lossy(&s).into_owned()
            }
            ConnectorLabels::None => String::new(),
        }
    }
}

/// Column widths and spacing, in points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TableConfig {
    /// Widths fixed by hand; a column not named takes its width from its
    /// content.
    pub widths: ColumnWidths,
    /// Lane width lanes keep before the text columns grow past their
    /// minimum; only a paper too narrow for the performers makes them
    /// narrower (down to the smallest symbol).
    pub lane_min_width: f32,
    /// Widest lane for its symbol and tracks; space beyond goes to the
    /// text columns (a lane grows past it only as far as the longest word
    /// of its branch labels needs beside its symbol).
    pub lane_max_width: f32,
    /// Padding inside text cells.
    pub padding: f32,
    /// Process box width (other symbols follow it), the largest drawn.
    pub symbol_width: f32,
    /// Room above and below a symbol for arrows, with 9 pt body text;
    /// smaller type takes it in proportion (branch labels get their own
    /// room on top).
    pub symbol_gap: f32,
    /// Print a row of column numbers "(1) (2) ..." under the header.
    pub column_numbers: bool,
    /// Print Output before Waktu.
    pub output_before_time: bool,
}

/// Column widths fixed in the configuration, in points. A column left out
/// (the default) is as wide as its content asks within the paper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ColumnWidths {
    /// "No".
    pub number: Option<f32>,
    /// "Kegiatan".
    pub activity: Option<f32>,
    /// "Kelengkapan".
    pub requirements: Option<f32>,
    /// "Waktu".
    pub time: Option<f32>,
    /// "Output".
    pub output: Option<f32>,
    /// "Keterangan".
    pub notes: Option<f32>,
}

impl ColumnWidths {
    /// The fixed widths of Kegiatan, Kelengkapan, Waktu, Output and
    /// Keterangan, in that order.
    pub fn text(&self) -> [Option<f32>; 5] {
        [
            self.activity,
            self.requirements,
            self.time,
            self.output,
            self.notes,
        ]
    }
}

impl Default for TableConfig {
    fn default() -> Self {
        Self {
            widths: ColumnWidths::default(),
            lane_min_width: 56.0,
            lane_max_width: 104.0,
            padding: 3.0,
            symbol_width: 46.0,
            symbol_gap: 13.0,
            column_numbers: false,
            output_before_time: false,
        }
    }
}

/// Lines, fills and font sizes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    /// Body text size (points).
    pub font_size: f32,
    /// Header text size (points, bold).
    pub header_font_size: f32,
    /// Branch label and symbol text size.
    pub label_font_size: f32,
    /// Table line width.
    pub grid_width: f32,
    /// Arrow and symbol outline width.
    pub line_width: f32,
    /// Header cell fill.
    pub header_fill: String,
    /// Symbol fill.
    pub symbol_fill: String,
    /// Lines and text colour.
    pub ink: String,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            font_size: 9.0,
            header_font_size: 9.0,
            label_font_size: 7.5,
            grid_width: 0.75,
            line_width: 0.75,
            header_fill: "#d9d9d9".into(),
            symbol_fill: "#ffffff".into(),
            ink: "#000000".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connector_labels() {
        assert_eq!(ConnectorLabels::Letters.label(0), "A");
        assert_eq!(ConnectorLabels::Letters.label(26), "AA");
        assert_eq!(ConnectorLabels::Numbers.label(4), "5");
    }

    #[test]
    fn out_of_range_values_are_refused_with_their_field() {
        assert!(Config::default().check().is_ok());
        let mut config = Config::default();
        config.theme.font_size = 0.0;
        assert!(
            config
                .check()
                .unwrap_err()
                .to_string()
                .contains("theme.font_size")
        );
        let mut config = Config::default();
        config.page.margins = [400.0, 0.0, 400.0, 0.0];
        assert!(
            config
                .check()
                .unwrap_err()
                .to_string()
                .contains("page.margins")
        );
        let mut config = Config::default();
        config.theme.ink = "red\" onload=\"x".into();
        assert!(
            config
                .check()
                .unwrap_err()
                .to_string()
                .contains("theme.ink")
        );
        let mut config = Config::default();
        config.page.paper = Paper::Custom {
            width: f32::NAN,
            height: 10.0,
        };
        assert!(
            config
                .check()
                .unwrap_err()
                .to_string()
                .contains("page.paper")
        );
    }

    #[test]
    fn landscape_f4_is_the_default_page() {
        let size = PageConfig::default().size();
        assert!((size.width - 935.43).abs() < 0.1 && (size.height - 609.45).abs() < 0.1);
    }
}
