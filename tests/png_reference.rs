//! PNG reference images: every page of every example, rendered at 60 dpi,
//! compared pixel by pixel with a small tolerance. On a difference the
//! expected, actual and diff images are written to `target/png-diff/`.
//! Regenerate the references with `SOPFLOW_UPDATE_REFERENCES=1 cargo test
//! --test png_reference` and look at them before committing.

mod common;

use resvg::tiny_skia::Pixmap;
use sopflow::config::Config;
use sopflow::layout::layout;
use sopflow::render::{ImagePolicy, png_pages};
use std::path::PathBuf;

const DPI: f32 = 60.0;
/// A pixel differs when a channel moves by more than this.
const CHANNEL_TOLERANCE: u8 = 48;
/// Share of differing pixels that still passes (anti-aliasing noise).
const PIXEL_TOLERANCE: f64 = 0.002;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Differing pixels, and a diff image marking them red.
fn compare(expected: &Pixmap, actual: &Pixmap) -> (usize, Pixmap) {
    let mut diff = actual.clone();
    let mut count = 0;
    for (i, (e, a)) in expected.pixels().iter().zip(actual.pixels()).enumerate() {
        let channels = [
            (e.red(), a.red()),
            (e.green(), a.green()),
            (e.blue(), a.blue()),
            (e.alpha(), a.alpha()),
        ];
        if channels
            .iter()
            .any(|&(x, y)| x.abs_diff(y) > CHANNEL_TOLERANCE)
        {
            count += 1;
            diff.pixels_mut()[i] =
                resvg::tiny_skia::PremultipliedColorU8::from_rgba(255, 0, 0, 255).unwrap();
        }
    }
    (count, diff)
}

#[test]
fn pages_match_their_reference_images() {
    let update = std::env::var_os("SOPFLOW_UPDATE_REFERENCES").is_some();
    let references = root().join("tests/reference");
    let out = root().join("target/png-diff");
    let mut failures = Vec::new();
    for file in common::example_files()
        .into_iter()
        .filter(|f| f.starts_with(root().join("examples")))
    {
        let procedure = common::load(&file);
        let config = Config::default();
        let pages = png_pages(
            &layout(&procedure, &config).unwrap(),
            &config.theme,
            &ImagePolicy::default(),
            DPI,
        )
        .unwrap();
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for (i, png) in pages.iter().enumerate() {
            let name = format!("{stem}-{}.png", i + 1);
            let reference = references.join(&name);
            if update {
                std::fs::create_dir_all(&references).unwrap();
                std::fs::write(&reference, png).unwrap();
                continue;
            }
            let actual = Pixmap::decode_png(png).unwrap();
            let Ok(expected) = std::fs::read(&reference).map(|b| Pixmap::decode_png(&b).unwrap())
            else {
                failures.push(format!("{name}: no reference image"));
                continue;
            };
            let (count, diff) =
                if expected.width() == actual.width() && expected.height() == actual.height() {
                    compare(&expected, &actual)
                } else {
                    (usize::MAX, actual.clone())
                };
            let share = count as f64 / (actual.width() * actual.height()) as f64;
            if share > PIXEL_TOLERANCE {
                std::fs::create_dir_all(&out).unwrap();
                std::fs::write(
                    out.join(format!("{stem}-{}.expected.png", i + 1)),
                    expected.encode_png().unwrap(),
                )
                .unwrap();
                std::fs::write(out.join(format!("{stem}-{}.actual.png", i + 1)), png).unwrap();
                std::fs::write(
                    out.join(format!("{stem}-{}.diff.png", i + 1)),
                    diff.encode_png().unwrap(),
                )
                .unwrap();
                failures.push(format!(
                    "{name}: {count} pixels differ (see {})",
                    out.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn pages_have_ink() {
    let file = root().join("examples/pelayanan-ktp-el.json");
    let procedure = common::load(&file);
    let config = Config::default();
    for png in png_pages(
        &layout(&procedure, &config).unwrap(),
        &config.theme,
        &ImagePolicy::default(),
        DPI,
    )
    .unwrap()
    {
        let image = Pixmap::decode_png(&png).unwrap();
        let dark = image
            .pixels()
            .iter()
            .filter(|p| p.red() < 100 && p.alpha() > 200)
            .count();
        assert!(
            dark > 2_000,
            "text and lines are drawn ({dark} dark pixels)"
        );
    }
}
