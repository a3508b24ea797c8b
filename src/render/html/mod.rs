//! One self-contained HTML file of the document (feature `html`): every
//! page as the same inline SVG as the SVG export, the bundled font
//! embedded once as `@font-face` data, a Content-Security-Policy that
//! forbids every request, a print stylesheet with one page per sheet, and
//! the reading aids: a step list and panel, the path view, the performer
//! filter and search. The script reads the SVG's `data-` attributes and
//! one JSON island ([`island`]), nothing else.

mod island;
mod woff;

use super::xml::Writer;
use crate::config::Words;
use crate::procedure::Procedure;
use base64::Engine;
use sha2::Digest;

/// The reading aids' script (inline; allowed by its hash alone).
const SCRIPT: &str = include_str!("reader.js");
/// The page's stylesheet: screen, highlights and print.
const STYLE: &str = include_str!("reader.css");

/// What the page may load: nothing but its own inline style, its own
/// script (by hash) and the `data:` images and fonts it carries.
pub(crate) fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(SCRIPT));
    format!(
        "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; \
         script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'"
    )
}

/// The HTML document of `pages` (SVG, from [`super::svg_pages_with`]) of
/// `procedure`, its reading aids in `words`.
pub(crate) fn document(
    pages: &[String],
    procedure: &Procedure,
    title: &str,
    words: &Words,
) -> String {
    let size: usize = pages.iter().map(String::len).sum();
    let mut w = Writer::with_capacity(size + 600_000 + procedure.steps().len() * 400);
    w.raw("<!DOCTYPE html>\n<html lang=\"")
        .text(&words.language)
        .raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .raw(&content_security_policy())
        .raw("\">\n");
    w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .text(title)
        .raw("</title>\n<style>\n");
    for (font, weight) in fonts().iter().zip([400, 700]) {
        w.raw("@font-face{font-family:\"Liberation Sans\";font-weight:")
            .raw(&weight.to_string())
            .raw(";src:url(")
            .raw(font)
            .raw(")}\n");
    }
    w.raw(STYLE);
    if let Some((width, height)) = pages.first().and_then(|p| page_size(p)) {
        w.raw("@page{size:")
            .raw(&width)
            .raw(" ")
            .raw(&height)
            .raw(";margin:0}\n");
        // Sheets out of sight are neither laid out nor painted until
        // scrolled to: a long SOP opens at once.
        w.raw("@media screen{.sop-sheet{content-visibility:auto;contain-intrinsic-size:auto ")
            .raw(&width)
            .raw(" auto ")
            .raw(&height)
            .raw("}}\n");
    }
    w.raw("</style>\n</head>\n<body>\n");
    panel(&mut w, procedure, title, words);
    w.raw("<main class=\"sop-document\">\n");
    for (i, svg) in pages.iter().enumerate() {
        w.raw("<section class=\"sop-sheet\" data-sheet=\"")
            .raw(&(i + 1).to_string())
            .raw("\">\n")
            .raw(svg.trim_end())
            .raw("\n</section>\n");
    }
    w.raw("</main>\n<script type=\"application/json\" id=\"sop-data\">")
        .raw(&island::json(procedure, words))
        .raw("</script>\n<script>")
        .raw(SCRIPT)
        .raw("</script>\n</body>\n</html>\n");
    w.out
}

/// The side panel: title, service time, the tools, the chosen step's
/// details and the list of every step (both filled by the script).
fn panel(w: &mut Writer, procedure: &Procedure, title: &str, words: &Words) {
    let r = &words.reader;
    w.raw("<aside class=\"sop-panel\" aria-label=\"")
        .text(&r.steps)
        .raw("\">\n<h1>")
        .text(title)
        .raw("</h1>\n");
    if let Some(time) = procedure.service_time() {
        w.raw("<p class=\"sop-service-time\">")
            .text(&r.service_time)
            .raw(": <b id=\"sop-fastest\">")
            .text(&time.min.to_string())
            .raw("</b> (")
            .text(&r.fastest)
            .raw(") – <b id=\"sop-slowest\">")
            .text(&time.max.to_string())
            .raw("</b> (")
            .text(&r.slowest)
            .raw(")</p>\n");
    }
    w.raw("<div class=\"sop-tools\">\n<input type=\"search\" id=\"sop-search\" placeholder=\"")
        .text(&r.search)
        .raw("\" aria-label=\"")
        .text(&r.search)
        .raw("\">\n<select id=\"sop-actor\" aria-label=\"")
        .text(&words.actors)
        .raw("\"><option value=\"\">")
        .text(&r.all_performers)
        .raw("</option>");
    for lane in procedure.lanes() {
        w.raw("<option value=\"")
            .text(&lane.id)
            .raw("\">")
            .text(&lane.name)
            .raw("</option>");
    }
    w.raw("</select>\n<label class=\"sop-path-switch\"><input type=\"checkbox\" id=\"sop-path\"> ")
        .text(&r.path)
        .raw("</label>\n<button type=\"button\" id=\"sop-clear\">")
        .text(&r.clear)
        .raw("</button>\n</div>\n");
    w.raw("<p id=\"sop-status\" role=\"status\"></p>\n<section id=\"sop-detail\" aria-live=\"polite\" hidden></section>\n<h2>")
        .text(&r.steps)
        .raw("</h2>\n<ol id=\"sop-steps\"></ol>\n</aside>\n");
}

/// The bundled regular and bold faces as WOFF `data:` URIs, made once.
fn fonts() -> &'static [String; 2] {
    static FONTS: std::sync::OnceLock<[String; 2]> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| {
        [crate::text::fonts::REGULAR, crate::text::fonts::BOLD].map(|font| {
            let base64 = &base64::engine::general_purpose::STANDARD;
            match woff::woff(font) {
                Some(packed) => format!("data:font/woff;base64,{}", base64.encode(packed)),
                None => format!("data:font/ttf;base64,{}", base64.encode(font)),
            }
        })
    })
}

/// The `width` and `height` attributes of an SVG page (`841.89pt`).
fn page_size(svg: &str) -> Option<(String, String)> {
    let attr = |name: &str| {
        let start = svg.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = svg[start..].find('"')? + start;
        Some(svg[start..end].to_owned())
    };
    Some((attr("width")?, attr("height")?))
}
