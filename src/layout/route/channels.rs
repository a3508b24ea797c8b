//! Channel tracks: each net (the arrows into one target port) joins or
//! opens an interval of its channel while routing; then every net gets a
//! track like a channel router's left-edge algorithm, shortest nets
//! innermost so that nested loops do not cross.

use super::{Router, Side, Waypoint, X};
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
