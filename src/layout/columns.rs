//! Phase 2, columns: the width of every column. Text columns take their
//! configured shares, lanes share the rest within their minimum and
//! maximum width; lanes that need room for more arrow tracks grow, and
//! the text columns give way.
//!
//! In: the number of lanes, the tracks each lane needs (phase 1), the
//! table configuration and the print area. Out: [`Columns`].

use super::dims::lane_width_for;
use super::frame::PrintArea;
use super::types::{Column, ColumnKind};
use crate::config::TableConfig;
use crate::error::{Code, Diagnostic};

/// Columns and the geometry of each lane.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    /// Every column, left to right.
    pub list: Vec<Column>,
    /// Left edge and width of each lane.
    pub lanes: Vec<(f32, f32)>,
    /// Width of a process box (other symbols follow it).
    pub symbol_width: f32,
    /// Table left edge.
    pub table_x: f32,
    /// Table width.
    pub table_width: f32,
}

impl Columns {
    /// The column of a kind.
    pub fn get(&self, kind: ColumnKind) -> Option<&Column> {
        self.list.iter().find(|c| c.kind == kind)
    }
}

/// The narrowest a text column may become, as a share of its preferred width.
const MIN_TEXT_SCALE: f32 = 0.55;
/// Lanes are sized as if the text columns gave up a fifth of their width:
/// symbols and arrows need the room more than prose does.
const TEXT_SCALE_FOR_LANES: f32 = 0.8;

/// Fits the columns to the page; `tracks` is the number of arrow tracks
/// each lane needs on its busier side.
pub(crate) fn fit(
    lane_count: usize,
    tracks: &[usize],
    table: &TableConfig,
    area: &PrintArea,
    warnings: &mut Vec<Diagnostic>,
) -> Columns {
    let left = area.content.x;
    let width = area.content.width;
    let preferred: Vec<f32> = table.text_shares.iter().map(|s| s * width).collect();
    let preferred_total: f32 = preferred.iter().sum();
    let lanes = lane_count.max(1) as f32;
    let base_lane = ((width - table.number_width - preferred_total * TEXT_SCALE_FOR_LANES) / lanes)
        .clamp(
            table.lane_min_width,
            table.lane_max_width.max(table.lane_min_width),
        );
    let symbol_width = table.symbol_width.min(base_lane - 16.0).max(20.0);
    let lane_widths: Vec<f32> = (0..lane_count)
        .map(|i| {
            base_lane.max(lane_width_for(
                symbol_width,
                tracks.get(i).copied().unwrap_or(0),
            ))
        })
        .collect();
    let lanes_total: f32 = lane_widths.iter().sum();
    let mut scale = (width - table.number_width - lanes_total) / preferred_total;
    if scale < MIN_TEXT_SCALE {
        scale = MIN_TEXT_SCALE;
        let total = table.number_width + lanes_total + preferred_total * scale;
        warnings.push(Diagnostic::warning(
            Code::TableTooWide,
            "/actors",
            format!(
                "{lane_count} pelaksana tidak muat di lebar kertas: tabel dilebarkan menjadi {total:.0} pt (tersedia {width:.0} pt); pilih kertas lebih lebar atau kurangi pelaksana"
            ),
        ));
    }
    let [activity, requirements, time, output, notes] =
        [0, 1, 2, 3, 4].map(|k| preferred[k] * scale);
    let mut order = vec![
        (ColumnKind::Number, table.number_width),
        (ColumnKind::Activity, activity),
    ];
    order.extend(
        lane_widths
            .iter()
            .enumerate()
            .map(|(i, &w)| (ColumnKind::Lane(i), w)),
    );
    order.push((ColumnKind::Requirements, requirements));
    if table.output_before_time {
        order.extend([(ColumnKind::Output, output), (ColumnKind::Time, time)]);
    } else {
        order.extend([(ColumnKind::Time, time), (ColumnKind::Output, output)]);
    }
    order.push((ColumnKind::Notes, notes));
    let mut x = left;
    let mut list = Vec::with_capacity(order.len());
    let mut lanes = Vec::with_capacity(lane_count);
    for (kind, width) in order {
        if matches!(kind, ColumnKind::Lane(_)) {
            lanes.push((x, width));
        }
        list.push(Column { kind, x, width });
        x += width;
    }
    Columns {
        list,
        lanes,
        symbol_width,
        table_x: left,
        table_width: x - left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn columns(lanes: usize, tracks: &[usize]) -> (Columns, Vec<Diagnostic>) {
        let config = Config::default();
        let area = PrintArea::of(&config.page);
        let mut warnings = Vec::new();
        let columns = fit(lanes, tracks, &config.table, &area, &mut warnings);
        (columns, warnings)
    }

    #[test]
    fn columns_tile_the_table_without_gaps_and_fit_the_paper() {
        let (c, warnings) = columns(5, &[0, 2, 0, 1, 0]);
        assert!(warnings.is_empty());
        for pair in c.list.windows(2) {
            assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 1e-3);
        }
        let area = PrintArea::of(&Config::default().page);
        assert!(c.table_x + c.table_width <= area.content.right() + 1e-3);
        assert_eq!(c.lanes.len(), 5);
    }

    #[test]
    fn a_lane_that_needs_tracks_is_wide_enough_for_them() {
        let (c, _) = columns(3, &[0, 12, 0]);
        assert!(c.lanes[1].1 >= lane_width_for(c.symbol_width, 12) - 1e-3);
        assert!(c.lanes[1].1 > c.lanes[0].1);
    }

    #[test]
    fn too_many_lanes_are_reported() {
        let (_, warnings) = columns(30, &[0; 30]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, Code::TableTooWide);
    }
}
