//! SVG snapshots of every example, one element per line so that a change
//! reads as a short diff. Review with `cargo insta review`; accept new ones
//! with `INSTA_UPDATE=always cargo test --test svg_snapshots`.

mod common;

use sopflow::config::Config;
use sopflow::layout::layout;
use sopflow::render::{ImagePolicy, svg_pages};

#[test]
fn examples_render_as_reviewed() {
    for file in common::example_files()
        .into_iter()
        .filter(|f| f.starts_with(env!("CARGO_MANIFEST_DIR").to_owned() + "/examples"))
    {
        let procedure = common::load(&file);
        let config = Config::default();
        let pages = svg_pages(
            &layout(&procedure, &config).unwrap(),
            &config.theme,
            &ImagePolicy::default(),
        )
        .unwrap();
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for (i, svg) in pages.iter().enumerate() {
            insta::assert_snapshot!(format!("{stem}-{}", i + 1), svg.replace("><", ">\n<"));
        }
    }
}
