//! Phase 2, columns: the width of every column, the way a browser lays
//! out an automatic table, within the paper's width and never beyond it.
//! A lane's comfortable width holds its tracks and its branch labels.
//!
//! Every column starts at its minimum: a text column at its longest word
//! or header word, a lane at the narrowest symbol with the arrow tracks
//! routing needs beside it. What the paper has left is then handed out in
//! tiers: lanes grow to their comfortable width (the configured symbol with
//! its tracks) while Kegiatan grows to a readable measure; then the text
//! columns grow towards their preferred width (their longest paragraph on
//! one line), each step of width going to the column that shortens the
//! rows most, so the tallest rows get shorter first and an empty column
//! stays at its header; then lanes widen to their maximum; what remains
//! goes to the text columns in proportion to their content. A width fixed
//! in the configuration is kept as it is.
//!
//! In: the tracks each lane needs (phase 1), the [`ContentWidths`]
//! (phase 2a), the table configuration and the print area. Out:
//! [`Columns`], or [`TooWide`] when even the minimum table is wider than
//! the paper.

use super::content::{ContentWidths, TEXT_COLUMNS};
use super::dims::{Channel, MIN_SYMBOL_WIDTH, lane_width_for, squeezed_lane_width};
use super::frame::PrintArea;
use super::types::{Column, ColumnKind};
use crate::config::TableConfig;

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

    /// Left and right edge of the swimlane block.
    pub fn lanes_span(&self) -> (f32, f32) {
        let first = self.lanes.first().map_or(0.0, |l| l.0);
        let last = self.lanes.last().map_or(0.0, |l| l.0 + l.1);
        (first, last)
    }

    /// The channel tracks each side of `lane` holds at least
    /// 4 pt apart.
    pub fn track_capacity(&self, lane: usize) -> usize {
        Channel::of(self.lanes[lane].1, self.symbol_width).capacity()
    }
}

/// The table does not fit the paper even with every column at its minimum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TooWide {
    /// Width the narrowest table needs.
    pub needed: f32,
    /// Width inside the margins.
    pub available: f32,
}

/// What fitting the columns needs.
pub(crate) struct FitInput<'a> {
    /// Arrow tracks each lane needs on its busier side, one per lane.
    pub tracks: &'a [usize],
    /// The width each lane's branch labels need beside a bottom stub.
    pub label_widths: &'a [f32],
    /// What the text columns hold.
    pub content: &'a ContentWidths,
    /// The table configuration.
    pub table: &'a TableConfig,
    /// The print area.
    pub area: &'a PrintArea,
    /// Line height of body text.
    pub body_line: f32,
}

/// Kegiatan grows to this share of the table before the other text
/// columns grow past their minimum.
const ACTIVITY_MEASURE: f32 = 0.16;
/// The widest a column's longest word makes it, as a share of the paper's
/// width (Kegiatan, Kelengkapan, Waktu, Output, Keterangan): a longer word
/// (a web address, a file path) breaks after its slashes and dots.
const WORD_CAP: [f32; TEXT_COLUMNS] = [0.2, 0.12, 0.08, 0.12, 0.12];
/// The share of its minimum a text column keeps when squeezed.
const SQUEEZE_FLOOR: f32 = 0.6;
/// Steps in which the text columns grow towards their preferred widths.
const GROWTH_STEPS: f32 = 24.0;

