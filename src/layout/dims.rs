//! Shared dimensions: symbol sizes, insets, track spacing and the room
//! connectors take. Every phase reads its sizes from here, so a lane
//! sized by the columns phase is exactly the lane the router fills.

use super::route::Slot;
use super::types::Shape;
use crate::model::Kind;

/// The narrowest process box: the lanes of a table with many performers
/// narrow down to it before the table is refused.
pub(crate) const MIN_SYMBOL_WIDTH: f32 = 24.0;
/// Off-page connector width.
pub(crate) const CONNECTOR_WIDTH: f32 = 20.0;
/// Off-page connector height.
pub(crate) const CONNECTOR_HEIGHT: f32 = 17.0;
/// Height of a connector band row.
pub(crate) const CONNECTOR_ROW: f32 = CONNECTOR_HEIGHT + 16.0;
/// Clear space between a symbol and its channel, the first track one
/// spacing further out.
pub(crate) const CHANNEL_INSET: f32 = 2.0;
/// Track spacing: widest used.
pub(crate) const TRACK_SPACING: f32 = 6.0;
/// Track spacing: the narrowest that keeps parallel arrows apart (4 pt),
/// the spacing every lane is sized for when the paper has the room.
pub(crate) const MIN_TRACK_SPACING: f32 = 4.0;
/// Track spacing in a lane squeezed by more performers than the paper
/// holds at [`MIN_TRACK_SPACING`]: the layout then warns.
pub(crate) const SQUEEZED_TRACK_SPACING: f32 = 3.0;
/// The least room between an arrow and a table line it runs along (the
/// outermost track and its lane's edge, too).
pub(crate) const MIN_LINE_CLEARANCE: f32 = 3.0;
/// Room between a bus and the row edge below it.
pub(crate) const BUS_CLEARANCE: f32 = 3.0;
/// Clear space between connectors side by side in one lane.
pub(crate) const CONNECTOR_GAP: f32 = 4.0;
/// Connectors one lane holds side by side in a band row.
pub(crate) const CONNECTORS_PER_LANE: usize = 3;
/// Gap between an arrow and its branch label.
pub(crate) const LABEL_GAP: f32 = 1.5;
/// Horizontal padding a symbol keeps around its own text.
pub(crate) const SYMBOL_TEXT_PADDING: f32 = 6.0;

/// The shape of an activity's symbol.
pub(crate) fn shape_of(kind: Kind) -> Shape {
    match kind {
        Kind::Start | Kind::End => Shape::Terminator,
        Kind::Process => Shape::Process,
        Kind::Decision => Shape::Decision,
    }
}

/// Width and height of a symbol with `text_lines` lines of text of
/// `line` height, `width` being the process box width.
pub(crate) fn symbol_size(shape: Shape, width: f32, text_lines: usize, line: f32) -> (f32, f32) {
    let text = text_lines as f32 * line;
    match shape {
        Shape::Terminator | Shape::Process => (width, (width * 0.5).max(text + 6.0)),
        Shape::Decision => (width, (width * 0.62).max(2.0 * text + 8.0)),
        Shape::OffPage => (CONNECTOR_WIDTH, CONNECTOR_HEIGHT),
    }
}

/// Lane width that holds `tracks` channel tracks on each side of a
/// symbol `symbol_width` wide, [`MIN_TRACK_SPACING`] apart.
pub(crate) fn lane_width_for(symbol_width: f32, tracks: usize) -> f32 {
    symbol_width + 2.0 * (CHANNEL_INSET + MIN_LINE_CLEARANCE + tracks as f32 * MIN_TRACK_SPACING)
}

/// The narrowest lane: the narrowest symbol with `tracks` tracks on its
/// busier side, both sides sharing the room of a squeezed spacing.
pub(crate) fn squeezed_lane_width(tracks: usize) -> f32 {
    MIN_SYMBOL_WIDTH
        + 2.0 * (CHANNEL_INSET + MIN_LINE_CLEARANCE)
        + (tracks as f32 + 2.0) * SQUEEZED_TRACK_SPACING
}

/// The channel tracks of one side of a lane `lane_width` wide around a
/// symbol `symbol_width` wide: from the symbol's channel out to
/// [`MIN_LINE_CLEARANCE`] inside the lane's edge.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Channel {
    /// Distance from the lane's axis to the channel's inner edge.
    inner: f32,
    /// Width from the inner edge to the outermost place for a track.
    room: f32,
}

impl Channel {
    /// The channel beside a symbol in a lane.
    pub fn of(lane_width: f32, symbol_width: f32) -> Self {
        let inner = symbol_width / 2.0 + CHANNEL_INSET;
        let room = (lane_width / 2.0 - MIN_LINE_CLEARANCE - inner).max(0.0);
        Self { inner, room }
    }

