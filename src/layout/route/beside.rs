//! Two off-page connectors share a lane in a band row side by side, each
//! beside the lane's axis. Where nothing stands between such a connector
//! and its target further down the lane, its line drops straight from its
//! tip into the target's top at its own line: within the symbol's width
//! (about a quarter of it out, on the outline of a diamond or a capsule), so
//! it needs no corner and no channel track, and joins no other arrow.
//! Where the line could only come in over the top, shared with arrows
//! across the top gap, it drops so even past them (a crossing reads;
//! a shared line does not).

use super::ports::PortUse;
use super::{BOTTOM, RouteFlow, Router, Slot, TOP, Waypoint, X, Y, slot};

impl Router<'_> {
    /// The straight drop from one of two connectors sharing a lane in a
    /// band row to the top of its target further down the lane, at the
    /// connector's own line (within the symbol's width): when no symbol
    /// stands between them and no arrow from elsewhere runs down the
    /// lane's axis there or enters the target's top.
    pub(super) fn drop_beside(
        &mut self,
        flow: &RouteFlow,
        ls: usize,
        lt: usize,
    ) -> Option<Vec<Waypoint>> {
        let (s, t) = (flow.from, flow.to);
        let side = flow.from_slot.side()?;
        let band = &self.rows[s];
        let pair = band.lanes.iter().filter(|&&l| l == ls).count() == 2;
        let (from, to) = (slot(s, BOTTOM), slot(t, TOP));
        let only_band = |k: &usize| {
            self.axis
                .get(&(lt, *k))
                .is_none_or(|users| users.users.iter().flatten().all(|&(a, _)| a == s))
        };
        // Arrows across the top gap into the target's top are passed by
        // the drop only where the line could not come into the target's
        // side on its own: over the top it would join them.
        let clear = (from..to).all(|k| only_band(&k))
            && (only_band(&to) || !self.side_entry_free(t, lt, side));
        // Another band row of connectors between stands in the way where
        // it has one in the lane (beside the axis, where the drop runs).
        let bands_clear =
            || (s + 1..t).all(|r| !(self.rows[r].connector && self.rows[r].lanes.contains(&lt)));
        if !(t > s
            && ls == lt
            && band.connector
            && pair
            && bands_clear()
            && !self.rows[t].connector
            && flow.to_slot == Slot::Centre
            && clear
            && self.axis_free(lt, from, to, s, t))
        {
            return None;
        }
        self.occupy_axis(lt, from, to, s, t);
        Some(vec![
            Waypoint {
                x: X::Beside(ls, side),
                row: s,
                y: Y::SymbolBottom,
            },
            Waypoint {
                x: X::Beside(lt, side),
                row: t,
                y: Y::OutlineAbove,
            },
        ])
    }

    /// True when a connector's line could come into the side `side` of the
    /// symbol in row `t` and lane `lane` alone: no other arrow uses it and
    /// none leaves the opposite side in line with it.
    fn side_entry_free(&mut self, t: usize, lane: usize, side: super::Side) -> bool {
        let target = (lane, Slot::Centre);
        *self.port(t, lane, Slot::Centre, side) == PortUse::Free
            && self.usable(t, target, side, PortUse::Entry)
    }
}
