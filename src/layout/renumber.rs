//! Phase 7e, renumber: connector numbers reconsidered. The connectors of one lane
//! at a page's foot stand in number order, and the numbering gives them
//! their numbers by their sources' rows only for want of a better key:
//! which of two such connectors an arrow goes to is free. Where the lines
//! of a page cross, two connectors side by side at one foot with
//! consecutive numbers trade their arrows when that leaves the pages they
//! stand on with fewer crossings and nothing worse: a line that had to
//! cross another on its way to the connector on one side then reaches the
//! one on its own side.
//!
//! In: the drawn pages and the [`Plan`] they were drawn from. Out: the
//! plan with the traded pairs and their pages drawn again. Linear in
//! practice: only pages with crossings are looked at, and each trade
//! draws at most three pages again.

use super::measure::MeasuredRow;
use super::pages::{PageNumbers, Taken, lay_out_page};
use super::plan::Plan;
use super::quality;
use super::table::Table;
use super::types::Page;

/// What a trade must not make worse, page by page: crossings first, then
/// the other faults untangle avoids, then labels left out, then height.
#[derive(Debug, Clone, Copy, Default)]
struct Faults {
    crossings: usize,
    others: usize,
    labels: usize,
}

impl Faults {
    fn of(page: &Page) -> Faults {
        let flows = &page.flows;
        Faults {
            crossings: quality::crossings(flows).len(),
            others: quality::pass_throughs(flows).len()
                + quality::joint_crossings(flows, &page.joints).count()
                + quality::connector_merges(flows, |f| quality::from_incoming(page, f)).len(),
            labels: flows.iter().filter(|f| f.label.is_some()).count(),
        }
    }

    fn add(self, other: Faults) -> Faults {
        Faults {
            crossings: self.crossings + other.crossings,
            others: self.others + other.others,
            labels: self.labels + other.labels,
        }
    }
}

/// Trades the arrows of pairs of connectors where that draws fewer
/// crossings (see the module's text), page by page in order.
pub(crate) fn swap_where_lines_cross(
    table: &Table<'_>,
    (plan, numbers): (&mut Plan, &PageNumbers),
    measured: &mut [MeasuredRow],
    pages: &mut [Page],
    taken: &mut Taken,
) {
    let procedure = table.procedure;
    let lanes = procedure.lanes.len();
    for p in 0..pages.len() {
        if quality::crossings(&pages[p].flows).is_empty() {
            continue;
        }
        let mut candidates: Vec<usize> = plan
            .pairs_on(p)
            .flat_map(|k| [k.checked_sub(1), Some(k)])
            .flatten()
            .filter(|&a| plan.may_swap(procedure, a))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for a in candidates {
            if quality::crossings(&pages[p].flows).is_empty() {
                break;
            }
            let mut affected: Vec<usize> = [a, a + 1]
                .into_iter()
                .flat_map(|k| {
                    let (foot, head) = plan.pages_of(procedure, k);
                    [foot, head]
                })
                .collect();
            affected.sort_unstable();
            affected.dedup();
            let before = affected
                .iter()
                .fold(Faults::default(), |sum, &q| sum.add(Faults::of(&pages[q])));
            plan.swap(procedure, a);
            let mut used = Taken::new(lanes);
            let redrawn: Vec<Page> = affected
                .iter()
                .map(|&q| lay_out_page(table, (plan, numbers), (measured, 0), q, &mut used))
                .collect();
            let after = redrawn
                .iter()
                .fold(Faults::default(), |sum, page| sum.add(Faults::of(page)));
            let no_taller = affected
                .iter()
                .zip(&redrawn)
                .all(|(&q, page)| page.table.height <= pages[q].table.height + 0.01);
            let better = after.crossings < before.crossings
                && after.others <= before.others
                && after.labels >= before.labels
                && no_taller;
            if better {
                for (&q, page) in affected.iter().zip(redrawn) {
                    pages[q] = page;
                }
                taken.add(used);
            } else {
                plan.swap(procedure, a);
            }
        }
    }
}
