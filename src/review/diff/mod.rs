//! What changed between two versions of an SOP: steps added, removed,
//! moved and changed (field by field), performers, identity fields, and
//! the service time before and after.

mod drawn;
mod matching;

pub use drawn::{change_spec, changes_table};

use crate::procedure::{FlowLabel, Procedure};
use serde::Serialize;
use std::collections::BTreeSet;

/// The changes from one version to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// Steps added, removed, moved or changed, in the new version's row
    /// order (removed ones where they stood).
    pub steps: Vec<StepChange>,
    /// Performers added, removed, renamed or moved.
    pub actors: Vec<ActorChange>,
    /// Identity fields that changed.
    pub identity: Vec<FieldChange>,
    /// The service time before and after (the slowest path's text).
    pub service_time: ServiceTimeChange,
    /// Arrows of the new version that the old one did not have between
    /// the same steps, as (from id, to id) of the new version.
    #[serde(skip)]
    pub new_flows: Vec<(String, String)>,
}

impl Changes {
    /// True when nothing changed (the service time follows the steps).
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.actors.is_empty() && self.identity.is_empty()
    }
}

/// What happened to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, at another place in the order (maybe changed too).
    Moved,
    /// In both, in order, with fields changed.
    Changed,
}

/// One step's change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepChange {
    /// What happened.
    pub change: Change,
    /// Its id in the old version.
    pub old: Option<String>,
    /// Its id in the new version.
    pub new: Option<String>,
    /// Its 1-based row in the old version.
    #[serde(skip)]
    pub old_row: Option<usize>,
    /// Its 1-based row in the new version.
    #[serde(skip)]
    pub new_row: Option<usize>,
    /// The fields that changed: text, actor, kind, requirements, time,
    /// output, notes, next.
    pub fields: Vec<&'static str>,
}

/// A performer's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorChange {
    /// `added`, `removed`, `renamed` or `moved`.
    pub change: &'static str,
    /// Its name in the old version.
    pub old: Option<String>,
    /// Its name in the new version.
    pub new: Option<String>,
}

/// An identity field's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field (`number`, `revised`, `legal_basis` …).
    pub field: String,
    /// Its old value (a list's items joined by "; "), if it had one.
    pub old: Option<String>,
    /// Its new value, if it has one.
    pub new: Option<String>,
}

/// The service time of both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceTimeChange {
    /// Before.
    pub old: Option<String>,
    /// After.
    pub new: Option<String>,
}

