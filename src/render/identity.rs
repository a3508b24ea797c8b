//! SVG of the identity sheet.

use super::images::{self, ImagePolicy};
use super::svg::{open, rect, text_cell};
use super::xml::{escape, num};
use crate::Error;
use crate::config::Theme;
use crate::layout::IdentityPage;
use crate::procedure::Procedure;
use std::fmt::Write;

/// Writes the identity sheet; images are loaded under `policy`.
pub fn identity_page(
    page: &IdentityPage,
    procedure: &Procedure,
    theme: &Theme,
    policy: &ImagePolicy,
) -> Result<String, Error> {
    let mut out = String::with_capacity(16_384);
    open(&mut out, page.size.width, page.size.height, "identity", 0);
    for b in &page.boxes {
        rect(&mut out, "sop-grid", b, "none", theme);
    }
    for cell in &page.cells {
        text_cell(&mut out, cell, "sop-identity", theme);
    }
    for placed in &page.images {
        let identity = &procedure.identity;
        let value = match placed.field.as_str() {
            "/identity/logo" => identity.logo.as_deref(),
            _ => identity.signature.as_deref(),
        };
        let Some(value) = value else { continue };
        let image = images::load(&placed.field, value, policy)?;
        let class = if placed.field.ends_with("logo") {
            "sop-logo"
        } else {
            "sop-signature"
        };
        let r = placed.rect;
        let _ = write!(
            out,
            r#"<image class="{class}" x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="xMidYMid meet" xlink:href="{}"/>"#,
            num(r.x),
            num(r.y),
            num(r.width),
            num(r.height),
            escape(&image.data_uri())
        );
    }
    out.push_str("</svg>\n");
    Ok(out)
}
