//! The order a page's arrows are routed in. Each takes the ports and the
//! axis slots left by those before it, so where two could take the same
//! side of a target, the one with fewer ways goes first.

use super::{RouteFlow, RouteRow, Slot};

/// The order the arrows are routed in: as given, except that the line of
/// a head connector on its lane's axis goes after the lines of the
/// connectors beside it when it cannot drop straight into the row below
/// (its target is further down) and at most one other connector's line
/// leads to its target. The lines beside it have one way out (their
/// outer side); the line from the axis, which has to go round the row
/// between anyway, then finds the side of its target one took and comes
/// in over the top instead of across its way. (With more lines into one
/// target, the later line only crowds the top they share.)
pub(super) fn routing_order(rows: &[RouteRow], flows: &[RouteFlow]) -> Vec<usize> {
    let mut lines_into = vec![0usize; rows.len()];
    for g in flows.iter().filter(|g| rows[g.from].connector) {
        lines_into[g.to] += 1;
    }
    let last = |f: &RouteFlow| {
        rows[f.from].connector
            && f.from_slot == Slot::Centre
            && f.to > f.from + 1
            && lines_into[f.to] <= 2
    };
    let (mut order, after): (Vec<usize>, Vec<usize>) =
        (0..flows.len()).partition(|&i| !last(&flows[i]));
    order.extend(after);
    order
}
