//! The last stretch of a channel route: along the channel to the
//! target's row, then into its side, or over its top when that side is
//! taken. A connector's line takes no side another arrow enters, and over
//! a top other arrows enter too it comes down the lane's axis from the row
//! above where it can (the others then end beside it, `entries.rs`).
//! A side that the line of a connector beside the axis comes down to is
//! kept for it from arrows that join the channel lower down: of two
//! arrows down one channel into one target, the one from higher up must
//! take the side (outer track) and the other the top (inner track), or
//! they cross.

use super::ports::PortUse;
use super::{MID, RouteFlow, Router, Side, TOP, Waypoint, X, Y, slot};

impl Router<'_> {
    /// The rest of a channel route: along the channel `(lane, side)` from
    /// slot `start` to the target's row, then into its side `entry`, or
    /// across its top gap into its top when that side is taken (for a
    /// connector's line: when any arrow enters there) or none is given.
    pub(super) fn enter_from_channel(
        &mut self,
        flow: &RouteFlow,
        (lane, side): (usize, Side),
        entry: Option<Side>,
        start: usize,
        start_y: Y,
        path: &mut Vec<Waypoint>,
    ) {
        let (s, t) = (flow.from, flow.to);
        let lt = self.lanes_of(flow).1;
        let target = (lt, flow.to_slot);
        let wp = |x, row, y| Waypoint { x, row, y };
        let into_side = entry.filter(|&entry| {
            // A connector's line joins no arrow at a side another enters.
            let shared =
                self.rows[s].connector && *self.port(t, lt, target.1, entry) != PortUse::Free;
            let kept = lane == lt
                && side == entry
                && t > s
                && self
                    .kept_sides
                    .get(&(t, entry))
                    .is_some_and(|&from| from < s);
            !shared && !kept && self.usable(t, target, entry, PortUse::Entry)
        });
        if let Some(entry) = into_side {
            self.take(t, target, entry, PortUse::Entry);
            let x = self.channel(lane, side, start, slot(t, MID), (t, entry as usize));
            path.push(wp(x, s, start_y));
            path.push(wp(x, t, Y::Mid));
            path.push(wp(X::Edge(lt, flow.to_slot, entry), t, Y::Mid));
        } else {
            // Over the top: down the axis from the row above where a
            // connector's line can, else across the top gap, where a
            // connector's line keeps a track of its own (`entries.rs`
            // parts it from the others there).
            let (row, part, y, key) = match self.axis_drop_row(flow, lane, lt) {
                Some(r) => (r, MID, Y::Mid, (t, 3)),
                None if self.rows[s].connector => (
                    t,
                    TOP,
                    Y::BusAbove,
                    (t, 4 + 3 * s + flow.from_slot as usize),
                ),
                None => (t, TOP, Y::BusAbove, (t, 2)),
            };
            let x = self.channel(lane, side, start, slot(row, part), key);
            self.occupy_axis(lt, slot(row, part), slot(t, TOP), s, t);
            path.push(wp(x, s, start_y));
            path.push(wp(x, row, y));
            path.push(wp(X::Axis(lt), row, y));
            path.push(wp(X::Axis(lt), t, Y::SymbolTop));
        }
    }

    /// Notes the sides kept for connectors' lines: each arrow from a
    /// connector beside its lane's axis that leads down its own lane past
    /// a symbol (it cannot drop straight, `beside.rs`) runs down that
    /// side's channel; the side of its target it faces is kept for it
    /// from arrows joining that channel lower down.
    pub(super) fn keep_sides_for_connector_lines(
        &mut self,
        flows: &[RouteFlow],
        ends: &[(usize, usize)],
    ) {
        for (flow, &(ls, lt)) in flows.iter().zip(ends) {
            let Some(side) = flow.from_slot.side() else {
                continue;
            };
            let (s, t) = (flow.from, flow.to);
            let passes = || {
                self.symbol_rows[lt]
                    .iter()
                    .any(|&r| s < r && r < t && !self.rows[r].connector)
            };
            if self.rows[s].connector && ls == lt && t > s && passes() {
                let from = self.kept_sides.entry((t, side)).or_insert(s);
                *from = (*from).min(s);
            }
        }
    }

    /// For a connector's line that comes in over its target's top down a
    /// channel of the target's lane: the row just above the target, when
    /// the line can leave the channel there and come straight down the
    /// lane's axis into the top. That row holds no symbol in the lane, no
    /// arrow runs on the axis there and none of its own arrows, nor its
    /// joint line, crosses the lane; the arrows across the top gap then end beside the line
    /// (`entries.rs`) instead of sharing its last stretch.
    fn axis_drop_row(&self, flow: &RouteFlow, lane: usize, lt: usize) -> Option<usize> {
        let (s, t) = (flow.from, flow.to);
        let r = t.checked_sub(1).filter(|&r| r > s)?;
        let crossed = self.across[r]
            .iter()
            .any(|&(y, lo, hi)| matches!(y, Y::Mid | Y::BusBelow) && lo <= lt && lt <= hi);
        let axis_empty = (slot(r, MID)..slot(t, TOP)).all(|k| !self.axis.contains_key(&(lt, k)));
        // A joint activity's line across the lane runs at the row's middle.
        let lanes = &self.rows[r].lanes;
        let joint_across = lanes.iter().any(|&l| l < lt) && lanes.iter().any(|&l| l > lt);
        (self.rows[s].connector
            && lane == lt
            && !self.rows[r].connector
            && !crossed
            && !joint_across
            && axis_empty
            && self.axis_free(lt, slot(r, MID), slot(t, TOP), s, t))
        .then_some(r)
    }
}
