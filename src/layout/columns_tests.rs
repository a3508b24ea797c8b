use super::*;
use crate::config::Config;
use crate::layout::content::content_widths;
use crate::layout::type_scale::TypeScale;
use crate::text::{FontMeasurer, TextMeasurer};

/// A procedure of `rows` activities over `lanes` actors, every activity
/// with the given output and notes.
fn procedure(lanes: usize, rows: usize, output: &str, notes: &str) -> crate::Procedure {
    let actors: Vec<String> = (0..lanes)
        .map(|i| format!(r#"{{"id":"a{i}","name":"Pelaksana {i}"}}"#))
        .collect();
    let activities: Vec<String> = (0..rows)
        .map(|i| {
            format!(
                r#"{{"text":"Memeriksa kelengkapan berkas permohonan nomor {i}","actor":"a{}","output":"{output}","notes":"{notes}","time":"5 menit"}}"#,
                i % lanes
            )
        })
        .collect();
    let json = format!(
        r#"{{"actors":[{}],"activities":[{}]}}"#,
        actors.join(","),
        activities.join(",")
    );
    crate::Procedure::from_sop(&crate::parse_sop(&json).unwrap()).unwrap()
}

fn fit_with(procedure: &crate::Procedure, config: &Config) -> Result<Columns, TooWide> {
    FontMeasurer::with_thread_local(|m| {
        let scale = TypeScale::new(config, m);
        let content = content_widths(procedure, &config.words, &config.table, &scale, m);
        let tracks = vec![0; procedure.lanes.len()];
        fit(&FitInput {
            tracks: &tracks,
            label_widths: &vec![0.0; tracks.len()],
            content: &content,
            table: &config.table,
            area: &PrintArea::of(&config.page),
            body_line: scale.body_line,
        })
    })
}

fn width(columns: &Columns, kind: ColumnKind) -> f32 {
    columns.get(kind).unwrap().width
}

const LONG: &str = "Berkas permohonan yang telah diperiksa dan dinyatakan lengkap oleh petugas loket beserta tanda terima yang ditandatangani";

#[test]
fn columns_tile_the_table_without_gaps_and_fill_the_paper() {
    let config = Config::default();
    let c = fit_with(&procedure(5, 8, "Berkas", LONG), &config).unwrap();
    for pair in c.list.windows(2) {
        assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 1e-3);
    }
    let area = PrintArea::of(&config.page);
    assert!((c.table_x + c.table_width - area.content.right()).abs() < 0.01);
    assert_eq!(c.lanes.len(), 5);
}

#[test]
fn an_empty_column_shrinks_to_its_header_and_a_full_one_takes_its_width() {
    let config = Config::default();
    let empty_notes = fit_with(&procedure(6, 10, LONG, ""), &config).unwrap();
    let full_notes = fit_with(&procedure(6, 10, "", LONG), &config).unwrap();
    let (output, notes) = (ColumnKind::Output, ColumnKind::Notes);
    assert!(
        width(&empty_notes, notes) < width(&empty_notes, output) / 2.0,
        "empty Keterangan {} vs full Output {}",
        width(&empty_notes, notes),
        width(&empty_notes, output)
    );
    assert!(
        width(&full_notes, notes) > width(&empty_notes, notes) + 40.0,
        "a longer Keterangan takes width"
    );
    assert!(
        width(&full_notes, output) < width(&empty_notes, output) - 40.0,
        "from the empty Output"
    );
    let header = FontMeasurer::with_thread_local(|m| {
        m.width(
            "Keterangan",
            crate::text::Font::bold(config.theme.header_font_size),
        )
    });
    assert!(width(&empty_notes, notes) >= header + 2.0 * config.table.padding - 1e-3);
}

#[test]
fn a_width_fixed_in_the_configuration_is_kept() {
    let mut config = Config::default();
    config.table.widths.notes = Some(150.0);
    let c = fit_with(&procedure(4, 5, LONG, ""), &config).unwrap();
    assert_eq!(width(&c, ColumnKind::Notes), 150.0);
}

#[test]
fn a_lane_that_needs_tracks_is_wide_enough_for_them() {
    let config = Config::default();
    let p = procedure(3, 3, "", "");
    let c = FontMeasurer::with_thread_local(|m| {
        let scale = TypeScale::new(&config, m);
        let content = content_widths(&p, &config.words, &config.table, &scale, m);
        fit(&FitInput {
            tracks: &[0, 12, 0],
            label_widths: &[0.0; 3],
            content: &content,
            table: &config.table,
            area: &PrintArea::of(&config.page),
            body_line: scale.body_line,
        })
        .unwrap()
    });
    assert!(c.lanes[1].1 >= lane_width_for(c.symbol_width, 12) - 1e-3);
    assert!(c.lanes[1].1 > c.lanes[0].1);
}

#[test]
fn many_performers_narrow_the_lanes_and_the_symbols_within_the_paper() {
    let config = Config::default();
    let c = fit_with(&procedure(14, 20, LONG, LONG), &config).unwrap();
    let area = PrintArea::of(&config.page);
    assert!(c.table_width <= area.content.width + 0.01);
    assert!(c.symbol_width < config.table.symbol_width);
    assert!(c.symbol_width >= MIN_SYMBOL_WIDTH);
    for &(_, w) in &c.lanes {
        assert!(w >= squeezed_lane_width(0) - 1e-3);
    }
}

#[test]
fn a_table_that_cannot_fit_is_refused_with_the_width_it_needs() {
    let mut config = Config::default();
    config.page.paper = crate::config::Paper::A4;
    let wide = fit_with(&procedure(40, 40, "", ""), &config).unwrap_err();
    assert!(wide.needed > wide.available);
    assert!((wide.available - PrintArea::of(&config.page).content.width).abs() < 1e-3);
    assert!(wide.needed >= 40.0 * squeezed_lane_width(0));
}
