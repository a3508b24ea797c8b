//! Renderers: they walk a [`Layout`] and write shapes; they never decide
//! geometry and need nothing but the layout, a [`Theme`] and, for the
//! identity sheet's images, an [`ImagePolicy`]. SVG is always available;
//! PNG and PDF are behind the `png` and `pdf` features and draw the same
//! SVG pages (as usvg normalises and resvg only draws).

#[cfg(any(feature = "png", feature = "pdf"))]
mod fonts;
#[cfg(feature = "html")]
mod html;
mod identity_sheet;
mod images;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "png")]
mod png;
mod svg;
mod xml;

pub use images::{ImagePolicy, MAX_IMAGE_BYTES};
#[cfg(feature = "png")]
pub use png::DEFAULT_DPI;
pub use svg::{flowchart_pages, flowchart_pages_marked};

use crate::Error;
use crate::config::Theme;
use crate::layout::{IdentityPage, Layout, Mark};

/// Every page of the document as SVG: the identity sheet (when laid out)
/// then the flowchart pages.
pub fn svg_pages(
    layout: &Layout,
    theme: &Theme,
    images: &ImagePolicy,
) -> Result<Vec<String>, Error> {
    svg_pages_with(layout, theme, images, Extras::default())
}

/// What a document carries besides its own pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// Pages appended after the flowchart: laid out by
    /// [`crate::layout::table_pages`] or [`crate::layout::grid_pages`]
    /// (the time analysis, the list of changes).
    pub appendix: &'a [IdentityPage],
    /// Marks over each flowchart page (the changes of a revision, from
    /// [`crate::layout::change_marks`]).
    pub marks: &'a [Vec<Mark>],
}

/// [`svg_pages`] with `extras`.
pub fn svg_pages_with(
    layout: &Layout,
    theme: &Theme,
    images: &ImagePolicy,
    extras: Extras<'_>,
) -> Result<Vec<String>, Error> {
    let appendix = extras.appendix;
    let mut pages = Vec::with_capacity(layout.pages.len() + layout.identity.len() + appendix.len());
    for sheet in &layout.identity {
        pages.push(identity_sheet::identity_sheet_svg(sheet, theme, images)?);
    }
    pages.extend(svg::flowchart_pages_marked(layout, theme, extras.marks));
    for page in appendix {
        pages.push(identity_sheet::identity_sheet_svg(page, theme, images)?);
    }
    Ok(pages)
}

/// Every page as a PNG image at `dpi` dots per inch.
#[cfg(feature = "png")]
pub fn png_pages(
    layout: &Layout,
    theme: &Theme,
    images: &ImagePolicy,
    dpi: f32,
) -> Result<Vec<Vec<u8>>, Error> {
    png_pages_with(layout, theme, images, Extras::default(), dpi)
}

/// One SVG page (from [`svg_pages`]; `page` is its 1-based number, for
/// errors) as a PNG image at `dpi` dots per inch: the bytes
/// [`png_pages`] gives for that page.
#[cfg(feature = "png")]
pub fn png_page(svg: &str, page: usize, dpi: f32) -> Result<Vec<u8>, Error> {
    png::svg_to_png(svg, page, dpi)
}

/// [`png_pages`] with `extras`.
#[cfg(feature = "png")]
pub fn png_pages_with(
    layout: &Layout,
    theme: &Theme,
    images: &ImagePolicy,
    extras: Extras<'_>,
    dpi: f32,
) -> Result<Vec<Vec<u8>>, Error> {
    svg_pages_with(layout, theme, images, extras)?
        .iter()
        .enumerate()
        .map(|(i, svg)| png::svg_to_png(svg, i + 1, dpi))
        .collect()
}

/// The whole document as one PDF, titled and tagged with the layout's
/// language.
#[cfg(feature = "pdf")]
pub fn pdf_document(
    layout: &Layout,
    theme: &Theme,
    images: &ImagePolicy,
) -> Result<Vec<u8>, Error> {
    pdf_document_with(layout, theme, images, Extras::default())
}

/// [`pdf_document`] with `extras`.
#[cfg(feature = "pdf")]
pub fn pdf_document_with(
    layout: &Layout,
    theme: &Theme,
    images: &ImagePolicy,
    extras: Extras<'_>,
) -> Result<Vec<u8>, Error> {
    let pages = svg_pages_with(layout, theme, images, extras)?;
    pdf::svg_pages_to_pdf(&pages, &layout.title, &layout.language)
}

