//! The bundled font: Liberation Sans 2.1.5 (SIL OFL 1.1, metric-compatible
//! with Arial). Measured and rendered from the same bytes.

/// Liberation Sans Regular.
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold.
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
/// The `font-family` list written into SVG.
pub const FAMILY_LIST: &str = "Liberation Sans, Arial, Helvetica, sans-serif";
