//! A long arrow down its own lane, around the arrows across the lane.
//! An off-page connector stands in its flow's lane (the source's at the
//! foot of a page, the target's at its head), so its line runs down that
//! lane past every row between, where any arrow from one side of the lane
//! to the other crosses it; so does an arrow that skips rows of its lane.
//! Untangle may send the long vertical run into another channel instead
//! ([`Variant::DETOUR`], [`Variant::NEIGHBOUR`]): the lane's own channel
//! on one side, or the far channel of the next lane on that side, passing
//! the arrows that turn short of it (the next lane's near channel, tried
//! too at first, helped in one layout in a hundred where the far one
//! helped in ten). An arrow down to another lane may go round its
//! target's lane the same way, down the far channel of the next lane
//! past it, and come into the target's side facing that channel: it then
//! passes the arrows that leave the target's lane towards that side
//! between the two rows (with [`Variant::FLIP_SIDE`] it comes in over
//! the top instead, where an arrow from higher up takes that side).

use super::exits::OutcomeExit;
use super::ports::PortUse;
use super::{BOTTOM, MID, RouteFlow, Router, Side, Variant, Waypoint, X, Y, slot};

impl Router<'_> {
    /// The detour that its variant asks for of a long arrow down `lane`
    /// (a connector's line, or one past a row; `lane` and `lt` the same),
    /// or of an arrow from `lane` down to lane `lt` (round `lt`): out of
    /// the source's side towards the channel (its bottom where that side
    /// is not free), down the channel and into the target's side facing
    /// it or over its top. None for any other arrow, or where the channel
    /// lies past the table's edge, its way crosses a symbol, or the source
    /// must leave another way (a decision's outcome held elsewhere).
    pub(super) fn detour(
        &mut self,
        flow: &RouteFlow,
        exit: Option<OutcomeExit>,
        (lane, lt): (usize, usize),
    ) -> Option<Vec<Waypoint>> {
        let (s, t) = (flow.from, flow.to);
        let (detour, neighbour) = (
            flow.variant.has(Variant::DETOUR),
            flow.variant.has(Variant::NEIGHBOUR),
        );
        let flip = flow.variant.has(Variant::FLIP_SIDE);
        let side = if lane == lt {
            if !(detour || neighbour) || !Variant::may_detour(&self.rows[s], &self.rows[t], s, t) {
                return None;
            }
            // A connector beside the axis is reached only through its outer side.
            match flow.from_slot.side().or(flow.to_slot.side()) {
                Some(_) if flip => return None,
                Some(outer) => outer,
                None if flip => self.quieter_side(lane, s, t).other(),
                None => self.quieter_side(lane, s, t),
            }
        } else {
            // Down to another lane: round the target's lane, down the far
            // channel of the next lane past it, between two activities
            // of one lane each.
            let single = |r: usize| self.rows[r].lanes.len() == 1 && !self.rows[r].connector;
            if !(neighbour && !detour && t > s && single(s) && single(t)) {
                return None;
            }
            super::toward(lane, lt)?
        };
        let past = if lane == lt { lane } else { lt };
        let next = match side {
            Side::Left => past.checked_sub(1),
            Side::Right => Some(past + 1).filter(|&l| l < self.symbol_rows.len()),
        };
        let channel = if neighbour {
            (next?, side)
        } else {
            (lane, side)
        };
        // The way to the next lane's far channel and back crosses its
        // axis, where a symbol of either end's row would stand in it.
        if neighbour
            && [s, t]
                .iter()
                .any(|&r| self.rows[r].lanes.contains(&channel.0))
        {
            return None;
        }
        let source = (lane, flow.from_slot);
        let row = &self.rows[s];
        let side_exit = match exit {
            Some(OutcomeExit::Side(held)) if held == side => true,
            Some(_) => return None,
            None if row.outcomes => false,
            None => self.usable(s, source, side, PortUse::Exit),
        };
        let mut path = Vec::with_capacity(6);
        let wp = |x, y| Waypoint { x, row: s, y };
        let (start, start_y) = if side_exit {
            if exit.is_none() {
                self.take(s, source, side, PortUse::Exit);
            }
            path.push(wp(X::Edge(lane, flow.from_slot, side), Y::Mid));
            (slot(s, MID), Y::Mid)
        } else if row.connector {
            // A connector leaves by its tip or a side, never a gap bus.
            return None;
        } else {
            self.occupy_axis(lane, slot(s, BOTTOM), slot(s, BOTTOM), s, t);
            path.push(wp(X::Axis(lane), Y::SymbolBottom));
            path.push(wp(X::Axis(lane), Y::BusBelow));
            (slot(s, BOTTOM), Y::BusBelow)
        };
        // Round another lane, the other side variant comes in over the top.
        let entry = Some(side).filter(|_| lane == lt || !flip);
        self.enter_from_channel(flow, channel, entry, start, start_y, &mut path);
        Some(path)
    }
}