    /// Tracks the channel holds at least [`MIN_TRACK_SPACING`] apart.
    pub fn capacity(self) -> usize {
        ((self.room + 1e-3) / MIN_TRACK_SPACING).floor() as usize
    }

    /// Distance from the lane's axis of track `k` (0 = innermost) of
    /// `count`: [`TRACK_SPACING`] apart, closer when the room is short.
    pub fn offset(self, k: usize, count: usize) -> f32 {
        let spacing = (self.room / count.max(1) as f32).min(TRACK_SPACING);
        self.inner + (k as f32 + 1.0) * spacing
    }
}

/// Offset from the lane axis and width of a connector in `slot` when
/// `group` connectors share its lane in a band row: side by side, all
/// within the room beside the axis that no channel track enters.
pub(crate) fn connector_box(symbol_width: f32, group: usize, slot: Slot) -> (f32, f32) {
    // Short of the channel's inner edge, where a squeezed lane's track runs.
    let half = symbol_width / 2.0 + CHANNEL_INSET - 1.0;
    let (offset, width) = match group {
        0 | 1 => (0.0, CONNECTOR_WIDTH),
        2 => {
            let w = CONNECTOR_WIDTH.min(half - CONNECTOR_GAP / 2.0);
            (w / 2.0 + CONNECTOR_GAP / 2.0, w)
        }
        _ => {
            let w = CONNECTOR_WIDTH.min((2.0 * half - 2.0 * CONNECTOR_GAP) / 3.0);
            (w + CONNECTOR_GAP, w)
        }
    };
    let sign = match slot {
        Slot::Left => -1.0,
        Slot::Centre => 0.0,
        Slot::Right => 1.0,
    };
    (sign * offset, width)
}

/// Width of the zone beside a bottom stub, under a symbol, where the
/// labels of outcomes leaving the bottom sit: no channel track and no
/// other arrow ever enters it.
pub(crate) fn label_zone_width(symbol_width: f32) -> f32 {
    symbol_width / 2.0 + CHANNEL_INSET - LABEL_GAP - 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lane_sized_for_tracks_holds_them_4_pt_apart_and_3_pt_inside_its_edges() {
        let symbol = 60.0;
        for tracks in 0..6 {
            let width = lane_width_for(symbol, tracks);
            let channel = Channel::of(width, symbol);
            assert_eq!(channel.capacity(), tracks);
            for k in 0..tracks {
                let x = channel.offset(k, tracks);
                assert!(
                    x <= width / 2.0 - MIN_LINE_CLEARANCE + 1e-4,
                    "{tracks}: {x}"
                );
                let inner = if k == 0 {
                    symbol / 2.0 + CHANNEL_INSET
                } else {
                    channel.offset(k - 1, tracks)
                };
                assert!(x - inner >= MIN_TRACK_SPACING - 1e-4, "{tracks}: {k}");
            }
        }
    }

    #[test]
    fn a_squeezed_channel_keeps_its_tracks_off_the_lane_edge() {
        for tracks in 1..6 {
            let width = squeezed_lane_width(tracks);
            let channel = Channel::of(width, MIN_SYMBOL_WIDTH);
            let outer = channel.offset(tracks - 1, tracks);
            assert!(outer <= width / 2.0 - MIN_LINE_CLEARANCE + 1e-4);
            assert!(channel.offset(0, tracks) > MIN_SYMBOL_WIDTH / 2.0 + CHANNEL_INSET);
        }
    }

    #[test]
    fn connectors_sharing_a_lane_stay_within_the_room_beside_the_axis() {
        let symbol = 60.0;
        // Clear of the inner edge of the channel, where squeezed tracks run.
        let half = symbol / 2.0 + CHANNEL_INSET - 1.0;
        for group in 1..=3 {
            let slots: &[Slot] = match group {
                1 => &[Slot::Centre],
                2 => &[Slot::Left, Slot::Right],
                _ => &[Slot::Left, Slot::Centre, Slot::Right],
            };
            let mut boxes: Vec<(f32, f32)> = slots
                .iter()
                .map(|&s| {
                    let (offset, width) = connector_box(symbol, group, s);
                    (offset - width / 2.0, offset + width / 2.0)
                })
                .collect();
            boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
            for (lo, hi) in &boxes {
                assert!(*lo >= -half && *hi <= half, "{group}: {lo}..{hi}");
            }
            for pair in boxes.windows(2) {
                assert!(
                    pair[1].0 - pair[0].1 >= CONNECTOR_GAP - 1e-4,
                    "{group}: {:?}",
                    boxes
                );
            }
        }
    }
}
