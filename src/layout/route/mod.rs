//! Phases 1 and 7b, route: orthogonal routing in abstract coordinates.
//! Run over page-sized windows of the procedure first ([`lane_tracks`]:
//! how many channel tracks each lane needs, before any width is known), then
//! on each page ([`route`]: the topology of every arrow of the page).
//!
//! In: the rows and flows of a page ([`RouteRow`], [`RouteFlow`]). Out:
//! [`Routes`], every arrow as waypoints, and the tracks per channel.
//!
//! Each lane is `[left channel | axis | right channel]`, each row
//! `[top gap | symbol band | bottom gap]`. A row holds one activity, so a
//! row's band and gaps carry only that activity's own arrows; long vertical
//! runs use a lane's axis through rows where the lane is empty, or a
//! channel, where every net (all arrows into one target port) gets its own
//! track. Tracks are assigned like a channel router, shortest intervals
//! innermost so that nested loops do not cross (`channels.rs`). Geometry comes later
//! ([`super::place`]): routing decides topology only, which is why widths
//! and heights can follow from the tracks it needs. Each arrow carries a
//! [`Variant`]: the default route, or one with another channel side, its
//! long vertical run in the source's lane, or no side exit, and for a
//! decision's other outcome the bottom vertex (the main outcome then takes
//! a side) or the side vertex facing away from its target; the untangle
//! phase picks variants where arrows cross or read as one line through a
//! box. Each outcome of a decision gets its own exit (`exits.rs`); where
//! a connector's line comes into a top other arrows enter too, they part
//! at the target's upper edge (`entries.rs`). A channel route ends in a
//! side or over a top (`into_target.rs`); two connectors sharing a lane
//! drop straight into the top below them (`beside.rs`). A connector's
//! line, or an arrow past rows of its lane, may go round the arrows
//! across its lane down another channel (`detour.rs`); an arrow down to
//! another lane may come into its target's side (`into_side.rs`). Each
//! arrow takes the ports left by those routed before it (`order.rs`).

use crate::hash::FastMap;

mod beside;
mod channels;
use channels::Net;
mod detour;
mod entries;
mod exits;
mod into_side;
mod into_target;
mod model;
mod order;
mod ports;
use exits::OutcomeExit;
pub(crate) use exits::prefer_straight_bottom;
pub(crate) use model::{
    EdgePoint, RouteFlow, RouteRow, Routes, Side, Slot, UpperPoint, Variant, Waypoint, X, Y,
    raise_to_busier_side,
};
use order::routing_order;
use ports::PortUse;

/// Rows scanned when choosing a loop's channel side (keeps routing linear).
const MAX_SIDE_SCAN: usize = 64;

/// How far an axis run may go before a channel is used instead.
const MAX_AXIS_ROWS: usize = 40;

const TOP: usize = 0;
const MID: usize = 1;
const BOTTOM: usize = 2;

fn slot(row: usize, part: usize) -> usize {
    row * 3 + part
}

/// Routes every flow of a page.
pub(crate) fn route(rows: &[RouteRow], flows: &[RouteFlow], lane_count: usize) -> Routes {
    let mut router = Router::new(rows, lane_count);
    let ends: Vec<(usize, usize)> = flows.iter().map(|f| router.lanes_of(f)).collect();
    for (flow, &(ls, lt)) in flows.iter().zip(&ends) {
        if ls != lt {
            router.spans[flow.from].push((ls.min(lt), ls.max(lt)));
        }
    }
    router.assign_outcome_exits(flows, &ends);
    router.keep_sides_for_connector_lines(flows, &ends);
    for (flow, &(ls, lt)) in flows.iter().zip(&ends) {
        if flow.to < flow.from {
            router.reserve_loop_entry(flow, ls, lt);
        }
    }
    let mut paths = vec![Vec::new(); flows.len()];
    for i in routing_order(rows, flows) {
        let (flow, (ls, lt)) = (&flows[i], ends[i]);
        let exit = router.exits.get(i).copied().flatten();
        let path = router.route_flow(flow, exit, ls, lt);
        router.note_across(&path);
        paths[i] = path;
    }
    router.assign_tracks(&mut paths);
    let mut routes = Routes {
        paths,
        tracks: router.track_counts,
    };
    entries::clear_connector_lines(rows, flows, &mut routes);
    routes
}

