//! Rendering: the SVG contract, escaping, PDF pages and text, determinism.

mod common;

use sopflow::config::Config;
use sopflow::layout::layout;
use sopflow::render::{ImagePolicy, pdf_document, svg_pages};
use sopflow::{Procedure, parse_sop};
use usvg::roxmltree;

fn render(procedure: &Procedure, config: &Config) -> Vec<String> {
    svg_pages(
        &layout(procedure, config).unwrap(),
        &config.theme,
        &ImagePolicy::default(),
    )
    .unwrap()
}

/// Every element with `class` containing `name`.
fn with_class<'a>(doc: &'a roxmltree::Document<'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|k| k == name))
        })
        .collect()
}

#[test]
fn svg_keeps_its_contract_on_every_example() {
    for file in common::example_files() {
        let procedure = common::load(&file);
        let pages = render(&procedure, &Config::default());
        let mut activities = std::collections::BTreeSet::new();
        let mut flows = 0;
        for svg in &pages {
            let doc = roxmltree::Document::parse(svg)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let root = doc.root_element();
            assert!(
                root.attribute("viewBox").is_some()
                    && root.attribute("width").is_some_and(|w| w.ends_with("pt"))
            );
            assert!(
                root.attribute("font-family")
                    .is_some_and(|f| f.starts_with("Liberation Sans"))
            );
            for g in with_class(&doc, "sop-activity") {
                activities.insert(g.attribute("data-id").unwrap().to_owned());
                assert!(g.attribute("data-row").is_some() && g.attribute("data-actor").is_some());
                assert!(g.children().any(|c| {
                    c.attribute("class")
                        .is_some_and(|k| k.starts_with("sop-symbol"))
                }));
            }
            for path in with_class(&doc, "sop-flow") {
                flows += 1;
                assert!(
                    path.attribute("data-from").is_some() && path.attribute("data-to").is_some()
                );
                let d = path.attribute("d").unwrap();
                assert!(
                    d.starts_with('M')
                        && d.chars()
                            .filter(|c| c.is_ascii_alphabetic())
                            .all(|c| "MLHV".contains(c)),
                    "{d}"
                );
            }
            // Each flow group holds exactly one flow, its arrowhead and at
            // most one label, and names the same ends.
            for group in with_class(&doc, "sop-flow-group") {
                let kids: Vec<_> = group.children().filter(|c| c.is_element()).collect();
                let class =
                    |k: &roxmltree::Node| k.attribute("class").unwrap_or_default().to_owned();
                let paths: Vec<_> = kids.iter().filter(|k| class(k) == "sop-flow").collect();
                assert_eq!(paths.len(), 1);
                assert_eq!(kids.iter().filter(|k| class(k) == "sop-arrow").count(), 1);
                assert_eq!(
                    paths[0].attribute("data-from"),
                    group.attribute("data-from")
                );
                assert_eq!(paths[0].attribute("data-to"), group.attribute("data-to"));
                let label: Vec<&str> = kids
                    .iter()
                    .filter(|k| class(k) == "sop-flow-label")
                    .filter_map(|k| k.text())
                    .collect();
                assert_eq!(
                    group.attribute("data-label"),
                    Some(label.join(" ").as_str())
                );
            }
            for connector in with_class(&doc, "sop-offpage")
                .into_iter()
                .filter(|n| n.tag_name().name() == "g")
            {
                assert!(["in", "out"].contains(&connector.attribute("data-end").unwrap()));
                assert!(connector.attribute("data-label").is_some());
            }
            if root
                .attribute("class")
                .is_some_and(|c| c.contains("sop-flowchart"))
            {
                let lanes = with_class(&doc, "sop-lane");
                assert_eq!(lanes.len(), procedure.lanes().len());
                assert!(
                    !with_class(&doc, "sop-grid").is_empty()
                        && !with_class(&doc, "sop-header").is_empty()
                );
            }
        }
        assert_eq!(
            activities.len(),
            procedure.steps().len(),
            "{}",
            file.display()
        );
        assert!(flows >= procedure.flows().len(), "{}", file.display());
    }
}

