//! `layout_with` keeps the injected-measurer promise: every width and
//! every line break comes from the measurer it is given.

mod common;

use sopflow::config::Config;
use sopflow::layout::{CellRole, ColumnKind, Font, TextMeasurer, layout_with, verify};

/// Every character 4 pt wide whatever the font; lines 10 pt apart.
struct FixedWidth;

impl TextMeasurer for FixedWidth {
    fn width(&self, text: &str, _font: Font) -> f32 {
        4.0 * text.chars().count() as f32
    }
    fn line_height(&self, _font: Font) -> f32 {
        10.0
    }
}

#[test]
fn a_fixed_width_measurer_sets_every_line_of_every_example() {
    let config = Config::default();
    for file in common::example_files() {
        let procedure = common::load(&file);
        let layout = layout_with(&procedure, &config, &FixedWidth).unwrap();
        assert_eq!(verify(&layout), vec![], "{}", file.display());
        let mut checked = 0;
        for page in &layout.pages {
            for cell in page
                .cells
                .iter()
                .filter(|c| c.role == CellRole::Body(ColumnKind::Activity))
            {
                for line in &cell.lines {
                    assert_eq!(line.width, 4.0 * line.text.chars().count() as f32);
                    assert!(line.x + line.width <= cell.rect.right(), "{}", line.text);
                    checked += 1;
                }
                for pair in cell.lines.windows(2) {
                    // An empty line between paragraphs keeps its room.
                    let step = pair[1].y - pair[0].y;
                    let lines = (step / 10.0).round();
                    assert!(
                        lines >= 1.0 && (step - 10.0 * lines).abs() < 1e-3,
                        "line height from the measurer: {step}"
                    );
                }
            }
        }
        assert!(checked > 0, "{}", file.display());
    }
}

#[test]
fn the_measurer_changes_the_breaks() {
    let config = Config::default();
    let file = common::example_files().into_iter().next().unwrap();
    let procedure = common::load(&file);
    let fixed = layout_with(&procedure, &config, &FixedWidth).unwrap();
    let shaped = sopflow::layout::layout(&procedure, &config).unwrap();
    let lines = |l: &sopflow::layout::Layout| {
        l.pages
            .iter()
            .flat_map(|p| &p.cells)
            .map(|c| c.lines.len())
            .sum::<usize>()
    };
    assert_ne!(lines(&fixed), lines(&shaped));
}
