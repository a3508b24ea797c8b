//! The mapping's row order: depth first from the start steps, successors
//! in document order, each search tree's reverse post-order.

use super::document::Model;
use super::graph::Steps;
use crate::model::Kind;

/// The steps (node indices) in row order.
pub(super) fn rows(model: &Model, steps: &Steps) -> Vec<usize> {
    let n = model.nodes.len();
    let mut visited = vec![false; n];
    let mut rows = Vec::with_capacity(steps.nodes.len());
    let starts = steps
        .nodes
        .iter()
        .copied()
        .filter(|i| steps.kinds[i] == Kind::Start);
    let roots: Vec<usize> = starts.chain(steps.nodes.iter().copied()).collect();
    for root in roots {
        if visited[root] {
            continue;
        }
        let mut post = Vec::new();
        // (node, its successors in document order, the next one to visit)
        let mut stack = vec![(root, successors(steps, root), 0usize)];
        visited[root] = true;
        while let Some((node, next, k)) = stack.last_mut() {
            if let Some(&s) = next.get(*k) {
                *k += 1;
                if !visited[s] {
                    visited[s] = true;
                    stack.push((s, successors(steps, s), 0));
                }
            } else {
                post.push(*node);
                stack.pop();
            }
        }
        rows.extend(post.into_iter().rev());
    }
    rows
}

/// A step's successors in document order of their targets (node indices
/// follow document order).
fn successors(steps: &Steps, node: usize) -> Vec<usize> {
    let mut next: Vec<usize> = steps.successors[&node].iter().map(|s| s.to).collect();
    next.sort_unstable();
    next.dedup();
    next
}