/// The arrows (source row, target row) using one slot of a lane's axis.
/// Two are kept; a third closes the slot, which only ever sends a later
/// arrow to a channel instead.
#[derive(Debug, Clone, Copy, Default)]
struct AxisUsers {
    users: [Option<(usize, usize)>; 2],
    full: bool,
}

impl AxisUsers {
    /// True when an arrow from `s` to `t` may share the slot: every user
    /// shares its source (a fork) or its target (a merge).
    fn admits(&self, s: usize, t: usize) -> bool {
        !self.full && self.users.iter().flatten().all(|&(a, b)| a == s || b == t)
    }

    fn add(&mut self, s: usize, t: usize) {
        match self.users.iter_mut().find(|u| u.is_none()) {
            Some(free) => *free = Some((s, t)),
            None => self.full = true,
        }
    }
}

struct Router<'a> {
    rows: &'a [RouteRow],
    /// First symbol index of each row (symbols numbered row by row).
    first_symbol: Vec<usize>,
    ports: Vec<[PortUse; 2]>,
    axis: FastMap<(usize, usize), AxisUsers>,
    /// Nets per channel, and the net of each (channel, key).
    nets: Vec<Vec<Net>>,
    net_of: FastMap<(usize, usize, usize), usize>,
    track_counts: Vec<usize>,
    /// Last symbol row per lane below a row, for axis checks.
    symbol_rows: Vec<Vec<usize>>,
    /// Lane span (low, high) of each cross-lane arrow, by source row.
    spans: Vec<Vec<(usize, usize)>>,
    /// Each horizontal stretch routed so far, by row: its height in the
    /// row and the lanes it runs from and to (low, high).
    across: Vec<Vec<(Y, usize, usize)>>,
    /// The exit held for each arrow that is an outcome of a decision
    /// (none: the bottom vertex, or the arrow is no such outcome).
    exits: Vec<Option<OutcomeExit>>,
    /// Per (target row, side): the highest row a connector's line beside
    /// its lane's axis comes from into that side (`into_target.rs`).
    kept_sides: FastMap<(usize, Side), usize>,
}

impl<'a> Router<'a> {
    fn new(rows: &'a [RouteRow], lane_count: usize) -> Self {
        let mut first_symbol = Vec::with_capacity(rows.len() + 1);
        let mut ports = Vec::new();
        let mut symbol_rows = vec![Vec::new(); lane_count];
        for (r, row) in rows.iter().enumerate() {
            first_symbol.push(ports.len());
            for (k, &lane) in row.lanes.iter().enumerate() {
                let blocked = |b: bool| if b { PortUse::Blocked } else { PortUse::Free };
                let sides = if row.connector {
                    // Connectors sharing a lane face each other; only outer sides are open.
                    let shared = row.lanes.iter().filter(|&&l| l == lane).count() > 1;
                    match row.slot(k) {
                        Slot::Left => [PortUse::Free, PortUse::Blocked],
                        Slot::Right => [PortUse::Blocked, PortUse::Free],
                        Slot::Centre => [blocked(shared), blocked(shared)],
                    }
                } else {
                    // A joint activity's symbols face each other across the joint line.
                    [blocked(k > 0), blocked(k + 1 < row.lanes.len())]
                };
                ports.push(sides);
                if row.slot(k) == Slot::Centre {
                    symbol_rows[lane].push(r);
                }
            }
        }
        first_symbol.push(ports.len());
        Self {
            rows,
            first_symbol,
            ports,
            axis: FastMap::default(),
            nets: vec![Vec::new(); lane_count * 2],
            net_of: FastMap::default(),
            track_counts: vec![0; lane_count * 2],
            symbol_rows,
            spans: vec![Vec::new(); rows.len()],
            across: vec![Vec::new(); rows.len()],
            exits: Vec::new(),
            kept_sides: FastMap::default(),
        }
    }

