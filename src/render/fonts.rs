//! The font database for usvg: the bundled faces only, never system fonts,
//! so rasters and PDFs look the same on every machine.

use crate::text::fonts;

/// The family name the bundled faces declare.
const FAMILY: &str = "Liberation Sans";
use std::sync::{Arc, OnceLock};

/// usvg options that resolve every family to the bundled Liberation Sans.
pub(crate) fn usvg_options() -> usvg::Options<'static> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let db = DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(fonts::REGULAR)));
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(fonts::BOLD)));
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    });
    usvg::Options {
        fontdb: db.clone(),
        font_family: FAMILY.to_owned(),
        ..usvg::Options::default()
    }
}

/// Parses SVG page `page` (1-based) with the bundled fonts.
pub(crate) fn parse(svg: &str, page: usize) -> Result<usvg::Tree, crate::Error> {
    usvg::Tree::from_str(svg, &usvg_options()).map_err(|e| crate::Error::SvgUnreadable {
        page,
        reason: e.to_string(),
    })
}

/// usvg measures a parsed tree in CSS pixels (96 per inch); our pages are
/// written in points (72 per inch).
pub(crate) const POINTS_PER_PIXEL: f32 = 72.0 / 96.0;