/// Fits the columns to the page.
pub(crate) fn fit(input: &FitInput<'_>) -> Result<Columns, TooWide> {
    let FitInput {
        tracks,
        label_widths,
        content,
        table,
        area,
        body_line,
    } = *input;
    let available = area.content.width;
    let pad = table.padding;
    let fixed = table.widths.text();
    let number = table.widths.number.unwrap_or(content.number + 2.0 * pad);
    let min: [f32; TEXT_COLUMNS] = std::array::from_fn(|k| {
        fixed[k].unwrap_or((content.columns[k].min + 2.0 * pad).min(WORD_CAP[k] * available))
    });
    let preferred: [f32; TEXT_COLUMNS] = std::array::from_fn(|k| {
        fixed[k]
            .unwrap_or((content.columns[k].preferred + 2.0 * pad).min(available / 2.0))
            .max(min[k])
    });
    let lane_min: Vec<f32> = tracks.iter().map(|&t| squeezed_lane_width(t)).collect();
    let lanes_total: f32 = lane_min.iter().sum();
    let min = squeeze(min, &fixed, available - number - lanes_total, pad);
    let needed = number + min.iter().sum::<f32>() + lanes_total;
    if needed > available + 0.01 {
        return Err(TooWide { needed, available });
    }
    let mut text = min;
    let mut lanes = lane_min.clone();
    let mut room = available - needed;

    // Tier 1: lanes to their comfortable width (their tracks, and their
    // labels' longest words beside a stub, up to the widest lane), Kegiatan
    // to a readable measure, by the same fraction.
    let comfortable: Vec<f32> = tracks
        .iter()
        .zip(label_widths)
        .map(|(&t, &labels)| {
            table
                .lane_min_width
                .max(lane_width_for(table.symbol_width, t))
                .max(labels)
        })
        .collect();
    let measure = preferred[0].min(min[0].max(ACTIVITY_MEASURE * available));
    let mut targets = comfortable.clone();
    targets.push(measure);
    let mut widths = lanes.clone();
    widths.push(text[0]);
    room -= grow_evenly(&mut widths, &targets, room);
    text[0] = widths.pop().unwrap_or(text[0]);
    lanes = widths;

    // Tier 2: the text columns towards their preferred widths, where the
    // rows shorten most.
    let tall = TallRows {
        body: area.content.height * BODY_SHARE,
        pad,
        body_line,
    };
    room -= grow_text(&mut text, &preferred, room, content, &tall);

    // Tier 3: lanes to their maximum, or past it as far as their labels
    // need.
    let widest: Vec<f32> = comfortable
        .iter()
        .zip(label_widths)
        .map(|(&c, &labels)| c.max(table.lane_max_width).max(labels))
        .collect();
    room -= grow_evenly(&mut lanes, &widest, room);

    // Tier 4: the rest to the text columns that take their width from
    // their content, in proportion to it.
    let free: Vec<usize> = (0..TEXT_COLUMNS).filter(|&k| fixed[k].is_none()).collect();
    let weight: f32 = free.iter().map(|&k| preferred[k]).sum();
    if room > 0.0 && weight > 0.0 {
        for &k in &free {
            text[k] += room * preferred[k] / weight;
        }
    }

    let symbol_width = tracks
        .iter()
        .zip(&lanes)
        .map(|(&t, &w)| w - lane_width_for(0.0, t))
        .fold(table.symbol_width, f32::min)
        .max(MIN_SYMBOL_WIDTH);
    Ok(assemble(
        area.content.x,
        number,
        text,
        &lanes,
        symbol_width,
        table,
    ))
}

/// Text columns narrower than their longest word, when the paper leaves
/// `room` for less than their minimums: the Mutu Baku columns give up
/// width first, then Keterangan, then Kegiatan, each down to its floor
/// (three fifths of its minimum, where its long words break).
fn squeeze(
    mut min: [f32; TEXT_COLUMNS],
    fixed: &[Option<f32>; TEXT_COLUMNS],
    room: f32,
    pad: f32,
) -> [f32; TEXT_COLUMNS] {
    let mut excess = min.iter().sum::<f32>() - room;
    for group in [&[1, 2, 3][..], &[4], &[0]] {
        if excess <= 0.0 {
            break;
        }
        let floors: Vec<f32> = group
            .iter()
            .map(|&k| match fixed[k] {
                Some(w) => w,
                None => (min[k] * SQUEEZE_FLOOR).max(2.0 * pad + 12.0).min(min[k]),
            })
            .collect();
        let give: f32 = group.iter().zip(&floors).map(|(&k, f)| min[k] - f).sum();
        if give <= 0.0 {
            continue;
        }
        let fraction = (excess / give).min(1.0);
        for (&k, f) in group.iter().zip(&floors) {
            min[k] -= (min[k] - f) * fraction;
        }
        excess -= give * fraction;
    }
    min
}

