//! The activities of the SOP: one per step, in row order, with text,
//! performer, kind, Mutu Baku and outcomes.

use super::actors::Actors;
use super::document::{Model, Node};
use super::graph::{Steps, Successor};
use super::words;
use crate::error::Lang;
use crate::model::{Activity, Branch, Kind, LabelledBranch, Next};

/// The activities of `rows`, in that order.
pub(super) fn activities(
    model: &Model,
    steps: &Steps,
    actors: &Actors,
    rows: &[usize],
    lang: Lang,
) -> Vec<Activity> {
    let text = |i: usize| {
        let node = &model.nodes[i];
        node.name
            .clone()
            .unwrap_or_else(|| words::step_text(&node.element, node.trigger.as_deref(), lang))
    };
    rows.iter()
        .map(|&i| {
            let node = &model.nodes[i];
            let kind = steps.kinds[&i];
            let successors = &steps.successors[&i];
            let (next, yes, no) = outcomes(kind, successors, model, &text);
            let data = |ids: &[String]| -> Vec<String> {
                let mut names: Vec<String> = Vec::new();
                for id in ids {
                    let name = model.data.get(id).cloned().unwrap_or_else(|| id.clone());
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
                names
            };
            let outputs = data(&node.writes);
            Activity {
                id: Some(node.id.clone()),
                text: text(i),
                actor: vec![actors.of(node)],
                kind: Some(kind),
                requirements: data(&node.reads),
                time: node.duration.as_deref().and_then(words::duration),
                output: (!outputs.is_empty()).then(|| outputs.join(", ")),
                notes: Some(notes(node, model)),
                symbol_text: None,
                next,
                yes,
                no,
            }
        })
        .collect()
}

/// Keterangan: the BPMN element type, then its documentation and the
/// text annotations linked to it.
fn notes(node: &Node, model: &Model) -> String {
    let mut lines = vec![match &node.trigger {
        Some(t) => format!(
            "BPMN {} ({})",
            node.element,
            t.trim_end_matches("EventDefinition")
        ),
        None => format!("BPMN {}", node.element),
    }];
    lines.extend(node.documentation.iter().cloned());
    if let Some(notes) = model.annotations.get(&node.id) {
        lines.extend(notes.iter().cloned());
    }
    lines.join("\n")
}

type Outcomes = (Option<Next>, Option<String>, Option<String>);

/// `next`, `yes` and `no` of a step.
fn outcomes(
    kind: Kind,
    successors: &[Successor],
    model: &Model,
    text: &dyn Fn(usize) -> String,
) -> Outcomes {
    let id = |i: usize| model.nodes[i].id.clone();
    if kind == Kind::End {
        return (None, None, None);
    }
    if kind == Kind::Decision {
        if let [a, b] = successors {
            use Answer::{No, Unlabelled, Yes};
            let yes_no = match (answer(a), answer(b)) {
                (Yes, No) | (Yes, Unlabelled) | (Unlabelled, No) => Some((a, b)),
                (No, Yes) | (No, Unlabelled) | (Unlabelled, Yes) => Some((b, a)),
                _ => None,
            };
            if let Some((yes, no)) = yes_no {
                return (None, Some(id(yes.to)), Some(id(no.to)));
            }
        }
        let branches = successors
            .iter()
            .map(|s| {
                let label = s
                    .name
                    .clone()
                    .or_else(|| s.condition.clone())
                    .unwrap_or_else(|| text(s.to));
                Branch::Labelled(LabelledBranch {
                    to: id(s.to),
                    label: Some(label),
                })
            })
            .collect();
        return (Some(Next::Many(branches)), None, None);
    }
    let labelled = successors.iter().any(|s| s.name.is_some());
    let next = match successors {
        [one] if !labelled => Next::One(id(one.to)),
        _ => Next::Many(
            successors
                .iter()
                .map(|s| match &s.name {
                    Some(label) => Branch::Labelled(LabelledBranch {
                        to: id(s.to),
                        label: Some(label.clone()),
                    }),
                    None => Branch::To(id(s.to)),
                })
                .collect(),
        ),
    };
    (Some(next), None, None)
}

/// How a decision outcome's name reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Yes,
    No,
    Unlabelled,
    Other,
}

/// Whether a flow's name reads as yes, no, nothing or something else.
fn answer(successor: &Successor) -> Answer {
    let Some(name) = successor.name.as_deref() else {
        return Answer::Unlabelled;
    };
    let word = name.trim().trim_end_matches(['?', '.', '!']).to_lowercase();
    match word.as_str() {
        "yes" | "ya" | "ja" | "true" => Answer::Yes,
        "no" | "tidak" | "nein" | "false" => Answer::No,
        _ => Answer::Other,
    }
}
