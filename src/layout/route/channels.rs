//! Channel tracks: each net (the arrows into one target port) joins or
//! opens an interval of its channel while routing; then every net gets a
//! track like a channel router's left-edge algorithm, shortest nets
//! innermost so that nested loops do not cross. Where two nets overlap
//! without nesting, they cross once whichever is inside; the one leaving
//! a decision's side (its label beside the exit) then goes inside, so
//! that no other arrow runs between the label and its own line.

use super::{BOTTOM, MID, Router, Side, TOP, Waypoint, X, Y, slot};
use std::collections::BTreeMap;

/// A channel interval: all arrows of one net in one channel.
#[derive(Debug, Clone)]
pub(super) struct Net {
    lo: usize,
    hi: usize,
}

impl Router<'_> {
    /// Joins (or opens) the net of target port `key` in `channel` over slots `a..=b`.
    pub(super) fn channel(
        &mut self,
        lane: usize,
        side: Side,
        a: usize,
        b: usize,
        key: (usize, usize),
    ) -> X {
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

    /// Gives every net a track: shortest nets innermost, each on the
    /// innermost track where it overlaps no other net.
    pub(super) fn assign_tracks(&mut self, paths: &mut [Vec<Waypoint>]) {
        let stubs = self.stubs(paths);
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
            if let Some(stubs) = stubs
                .get(&channel)
                .filter(|s| s.iter().any(|s| s.side_exit))
            {
                inside_for_labels(nets, stubs, &mut tracks, &mut assigned);
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

/// Where a net's arrows join or leave its track: the slot, toward the
/// lane's axis or away from it, and whether it is a decision's side exit.
#[derive(Debug, Clone, Copy)]
struct Stub {
    net: usize,
    slot: usize,
    inward: bool,
    side_exit: bool,
}

impl Router<'_> {
    /// The stubs of every net, by channel: none where no arrow leaves a
    /// decision's side into a channel (nothing to swap for).
    fn stubs(&self, paths: &[Vec<Waypoint>]) -> BTreeMap<usize, Vec<Stub>> {
        let mut out: BTreeMap<usize, Vec<Stub>> = BTreeMap::new();
        let side_exit = |path: &[Waypoint]| match (path.first(), path.get(1)) {
            (Some(edge), Some(track)) => {
                self.rows[edge.row].outcomes
                    && matches!((edge.x, track.x), (X::Edge(l, _, s), X::Track(lane, side, _)) if l == lane && s == side)
            }
            _ => false,
        };
        if !paths.iter().any(|p| side_exit(p)) {
            return out;
        }
        for path in paths {
            for (i, w) in path.iter().enumerate() {
                let X::Track(lane, side, net) = w.x else {
                    continue;
                };
                let neighbours = [i.checked_sub(1), Some(i + 1)];
                for other in neighbours.into_iter().flatten().filter_map(|k| path.get(k)) {
                    if matches!(other.x, X::Track(..)) || other.row != w.row || other.y != w.y {
                        continue;
                    }
                    let toward = other.x.lane().cmp(&lane);
                    let inward = match side {
                        Side::Left => toward.is_ge(),
                        Side::Right => toward.is_le(),
                    };
                    let side_exit = i == 1 && side_exit(path);
                    out.entry(lane * 2 + side as usize).or_default().push(Stub {
                        net,
                        slot: slot(w.row, part(w.y)),
                        inward,
                        side_exit,
                    });
                }
            }
        }
        out
    }
}

/// The part of its row (top gap, band, bottom gap) a height lies in.
fn part(y: Y) -> usize {
    match y {
        Y::BusAbove
        | Y::BusAboveInner
        | Y::BusAboveOuter
        | Y::SymbolTop
        | Y::UpperEdge
        | Y::OutlineAbove => TOP,
        Y::BusBelow | Y::SymbolBottom => BOTTOM,
        Y::Mid | Y::LowerEdge(_) => MID,
    }
}

/// Swaps a net leaving a decision's side with the net on the next track
/// inside it, where that one runs past the exit and the two overlap
/// without nesting: both still fit, and they cross no more often.
fn inside_for_labels(
    nets: &[Net],
    stubs: &[Stub],
    tracks: &mut [BTreeMap<usize, usize>],
    assigned: &mut [usize],
) {
    let net_at = |tracks: &[BTreeMap<usize, usize>], track: usize, at: usize| {
        let (&lo, &hi) = tracks[track].range(..=at).next_back()?;
        (hi >= at).then_some((lo, hi))
    };
    let crossings = |a: usize, ta: usize, b: usize, tb: usize| {
        stubs
            .iter()
            .filter(|s| s.net == a || s.net == b)
            .filter(|s| {
                let (other, mine, theirs) = if s.net == a { (b, ta, tb) } else { (a, tb, ta) };
                let Net { lo, hi } = nets[other];
                lo < s.slot && s.slot < hi && (s.inward == (theirs < mine))
            })
            .count()
    };
    for exit in stubs.iter().filter(|s| s.side_exit) {
        let a = exit.net;
        let ta = assigned[a];
        let Some(tb) = ta.checked_sub(1) else {
            continue;
        };
        let Some((lo, hi)) = net_at(tracks, tb, exit.slot) else {
            continue;
        };
        let Some(b) = (0..nets.len()).find(|&n| assigned[n] == tb && nets[n].lo == lo) else {
            continue;
        };
        let (na, nb) = (&nets[a], &nets[b]);
        let nested = (na.lo <= nb.lo && nb.hi <= na.hi) || (nb.lo <= na.lo && na.hi <= nb.hi);
        if nested || !(lo < exit.slot && exit.slot < hi) {
            continue;
        }
        // Each fits where the other was, with the other taken away.
        let fits = |track: &BTreeMap<usize, usize>, skip: usize, net: &Net| {
            track
                .range(..=net.hi)
                .rfind(|&(&l, _)| l != skip)
                .is_none_or(|(_, &end)| end < net.lo)
        };
        if !(fits(&tracks[tb], nb.lo, na) && fits(&tracks[ta], na.lo, nb))
            || crossings(a, tb, b, ta) > crossings(a, ta, b, tb)
        {
            continue;
        }
        tracks[tb].remove(&nb.lo);
        tracks[ta].remove(&na.lo);
        tracks[tb].insert(na.lo, na.hi);
        tracks[ta].insert(nb.lo, nb.hi);
        assigned[a] = tb;
        assigned[b] = ta;
    }
}
