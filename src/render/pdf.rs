//! PDF output (feature `pdf`): one page per SVG page, through krilla.
//! Fonts are embedded once and subset; text stays selectable; without a
//! creation date the bytes are the same on every run.

use crate::Error;
use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

/// Writes SVG pages as one PDF with the given title.
pub(crate) fn svg_pages_to_pdf(
    pages: &[String],
    title: &str,
    language: &str,
) -> Result<Vec<u8>, Error> {
    svg_pages_to_pdf_with_outline(pages, title, language, &[])
}

/// [`svg_pages_to_pdf`] with bookmarks: (title, 0-based page).
pub(crate) fn svg_pages_to_pdf_with_outline(
    pages: &[String],
    title: &str,
    language: &str,
    bookmarks: &[(String, usize)],
) -> Result<Vec<u8>, Error> {
    let mut document = Document::new();
    if !bookmarks.is_empty() {
        let mut outline = krilla::outline::Outline::new();
        for (text, page) in bookmarks.iter().filter(|(_, p)| *p < pages.len()) {
            outline.push_child(krilla::outline::OutlineNode::new(
                text.clone(),
                krilla::destination::XyzDestination::new(
                    *page,
                    krilla::geom::Point::from_xy(0.0, 0.0),
                ),
            ));
        }
        document.set_outline(outline);
    }
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(language.to_owned()),
    );
    for (i, svg) in pages.iter().enumerate() {
        let number = i + 1;
        let tree = super::fonts::parse(svg, number)?;
        let scale = super::fonts::POINTS_PER_PIXEL;
        let (w, h) = (tree.size().width() * scale, tree.size().height() * scale);
        let size = Size::from_wh(w, h).ok_or(Error::PdfPage { page: number })?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or(Error::PdfPage { page: number })?;
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| Error::PdfDocument {
        reason: format!("{e:?}"),
    })
}
