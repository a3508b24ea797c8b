//! SVG of the identity sheet (Identitas SOP), drawn from its laid-out page.

use super::images::{self, ImagePolicy};
use super::svg::{open, rect, text_cell};
use super::xml::Writer;
use crate::Error;
use crate::config::Theme;
use crate::layout::{IdentityPage, ImageKind};

/// Writes the identity sheet; images are loaded under `policy`.
pub fn identity_sheet_svg(
    page: &IdentityPage,
    theme: &Theme,
    policy: &ImagePolicy,
) -> Result<String, Error> {
    let mut w = Writer::with_capacity(16_384);
    open(
        &mut w,
        page.size.width,
        page.size.height,
        "identity",
        0,
        theme,
    );
    for b in &page.boxes {
        rect(&mut w, "sop-grid", b, "none", theme);
    }
    for cell in &page.cells {
        text_cell(&mut w, cell, "sop-identity");
    }
    for placed in &page.images {
        let Some(source) = &placed.source else {
            continue;
        };
        let image = images::load(placed.kind.field(), source, policy)?;
        let class = match placed.kind {
            ImageKind::Logo => "sop-logo",
            _ => "sop-signature",
        };
        let r = placed.rect;
        w.raw("<image class=\"").raw(class).raw("\"").rect_attrs(&r);
        w.raw(r#" preserveAspectRatio="xMidYMid meet""#)
            .attr_text("xlink:href", &image.data_uri())
            .raw("/>");
    }
    w.raw("</svg>\n");
    Ok(w.out)
}
