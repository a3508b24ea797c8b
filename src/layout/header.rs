//! The table header: "No", "Kegiatan", the "Pelaksana" group over one
//! cell per performer, the "Mutu Baku" group over its three columns,
//! "Keterangan", and the optional row of column numbers. Built once, at
//! its place on the page; every page that repeats the header shows it.

use super::columns::Columns;
use super::text_cells::{TextStyle, cell};
use super::type_scale::TypeScale;
use super::types::{CellRole, ColumnKind, TextCell};
use crate::config::{TableConfig, Words};
use crate::geom::Rect;
use crate::procedure::Lane;
use crate::text::{Font, Line, TextMeasurer, normalise, wrap};

/// The table header, placed at the top of the table.
pub(crate) struct Header {
    /// Every header cell, at its place on the page.
    pub cells: Vec<TextCell>,
    /// Height of all header rows.
    pub height: f32,
}

/// Runs of consecutive lanes that name the same group, with the group.
fn group_runs(actors: &[Lane]) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut runs: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    for (i, lane) in actors.iter().enumerate() {
        let Some(group) = lane.group.as_deref() else {
            continue;
        };
        match runs.last_mut() {
            Some((name, lanes)) if *name == group && lanes.end == i => lanes.end = i + 1,
            _ => runs.push((group, i..i + 1)),
        }
    }
    runs
}

/// Lines a performer's name may take in the header before its font steps
/// down.
const NAME_LINES: usize = 3;
/// The smallest font a performer's name steps down to.
const SMALLEST_NAME: f32 = 7.0;

/// The font of the performers' names: the header font while every name
/// wraps onto at most three lines with no word broken, else stepped down
/// by half points to no less than 7 pt.
fn lane_name_font(
    actors: &[Lane],
    columns: &Columns,
    header: Font,
    pad: f32,
    measurer: &dyn TextMeasurer,
) -> Font {
    let fits = |font: Font| {
        actors
            .iter()
            .zip(&columns.lanes)
            .all(|(lane, &(_, width))| {
                let inner = width - 2.0 * pad;
                let name = normalise(&lane.name);
                name.split_whitespace()
                    .flat_map(|w| w.split_inclusive('/'))
                    .all(|w| measurer.width(w, font) <= inner)
                    && wrap(&name, inner, font, measurer).len() <= NAME_LINES
            })
    };
    let mut font = header;
    while font.size - 0.5 >= SMALLEST_NAME - 1e-3 && !fits(font) {
        font.size -= 0.5;
    }
    font
}

