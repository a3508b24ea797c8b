//! One self-contained HTML file of the document (feature `html`): every
//! page as the same inline SVG as the SVG export, the bundled font
//! embedded once as `@font-face` data, a Content-Security-Policy that
//! forbids every request, a print stylesheet with one page per sheet.
//! The interactive reading aids (step panel, path view, performer filter,
//! search) are not part of it yet.

use super::xml::Writer;
use base64::Engine;

/// What the page may load: nothing but its own inline styles and the
/// `data:` images and fonts it carries.
const CSP: &str = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'";

/// The HTML document of `pages` (SVG, from [`super::svg_pages_with`]).
pub(crate) fn document(pages: &[String], title: &str, language: &str) -> String {
    let size: usize = pages.iter().map(String::len).sum();
    let mut w = Writer::with_capacity(size + 1_200_000);
    w.raw("<!DOCTYPE html>\n<html lang=\"")
        .text(language)
        .raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .raw(CSP)
        .raw("\">\n");
    w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .text(title)
        .raw("</title>\n<style>\n");
    for (font, weight) in [
        (crate::text::fonts::REGULAR, 400),
        (crate::text::fonts::BOLD, 700),
    ] {
        w.raw("@font-face{font-family:\"Liberation Sans\";font-weight:")
            .raw(&weight.to_string())
            .raw(";src:url(data:font/ttf;base64,")
            .raw(&base64::engine::general_purpose::STANDARD.encode(font))
            .raw(") format(\"truetype\")}\n");
    }
    w.raw(STYLE);
    if let Some((width, height)) = pages.first().and_then(|p| page_size(p)) {
        w.raw("@page{size:")
            .raw(&width)
            .raw(" ")
            .raw(&height)
            .raw(";margin:0}\n");
    }
    w.raw("</style>\n</head>\n<body>\n<main class=\"sop-document\">\n");
    for (i, svg) in pages.iter().enumerate() {
        w.raw("<section class=\"sop-sheet\" data-sheet=\"")
            .raw(&(i + 1).to_string())
            .raw("\">\n")
            .raw(svg.trim_end())
            .raw("\n</section>\n");
    }
    w.raw("</main>\n</body>\n</html>\n");
    w.out
}

const STYLE: &str = "body{margin:0;background:#e8e8e8}\n\
.sop-document{padding:16px 0}\n\
.sop-sheet{width:max-content;margin:0 auto 16px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3)}\n\
.sop-sheet>svg{display:block}\n\
@media print{body{background:none}.sop-document{padding:0}\
.sop-sheet{margin:0;box-shadow:none;break-after:page}.sop-sheet:last-child{break-after:auto}}\n";

/// The `width` and `height` attributes of an SVG page (`841.89pt`).
fn page_size(svg: &str) -> Option<(String, String)> {
    let attr = |name: &str| {
        let start = svg.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = svg[start..].find('"')? + start;
        Some(svg[start..end].to_owned())
    };
    Some((attr("width")?, attr("height")?))
}
