//! Phase 6, the numbers of off-page connector pairs: each band of
//! connectors reads in number order from left to right. A band at a
//! page's foot always does (its pairs are numbered page by page, by
//! source lane); a band at a page's head, where arrows from several pages
//! arrive, does whenever that order allows it (a pair whose arrows swap
//! lanes between the pages cannot satisfy both bands; the foot wins, and
//! the head puts them in band rows of their own, [`super::head_rows`]).
//!
//! In: each cut arrow's source and target page and lanes. Out: the cut
//! arrows in number order. A topological order of "stands left of"
//! constraints, smallest natural key first: O(c log c) for c pairs.

use std::collections::{BTreeMap, BTreeSet};

/// A cut arrow as the numbering sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cut {
    /// The flow's index, the last tie-breaker.
    pub flow: usize,
    /// Page of the source (its connector stands at this page's foot).
    pub from_page: usize,
    /// Page of the target (its connector stands at this page's head).
    pub to_page: usize,
    /// Lane of the connector at the foot.
    pub from_lane: usize,
    /// Lane of the connector at the head.
    pub to_lane: usize,
}

/// The cuts in number order (indices into `cuts`).
pub(crate) fn numbered(cuts: &[Cut]) -> Vec<usize> {
    let key = |k: usize| {
        let c = &cuts[k];
        (c.from_page, c.from_lane, c.flow)
    };
    // Hard edges: foot bands, always consistent with the natural key.
    // Soft edges: head bands, dropped where they would close a cycle.
    let mut hard: Vec<Vec<usize>> = vec![Vec::new(); cuts.len()];
    let mut soft: Vec<Vec<usize>> = vec![Vec::new(); cuts.len()];
    let foot = bands(cuts, |c| (c.from_page, c.from_lane));
    let head = bands(cuts, |c| (c.to_page, c.to_lane));
    for (edges, groups) in [(&mut hard, foot), (&mut soft, head)] {
        for lanes in groups.values() {
            for pair in lanes.windows(2) {
                for &a in &pair[0] {
                    edges[a].extend(pair[1].iter().copied());
                }
            }
        }
    }
    let mut waiting_hard = vec![0usize; cuts.len()];
    let mut waiting_soft = vec![0usize; cuts.len()];
    for k in 0..cuts.len() {
        for &b in &hard[k] {
            waiting_hard[b] += 1;
        }
        for &b in &soft[k] {
            waiting_soft[b] += 1;
        }
    }
    let mut remaining: BTreeSet<_> = (0..cuts.len()).map(|k| (key(k), k)).collect();
    let mut ready: BTreeSet<_> = (0..cuts.len())
        .filter(|&k| waiting_hard[k] == 0 && waiting_soft[k] == 0)
        .map(|k| (key(k), k))
        .collect();
    let mut order = Vec::with_capacity(cuts.len());
    while let Some(&(_, k)) = ready.first().or_else(|| remaining.first()) {
        // Stalled on a cycle of head-band constraints: the smallest
        // remaining cut waits on none of the foot's (those follow the key).
        ready.remove(&(key(k), k));
        remaining.remove(&(key(k), k));
        order.push(k);
        for (edges, waiting) in [(&hard, &mut waiting_hard), (&soft, &mut waiting_soft)] {
            for &b in &edges[k] {
                waiting[b] = waiting[b].saturating_sub(1);
            }
        }
        for &b in hard[k].iter().chain(&soft[k]) {
            if waiting_hard[b] == 0 && waiting_soft[b] == 0 && remaining.contains(&(key(b), b)) {
                ready.insert((key(b), b));
            }
        }
    }
    order
}

/// Per band (a page), the cuts in each of its lanes, lanes left to right.
fn bands(cuts: &[Cut], at: impl Fn(&Cut) -> (usize, usize)) -> BTreeMap<usize, Vec<Vec<usize>>> {
    let mut by_lane: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, c) in cuts.iter().enumerate() {
        by_lane.entry(at(c)).or_default().push(k);
    }
    let mut out: BTreeMap<usize, Vec<Vec<usize>>> = BTreeMap::new();
    for ((page, _), ks) in by_lane {
        out.entry(page).or_default().push(ks);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(flow: usize, pages: (usize, usize), lanes: (usize, usize)) -> Cut {
        Cut {
            flow,
            from_page: pages.0,
            to_page: pages.1,
            from_lane: lanes.0,
            to_lane: lanes.1,
        }
    }

    #[test]
    fn a_head_band_of_arrows_from_two_pages_reads_in_order() {
        // Page 0 sends a jump to page 2 (lane 3); page 1 sends one to
        // page 2 too (lane 0). By source page the jump would be 1 and
        // stand right of 2; numbered for the head band it stands left of
        // a larger number.
        let cuts = [cut(0, (0, 2), (0, 3)), cut(1, (1, 2), (0, 0))];
        assert_eq!(numbered(&cuts), vec![1, 0]);
    }

    #[test]
    fn the_foot_wins_where_arrows_swap_lanes_between_pages() {
        // Left at the foot, right at the head, and the other way round.
        let cuts = [cut(0, (0, 1), (0, 1)), cut(1, (0, 1), (1, 0))];
        assert_eq!(numbered(&cuts), vec![0, 1]);
    }

    #[test]
    fn without_constraints_the_order_is_by_page_lane_and_flow() {
        let cuts = [
            cut(5, (1, 2), (0, 0)),
            cut(2, (0, 1), (2, 2)),
            cut(9, (0, 3), (1, 1)),
        ];
        assert_eq!(numbered(&cuts), vec![2, 1, 0]);
    }
}