#[test]
fn user_text_never_becomes_markup() {
    let hostile = r#"<script>alert(1)</script> & "quoted" 'single' ]]> </text><g onload="x">"#;
    let mut sop =
        parse_sop(&std::fs::read_to_string(common::example_files()[0].clone()).unwrap()).unwrap();
    let identity = sop.identity.get_or_insert_with(Default::default);
    identity.name = Some(hostile.into());
    identity.number = Some(hostile.into());
    identity.footer = Some(hostile.into());
    identity.legal_basis = vec![hostile.into()];
    sop.actors[0].name = hostile.into();
    for activity in &mut sop.activities {
        activity.text = hostile.into();
        activity.notes = Some(hostile.into());
        activity.output = Some(hostile.into());
        activity.requirements = vec![hostile.into(), "\u{1}control\u{7}".into()];
        activity.symbol_text = Some(hostile.into());
    }
    let decision = sop
        .activities
        .iter_mut()
        .find(|a| a.kind == Some(sopflow::Kind::Decision));
    if let Some(Some(sopflow::model::Next::Many(branches))) = decision.map(|d| d.next.as_mut()) {
        branches[0] = sopflow::model::Branch::Labelled(sopflow::model::LabelledBranch {
            to: branches[0].target().to_owned(),
            label: Some(hostile.into()),
        });
    }
    let procedure = Procedure::from_sop(&sop).unwrap();
    let mut config = Config::default();
    config.words.yes = hostile.into();
    for svg in render(&procedure, &config) {
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert!(doc.descendants().all(|n| n.tag_name().name() != "script"));
        assert!(
            doc.descendants()
                .all(|n| n.attributes().all(|a| a.name() != "onload"))
        );
        let text: String = doc
            .descendants()
            .filter(|n| n.is_text())
            .map(|n| n.text().unwrap_or_default())
            .collect();
        assert!(
            text.contains("<script>") || text.contains("alert"),
            "escaped text is still printed"
        );
        assert!(!svg.contains('\u{1}') && !svg.contains('\u{7}'));
    }
}

#[test]
fn pdf_has_the_right_pages_fonts_and_text() {
    for file in common::example_files() {
        let procedure = common::load(&file);
        let config = Config::default();
        let laid_out = layout(&procedure, &config).unwrap();
        let pdf = pdf_document(&laid_out, &config.theme, &ImagePolicy::default()).unwrap();
        assert_eq!(
            pdf,
            pdf_document(&laid_out, &config.theme, &ImagePolicy::default()).unwrap(),
            "byte-identical reruns"
        );
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let pages = doc.get_pages();
        let expected = laid_out.pages.len() + laid_out.identity.len();
        assert_eq!(pages.len(), expected, "{}", file.display());
        for (_, id) in pages.iter() {
            let page = doc.get_object(*id).unwrap().as_dict().unwrap();
            let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let (w, h) = (media[2].as_float().unwrap(), media[3].as_float().unwrap());
            assert!(
                (w - 935.43).abs() < 0.1 && (h - 609.45).abs() < 0.1 || h > 609.0,
                "F4 landscape, got {w} x {h}"
            );
        }
        let fonts: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| {
                d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"FontDescriptor")
            })
            .filter_map(|d| {
                d.get(b"FontName")
                    .ok()
                    .and_then(|n| n.as_name().ok())
                    .map(|n| String::from_utf8_lossy(n).into_owned())
            })
            .collect();
        assert!(
            fonts.iter().any(|f| f.ends_with("LiberationSans"))
                && fonts.iter().any(|f| f.ends_with("LiberationSans-Bold")),
            "{fonts:?}"
        );
        let numbers: Vec<u32> = pages.keys().copied().collect();
        let text = doc.extract_text(&numbers).unwrap();
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let all = squeeze(&text);
        for step in procedure.steps() {
            let first_words: String = step.text.split_whitespace().take(2).collect();
            assert!(
                all.contains(&first_words),
                "{}: {first_words:?} not in the PDF text",
                file.display()
            );
        }
    }
}

