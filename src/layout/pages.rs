//! Phase 7, the pages: each page placed, routed, untangled and labelled,
//! on one thread or several, then the continuation pages of cut rows in
//! their places. Also reports the channel tracks the pages took, so the
//! driver can widen lanes that ran short.

use super::measure::MeasuredRow;
use super::plan::Plan;
use super::route::raise_to_busier_side;
use super::table::Table;
use super::types::Page;
use super::{label_exits, overflow, place, renumber, untangle};
use crate::text::FontMeasurer;

/// The flowchart pages, and the most channel tracks any of them took on
/// one side of each lane.
pub(crate) struct Drawn {
    /// Every flowchart page, continuation pages in their places.
    pub pages: Vec<Page>,
    /// Per lane: the most tracks on one side, on any page.
    pub tracks: Vec<usize>,
    /// Per lane: whether a decision in it sent an outcome out of another
    /// exit for want of room for its label beside a side vertex, and the
    /// page drew more crossings for it.
    pub label_room: Vec<bool>,
}

/// Phase 7: the pages of `plan` on up to `threads` threads, with the
/// continuation pages of the rows too tall for one.
pub(crate) fn draw_pages(
    table: &Table<'_>,
    plan: &mut Plan,
    continuations: Vec<overflow::Continuation>,
    measured: &mut [MeasuredRow],
    threads: usize,
) -> Drawn {
    let numbers = PageNumbers::new(plan, &continuations);
    let (mut pages, mut taken) = pages_on_threads(table, plan, &numbers, measured, threads);
    renumber::swap_where_lines_cross(table, (plan, &numbers), measured, &mut pages, &mut taken);
    let Taken { tracks, label_room } = taken;
    Drawn {
        pages: with_continuations(table, pages, continuations, numbers.total),
        tracks,
        label_room,
    }
}

/// The number of each planned page and the count of all, continuation
/// pages included.
pub(crate) struct PageNumbers {
    /// 1-based number of each planned page.
    numbers: Vec<usize>,
    /// Every flowchart page.
    total: usize,
}

impl PageNumbers {
    fn new(plan: &Plan, continuations: &[overflow::Continuation]) -> Self {
        let mut rest = continuations.iter().peekable();
        let mut next = 1;
        let numbers = plan
            .pages
            .iter()
            .map(|range| {
                let number = next;
                next += 1;
                if let Some(c) = rest.next_if(|c| range.end == c.step + 1) {
                    next += c.parts.len();
                }
                number
            })
            .collect();
        Self {
            numbers,
            total: next - 1,
        }
    }
}

/// The flowchart pages with the continuation pages of cut rows after the
/// page each ends.
fn with_continuations(
    table: &Table<'_>,
    pages: Vec<Page>,
    continuations: Vec<overflow::Continuation>,
    total: usize,
) -> Vec<Page> {
    if continuations.is_empty() {
        return pages;
    }
    let mut rest = continuations.into_iter().peekable();
    let mut all = Vec::with_capacity(total);
    for page in pages {
        let (number, last) = (page.number, page.rows.last().map(|r| r.step));
        all.push(page);
        if let Some(c) = rest.next_if(|c| Some(c.step) == last) {
            for (k, texts) in c.parts.into_iter().enumerate() {
                all.push(overflow::continuation_page(
                    table,
                    c.step,
                    texts,
                    (number + 1 + k, total),
                ));
            }
        }
    }
    all
}

/// What the arrows of some pages took of their lanes (see [`Drawn`]).
pub(crate) struct Taken {
    tracks: Vec<usize>,
    label_room: Vec<bool>,
}

impl Taken {
    pub(crate) fn new(lanes: usize) -> Self {
        Self {
            tracks: vec![0; lanes],
            label_room: vec![false; lanes],
        }
    }

    pub(crate) fn add(&mut self, other: Taken) {
        for (t, u) in self.tracks.iter_mut().zip(other.tracks) {
            *t = (*t).max(u);
        }
        for (r, o) in self.label_room.iter_mut().zip(other.label_room) {
            *r |= o;
        }
    }
}

/// Phase 7 for pages `range`: place, route, flows, labels. `measured`
/// holds the rows from `first_row` on.
fn lay_out_pages(
    table: &Table<'_>,
    (plan, numbers): (&Plan, &PageNumbers),
    (measured, first_row): (&mut [MeasuredRow], usize),
    range: std::ops::Range<usize>,
) -> (Vec<Page>, Taken) {
    let mut taken = Taken::new(table.procedure.lanes.len());
    let pages = range
        .map(|p| {
            lay_out_page(
                table,
                (plan, numbers),
                (&mut *measured, first_row),
                p,
                &mut taken,
            )
        })
        .collect();
    (pages, taken)
}

/// Phase 7 for page `p`, adding what its arrows take to `taken`.
pub(crate) fn lay_out_page(
    table: &Table<'_>,
    (plan, numbers): (&Plan, &PageNumbers),
    (measured, first_row): (&mut [MeasuredRow], usize),
    p: usize,
    taken: &mut Taken,
) -> Page {
    let pairs = &plan.pairs;
    let mut page_plan = plan.page(table.procedure, p);
    let (mut page, boxes) = place::place_page(
        table,
        (measured, first_row),
        &page_plan,
        pairs,
        (numbers.numbers[p], numbers.total),
    );
    let drawn = untangle::untangled_flows(table, &mut page_plan, (&boxes, &page.joints), pairs);
    let tracks_taken = label_exits::label_page(
        table,
        (&mut page, &mut page_plan),
        (&boxes, pairs),
        drawn,
        &mut taken.label_room,
    );
    raise_to_busier_side(&mut taken.tracks, &tracks_taken);
    page.cells.shrink_to_fit();
    page.symbols.shrink_to_fit();
    page.flows.shrink_to_fit();
    page
}

/// Phase 7 split into consecutive runs of pages, one per thread, each
/// measuring with its own thread's cached measurer; joined in page order.
fn pages_on_threads(
    table: &Table<'_>,
    plan: &Plan,
    numbers: &PageNumbers,
    measured: &mut [MeasuredRow],
    threads: usize,
) -> (Vec<Page>, Taken) {
    let count = plan.pages.len();
    let per_thread = count.div_ceil(threads).max(1);
    if threads <= 1 || count < 2 {
        return lay_out_pages(table, (plan, numbers), (measured, 0), 0..count);
    }
    std::thread::scope(|scope| {
        let mut rest = measured;
        let mut first_row = 0;
        let mut workers = Vec::new();
        for start in (0..count).step_by(per_thread) {
            let end = (start + per_thread).min(count);
            let rows_end = plan.pages[end - 1].end;
            let (mine, others) = std::mem::take(&mut rest).split_at_mut(rows_end - first_row);
            rest = others;
            let offset = first_row;
            first_row = rows_end;
            let shared = *table;
            workers.push(scope.spawn(move || {
                FontMeasurer::with_thread_local(|measurer| {
                    let table = Table { measurer, ..shared };
                    lay_out_pages(&table, (plan, numbers), (mine, offset), start..end)
                })
            }));
        }
        let mut pages = Vec::with_capacity(count);
        let mut taken = Taken::new(table.procedure.lanes.len());
        for worker in workers {
            let (mine, used) = worker
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            pages.extend(mine);
            taken.add(used);
        }
        (pages, taken)
    })
}
