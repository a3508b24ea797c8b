//! Phase 7e, renumber: connector numbers reconsidered. The connectors of
//! one lane at a page's foot stand in number order, and the numbering gives them
//! their numbers by their sources' rows only for want of a better key:
//! which of two such connectors an arrow goes to is free. Where the lines
//! of a page cross, two connectors side by side at one foot with
//! consecutive numbers trade their arrows when that leaves the pages they
//! stand on with fewer crossings and nothing worse: a line that had to
//! cross another on its way to the connector on one side then reaches the
//! one on its own side (at their head too, where one lane holds both).
//! Three side by side at a foot also try the reverse order of their
//! arrows (a line may have to pass both others; the other orders of
//! three spared next to nothing more, at three times the trials).
//!
//! In: the drawn pages and the [`Plan`] they were drawn from. Out: the
//! plan with the traded pairs and their pages drawn again. Linear in
//! practice: only pages with crossings are looked at, each trade tried
//! draws the one or two pages where its connectors move again, and one
//! made redraws the pages that show the other numbers.

use super::measure::MeasuredRow;
use super::pages::{PageNumbers, Taken, lay_out_page};
use super::plan::Plan;
use super::quality;
use super::table::Table;
use super::types::Page;
use crate::procedure::Procedure;

/// What a trade is judged by on the pages it draws again: fewer
/// crossings, no more of the other faults untangle avoids, and no fewer
/// labels printed.
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
    for p in 0..pages.len() {
        let mut crossed = true;
        for trade in trades_to_try(plan, procedure, p, &pages[p]) {
            if !crossed {
                break;
            }
            // A trade moves its connectors at their foot, and at a head
            // that holds two of them; elsewhere each head only shows
            // another number. The page with the crossing goes first:
            // most trades that do not help show there.
            let (first, last) = (trade.iter().min(), trade.iter().max());
            let (Some(&first), Some(&last)) = (first, last) else {
                continue;
            };
            let group: Vec<usize> = (first..=last + 1).collect();
            let heads: Vec<usize> = group
                .iter()
                .map(|&k| plan.pages_of(procedure, k).1)
                .collect();
            let shared = |q: &usize| heads.iter().filter(|&h| h == q).count() > 1;
            let mut moved = vec![plan.pages_of(procedure, first).0];
            moved.extend(heads.iter().copied().filter(shared));
            moved.sort_unstable_by_key(|&q| (q != p, q));
            moved.dedup();
            if !apply(plan, procedure, &trade) {
                continue;
            }
            let Some((redrawn, used)) =
                redrawn_if_better(table, (plan, numbers), measured, pages, &moved)
            else {
                undo(plan, procedure, &trade);
                continue;
            };
            for (&q, page) in moved.iter().zip(redrawn) {
                pages[q] = page;
            }
            taken.add(used);
            let mut relabelled: Vec<usize> =
                heads.into_iter().filter(|q| !moved.contains(q)).collect();
            relabelled.sort_unstable();
            relabelled.dedup();
            for q in relabelled {
                pages[q] = lay_out_page(table, (plan, numbers), (measured, 0), q, taken);
            }
            crossed = !quality::crossings(&pages[p].flows).is_empty();
        }
    }
}

/// Makes the swaps of `trade` in order (each of pairs `a` and `a + 1`),
/// when each may be made; else makes none. Returns whether it made them.
fn apply(plan: &mut Plan, procedure: &Procedure, trade: &[usize]) -> bool {
    for (done, &a) in trade.iter().enumerate() {
        if !plan.may_swap(procedure, a) {
            undo(plan, procedure, &trade[..done]);
            return false;
        }
        plan.swap(procedure, a);
    }
    true
}

/// Takes back the swaps of `trade`, last first.
fn undo(plan: &mut Plan, procedure: &Procedure, trade: &[usize]) {
    for &a in trade.iter().rev() {
        plan.swap(procedure, a);
    }
}

/// The trades that move connectors on page `p`, when it draws crossings,
/// each as the swaps of neighbouring pairs it makes (`a` and `a + 1`):
/// of two pairs side by side at its foot, or at its head in one lane (a
/// trade elsewhere only shows other numbers on `p`), and of three side
/// by side at its foot, the reverse order of the three. Each may take a
/// crossing off: the lines into the connectors, and the arrows kept off
/// their way, change sides.
fn trades_to_try(plan: &Plan, procedure: &Procedure, p: usize, page: &Page) -> Vec<Vec<usize>> {
    if quality::crossings(&page.flows).is_empty() {
        return Vec::new();
    }
    let head = |k: usize| (plan.pages_of(procedure, k).1, plan.pairs[k].to_lane);
    let foot = |k: usize| plan.pages_of(procedure, k).0 == p;
    let mut swaps: Vec<usize> = plan
        .pairs_on(p)
        .flat_map(|k| {
            let beside = |other: usize| foot(k) || head(other) == head(k);
            let before = k.checked_sub(1).filter(|&j| beside(j));
            let after = (k + 1 < plan.pairs.len() && beside(k + 1)).then_some(k);
            [before, after]
        })
        .flatten()
        .filter(|&a| plan.may_swap(procedure, a))
        .collect();
    swaps.sort_unstable();
    swaps.dedup();
    let mut trades: Vec<Vec<usize>> = swaps.iter().map(|&a| vec![a]).collect();
    for pair in swaps.windows(2) {
        let a = pair[0];
        if pair[1] == a + 1 && foot(a) {
            trades.push(vec![a, a + 1, a]);
        }
    }
    trades
}

/// The `affected` pages laid out again (after a trade made in `plan`), with
/// what their arrows take, when together they draw fewer crossings than
/// they do in `pages`, no other fault more, no label fewer and none is
/// taller; else `None`, as soon as a page leaves no room for fewer.
fn redrawn_if_better(
    table: &Table<'_>,
    (plan, numbers): (&Plan, &PageNumbers),
    measured: &mut [MeasuredRow],
    pages: &[Page],
    affected: &[usize],
) -> Option<(Vec<Page>, Taken)> {
    let before = affected
        .iter()
        .fold(Faults::default(), |sum, &q| sum.add(Faults::of(&pages[q])));
    let mut used = Taken::new(table.procedure.lanes.len());
    let mut after = Faults::default();
    let mut redrawn = Vec::with_capacity(affected.len());
    for &q in affected {
        let page = lay_out_page(table, (plan, numbers), (measured, 0), q, &mut used);
        after = after.add(Faults::of(&page));
        if after.crossings >= before.crossings || page.table.height > pages[q].table.height + 0.01 {
            return None;
        }
        redrawn.push(page);
    }
    (after.others <= before.others && after.labels >= before.labels).then_some((redrawn, used))
}
