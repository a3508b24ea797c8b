//! Which step of the old version is which step of the new: an alignment
//! of the two row sequences that maximises the likeness of the pairs it
//! makes (so an insertion shifts nothing), then a pass that pairs what the
//! alignment left over when it is the same step moved elsewhere.

use crate::procedure::Step;
use std::collections::HashSet;

/// Below this likeness two steps are different steps.
const SAME_STEP: f64 = 0.5;
/// Likeness of a step moved elsewhere (the alignment cannot pair it).
const MOVED_STEP: f64 = 0.75;
/// Alignment cells beyond which a greedy pairing is used instead.
const MAX_CELLS: usize = 16_000_000;

/// A pairing: for each old row, the new row it is, if any; and which
/// pairs are moves.
pub(super) struct Pairing {
    pub new_of_old: Vec<Option<usize>>,
    pub moved: HashSet<usize>,
}

/// Pairs the steps of `old` and `new`.
pub(super) fn pair(old: &[Step], new: &[Step]) -> Pairing {
    let old_words: Vec<Vec<String>> = old.iter().map(|s| words(&s.text)).collect();
    let new_words: Vec<Vec<String>> = new.iter().map(|s| words(&s.text)).collect();
    let like = |i: usize, j: usize| likeness(&old[i], &new[j], &old_words[i], &new_words[j], i, j);
    let mut new_of_old = if old.len().saturating_mul(new.len()) <= MAX_CELLS {
        align(old.len(), new.len(), &like)
    } else {
        greedy(old.len(), new.len(), &like)
    };
    // Moves: left-over steps that are nearly the same.
    let mut taken: Vec<bool> = vec![false; new.len()];
    for j in new_of_old.iter().flatten() {
        taken[*j] = true;
    }
    let mut moved = HashSet::new();
    for (i, slot) in new_of_old.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let best = (0..new.len())
            .filter(|&j| !taken[j])
            .map(|j| (like(i, j), j))
            .filter(|(l, _)| *l >= MOVED_STEP)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, j)) = best {
            *slot = Some(j);
            taken[j] = true;
            moved.insert(i);
        }
    }
    Pairing { new_of_old, moved }
}

/// How alike two steps are, 0 to 1: their words (Dice), a little for the
/// same kind, and certainty for the same explicit id (one that is not just
/// the row number).
fn likeness(a: &Step, b: &Step, wa: &[String], wb: &[String], i: usize, j: usize) -> f64 {
    let explicit = |s: &Step, row: usize| s.id.as_ref() != (row + 1).to_string();
    if a.id == b.id && explicit(a, i) && explicit(b, j) {
        return 1.0;
    }
    let text = dice(wa, wb);
    let kind = if a.kind == b.kind { 0.05 } else { 0.0 };
    (text * 0.95 + kind).min(1.0)
}

/// Dice coefficient of two word lists (as multisets).
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut rest: Vec<&String> = b.iter().collect();
    let mut common = 0usize;
    for w in a {
        if let Some(k) = rest.iter().position(|x| *x == w) {
            rest.swap_remove(k);
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Needleman–Wunsch without gap costs: the order-keeping pairing of
/// greatest total likeness, pairs below [`SAME_STEP`] not allowed.
fn align(n: usize, m: usize, like: &dyn Fn(usize, usize) -> f64) -> Vec<Option<usize>> {
    let width = m + 1;
    let mut score = vec![0.0f64; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = score[(i + 1) * width + j].max(score[i * width + j + 1]);
            let l = like(i, j);
            let take = if l >= SAME_STEP {
                l + score[(i + 1) * width + j + 1]
            } else {
                f64::MIN
            };
            score[i * width + j] = skip.max(take);
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let l = like(i, j);
        let here = score[i * width + j];
        if l >= SAME_STEP && (here - (l + score[(i + 1) * width + j + 1])).abs() < 1e-9 {
            out[i] = Some(j);
            i += 1;
            j += 1;
        } else if (here - score[(i + 1) * width + j]).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// For very long documents: each old step takes the likest free new step
/// within a window around its position.
fn greedy(n: usize, m: usize, like: &dyn Fn(usize, usize) -> f64) -> Vec<Option<usize>> {
    const WINDOW: usize = 50;
    let mut taken = vec![false; m];
    let mut out = vec![None; n];
    for (i, slot) in out.iter_mut().enumerate() {
        let centre = i * m / n.max(1);
        let range = centre.saturating_sub(WINDOW)..(centre + WINDOW).min(m);
        let best = range
            .filter(|&j| !taken[j])
            .map(|j| (like(i, j), j))
            .filter(|(l, _)| *l >= SAME_STEP)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, j)) = best {
            taken[j] = true;
            *slot = Some(j);
        }
    }
    out
}