    /// The pair of symbol lanes (source, target) closest to each other.
    fn lanes_of(&self, flow: &RouteFlow) -> (usize, usize) {
        flow_lanes(self.rows, flow)
    }

    /// The side of `lane` whose channel fewer cross-lane arrows leaving
    /// the rows strictly between `a` and `b` would cross (right on a tie).
    fn quieter_side(&self, lane: usize, a: usize, b: usize) -> Side {
        let (lo, hi) = (a.min(b) + 1, a.max(b));
        let mut crossings = [0usize; 2];
        for spans in self.spans[lo.min(hi)..hi].iter().take(MAX_SIDE_SCAN) {
            for &(left, right) in spans {
                crossings[Side::Left as usize] += usize::from(left < lane && lane <= right);
                crossings[Side::Right as usize] += usize::from(left <= lane && lane < right);
            }
        }
        if crossings[0] < crossings[1] {
            Side::Left
        } else {
            Side::Right
        }
    }

    /// The channel side a flow within one lane prefers.
    fn same_lane_side(&self, flow: &RouteFlow, lane: usize) -> Side {
        self.quieter_side(lane, flow.from, flow.to)
    }

    /// The channel side a flow prefers: a connector's outer side, the side
    /// facing the other lane, or the quieter side of its own lane; the other
    /// one in a variant that flips it.
    fn preferred_side(&self, flow: &RouteFlow, ls: usize, lt: usize) -> Side {
        let beside = flow.from_slot.side().or(flow.to_slot.side());
        let side = beside
            .or(toward(ls, lt))
            .unwrap_or_else(|| self.same_lane_side(flow, ls));
        if beside.is_none() && ls == lt && flow.variant.has(Variant::FLIP_SIDE) {
            side.other()
        } else {
            side
        }
    }

    /// The side of its target that a channel route enters: the one facing
    /// the source's lane (the far one in the flipped variant), or within
    /// one lane the side of its channel.
    fn cross_entry_side(&self, flow: &RouteFlow, ls: usize, lt: usize) -> Side {
        match toward(lt, ls) {
            Some(near) if flow.variant.has(Variant::FLIP_SIDE) => near.other(),
            Some(near) => near,
            None => self.preferred_side(flow, ls, lt),
        }
    }

    fn reserve_loop_entry(&mut self, flow: &RouteFlow, ls: usize, lt: usize) {
        let side = self.cross_entry_side(flow, ls, lt);
        for side in [side, side.other()] {
            if self.usable(flow.to, (lt, flow.to_slot), side, PortUse::Entry) {
                self.take(flow.to, (lt, flow.to_slot), side, PortUse::Entry);
                return;
            }
            if ls != lt {
                return;
            }
        }
    }

    /// True when `lane`'s axis from `from` to `to` (slots) crosses no symbol
    /// and no arrow that shares neither end with (`s`, `t`).
    fn axis_free(&self, lane: usize, from: usize, to: usize, s: usize, t: usize) -> bool {
        if to < from || to - from > MAX_AXIS_ROWS * 3 {
            return false;
        }
        let rows = &self.symbol_rows[lane];
        let first_row = from / 3 + usize::from(from % 3 > MID);
        let last_row = to / 3 - usize::from(to % 3 < MID);
        let i = rows.partition_point(|&r| r < first_row);
        if rows.get(i).is_some_and(|&r| r <= last_row) {
            return false;
        }
        (from..=to).all(|slot| {
            self.axis
                .get(&(lane, slot))
                .is_none_or(|users| users.admits(s, t))
        })
    }

    fn occupy_axis(&mut self, lane: usize, from: usize, to: usize, s: usize, t: usize) {
        for slot in from..=to {
            self.axis.entry((lane, slot)).or_default().add(s, t);
        }
    }

