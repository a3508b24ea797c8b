//! Renderers: they walk a [`Layout`] and write shapes; they never decide
//! geometry. SVG is always available; PNG and PDF are behind the `png` and
//! `pdf` features.

#[cfg(any(feature = "png", feature = "pdf"))]
mod fonts;
pub mod identity;
pub mod images;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "png")]
pub mod png;
pub mod svg;
pub(crate) mod xml;

pub use images::ImagePolicy;

use crate::Error;
use crate::config::Config;
use crate::layout::Layout;
use crate::procedure::Procedure;

/// Every page of the document as SVG: the identity sheet (when laid out)
/// then the flowchart pages.
pub fn svg_pages(
    procedure: &Procedure,
    layout: &Layout,
    config: &Config,
    images: &ImagePolicy,
) -> Result<Vec<String>, Error> {
    let mut pages = Vec::with_capacity(layout.pages.len() + 1);
    if let Some(sheet) = &layout.identity {
        pages.push(identity::identity_page(
            sheet,
            procedure,
            &config.theme,
            images,
        )?);
    }
    pages.extend(svg::flowchart_pages(layout, procedure, &config.theme));
    Ok(pages)
}

/// Every page as a PNG image at `dpi`.
#[cfg(feature = "png")]
pub fn png_pages(
    procedure: &Procedure,
    layout: &Layout,
    config: &Config,
    images: &ImagePolicy,
    dpi: f32,
) -> Result<Vec<Vec<u8>>, Error> {
    svg_pages(procedure, layout, config, images)?
        .iter()
        .map(|svg| png::svg_to_png(svg, dpi))
        .collect()
}

/// The whole document as one PDF.
#[cfg(feature = "pdf")]
pub fn pdf_document(
    procedure: &Procedure,
    layout: &Layout,
    config: &Config,
    images: &ImagePolicy,
) -> Result<Vec<u8>, Error> {
    let pages = svg_pages(procedure, layout, config, images)?;
    let identity = &procedure.identity;
    let title = identity
        .name
        .clone()
        .or_else(|| identity.number.clone())
        .unwrap_or_else(|| "SOP".to_owned());
    pdf::svg_pages_to_pdf(&pages, &title, &config.labels.language)
}