/// The changes from `old` to `new`.
pub fn diff(old: &Procedure, new: &Procedure) -> Changes {
    let (os, ns) = (old.steps(), new.steps());
    let pairing = matching::pair(os, ns);
    let mut old_of_new = vec![None; ns.len()];
    for (i, j) in pairing.new_of_old.iter().enumerate() {
        if let Some(j) = j {
            old_of_new[*j] = Some(i);
        }
    }
    let (actors, lane_of_old) = actor_changes(old, new);
    // A step's performers as new columns (a renamed one is the same).
    let old_lanes = |lanes: &[usize]| -> BTreeSet<Option<usize>> {
        lanes.iter().map(|&l| lane_of_old[l]).collect()
    };
    let new_lanes =
        |lanes: &[usize]| -> BTreeSet<Option<usize>> { lanes.iter().map(|&l| Some(l)).collect() };
    // Outcomes compared through the steps that were added, removed or
    // moved: the step before an insertion still leads where it led.
    let moved_new: BTreeSet<usize> = pairing
        .moved
        .iter()
        .filter_map(|&i| pairing.new_of_old[i])
        .collect();
    let old_skip = |row: usize| pairing.new_of_old[row].is_none() || pairing.moved.contains(&row);
    let new_skip = |row: usize| old_of_new[row].is_none() || moved_new.contains(&row);
    let outcomes = |p: &Procedure,
                    row: usize,
                    skip: &dyn Fn(usize) -> bool,
                    map: &dyn Fn(usize) -> Option<usize>| {
        let mut list: Vec<(Option<usize>, String)> = Vec::new();
        for f in p.flows().iter().filter(|f| f.from == row) {
            for target in through(p, f.to, skip) {
                list.push((map(target), label(&f.label)));
            }
        }
        list.sort();
        list.dedup();
        list
    };
    let mut steps = Vec::new();
    for (j, n) in ns.iter().enumerate() {
        let Some(i) = old_of_new[j] else {
            steps.push(StepChange {
                change: Change::Added,
                old: None,
                new: Some(n.id.to_string()),
                old_row: None,
                new_row: Some(j + 1),
                fields: Vec::new(),
            });
            continue;
        };
        let o = &os[i];
        let mut fields = Vec::new();
        let same_text = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
        if !same_text(&o.text, &n.text) {
            fields.push("text");
        }
        if old_lanes(&o.lanes) != new_lanes(&n.lanes) {
            fields.push("actor");
        }
        if o.kind != n.kind {
            fields.push("kind");
        }
        if o.requirements != n.requirements {
            fields.push("requirements");
        }
        let field = |a: &Option<String>, b: &Option<String>| {
            a.as_deref().map(str::trim).filter(|t| !t.is_empty())
                != b.as_deref().map(str::trim).filter(|t| !t.is_empty())
        };
        if field(&o.time, &n.time) {
            fields.push("time");
        }
        if field(&o.output, &n.output) {
            fields.push("output");
        }
        if field(&o.notes, &n.notes) {
            fields.push("notes");
        }
        let moved = pairing.moved.contains(&i);
        let old_next = outcomes(old, i, &old_skip, &|t| pairing.new_of_old[t]);
        let new_next = outcomes(new, j, &new_skip, &|t| Some(t));
        // A moved step leads elsewhere because it moved.
        if old_next != new_next && !moved {
            fields.push("next");
        }
        if moved || !fields.is_empty() {
            steps.push(StepChange {
                change: if moved {
                    Change::Moved
                } else {
                    Change::Changed
                },
                old: Some(o.id.to_string()),
                new: Some(n.id.to_string()),
                old_row: Some(i + 1),
                new_row: Some(j + 1),
                fields,
            });
        }
    }
    // Removed steps go where they stood: after the change of the new row
    // their old predecessor became.
    for (i, o) in os.iter().enumerate() {
        if pairing.new_of_old[i].is_some() {
            continue;
        }
        let after = (0..i).rev().find_map(|k| pairing.new_of_old[k]);
        let at = steps
            .iter()
            .position(|s| s.new_row.is_some_and(|r| after.is_none_or(|a| r > a + 1)))
            .unwrap_or(steps.len());
        steps.insert(
            at,
            StepChange {
                change: Change::Removed,
                old: Some(o.id.to_string()),
                new: None,
                old_row: Some(i + 1),
                new_row: None,
                fields: Vec::new(),
            },
        );
    }
    let old_pairs: BTreeSet<(usize, usize)> = old
        .flows()
        .iter()
        .filter_map(|f| Some((pairing.new_of_old[f.from]?, pairing.new_of_old[f.to]?)))
        .collect();
    let mut new_flows: Vec<(String, String)> = new
        .flows()
        .iter()
        .filter(|f| !old_pairs.contains(&(f.from, f.to)))
        .map(|f| (ns[f.from].id.to_string(), ns[f.to].id.to_string()))
        .collect();
    new_flows.dedup();
    Changes {
        steps,
        new_flows,
        actors,
        identity: identity_changes(old, new),
        service_time: ServiceTimeChange {
            old: old.summary().service_time.map(|s| s.text),
            new: new.summary().service_time.map(|s| s.text),
        },
    }
}