/// Pages of a grid laid out by [`crate::layout::grid_pages`] (a form) as
/// SVG.
pub fn grid_svg_pages(pages: &[IdentityPage], theme: &Theme) -> Result<Vec<String>, Error> {
    pages
        .iter()
        .map(|page| identity_sheet::identity_sheet_svg(page, theme, &ImagePolicy::default()))
        .collect()
}

/// Pages of a grid as one PDF with `title`, tagged with `language`.
#[cfg(feature = "pdf")]
pub fn grid_pdf(
    pages: &[IdentityPage],
    theme: &Theme,
    title: &str,
    language: &str,
) -> Result<Vec<u8>, Error> {
    pdf::svg_pages_to_pdf(&grid_svg_pages(pages, theme)?, title, language)
}

/// Pages of a grid as PNG images at `dpi` dots per inch.
#[cfg(feature = "png")]
pub fn grid_png_pages(
    pages: &[IdentityPage],
    theme: &Theme,
    dpi: f32,
) -> Result<Vec<Vec<u8>>, Error> {
    grid_svg_pages(pages, theme)?
        .iter()
        .enumerate()
        .map(|(i, svg)| png::svg_to_png(svg, i + 1, dpi))
        .collect()
}

/// The whole document as one self-contained, interactive HTML file: every
/// page as the same inline SVG as [`svg_pages_with`], the bundled font
/// embedded, no request of any kind (a Content-Security-Policy forbids
/// them), one printed sheet per page; a step list and panel, the path
/// view, the performer filter and search, worded in `config.words`.
#[cfg(feature = "html")]
pub fn html(
    procedure: &crate::Procedure,
    layout: &Layout,
    config: &crate::config::Config,
    images: &ImagePolicy,
    extras: Extras<'_>,
) -> Result<String, Error> {
    let pages = svg_pages_with(layout, &config.theme, images, extras)?;
    Ok(html::document(
        &pages,
        procedure,
        &layout.title,
        &config.words,
    ))
}

/// The Content-Security-Policy the HTML document carries (for a server
/// to send as a header too): nothing but its own inline style and script
/// and `data:` fonts and images.
#[cfg(feature = "html")]
pub fn html_content_security_policy() -> String {
    html::content_security_policy()
}

/// What rendering would refuse about the identity sheet's images (logo,
/// signature), as diagnostics at their JSON paths, so that a check finds
/// it before a render does.
pub fn check_images(identity: &crate::model::Identity, policy: &ImagePolicy) -> crate::Diagnostics {
    let mut found = crate::Diagnostics::default();
    for (field, value) in [("logo", &identity.logo), ("signature", &identity.signature)] {
        let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let path = format!("/identity/{field}");
        if let Err(e) = images::load(&path, value, policy) {
            let reason = match e {
                Error::Image { reason, .. } => reason,
                other => other.to_string(),
            };
            found.push(crate::Diagnostic::error(
                crate::Code::UnusableImage,
                path,
                (
                    format!("gambar {field} tidak dapat dipakai: {reason}"),
                    format!("the {field} image cannot be used: {reason}"),
                ),
            ));
        }
    }
    found
}

/// `svg` (one page) with `label` drawn on it (from
/// [`crate::layout::page_label`]: a book's page number).
pub fn with_label(svg: &str, label: &crate::layout::TextCell) -> String {
    let mut w = xml::Writer::with_capacity(256);
    svg::text_cell(&mut w, label, "sop-book-page");
    match svg.rfind("</svg>") {
        Some(end) => format!("{}{}{}", &svg[..end], w.out, &svg[end..]),
        None => svg.to_owned(),
    }
}

/// SVG pages as one PDF whose outline (bookmarks) holds `outline`: a
/// title and the 0-based page it opens.
#[cfg(feature = "pdf")]
pub fn pdf_with_outline(
    pages: &[String],
    title: &str,
    language: &str,
    outline: &[(String, usize)],
) -> Result<Vec<u8>, Error> {
    pdf::svg_pages_to_pdf_with_outline(pages, title, language, outline)
}