/// Builds the header rows: the group headers, the actor groups when any,
/// the names (and the optional column-number row).
pub(crate) fn header(
    actors: &[Lane],
    table: &TableConfig,
    labels: &Words,
    columns: &Columns,
    scale: &TypeScale,
    measurer: &dyn TextMeasurer,
    top: f32,
) -> Header {
    let font = scale.header;
    let pad = scale.padding;
    let line = measurer.line_height(font);
    let wrap_in =
        |text: &str, width: f32| wrap(&normalise(text), width - 2.0 * pad, font, measurer);
    let span = |kinds: &[ColumnKind]| {
        let cols: Vec<_> = columns
            .list
            .iter()
            .filter(|c| kinds.contains(&c.kind))
            .collect();
        let x = cols.iter().map(|c| c.x).fold(f32::MAX, f32::min);
        let right = cols.iter().map(|c| c.x + c.width).fold(f32::MIN, f32::max);
        (x, right - x)
    };
    let lanes: Vec<ColumnKind> = (0..actors.len()).map(ColumnKind::Lane).collect();
    let quality = [
        ColumnKind::Requirements,
        ColumnKind::Time,
        ColumnKind::Output,
    ];
    let (lanes_x, lanes_w) = span(&lanes);
    let (quality_x, quality_w) = span(&quality);
    let group = [
        (labels.actors.as_str(), lanes_x, lanes_w),
        (labels.quality.as_str(), quality_x, quality_w),
    ];
    let group_lines: Vec<_> = group.iter().map(|(t, _, w)| wrap_in(t, *w)).collect();
    let h1 = group_lines
        .iter()
        .map(|l| scale.block(l.len(), line))
        .fold(scale.block(1, line), f32::max);
    let sub: Vec<(ColumnKind, String)> = actors
        .iter()
        .enumerate()
        .map(|(i, lane)| (ColumnKind::Lane(i), lane.name.clone()))
        .chain([
            (ColumnKind::Requirements, labels.requirements.clone()),
            (ColumnKind::Time, labels.time.clone()),
            (ColumnKind::Output, labels.output.clone()),
        ])
        .collect();
    let name_font = lane_name_font(actors, columns, font, pad, measurer);
    let sub_lines: Vec<(ColumnKind, Vec<Line>, Font)> = sub
        .iter()
        .filter_map(|(kind, text)| {
            let c = columns.get(*kind)?;
            Some(match kind {
                ColumnKind::Lane(_) => (
                    *kind,
                    wrap(&normalise(text), c.width - 2.0 * pad, name_font, measurer),
                    name_font,
                ),
                _ => (*kind, wrap_in(text, c.width), font),
            })
        })
        .collect();
    let spanning = [
        (ColumnKind::Number, labels.number.as_str()),
        (ColumnKind::Activity, labels.activity.as_str()),
        (ColumnKind::Notes, labels.notes.as_str()),
    ];
    let spanning_lines: Vec<_> = spanning
        .iter()
        .filter_map(|(kind, text)| {
            columns
                .get(*kind)
                .map(|c| (c.x, c.width, wrap_in(text, c.width)))
        })
        .collect();
    // Actor groups: one merged cell over each run of consecutive lanes of
    // one group, in a row between "Pelaksana" and the names.
    let runs = group_runs(actors);
    let run_lines: Vec<(f32, f32, Vec<Line>)> = runs
        .iter()
        .map(|(name, lanes)| {
            let kinds: Vec<ColumnKind> = lanes.clone().map(ColumnKind::Lane).collect();
            let (x, w) = span(&kinds);
            (x, w, wrap_in(name, w))
        })
        .collect();
    let hg = run_lines
        .iter()
        .map(|(_, _, l)| scale.block(l.len(), line))
        .fold(0.0, f32::max);
    let grouped = |kind: &ColumnKind| match kind {
        ColumnKind::Lane(i) => runs.iter().any(|(_, lanes)| lanes.contains(i)),
        _ => false,
    };
    let mut h2 = sub_lines
        .iter()
        .map(|(kind, l, f)| {
            scale.block(l.len(), measurer.line_height(*f)) - if grouped(kind) { 0.0 } else { hg }
        })
        .fold(scale.block(1, line), f32::max);
    let tallest_span = spanning_lines
        .iter()
        .map(|(_, _, l)| scale.block(l.len(), line))
        .fold(0.0, f32::max);
    h2 = h2.max(tallest_span - h1 - hg);
    let mut cells = Vec::new();
    let mut push = |rect: Rect, lines: &[Line], font: Font| {
        cells.push(cell(
            CellRole::Header,
            rect,
            lines,
            TextStyle::centred(font, pad),
            measurer,
        ));
    };
    for (x, w, lines) in &spanning_lines {
        push(Rect::new(*x, top, *w, h1 + hg + h2), lines, font);
    }
    for ((_, x, w), lines) in group.iter().zip(&group_lines) {
        push(Rect::new(*x, top, *w, h1), lines, font);
    }
    for (x, w, lines) in &run_lines {
        push(Rect::new(*x, top + h1, *w, hg), lines, font);
    }
    for (kind, lines, sub_font) in &sub_lines {
        if let Some(c) = columns.get(*kind) {
            let rect = if grouped(kind) {
                Rect::new(c.x, top + h1 + hg, c.width, h2)
            } else {
                Rect::new(c.x, top + h1, c.width, hg + h2)
            };
            push(rect, lines, *sub_font);
        }
    }
    let mut height = h1 + hg + h2;
    if table.column_numbers {
        let h3 = scale.block(1, line);
        for (i, c) in columns.list.iter().enumerate() {
            let lines = wrap_in(&format!("({})", i + 1), c.width);
            push(Rect::new(c.x, top + height, c.width, h3), &lines, font);
        }
        height += h3;
    }
    Header { cells, height }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::text::FontMeasurer;

    fn lane(id: &str, group: Option<&str>) -> Lane {
        Lane {
            id: id.into(),
            name: format!("Tim {id}"),
            group: group.map(str::to_owned),
        }
    }

    #[test]
    fn long_performer_names_wrap_then_step_down_to_seven_points() {
        let config = Config::default();
        let columns = super::super::columns::fit_empty(&[0; 3], &config);
        let mut narrow = columns.clone();
        for lane in &mut narrow.lanes {
            lane.1 = 44.0;
        }
        FontMeasurer::with_thread_local(|m| {
            let header = Font::bold(9.0);
            let short = [lane("a", None), lane("b", None), lane("c", None)];
            assert_eq!(lane_name_font(&short, &columns, header, 3.0, m), header);
            let mut long = short.clone();
            long[1].name = "Kepala Subbagian Perencanaan Keuangan dan Barang Milik Negara".into();
            let stepped = lane_name_font(&long, &narrow, header, 3.0, m);
            assert!(stepped.size < 9.0 && stepped.size >= 7.0, "{stepped:?}");
            assert_eq!(
                stepped.size, 7.0,
                "as small as allowed: it still does not fit"
            );
            long[1].name = "Subbagian Perencanaan".into();
            for lane in &mut narrow.lanes {
                lane.1 = 56.0;
            }
            let one_step = lane_name_font(&long, &narrow, header, 3.0, m);
            assert!(one_step.size < 9.0 && one_step.size > 7.0, "{one_step:?}");
        });
    }

    #[test]
    fn a_group_spans_exactly_its_consecutive_lanes_above_their_names() {
        let actors = [
            lane("a", None),
            lane("b", Some("Satker Penerima")),
            lane("c", Some("Satker Penerima")),
            lane("d", Some("Satker Pengirim")),
        ];
        let config = Config::default();
        let columns = super::super::columns::fit_empty(&[0; 4], &config);
        let header = FontMeasurer::with_thread_local(|m| {
            let scale = TypeScale::new(&config, m);
            header(
                &actors,
                &config.table,
                &config.words,
                &columns,
                &scale,
                m,
                10.0,
            )
        });
        let text = |c: &TextCell| c.lines.iter().map(|l| &*l.text).collect::<String>();
        let find = |t: &str| header.cells.iter().find(|c| text(c) == t).unwrap().rect;
        let penerima = find("Satker Penerima");
        let (b, c) = (columns.lanes[1], columns.lanes[2]);
        assert!((penerima.x - b.0).abs() < 1e-3);
        assert!((penerima.right() - (c.0 + c.1)).abs() < 1e-3);
        let pengirim = find("Satker Pengirim");
        assert!((pengirim.x - columns.lanes[3].0).abs() < 1e-3);
        assert_eq!(penerima.y, pengirim.y);
        let name_b = find("Tim b");
        assert!(
            (name_b.y - penerima.bottom()).abs() < 1e-3,
            "name under its group"
        );
        let name_a = find("Tim a");
        assert_eq!(name_a.y, penerima.y, "an ungrouped name spans both rows");
        assert!((name_a.bottom() - name_b.bottom()).abs() < 1e-3);
        assert!((find("No").bottom() - (10.0 + header.height)).abs() < 1e-3);
    }
}