/// The steps a flow into `row` reaches once the steps `skip` says are
/// passed through (their own successors instead).
fn through(p: &Procedure, row: usize, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut stack = vec![row];
    while let Some(r) = stack.pop() {
        if !seen.insert(r) {
            continue;
        }
        if skip(r) {
            stack.extend(p.flows().iter().filter(|f| f.from == r).map(|f| f.to));
        } else {
            out.push(r);
        }
    }
    out
}

fn label(label: &Option<FlowLabel>) -> String {
    match label {
        None => String::new(),
        Some(FlowLabel::Yes) => "\u{1}yes".into(),
        Some(FlowLabel::No) => "\u{1}no".into(),
        Some(FlowLabel::Text(t)) => t.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Performers matched by id, then by name: the changes, and the new
/// column of each old one.
fn actor_changes(old: &Procedure, new: &Procedure) -> (Vec<ActorChange>, Vec<Option<usize>>) {
    let (ol, nl) = (old.lanes(), new.lanes());
    let mut new_of_old: Vec<Option<usize>> = ol
        .iter()
        .map(|o| nl.iter().position(|n| n.id == o.id))
        .collect();
    for (i, o) in ol.iter().enumerate() {
        if new_of_old[i].is_none() {
            new_of_old[i] =
                (0..nl.len()).find(|&j| !new_of_old.contains(&Some(j)) && nl[j].name == o.name);
        }
    }
    let mut out = Vec::new();
    for (i, o) in ol.iter().enumerate() {
        match new_of_old[i] {
            None => out.push(ActorChange {
                change: "removed",
                old: Some(o.name.clone()),
                new: None,
            }),
            Some(j) if nl[j].name != o.name || nl[j].group != o.group => out.push(ActorChange {
                change: "renamed",
                old: Some(o.name.clone()),
                new: Some(nl[j].name.clone()),
            }),
            Some(_) => {}
        }
    }
    for (j, n) in nl.iter().enumerate() {
        if !new_of_old.contains(&Some(j)) {
            out.push(ActorChange {
                change: "added",
                old: None,
                new: Some(n.name.clone()),
            });
        }
    }
    // Reordered: matched performers off the longest run kept in order.
    let order: Vec<(usize, usize)> = new_of_old
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
        .collect();
    let kept = longest_increasing(&order.iter().map(|&(_, j)| j).collect::<Vec<_>>());
    for (k, &(i, j)) in order.iter().enumerate() {
        if !kept.contains(&k) {
            out.push(ActorChange {
                change: "moved",
                old: Some(ol[i].name.clone()),
                new: Some(nl[j].name.clone()),
            });
        }
    }
    (out, new_of_old)
}

/// Positions of a longest strictly increasing subsequence of `values`.
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let n = values.len();
    let mut length = vec![1usize; n];
    let mut prev = vec![None; n];
    for i in 0..n {
        for k in 0..i {
            if values[k] < values[i] && length[k] + 1 > length[i] {
                length[i] = length[k] + 1;
                prev[i] = Some(k);
            }
        }
    }
    let mut at = (0..n).max_by_key(|&i| (length[i], std::cmp::Reverse(i)));
    let mut out = Vec::new();
    while let Some(i) = at {
        out.push(i);
        at = prev[i];
    }
    out
}

/// Identity fields whose values differ.
fn identity_changes(old: &Procedure, new: &Procedure) -> Vec<FieldChange> {
    let value = |p: &Procedure| serde_json::to_value(p.identity()).unwrap_or_default();
    let (o, n) = (value(old), value(new));
    let empty = serde_json::Map::new();
    let (o, n) = (
        o.as_object().unwrap_or(&empty),
        n.as_object().unwrap_or(&empty),
    );
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| o.get(*k) != n.get(*k))
        .map(|k| FieldChange {
            field: k.clone(),
            old: o.get(k).map(text_of),
            new: n.get(k).map(text_of),
        })
        .collect()
}

fn text_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(text_of).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}