    fn route_flow(
        &mut self,
        flow: &RouteFlow,
        exit: Option<OutcomeExit>,
        ls: usize,
        lt: usize,
    ) -> Vec<Waypoint> {
        let (s, t) = (flow.from, flow.to);
        let row = &self.rows[s];
        let down = t > s;
        let wp = |x, row, y| Waypoint { x, row, y };
        if let Some(path) = self.drop_beside(flow, ls, lt) {
            return path;
        }
        if let Some(path) = self.detour(flow, exit, (ls, lt)) {
            return path;
        }
        // A connector beside the axis is reached only through its outer side.
        let beside = flow.from_slot.side().or(flow.to_slot.side());
        if down
            && beside.is_none()
            && let Some(path) = self.route_down(flow, exit, ls, lt)
        {
            return path;
        }

        // Everything else runs in a channel, of the target's lane unless
        // the variant takes the source's.
        let source = (ls, flow.from_slot);
        let preferred = self.preferred_side(flow, ls, lt);
        let wants_side =
            !flow.takes_bottom() && (!down || (row.outcomes && !flow.main) || row.connector);
        let choices = if beside.is_some() || ls != lt { 1 } else { 2 };
        let exit_side = match exit {
            Some(OutcomeExit::Side(side)) => Some(side),
            Some(OutcomeExit::Lower(..)) => None,
            None => self.free_exit_side(flow, [preferred, preferred.other()], choices, wants_side),
        };
        let lower = match exit {
            Some(OutcomeExit::Lower(side, point)) => Some((side, point)),
            _ => None,
        };
        let cross_lane = beside.is_none() && ls != lt;
        // An outcome leaving away from its target's lane, or by a lower
        // edge, climbs or drops in its own lane's channel on that side.
        let away = exit_side.is_some_and(|side| Some(side) != toward(ls, lt));
        let in_source_lane =
            cross_lane && (flow.variant.has(Variant::SOURCE_LANE) || away || lower.is_some());
        let mut path = Vec::with_capacity(6);
        let (channel_side, start) = match (lower, exit_side) {
            (Some((side, point)), _) => {
                path.push(wp(X::Lower(ls, side, point), s, Y::LowerEdge(point)));
                (side, slot(s, MID))
            }
            (None, Some(side)) => {
                if exit.is_none() {
                    self.take(s, source, side, PortUse::Exit);
                }
                path.push(wp(X::Edge(ls, flow.from_slot, side), s, Y::Mid));
                (
                    if ls == lt || in_source_lane {
                        side
                    } else {
                        self.cross_entry_side(flow, ls, lt)
                    },
                    slot(s, MID),
                )
            }
            (None, None) => {
                self.occupy_axis(ls, slot(s, BOTTOM), slot(s, BOTTOM), s, t);
                path.push(wp(X::Axis(ls), s, Y::SymbolBottom));
                path.push(wp(X::Axis(ls), s, Y::BusBelow));
                let side = if let Some(side) = flow.to_slot.side() {
                    side
                } else if ls == lt {
                    [preferred, preferred.other()]
                        .into_iter()
                        .find(|&x| self.usable(t, (lt, flow.to_slot), x, PortUse::Entry))
                        .unwrap_or(preferred)
                } else if in_source_lane {
                    preferred
                } else {
                    self.cross_entry_side(flow, ls, lt)
                };
                (side, slot(s, BOTTOM))
            }
        };
        let start_y = match (lower, exit_side) {
            (Some((_, point)), _) => Y::LowerEdge(point),
            (None, Some(_)) => Y::Mid,
            (None, None) => Y::BusBelow,
        };
        let (channel_lane, entry_side) = if in_source_lane {
            (ls, preferred.other())
        } else {
            (lt, channel_side)
        };
        self.enter_from_channel(
            flow,
            (channel_lane, channel_side),
            Some(entry_side),
            start,
            start_y,
            &mut path,
        );
        path
    }

