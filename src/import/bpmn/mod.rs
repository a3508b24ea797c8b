//! BPMN 2.0 process models (`.bpmn`) into an SOP, following
//! `bpmn-mapping.md`: performers from pools and leaf lanes, steps from
//! tasks, sub-processes and events, decisions from splitting gateways,
//! the other gateways removed, rows in the depth-first order of the flow.
//!
//! The XML is read with roxmltree, elements matched by namespace URI; a
//! DOCTYPE (and so any entity declaration) is refused, never expanded.

mod actors;
mod document;
mod graph;
mod order;
mod steps;
mod words;

use super::{ImportOptions, Imported, Origin, fail, t};
use crate::error::{Code, Diagnostic, Diagnostics, Message};
use crate::model::{FORMAT, Sop};

/// Most XML nodes (elements, texts, comments) of a model.
pub const MAX_XML_NODES: u32 = 500_000;
/// Deepest nesting of XML elements.
pub const MAX_XML_DEPTH: usize = 128;

/// A line and column in the model's XML (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    pub line: usize,
    pub column: usize,
}

/// Reads a BPMN model's bytes into an SOP.
pub(super) fn read(bytes: Vec<u8>, options: &ImportOptions) -> Result<Imported, Diagnostics> {
    let lang = options.lang;
    let text = decode(bytes).map_err(|(id, en)| {
        Diagnostics::from(Diagnostic::error(Code::XmlSyntax, "", t(lang, &id, &en)))
    })?;
    if let Some(at) = find_doctype(&text) {
        let place = place_at(&text, at);
        return fail(
            Diagnostic::error(
                Code::XmlSyntax,
                "",
                t(
                    lang,
                    "model BPMN ditolak: berisi DOCTYPE (deklarasi DTD atau entitas tidak pernah dibaca)",
                    "BPMN model refused: it has a DOCTYPE (DTD and entity declarations are never read)",
                ),
            )
            .at_line(place.line, place.column),
        );
    }
    let parse_options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&text, parse_options).map_err(|e| {
        let place = match e {
            roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
                place_at(&text, text.len())
            }
            ref other => Place {
                line: other.pos().row as usize,
                column: other.pos().col as usize,
            },
        };
        let (id, en) = message_of(e);
        Diagnostics::from(
            Diagnostic::error(Code::XmlSyntax, "", t(lang, &id, &en))
                .at_line(place.line, place.column),
        )
    })?;
    check_depth(&doc, lang)?;
    let root = doc.root_element();
    if root.tag_name().name() != "definitions"
        || root.tag_name().namespace() != Some(document::MODEL_NS)
    {
        let pos = doc.text_pos_at(root.range().start);
        return fail(
            Diagnostic::error(
                Code::NotBpmn,
                "",
                t(
                    lang,
                    &format!(
                        "bukan model BPMN 2.0: elemen akarnya <{}>, bukan <definitions> dengan namespace {}",
                        root.tag_name().name(),
                        document::MODEL_NS
                    ),
                    &format!(
                        "not a BPMN 2.0 model: its root element is <{}>, not <definitions> in namespace {}",
                        root.tag_name().name(),
                        document::MODEL_NS
                    ),
                ),
            )
            .at_line(pos.row as usize, pos.col as usize),
        );
    }
    let model = document::read(&doc);
    let mut warnings = Vec::new();
    let actors = actors::actors(&model);
    let found = graph::steps(&model, lang, &mut warnings);
    let max = options.limits.max_activities;
    if found.nodes.len() > max {
        return fail(Diagnostic::error(
            Code::LimitExceeded,
            "",
            t(
                lang,
                &format!(
                    "model BPMN punya {} langkah, melebihi batas max_activities {max}",
                    found.nodes.len()
                ),
                &format!(
                    "the BPMN model has {} steps, more than the limit max_activities {max}",
                    found.nodes.len()
                ),
            ),
        ));
    }
    let rows = order::rows(&model, &found);
    let activities = steps::activities(&model, &found, &actors, &rows, lang);
    let places = rows.iter().map(|&i| model.nodes[i].place).collect();
    Ok(Imported {
        sop: Sop {
            format: Some(FORMAT.to_owned()),
            identity: None,
            actors: actors.list,
            activities,
        },
        warnings: Diagnostics(warnings),
        origin: Some(Origin::Elements(places)),
    })
}

