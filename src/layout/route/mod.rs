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
//! innermost so that nested loops do not cross. Geometry comes later
//! ([`super::place`]): routing decides topology only, which is why widths
//! and heights can follow from the tracks it needs.

use crate::hash::FastMap;
use std::collections::BTreeMap;

/// Left or right side of a symbol or lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Side {
    Left = 0,
    Right = 1,
}

impl Side {
    fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// Where an off-page connector stands in its lane when a band row holds
/// several in one lane: on the axis, or beside it (reached from its outer
/// side through that side's channel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Slot {
    #[default]
    Centre,
    Left,
    Right,
}

impl Slot {
    /// The outer side of a connector beside the axis.
    pub fn side(self) -> Option<Side> {
        match self {
            Slot::Centre => None,
            Slot::Left => Some(Side::Left),
            Slot::Right => Some(Side::Right),
        }
    }
}

/// A row as the router sees it.
#[derive(Debug, Clone)]
pub(crate) struct RouteRow {
    /// Lanes holding a symbol of this row, ascending.
    pub lanes: Vec<usize>,
    /// A decision: its main outcome leaves the bottom, the others a side.
    pub decision: bool,
    /// A band of off-page connectors (one arrow each): arrows enter them
    /// from the top or the side and leave from the bottom tip or the side,
    /// never through a gap bus, which they could not share.
    pub connector: bool,
    /// Slot of each symbol of a connector band (empty: all on the axis).
    pub slots: Vec<Slot>,
}

impl RouteRow {
    /// The slot of the row's `k`-th symbol.
    pub fn slot(&self, k: usize) -> Slot {
        self.slots.get(k).copied().unwrap_or_default()
    }
}

/// An arrow between two rows of the page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RouteFlow {
    pub from: usize,
    pub to: usize,
    /// The source's main outcome.
    pub main: bool,
    /// Leave from the bottom only (its label needs the zone there).
    pub bottom_only: bool,
    /// The connector's lane, when an end is an off-page connector (a band
    /// row holds several).
    pub from_lane: Option<usize>,
    pub to_lane: Option<usize>,
    /// The connector's slot at each end.
    pub from_slot: Slot,
    pub to_slot: Slot,
}

impl RouteFlow {
    /// An arrow between two activity rows.
    pub fn between(from: usize, to: usize, main: bool) -> Self {
        Self {
            from,
            to,
            main,
            bottom_only: false,
            from_lane: None,
            to_lane: None,
            from_slot: Slot::Centre,
            to_slot: Slot::Centre,
        }
    }
}

/// Horizontal position of a waypoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum X {
    /// The lane's centre line.
    Axis(usize),
    /// The side edge of the row's symbol in that lane and slot.
    Edge(usize, Slot, Side),
    /// Track `track` of a lane's channel.
    Track(usize, Side, usize),
}

/// Vertical position of a waypoint within its row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Y {
    Mid,
    SymbolTop,
    SymbolBottom,
    /// The row's bus in its bottom gap (its outgoing arrows).
    BusBelow,
    /// The row's bus in its top gap (its incoming arrows).
    BusAbove,
}

/// One corner of a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Waypoint {
    pub x: X,
    pub row: usize,
    pub y: Y,
}

/// The routes of one page.
#[derive(Debug, Clone)]
pub(crate) struct Routes {
    /// One path per flow, in flow order.
    pub paths: Vec<Vec<Waypoint>>,
    /// Tracks used per channel: index `lane * 2 + side`.
    pub tracks: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PortUse {
    Free,
    Exit,
    Entry,
    Blocked,
}

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
    for (flow, &(ls, lt)) in flows.iter().zip(&ends) {
        if flow.to < flow.from {
            router.reserve_loop_entry(flow, ls, lt);
        }
    }
    let mut paths = Vec::with_capacity(flows.len());
    for (flow, &(ls, lt)) in flows.iter().zip(&ends) {
        paths.push(router.route_flow(flow, ls, lt));
    }
    router.assign_tracks(&mut paths);
    Routes {
        paths,
        tracks: router.track_counts,
    }
}