/// Grows each width towards its target by one common fraction of the
/// gap, as far as `room` allows; returns the width used.
fn grow_evenly(widths: &mut [f32], targets: &[f32], room: f32) -> f32 {
    let gap: f32 = widths
        .iter()
        .zip(targets)
        .map(|(w, t)| (t - w).max(0.0))
        .sum();
    if gap <= 0.0 || room <= 0.0 {
        return 0.0;
    }
    let fraction = (room / gap).min(1.0);
    for (w, t) in widths.iter_mut().zip(targets) {
        *w += (t - *w).max(0.0) * fraction;
    }
    gap * fraction
}

/// What makes a row too tall: the room a page leaves for rows, estimated
/// before the header is known, and the text metrics.
struct TallRows {
    /// Estimated height of a page's body.
    body: f32,
    /// Cell padding.
    pad: f32,
    /// Line height of body text.
    body_line: f32,
}

/// The share of the print area's height the rows of a page get at least
/// (the header and the footer take the rest).
const BODY_SHARE: f32 = 0.7;
/// Weight of each point a row is taller than a page body: such rows get
/// width before any other.
const TOO_TALL_COST: f32 = 50.0;

/// Grows the text columns towards `preferred` in steps, each step to the
/// column whose growth shortens the sampled rows most; where no step
/// shortens any row, the rest of the gap is shared in proportion to it.
/// Returns the width used.
fn grow_text(
    text: &mut [f32; TEXT_COLUMNS],
    preferred: &[f32; TEXT_COLUMNS],
    room: f32,
    content: &ContentWidths,
    tall: &TallRows,
) -> f32 {
    let gap = |text: &[f32; TEXT_COLUMNS]| -> f32 {
        text.iter()
            .zip(preferred)
            .map(|(w, p)| (p - w).max(0.0))
            .sum()
    };
    let budget = room.min(gap(text));
    if budget <= 0.0 {
        return 0.0;
    }
    let step = (budget / GROWTH_STEPS).max(1.0);
    let mut left = budget;
    let height = |text: &[f32; TEXT_COLUMNS]| -> f32 {
        let inner = text.map(|w| w - 2.0 * tall.pad);
        content
            .rows
            .iter()
            .map(|row| {
                let h = (ContentWidths::lines(row, &inner) * tall.body_line + 2.0 * tall.pad)
                    .max(row.floor);
                h + TOO_TALL_COST * (h - tall.body).max(0.0)
            })
            .sum()
    };
    let mut current = height(text);
    while left > 1e-3 {
        let mut best: Option<(usize, f32, f32, f32)> = None;
        for k in 0..TEXT_COLUMNS {
            let grow = step.min(preferred[k] - text[k]).min(left);
            if grow <= 1e-3 {
                continue;
            }
            let mut trial = *text;
            trial[k] += grow;
            let h = height(&trial);
            let gain = (current - h) / grow;
            if best.is_none_or(|(_, g, _, _)| gain > g + 1e-6) {
                best = Some((k, gain, grow, h));
            }
        }
        match best {
            Some((k, gain, grow, h)) if gain > 1e-6 => {
                text[k] += grow;
                left -= grow;
                current = h;
            }
            _ => break,
        }
    }
    let rest_gap = gap(text);
    if left > 1e-3 && rest_gap > 0.0 {
        let fraction = (left / rest_gap).min(1.0);
        for (w, p) in text.iter_mut().zip(preferred) {
            *w += (p - *w).max(0.0) * fraction;
        }
        left -= rest_gap * fraction;
    }
    budget - left
}

/// Puts the columns in their order and at their places.
fn assemble(
    left: f32,
    number: f32,
    text: [f32; TEXT_COLUMNS],
    lane_widths: &[f32],
    symbol_width: f32,
    table: &TableConfig,
) -> Columns {
    let [activity, requirements, time, output, notes] = text;
    let mut order = vec![
        (ColumnKind::Number, number),
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
    let mut lanes = Vec::with_capacity(lane_widths.len());
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

/// Columns for `tracks.len()` lanes of a table with no text, for the
/// tests of later phases.
#[cfg(test)]
pub(crate) fn fit_empty(tracks: &[usize], config: &crate::config::Config) -> Columns {
    fit(&FitInput {
        tracks,
        label_widths: &vec![0.0; tracks.len()],
        content: &ContentWidths::default(),
        table: &config.table,
        area: &PrintArea::of(&config.page),
        body_line: 10.0,
    })
    .expect("an empty table fits")
}

#[cfg(test)]
#[path = "columns_tests.rs"]
mod tests;
