//! The reverse L of an arrow down to another lane: down the source's own
//! axis to the target's row, then across into the target's side facing
//! the source ([`Variant::INTO_SIDE`]). It leaves the target's top and the
//! gaps above it to the arrows coming in from above, an off-page
//! connector's line dropping straight in above all, where the L from the
//! source's side would run across their way.

use super::ports::PortUse;
use super::{BOTTOM, MID, RouteFlow, Router, Side, Variant, Waypoint, X, Y, slot};

impl Router<'_> {
    /// The reverse L from `flow`'s source in lane `ls` into the side
    /// `entry` of its target in lane `lt`, when its variant asks for it,
    /// the source's axis is free down to the target's row and that side
    /// takes an entry.
    pub(super) fn down_and_into_side(
        &mut self,
        flow: &RouteFlow,
        (ls, lt): (usize, usize),
        entry: Side,
    ) -> Option<Vec<Waypoint>> {
        let (s, t) = (flow.from, flow.to);
        let target = (lt, flow.to_slot);
        let applies = flow.variant.has(Variant::INTO_SIDE)
            && !self.rows[s].connector
            && !self.rows[t].connector
            && self.axis_free(ls, slot(s, BOTTOM), slot(t, MID), s, t)
            && self.usable(t, target, entry, PortUse::Entry);
        if !applies {
            return None;
        }
        self.occupy_axis(ls, slot(s, BOTTOM), slot(t, MID), s, t);
        self.take(t, target, entry, PortUse::Entry);
        let wp = |x, row, y| Waypoint { x, row, y };
        Some(vec![
            wp(X::Axis(ls), s, Y::SymbolBottom),
            wp(X::Axis(ls), t, Y::Mid),
            wp(X::Edge(lt, flow.to_slot, entry), t, Y::Mid),
        ])
    }
}