#[test]
fn output_is_byte_identical_across_runs_and_threads() {
    let file = common::example_files()
        .into_iter()
        .find(|f| f.ends_with("bps-distribusi-persediaan.json"))
        .unwrap();
    let procedure = common::load(&file);
    let config = Config::default();
    let here = render(&procedure, &config);
    let there = std::thread::spawn(move || render(&procedure, &config))
        .join()
        .unwrap();
    assert_eq!(here, there);
}

#[test]
fn english_labels_replace_every_printed_word() {
    let file = common::example_files()
        .into_iter()
        .find(|f| f.ends_with("pelayanan-ktp-el.json"))
        .unwrap();
    let procedure = common::load(&file);
    let pages = render(
        &procedure,
        &Config::with_words(sopflow::config::Words::english()),
    );
    let all = pages.concat();
    for word in [
        "Performers",
        "Quality Standard",
        "Requirements",
        "SOP NUMBER",
        "Page 2 of",
        "10 January 2025",
    ] {
        assert!(all.contains(word), "{word}");
    }
    for word in [
        "Pelaksana",
        "Mutu Baku",
        "Kelengkapan",
        "NOMOR SOP",
        "Halaman",
    ] {
        assert!(!all.contains(word), "{word}");
    }
}

#[test]
fn the_footer_note_is_on_every_page_including_the_identity_sheet() {
    let file = common::example_files()
        .into_iter()
        .find(|f| f.ends_with("pelayanan-ktp-el.json"))
        .unwrap();
    let procedure = common::load(&file);
    let pages = render(&procedure, &Config::default());
    assert!(pages.len() >= 2);
    for svg in pages {
        assert!(
            svg.contains("Balai Sertifikasi Elektronik"),
            "{}",
            &svg[..200]
        );
    }
}

#[test]
fn logo_and_signature_are_embedded_and_drawn() {
    let file = common::example_files()
        .into_iter()
        .find(|f| f.ends_with("pelayanan-ktp-el.json"))
        .unwrap();
    let mut sop = parse_sop(&std::fs::read_to_string(file).unwrap()).unwrap();
    let svg_logo = r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#d00000"/></svg>"##;
    let identity = sop.identity.as_mut().unwrap();
    identity.logo = Some(format!(
        "data:image/svg+xml;base64,{}",
        base64_encode(svg_logo.as_bytes())
    ));
    identity.signature = Some(format!(
        "data:image/svg+xml;base64,{}",
        base64_encode(svg_logo.replace("d00000", "0000d0").as_bytes())
    ));
    let procedure = Procedure::from_sop(&sop).unwrap();
    let config = Config::default();
    let laid_out = layout(&procedure, &config).unwrap();
    let pages = svg_pages(&laid_out, &config.theme, &ImagePolicy::default()).unwrap();
    assert!(
        pages[0].contains(r#"class="sop-logo""#) && pages[0].contains(r#"class="sop-signature""#)
    );
    let png = sopflow::render::png_pages(&laid_out, &config.theme, &ImagePolicy::default(), 40.0)
        .unwrap();
    let image = resvg::tiny_skia::Pixmap::decode_png(&png[0]).unwrap();
    let red = image
        .pixels()
        .iter()
        .filter(|p| p.red() > 180 && p.green() < 60)
        .count();
    let blue = image
        .pixels()
        .iter()
        .filter(|p| p.blue() > 180 && p.red() < 60)
        .count();
    assert!(
        red > 100 && blue > 100,
        "logo {red} px, signature {blue} px"
    );
}

fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
