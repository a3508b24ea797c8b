//! Configuration: paper, margins, column widths, fonts, printed words and
//! theme. Every field has a PANRB-faithful default and may be overridden
//! from a JSON configuration file (unknown fields are refused).

use crate::geom::Size;
use serde::{Deserialize, Serialize};

/// Everything that shapes the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
            ("table.number_width", self.table.number_width, 10.0, 100.0),
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
            ("table.symbol_width", self.table.symbol_width, 20.0, 200.0),
            ("table.symbol_gap", self.table.symbol_gap, 8.0, 60.0),
        ];
        for (field, value, low, high) in ranges {
            if !(low..=high).contains(&value) {
                return fail(field, &format!("between {low} and {high}"));
            }
        }
        if self
            .table
            .text_shares
            .iter()
            .any(|s| !(0.0..=1.0).contains(s))
            || self.table.text_shares.iter().sum::<f32>() > 0.9
        {
            return fail(
                "table.text_shares",
                "shares from 0 to 1 adding up to at most 0.9",
            );
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
}

/// What the page numbers of the footer count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
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
        }
    }
}

impl PageConfig {
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
#[serde(default, deny_unknown_fields)]
pub struct TableConfig {
    /// "No" column width.
    pub number_width: f32,
    /// Share of the table width for Kegiatan, Kelengkapan, Waktu, Output and
    /// Keterangan (before lanes are fitted).
    pub text_shares: [f32; 5],
    /// Narrowest lane before the table widens.
    pub lane_min_width: f32,
    /// Widest lane; space beyond goes to the text columns.
    pub lane_max_width: f32,
    /// Padding inside text cells.
    pub padding: f32,
    /// Process box width (other symbols follow it).
    pub symbol_width: f32,
    /// Room above and below a symbol for arrows and labels.
    pub symbol_gap: f32,
    /// Print a row of column numbers "(1) (2) ..." under the header.
    pub column_numbers: bool,
    /// Print Output before Waktu.
    pub output_before_time: bool,
}

impl Default for TableConfig {
    fn default() -> Self {
        Self {
            number_width: 22.0,
            text_shares: [0.22, 0.105, 0.065, 0.095, 0.11],
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

/// Every word the document prints. Indonesian by default; see
/// [`Words::english`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Words {
    /// "No".
    pub number: String,
    /// "Kegiatan".
    pub activity: String,
    /// "Pelaksana".
    pub actors: String,
    /// "Mutu Baku".
    pub quality: String,
    /// "Kelengkapan".
    pub requirements: String,
    /// "Waktu".
    pub time: String,
    /// "Output".
    pub output: String,
    /// "Keterangan".
    pub notes: String,
    /// "Ya".
    pub yes: String,
    /// "Tidak".
    pub no: String,
    /// "Halaman {page} dari {pages}".
    pub page_of: String,
    /// Identity sheet labels.
    pub identity: IdentityWords,
    /// Month names for printing ISO dates.
    pub months: [String; 12],
    /// BCP 47 language tag of these words, written into the PDF.
    pub language: String,
}

/// Words of the identity sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IdentityWords {
    /// "NOMOR SOP".
    pub number: String,
    /// "TANGGAL PEMBUATAN".
    pub created: String,
    /// "TANGGAL REVISI".
    pub revised: String,
    /// "TANGGAL EFEKTIF".
    pub effective: String,
    /// "DISAHKAN OLEH".
    pub approved_by: String,
    /// "NAMA SOP".
    pub name: String,
    /// "NIP".
    pub nip: String,
    /// "DASAR HUKUM".
    pub legal_basis: String,
    /// "KUALIFIKASI PELAKSANA".
    pub qualifications: String,
    /// "KETERKAITAN".
    pub related: String,
    /// "PERALATAN/PERLENGKAPAN".
    pub equipment: String,
    /// "PERINGATAN".
    pub warnings: String,
    /// "PENCATATAN DAN PENDATAAN".
    pub records: String,
}

impl Default for Words {
    fn default() -> Self {
        Self::indonesian()
    }
}

impl Default for IdentityWords {
    fn default() -> Self {
        Words::indonesian().identity
    }
}

impl Words {
    /// The Indonesian label set (the default).
    pub fn indonesian() -> Self {
        Self::from_words(
            [
                "No",
                "Kegiatan",
                "Pelaksana",
                "Mutu Baku",
                "Kelengkapan",
                "Waktu",
                "Output",
                "Keterangan",
                "Ya",
                "Tidak",
                "Halaman {page} dari {pages}",
            ],
            [
                "NOMOR SOP",
                "TANGGAL PEMBUATAN",
                "TANGGAL REVISI",
                "TANGGAL EFEKTIF",
                "DISAHKAN OLEH",
                "NAMA SOP",
                "NIP",
                "DASAR HUKUM",
                "KUALIFIKASI PELAKSANA",
                "KETERKAITAN",
                "PERALATAN/PERLENGKAPAN",
                "PERINGATAN",
                "PENCATATAN DAN PENDATAAN",
            ],
            [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember",
            ],
            "id",
        )
    }

