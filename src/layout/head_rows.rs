//! The band rows at a page's head. Each incoming off-page connector
//! stands in its target's lane, and arrows from several pages (or from
//! lanes in another order at the foot of the page before) arrive there,
//! so one row of them need not read in number order from left to right.
//! They are split into as few band rows as keep every row in order, at
//! most [`CONNECTORS_PER_LANE`] of them side by side in a lane.
//!
//! Pagination (phase 5) counts the rows before the connectors are
//! numbered ([`estimated_rows`]); the plan (phase 6) splits them by their
//! numbers and keeps to the rows pagination left room for.

use super::dims::CONNECTORS_PER_LANE;

/// The band row of each connector, given as (lane, number key): the
/// connectors are taken lane by lane from left to right, each into the
/// row whose last key is the greatest not above its own (patience
/// sorting: as few rows as the order needs), unless its lane holds
/// [`CONNECTORS_PER_LANE`] there already. Rows are numbered from the top.
pub(crate) fn ordered_rows<K: Ord + Copy>(connectors: &[(usize, K)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..connectors.len()).collect();
    order.sort_unstable_by_key(|&i| connectors[i]);
    // Per row: its last key, the lane of that key and how many of the
    // row stand in that lane.
    let mut rows: Vec<(K, usize, usize)> = Vec::new();
    let mut row_of = vec![0; connectors.len()];
    for i in order {
        let (lane, key) = connectors[i];
        let fits = |&(last, at, count): &(K, usize, usize)| {
            last <= key && (at != lane || count < CONNECTORS_PER_LANE)
        };
        let best = (0..rows.len())
            .filter(|&r| fits(&rows[r]))
            .max_by_key(|&r| rows[r].0);
        let r = best.unwrap_or_else(|| {
            rows.push((key, lane, 0));
            rows.len() - 1
        });
        let (_, at, count) = rows[r];
        rows[r] = (key, lane, if at == lane { count + 1 } else { 1 });
        row_of[i] = r;
    }
    row_of
}

/// How many band rows [`ordered_rows`] needs.
pub(crate) fn row_count<K: Ord + Copy>(connectors: &[(usize, K)]) -> usize {
    ordered_rows(connectors)
        .into_iter()
        .max()
        .map_or(0, |r| r + 1)
}

/// The band rows pagination counts for a page's head before the pairs
/// are numbered: the numbering keeps the foot of each page in order by
/// lane, so two arrows from one earlier page whose lanes swap between
/// its foot and this head cannot share a head row; arrows from different
/// pages (and loops back from later ones, whose pages are not known yet)
/// it numbers to fit in. Given the incoming connectors as (target lane,
/// source lane, the first row of the source's page when it is an
/// earlier page): the rows the arrows of any one earlier page need in
/// source-lane order (arrows from one source lane the numbering orders
/// as the head needs), or each lane's three to a row, whichever is more.
/// Sorts `connectors` on the way.
pub(crate) fn estimated_rows(connectors: &mut [(usize, usize, Option<usize>)]) -> usize {
    if connectors.len() < 2 {
        return connectors.len();
    }
    connectors.sort_unstable_by_key(|&(lane, _, _)| lane);
    let fewest = connectors
        .chunk_by(|a, b| a.0 == b.0)
        .map(|lane| lane.len().div_ceil(CONNECTORS_PER_LANE))
        .max()
        .unwrap_or(0);
    connectors.sort_unstable_by_key(|&(lane, source_lane, page)| (page, lane, source_lane));
    connectors
        .chunk_by(|a, b| a.2 == b.2)
        .filter(|page| page.len() > 1 && page[0].2.is_some())
        .map(|page| {
            let keyed: Vec<(usize, usize)> = page
                .iter()
                .map(|&(lane, source_lane, _)| (lane, source_lane))
                .collect();
            row_count(&keyed)
        })
        .fold(fewest, usize::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectors_in_number_order_share_one_row() {
        assert_eq!(ordered_rows(&[(0, 1), (2, 2), (2, 3), (5, 4)]), [0; 4]);
    }

    #[test]
    fn a_connector_out_of_order_takes_a_row_of_its_own() {
        // Lane 3 holds 12, lane 4 holds 11 and 13: 12 left of 11 would
        // read backwards.
        let rows = ordered_rows(&[(3, 12), (4, 11), (4, 13)]);
        assert_eq!(rows, [0, 1, 0]);
        for row in 0..2 {
            let mut keys: Vec<(usize, u32)> = [(3, 12), (4, 11), (4, 13)]
                .into_iter()
                .zip(&rows)
                .filter(|&(_, &r)| r == row)
                .map(|(c, _)| c)
                .collect();
            let read = keys.clone();
            keys.sort_by_key(|&(_, k)| k);
            assert_eq!(read, keys, "row {row} reads in order");
        }
    }

    #[test]
    fn a_lane_holds_three_side_by_side_in_a_row() {
        let four: Vec<(usize, u32)> = (0..4).map(|k| (1, k)).collect();
        assert_eq!(ordered_rows(&four), [0, 0, 0, 1]);
        assert_eq!(row_count(&four), 2);
        assert_eq!(row_count::<u32>(&[]), 0);
    }

    #[test]
    fn the_estimate_counts_swapped_lanes_from_one_earlier_page() {
        // From one page, lanes 0 and 1 arrive in lanes 1 and 0.
        let swapped = [(1, 0, Some(4)), (0, 1, Some(4))];
        assert_eq!(estimated_rows(&mut swapped.clone()), 2);
        // From two pages, or a later one, or from one source lane, the
        // numbering puts them in order.
        for pages in [(Some(4), Some(9)), (None, Some(4))] {
            let apart = [(1, 0, pages.0), (0, 1, pages.1)];
            assert_eq!(estimated_rows(&mut apart.clone()), 1);
        }
        let one_lane = [(1, 3, Some(4)), (0, 3, Some(4))];
        assert_eq!(estimated_rows(&mut one_lane.clone()), 1);
        // Four in one lane take two rows.
        assert_eq!(estimated_rows(&mut [(2, 0, None); 4]), 2);
    }
}
