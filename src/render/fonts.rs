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
        // Every generic family is the bundled face, so that text naming a
        // family we do not have (a logo's "Arial", "Times New Roman") falls
        // back to it instead of being dropped.
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_a_family_we_do_not_bundle_is_drawn_with_the_bundled_face() {
        for family in ["Arial", "Times New Roman", "serif", "monospace"] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="30" font-family="{family}" font-size="20">BPS</text></svg>"#
            );
            let tree = usvg::Tree::from_str(&svg, &usvg_options()).unwrap();
            assert!(tree.root().has_children(), "the text in {family} is kept");
            assert!(tree.root().abs_bounding_box().width() > 20.0, "{family}");
        }
    }
}