    /// The first of `sides` (up to `choices`) whose exit is free, one
    /// whose channel also reaches a free side of the target first (within
    /// one lane the arrow enters the side it leaves; an arrow that had to
    /// come in over the target's top would share the line of the arrows
    /// entering there).
    fn free_exit_side(
        &mut self,
        flow: &RouteFlow,
        sides: [Side; 2],
        choices: usize,
        wants_side: bool,
    ) -> Option<Side> {
        if !wants_side {
            return None;
        }
        let (source, target) = (self.lanes_of(flow), flow.to_slot);
        let mut first_free = None;
        for &side in &sides[..choices] {
            if !self.usable(flow.from, (source.0, flow.from_slot), side, PortUse::Exit) {
                continue;
            }
            let enters = source.0 != source.1
                || self.usable(flow.to, (source.1, target), side, PortUse::Entry);
            if enters {
                return Some(side);
            }
            first_free.get_or_insert(side);
        }
        first_free
    }

    /// The downward templates that need no channel: a straight drop, an L
    /// from the side, a Z through the bus below the source, or (variant) a
    /// Z down the source's axis and across the target's top gap.
    fn route_down(
        &mut self,
        flow: &RouteFlow,
        exit: Option<OutcomeExit>,
        ls: usize,
        lt: usize,
    ) -> Option<Vec<Waypoint>> {
        let (s, t) = (flow.from, flow.to);
        let row = &self.rows[s];
        let wp = |x, row, y| Waypoint { x, row, y };
        let source = (ls, flow.from_slot);
        let variant = flow.variant;
        let side_first = row.outcomes && !flow.main && !flow.takes_bottom() || exit.is_some();
        // A connector's line comes straight down only to a top no other
        // arrow enters (routed last, it knows), or when no side is free.
        let target = (lt, flow.to_slot);
        let top_shared = row.connector
            && self.axis.contains_key(&(lt, slot(t, TOP)))
            && [Side::Left, Side::Right]
                .into_iter()
                .any(|side| self.usable(t, target, side, PortUse::Entry));
        if !side_first
            && !top_shared
            && ls == lt
            && self.axis_free(ls, slot(s, BOTTOM), slot(t, TOP), s, t)
        {
            self.occupy_axis(ls, slot(s, BOTTOM), slot(t, TOP), s, t);
            return Some(vec![
                wp(X::Axis(ls), s, Y::SymbolBottom),
                wp(X::Axis(lt), t, Y::SymbolTop),
            ]);
        }
        let side = toward(ls, lt)?;
        if !side_first && let Some(path) = self.down_and_into_side(flow, (ls, lt), side.other()) {
            return Some(path);
        }
        // The variant's Z runs down the source's axis first (before any L).
        let late = variant.has(Variant::SOURCE_LANE)
            && !side_first
            && !row.connector
            && !self.rows[t].connector
            && self.axis_free(ls, slot(s, BOTTOM), slot(t, TOP), s, t)
            && self.axis_free(lt, slot(t, TOP), slot(t, TOP), s, t);
        if late {
            self.occupy_axis(ls, slot(s, BOTTOM), slot(t, TOP), s, t);
            self.occupy_axis(lt, slot(t, TOP), slot(t, TOP), s, t);
            return Some(vec![
                wp(X::Axis(ls), s, Y::SymbolBottom),
                wp(X::Axis(ls), t, Y::BusAbove),
                wp(X::Axis(lt), t, Y::BusAbove),
                wp(X::Axis(lt), t, Y::SymbolTop),
            ]);
        }
        let exit_free = match exit {
            Some(held) => held == OutcomeExit::Side(side),
            None => self.usable(s, source, side, PortUse::Exit),
        };
        let l_shape = !variant.has(Variant::NO_SIDE_EXIT)
            && (side_first || !row.outcomes)
            && !flow.takes_bottom()
            && exit_free
            && self.axis_free(lt, slot(s, MID), slot(t, TOP), s, t);
        if l_shape {
            if exit.is_none() {
                self.take(s, source, side, PortUse::Exit);
            }
            self.occupy_axis(lt, slot(s, MID), slot(t, TOP), s, t);
            return Some(vec![
                wp(X::Edge(ls, flow.from_slot, side), s, Y::Mid),
                wp(X::Axis(lt), s, Y::Mid),
                wp(X::Axis(lt), t, Y::SymbolTop),
            ]);
        }
        if side_first || row.connector {
            return None;
        }
        if self.axis_free(lt, slot(s, BOTTOM), slot(t, TOP), s, t) {
            self.occupy_axis(ls, slot(s, BOTTOM), slot(s, BOTTOM), s, t);
            self.occupy_axis(lt, slot(s, BOTTOM), slot(t, TOP), s, t);
            return Some(vec![
                wp(X::Axis(ls), s, Y::SymbolBottom),
                wp(X::Axis(ls), s, Y::BusBelow),
                wp(X::Axis(lt), s, Y::BusBelow),
                wp(X::Axis(lt), t, Y::SymbolTop),
            ]);
        }
        None
    }

