//! Hostile and broken input: nothing panics, every failure is an error
//! that names its place, and output is the same on every run.

mod common;

use proptest::prelude::*;
use sopflow::config::Config;
use sopflow::layout::{layout, verify};
use sopflow::render::{ImagePolicy, png_pages, svg_pages};
use sopflow::{Code, Limits, Procedure, SopBuilder, parse_sop, parse_sop_with, validate};

/// Any JSON value, nested a few levels, with the format's field names
/// among the keys so that the reader's deeper paths are reached.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let key = prop_oneof![
        Just("activities".to_owned()),
        Just("actors".to_owned()),
        Just("id".to_owned()),
        Just("text".to_owned()),
        Just("actor".to_owned()),
        Just("kind".to_owned()),
        Just("next".to_owned()),
        Just("yes".to_owned()),
        Just("no".to_owned()),
        Just("name".to_owned()),
        Just("time".to_owned()),
        Just("identity".to_owned()),
        Just("to".to_owned()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        prop_oneof![
            Just("1".to_owned()),
            Just("2".to_owned()),
            Just("decision".to_owned()),
            Just("a".to_owned()),
            any::<String>()
        ]
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_sop(&text);
    }

    #[test]
    fn arbitrary_json_never_panics_and_errors_have_paths(value in json_value()) {
        match parse_sop(&value.to_string()) {
            Ok(sop) => {
                let diagnostics = validate(&sop);
                if let Ok(procedure) = Procedure::from_sop(&sop) {
                    let l = layout(&procedure, &Config::default()).unwrap();
                    prop_assert!(verify(&l).is_empty());
                } else {
                    prop_assert!(diagnostics.has_errors());
                }
            }
            Err(diagnostics) => {
                prop_assert!(diagnostics.has_errors());
                prop_assert!(diagnostics.errors().all(|d| d.path.is_empty() || d.path.starts_with('/')));
            }
        }
    }
}

/// Text of every kind a drafter's keyboard or clipboard produces.
const HOSTILE: &[&str] = &[
    "Menyerahkan berkas 📄✅ ke loket 🏢",
    "受付で書類を提出する 提交申请材料",
    "تقديم الطلب إلى المكتب",
    "e\u{301}\u{302}\u{303} combining marks a\u{308}",
    "zero\u{200B}width\u{200D}joiner\u{FEFF}",
    "control\u{1}\u{7}\u{1B}[31m characters",
    "tabs\tand\t\tmore\ttabs",
    "",
    "   \t  ",
    "\n\n\n",
];

#[test]
fn text_of_every_kind_lays_out_and_renders() {
    let long_word = "x".repeat(5_000);
    let mut builder = SopBuilder::new()
        .actor("a", HOSTILE[0])
        .actor("b", HOSTILE[1]);
    for (i, text) in HOSTILE
        .iter()
        .copied()
        .chain([long_word.as_str()])
        .enumerate()
    {
        builder = builder.activity(text, if i % 2 == 0 { "a" } else { "b" }, |a| {
            a.requirement(text)
                .time(text)
                .output(text)
                .notes(text)
                .symbol_text(text)
        });
    }
    let procedure = Procedure::from_sop(&builder.build()).unwrap();
    let config = Config::default();
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    let missing: Vec<usize> = l
        .warnings
        .iter()
        .filter(|w| w.code == Code::MissingGlyph)
        .filter_map(|w| w.activity.as_ref().map(|a| a.number))
        .collect();
    assert_eq!(
        missing,
        vec![1, 2, 3],
        "emoji, CJK and Arabic are named, activity by activity"
    );
    let pages = svg_pages(&l, &config.theme, &ImagePolicy::default()).unwrap();
    for svg in &pages {
        usvg::roxmltree::Document::parse(svg).unwrap();
    }
    let pngs = png_pages(&l, &config.theme, &ImagePolicy::default(), 30.0).unwrap();
    assert_eq!(pngs.len(), pages.len());
}

#[test]
fn a_text_beyond_the_limit_is_refused_with_the_limit_named() {
    let sop = SopBuilder::new()
        .actor("a", "A")
        .activity(&"kata ".repeat(5_000), "a", |a| a)
        .build();
    let err = Procedure::from_sop_with(
        &sop,
        &Limits {
            max_text_chars: 1_000,
            ..Limits::default()
        },
    )
    .unwrap_err();
    let sopflow::Error::Invalid(diagnostics) = err else {
        panic!("not a diagnostic")
    };
    let d = diagnostics.errors().next().unwrap();
    assert_eq!(
        (d.code, d.path.as_str()),
        (Code::LimitExceeded, "/activities/0/text")
    );
    assert!(d.message.contains("max_text_chars"));
    let huge = format!(
        "{{\"activities\": [{}]}}",
        "{\"text\":\"x\",\"actor\":\"a\"},".repeat(1000) + "{\"text\":\"x\",\"actor\":\"a\"}"
    );
    let d = parse_sop_with(
        &huge,
        &Limits {
            max_activities: 100,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert!(
        d.errors()
            .any(|e| e.code == Code::LimitExceeded && e.message.contains("max_activities"))
    );
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let nested = "[".repeat(100_000) + &"]".repeat(100_000);
    let d = parse_sop(&nested).unwrap_err();
    assert_eq!(d.0[0].code, Code::JsonSyntax);
}

#[test]
fn huge_images_are_refused() {
    let big = format!("data:image/png;base64,{}", "A".repeat(12 << 20));
    let mut sop = sopflow::SopBuilder::new()
        .actor("a", "A")
        .activity("Mulai", "a", |a| a)
        .build();
    sop.identity = Some(sopflow::Identity {
        name: Some("Logo besar".into()),
        logo: Some(big),
        ..Default::default()
    });
    let procedure = Procedure::from_sop(&sop).unwrap();
    let config = Config::default();
    let l = layout(&procedure, &config).unwrap();
    let err = svg_pages(&l, &config.theme, &ImagePolicy::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/identity/logo") && err.contains("larger"),
        "{err}"
    );
}

#[test]
fn every_output_is_byte_identical_across_runs_and_threads() {
    for file in common::example_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let render = move || {
            let procedure = Procedure::from_sop(&parse_sop(&text).unwrap()).unwrap();
            let config = Config::default();
            let l = layout(&procedure, &config).unwrap();
            let images = ImagePolicy::default();
            let svg = svg_pages(&l, &config.theme, &images).unwrap();
            let png = png_pages(&l, &config.theme, &images, 40.0).unwrap();
            let pdf = sopflow::render::pdf_document(&l, &config.theme, &images).unwrap();
            (svg, png, pdf)
        };
        let here = render.clone()();
        let threads: Vec<_> = (0..3).map(|_| std::thread::spawn(render.clone())).collect();
        for thread in threads {
            assert!(thread.join().unwrap() == here, "{}", file.display());
        }
    }
}