    /// The English label set.
    pub fn english() -> Self {
        Self::from_words(
            [
                "No",
                "Activity",
                "Performers",
                "Quality Standard",
                "Requirements",
                "Time",
                "Output",
                "Notes",
                "Yes",
                "No",
                "Page {page} of {pages}",
            ],
            [
                "SOP NUMBER",
                "DATE CREATED",
                "DATE REVISED",
                "EFFECTIVE DATE",
                "APPROVED BY",
                "SOP NAME",
                "NIP",
                "LEGAL BASIS",
                "PERFORMER QUALIFICATIONS",
                "RELATED SOPS",
                "EQUIPMENT",
                "WARNINGS",
                "RECORDS",
            ],
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
            "en",
        )
    }

    /// A label set from its words, in field order.
    fn from_words(
        table: [&str; 11],
        identity: [&str; 13],
        months: [&str; 12],
        language: &str,
    ) -> Self {
        let [
            number,
            activity,
            actors,
            quality,
            requirements,
            time,
            output,
            notes,
            yes,
            no,
            page_of,
        ] = table.map(str::to_owned);
        let [
            n,
            created,
            revised,
            effective,
            approved_by,
            name,
            nip,
            legal_basis,
            qualifications,
            related,
            equipment,
            warnings,
            records,
        ] = identity.map(str::to_owned);
        Self {
            number,
            activity,
            actors,
            quality,
            requirements,
            time,
            output,
            notes,
            yes,
            no,
            page_of,
            identity: IdentityWords {
                number: n,
                created,
                revised,
                effective,
                approved_by,
                name,
                nip,
                legal_basis,
                qualifications,
                related,
                equipment,
                warnings,
                records,
            },
            months: months.map(str::to_owned),
            language: language.to_owned(),
        }
    }

    /// "Halaman 2 dari 5".
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        self.page_of
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }

    /// An ISO date ("2025-06-02") printed as "2 Juni 2025"; anything else as written.
    pub fn date(&self, text: &str) -> String {
        let parts: Vec<&str> = text.trim().split('-').collect();
        if let [y, m, d] = parts[..]
            && y.len() == 4
            && m.len() == 2
            && d.len() == 2
            && let (Ok(year), Ok(month), Ok(day)) =
                (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>())
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
        {
            return format!("{day} {} {year}", self.months[month - 1]);
        }
        text.to_owned()
    }
}

/// Lines, fills and font sizes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
            font_size: 8.0,
            header_font_size: 8.5,
            label_font_size: 6.5,
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
    fn iso_dates_print_the_indonesian_way() {
        let labels = Words::indonesian();
        assert_eq!(labels.date("2025-06-02"), "2 Juni 2025");
        assert_eq!(labels.date("2 Juni 2025"), "2 Juni 2025");
        assert_eq!(labels.date("-"), "-");
        assert_eq!(labels.date("2025-13-02"), "2025-13-02");
        assert_eq!(Words::english().date("2025-01-10"), "10 January 2025");
    }

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