/// A channel interval: all arrows of one net in one channel.
#[derive(Debug, Clone)]
struct Net {
    lo: usize,
    hi: usize,
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
        }
    }

    /// The pair of symbol lanes (source, target) closest to each other.
    fn lanes_of(&self, flow: &RouteFlow) -> (usize, usize) {
        let from = flow
            .from_lane
            .as_ref()
            .map_or(&self.rows[flow.from].lanes[..], std::slice::from_ref);
        let to = flow
            .to_lane
            .as_ref()
            .map_or(&self.rows[flow.to].lanes[..], std::slice::from_ref);
        nearest_lanes(from, to)
    }

    fn port(&mut self, row: usize, lane: usize, slot: Slot, side: Side) -> &mut PortUse {
        let r = &self.rows[row];
        let k = (0..r.lanes.len())
            .find(|&k| r.lanes[k] == lane && r.slot(k) == slot)
            .unwrap_or(0);
        &mut self.ports[self.first_symbol[row] + k][side as usize]
    }

    fn usable(
        &mut self,
        row: usize,
        (lane, slot): (usize, Slot),
        side: Side,
        want: PortUse,
    ) -> bool {
        let state = *self.port(row, lane, slot, side);
        state == PortUse::Free || state == want
    }

    fn take(&mut self, row: usize, (lane, slot): (usize, Slot), side: Side, want: PortUse) {
        *self.port(row, lane, slot, side) = want;
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

    fn reserve_loop_entry(&mut self, flow: &RouteFlow, ls: usize, lt: usize) {
        let side = toward(lt, ls).unwrap_or_else(|| self.same_lane_side(flow, lt));
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

    /// Joins (or opens) the net of target port `key` in `channel` over slots `a..=b`.
    fn channel(&mut self, lane: usize, side: Side, a: usize, b: usize, key: (usize, usize)) -> X {
        let channel = lane * 2 + side as usize;
        let (lo, hi) = (a.min(b), a.max(b));
        let net = *self
            .net_of
            .entry((channel, key.0, key.1))
            .or_insert_with(|| {
                self.nets[channel].push(Net { lo, hi });
                self.nets[channel].len() - 1
            });
        let n = &mut self.nets[channel][net];
        n.lo = n.lo.min(lo);
        n.hi = n.hi.max(hi);
        X::Track(lane, side, net)
    }

    fn route_flow(&mut self, flow: &RouteFlow, ls: usize, lt: usize) -> Vec<Waypoint> {
        let (s, t) = (flow.from, flow.to);
        let (source, target) = ((ls, flow.from_slot), (lt, flow.to_slot));
        let row = &self.rows[s];
        let down = t > s;
        let facing = toward(ls, lt);
        let wp = |x, row, y| Waypoint { x, row, y };
        // A connector beside the axis is reached only through its outer side.
        let beside = flow.from_slot.side().or(flow.to_slot.side());

        // Downward arrows: straight drop, L from the side, or Z through the bus.
        if down && beside.is_none() {
            let side_first = row.decision && !flow.main && !flow.bottom_only;
            if !side_first && ls == lt && self.axis_free(ls, slot(s, BOTTOM), slot(t, TOP), s, t) {
                self.occupy_axis(ls, slot(s, BOTTOM), slot(t, TOP), s, t);
                return vec![
                    wp(X::Axis(ls), s, Y::SymbolBottom),
                    wp(X::Axis(lt), t, Y::SymbolTop),
                ];
            }
            if let Some(side) = facing {
                let l_shape = (side_first || !row.decision)
                    && !flow.bottom_only
                    && self.usable(s, source, side, PortUse::Exit)
                    && self.axis_free(lt, slot(s, MID), slot(t, TOP), s, t);
                if l_shape {
                    self.take(s, source, side, PortUse::Exit);
                    self.occupy_axis(lt, slot(s, MID), slot(t, TOP), s, t);
                    let path = vec![
                        wp(X::Edge(ls, flow.from_slot, side), s, Y::Mid),
                        wp(X::Axis(lt), s, Y::Mid),
                        wp(X::Axis(lt), t, Y::SymbolTop),
                    ];
                    return path;
                }
                if !side_first
                    && !row.connector
                    && self.axis_free(lt, slot(s, BOTTOM), slot(t, TOP), s, t)
                {
                    self.occupy_axis(ls, slot(s, BOTTOM), slot(s, BOTTOM), s, t);
                    self.occupy_axis(lt, slot(s, BOTTOM), slot(t, TOP), s, t);
                    let path = vec![
                        wp(X::Axis(ls), s, Y::SymbolBottom),
                        wp(X::Axis(ls), s, Y::BusBelow),
                        wp(X::Axis(lt), s, Y::BusBelow),
                        wp(X::Axis(lt), t, Y::SymbolTop),
                    ];
                    return path;
                }
            }
        }

        // Everything else runs in a channel of the target's lane.
        let preferred = beside
            .or(facing)
            .unwrap_or_else(|| self.same_lane_side(flow, ls));
        let wants_side =
            !flow.bottom_only && (!down || (row.decision && !flow.main) || row.connector);
        let choices = if beside.is_some() || ls != lt { 1 } else { 2 };
        let exit_side = [preferred, preferred.other()]
            .into_iter()
            .take(choices)
            .find(|&side| wants_side && self.usable(s, source, side, PortUse::Exit));
        let mut path = Vec::with_capacity(6);
        let (channel_side, start) = match exit_side {
            Some(side) => {
                self.take(s, source, side, PortUse::Exit);
                path.push(wp(X::Edge(ls, flow.from_slot, side), s, Y::Mid));
                (
                    if ls == lt { side } else { preferred.other() },
                    slot(s, MID),
                )
            }
            None => {
                self.occupy_axis(ls, slot(s, BOTTOM), slot(s, BOTTOM), s, t);
                path.push(wp(X::Axis(ls), s, Y::SymbolBottom));
                path.push(wp(X::Axis(ls), s, Y::BusBelow));
                let side = if let Some(side) = flow.to_slot.side() {
                    side
                } else if ls == lt {
                    [preferred, preferred.other()]
                        .into_iter()
                        .find(|&x| self.usable(t, target, x, PortUse::Entry))
                        .unwrap_or(preferred)
                } else {
                    preferred.other()
                };
                (side, slot(s, BOTTOM))
            }
        };
        let start_y = if exit_side.is_some() {
            Y::Mid
        } else {
            Y::BusBelow
        };
        if self.usable(t, target, channel_side, PortUse::Entry) {
            self.take(t, target, channel_side, PortUse::Entry);
            let x = self.channel(
                lt,
                channel_side,
                start,
                slot(t, MID),
                (t, channel_side as usize),
            );
            path.push(wp(x, s, start_y));
            path.push(wp(x, t, Y::Mid));
            path.push(wp(X::Edge(lt, flow.to_slot, channel_side), t, Y::Mid));
        } else {
            let x = self.channel(lt, channel_side, start, slot(t, TOP), (t, 2));
            self.occupy_axis(lt, slot(t, TOP), slot(t, TOP), s, t);
            path.push(wp(x, s, start_y));
            path.push(wp(x, t, Y::BusAbove));
            path.push(wp(X::Axis(lt), t, Y::BusAbove));
            path.push(wp(X::Axis(lt), t, Y::SymbolTop));
        }
        path
    }

    /// Gives every net a track: shortest nets innermost, each on the
    /// innermost track where it overlaps no other net.
    fn assign_tracks(&mut self, paths: &mut [Vec<Waypoint>]) {
        let mut track_of: Vec<Vec<usize>> = Vec::with_capacity(self.nets.len());
        for (channel, nets) in self.nets.iter().enumerate() {
            let mut order: Vec<usize> = (0..nets.len()).collect();
            order.sort_by_key(|&n| (nets[n].hi - nets[n].lo, nets[n].lo, n));
            let mut tracks: Vec<BTreeMap<usize, usize>> = Vec::new();
            let mut assigned = vec![0; nets.len()];
            for n in order {
                let Net { lo, hi } = nets[n];
                // Intervals on a track are disjoint: only the last one starting
                // at or before `hi` can reach into `lo..=hi`.
                let fits = |track: &BTreeMap<usize, usize>| {
                    track
                        .range(..=hi)
                        .next_back()
                        .is_none_or(|(_, &end)| end < lo)
                };
                let index = match tracks.iter().position(fits) {
                    Some(i) => i,
                    None => {
                        tracks.push(BTreeMap::new());
                        tracks.len() - 1
                    }
                };
                tracks[index].insert(lo, hi);
                assigned[n] = index;
            }
            self.track_counts[channel] = tracks.len();
            track_of.push(assigned);
        }
        for path in paths.iter_mut() {
            for point in path.iter_mut() {
                if let X::Track(lane, side, net) = point.x {
                    point.x = X::Track(lane, side, track_of[lane * 2 + side as usize][net]);
                }
            }
        }
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
