//! The ports of the symbols: each side of each symbol is free, an exit,
//! an entry, blocked (a joint line) or held for one outcome. A port is
//! usable when it is free or used the same way, and never when an arrow
//! through it would be in line with one through the opposite side.

use super::{Router, Side, Slot};

/// How a side of a symbol is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PortUse {
    Free,
    Exit,
    Entry,
    Blocked,
    /// Held for one outcome of a decision: no other arrow may use it.
    Outcome,
}

impl Router<'_> {
    /// The port of the symbol in `lane` and `slot` of `row` on `side`.
    pub(super) fn port(&mut self, row: usize, lane: usize, slot: Slot, side: Side) -> &mut PortUse {
        let r = &self.rows[row];
        let k = (0..r.lanes.len())
            .find(|&k| r.lanes[k] == lane && r.slot(k) == slot)
            .unwrap_or(0);
        &mut self.ports[self.first_symbol[row] + k][side as usize]
    }

    /// True when an arrow may use the port the way `want` says.
    pub(super) fn usable(
        &mut self,
        row: usize,
        (lane, slot): (usize, Slot),
        side: Side,
        want: PortUse,
    ) -> bool {
        // An arrow in at one side in line with one out at the other reads
        // as one line through the symbol (through all of a joint activity's
        // symbols, which a line joins at their middles).
        let far_lane = match (&self.rows[row], side) {
            (r, _) if r.connector || r.lanes.len() < 2 => lane,
            (r, Side::Right) => r.lanes[0],
            (r, Side::Left) => r.lanes[r.lanes.len() - 1],
        };
        let opposite = *self.port(row, far_lane, slot, side.other());
        let through = match want {
            PortUse::Entry => matches!(opposite, PortUse::Exit | PortUse::Outcome),
            PortUse::Exit | PortUse::Outcome => opposite == PortUse::Entry,
            PortUse::Free | PortUse::Blocked => false,
        };
        self.open(row, (lane, slot), side, want) && !through
    }

    /// True when the port is free or already used the way `want` uses it.
    fn open(&mut self, row: usize, (lane, slot): (usize, Slot), side: Side, want: PortUse) -> bool {
        let state = *self.port(row, lane, slot, side);
        state == PortUse::Free || state == want
    }

    /// Marks the port used the way `want` says.
    pub(super) fn take(
        &mut self,
        row: usize,
        (lane, slot): (usize, Slot),
        side: Side,
        want: PortUse,
    ) {
        *self.port(row, lane, slot, side) = want;
    }
}