    /// Notes the horizontal stretches of `path`.
    fn note_across(&mut self, path: &[Waypoint]) {
        for w in path.windows(2) {
            if w[0].row == w[1].row && w[0].y == w[1].y {
                let (a, b) = (w[0].x.lane(), w[1].x.lane());
                self.across[w[0].row].push((w[0].y, a.min(b), a.max(b)));
            }
        }
    }
}

/// The variants untangle tries for `flow` besides [`Variant::TRIED`]:
/// the detours of a long arrow down its lane, the reverse L of an arrow
/// down to another lane, and in the `last` round also its way round the
/// target's lane (longer, with a corner more: tried only where the
/// others left a fault, so that it does not win over a shorter way they
/// find in a later arrow).
pub(crate) fn extra_variants(
    rows: &[RouteRow],
    flow: &RouteFlow,
    last: bool,
) -> &'static [Variant] {
    let (s, t) = (flow.from, flow.to);
    let (source, target) = (&rows[s], &rows[t]);
    let (ls, lt) = flow_lanes(rows, flow);
    if ls == lt && Variant::may_detour(source, target, s, t) {
        &Variant::DETOURS
    } else if ls != lt && t > s && !source.connector && !target.connector {
        if last {
            &Variant::SIDEWAYS_OR_AROUND
        } else {
            &Variant::SIDEWAYS_OR_AROUND[..1]
        }
    } else {
        &[]
    }
}

/// The side of lane `from` that faces lane `to`, if they differ.
fn toward(from: usize, to: usize) -> Option<Side> {
    match to.cmp(&from) {
        std::cmp::Ordering::Greater => Some(Side::Right),
        std::cmp::Ordering::Less => Some(Side::Left),
        std::cmp::Ordering::Equal => None,
    }
}

/// The pair of symbol lanes (source, target) of `flow` closest to each
/// other: a connector end's own lane, else any lane of its row.
fn flow_lanes(rows: &[RouteRow], flow: &RouteFlow) -> (usize, usize) {
    let from = flow
        .from_lane
        .as_ref()
        .map_or(&rows[flow.from].lanes[..], std::slice::from_ref);
    let to = flow
        .to_lane
        .as_ref()
        .map_or(&rows[flow.to].lanes[..], std::slice::from_ref);
    nearest_lanes(from, to)
}

/// The pair of lanes, one from each list, closest to each other.
pub(crate) fn nearest_lanes(from: &[usize], to: &[usize]) -> (usize, usize) {
    let mut best = (usize::MAX, 0, 0);
    for &a in from {
        for &b in to {
            if a.abs_diff(b) < best.0 {
                best = (a.abs_diff(b), a, b);
            }
        }
    }
    (best.1, best.2)
}

mod tracks;
pub(crate) use tracks::lane_tracks;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod variant_tests;