/// Adds the line and column of its activity's element to each diagnostic
/// whose path points into an activity (`/activities/3/next`).
pub(super) fn locate(places: &[Place], mut diagnostics: Diagnostics) -> Diagnostics {
    for d in &mut diagnostics.0 {
        let row = d
            .path
            .strip_prefix("/activities/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|n| n.parse::<usize>().ok());
        if let (None, Some(place)) = (d.line, row.and_then(|r| places.get(r))) {
            d.line = Some(place.line);
            d.column = Some(place.column);
        }
    }
    diagnostics
}

/// The words for an XML error roxmltree reports.
fn message_of(error: roxmltree::Error) -> (String, String) {
    match error {
        roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => (
            "model terpotong: berkas berakhir sebelum elemen akarnya ditutup".to_owned(),
            "the model is truncated: the file ends before its root element is closed".to_owned(),
        ),
        roxmltree::Error::NodesLimitReached => (
            format!("model BPMN ditolak: lebih dari {MAX_XML_NODES} simpul XML"),
            format!("BPMN model refused: more than {MAX_XML_NODES} XML nodes"),
        ),
        other => (
            format!("bukan XML yang benar: {other}"),
            format!("not well-formed XML: {other}"),
        ),
    }
}

/// A warning about `node`, at its place in the file.
fn warn(node: &document::Node, message: (String, String)) -> Diagnostic {
    Diagnostic::warning(Code::BpmnConstruct, "", Message::from(message))
        .at_line(node.place.line, node.place.column)
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The model's text: UTF-8 (a byte-order mark dropped) or UTF-16 with its
/// byte-order mark, as Visio writes it.
fn decode(bytes: Vec<u8>) -> Result<String, (String, String)> {
    let utf16 = |big: bool| {
        let units = bytes[2..].chunks_exact(2).map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|e| {
                (
                    format!("teks UTF-16 rusak: {e}"),
                    format!("broken UTF-16 text: {e}"),
                )
            })
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => return utf16(false),
        Some([0xFE, 0xFF]) => return utf16(true),
        _ => {}
    }
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    String::from_utf8(bytes[start..].to_vec()).map_err(|e| {
        let place = place_at(
            &String::from_utf8_lossy(&bytes[start..]),
            e.utf8_error().valid_up_to(),
        );
        (
            format!(
                "bukan teks UTF-8 (baris {} kolom {}); simpan model sebagai UTF-8",
                place.line, place.column
            ),
            format!(
                "not UTF-8 text (line {} column {}); save the model as UTF-8",
                place.line, place.column
            ),
        )
    })
}

/// Where a `<!DOCTYPE` declaration starts, outside comments.
fn find_doctype(text: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = text[at..].find("<!") {
        let start = at + found;
        let rest = &text[start..];
        if rest.starts_with("<!--") {
            at = start + rest.find("-->").map_or(rest.len(), |e| e + 3);
        } else if rest
            .get(2..9)
            .is_some_and(|w| w.eq_ignore_ascii_case("DOCTYPE"))
            || rest.starts_with("<!ENTITY")
        {
            return Some(start);
        } else {
            at = start + 2;
        }
    }
    None
}

/// The line and column of byte `at` of `text`.
fn place_at(text: &str, at: usize) -> Place {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Place { line, column }
}

/// Refuses elements nested deeper than [`MAX_XML_DEPTH`].
fn check_depth(doc: &roxmltree::Document<'_>, lang: crate::error::Lang) -> Result<(), Diagnostics> {
    let mut depth = vec![0usize; doc.descendants().count() + 1];
    for node in doc.descendants() {
        let d = node.parent().map_or(0, |p| depth[p.id().get_usize()] + 1);
        depth[node.id().get_usize()] = d;
        if d > MAX_XML_DEPTH {
            let pos = doc.text_pos_at(node.range().start);
            return fail(
                Diagnostic::error(
                    Code::LimitExceeded,
                    "",
                    t(
                        lang,
                        &format!("model BPMN ditolak: elemen bersarang lebih dari {MAX_XML_DEPTH} tingkat"),
                        &format!("BPMN model refused: elements nested deeper than {MAX_XML_DEPTH} levels"),
                    ),
                )
                .at_line(pos.row as usize, pos.col as usize),
            );
        }
    }
    Ok(())
}
