//! The mapping's graph rules: which nodes are steps, their successors once
//! pass-through gateways and parallel splits are removed, kinds and
//! decision outcomes.

use super::document::{Model, Node};
use super::{warn, words};
use crate::error::{Diagnostic, Lang};
use crate::model::Kind;
use std::collections::HashMap;

/// A successor of a step, with the label the mapping gives it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Successor {
    pub to: usize,
    /// The flow's name.
    pub name: Option<String>,
    /// The flow's condition.
    pub condition: Option<String>,
    /// True for a sequence flow (the outcomes of a decision).
    pub sequence: bool,
}

/// What becomes of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A step of the SOP.
    Step,
    /// A gateway removed: its predecessors connect to its successors.
    Removed,
    /// Dropped: no flow at all.
    Dropped,
}

/// The steps of a model: node indices in document order, each with its
/// kind and successors.
pub(super) struct Steps {
    pub nodes: Vec<usize>,
    pub kinds: HashMap<usize, Kind>,
    pub successors: HashMap<usize, Vec<Successor>>,
}

/// Applies the mapping's graph rules to `model`.
pub(super) fn steps(model: &Model, lang: Lang, warnings: &mut Vec<Diagnostic>) -> Steps {
    let index: HashMap<&str, usize> = model
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let find = |id: &str| {
        let id = model.inner.get(id).map_or(id, String::as_str);
        index.get(id).copied()
    };
    let n = model.nodes.len();
    let mut out: Vec<Vec<Successor>> = vec![Vec::new(); n];
    let mut sequence_out = vec![0usize; n];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut message_target = vec![false; n];
    let mut edge = |from: usize, successor: Successor| {
        incoming[successor.to].push(from);
        out[from].push(successor);
    };
    let plain = |to: usize| Successor {
        to,
        name: None,
        condition: None,
        sequence: false,
    };
    for flow in &model.sequence_flows {
        if let (Some(from), Some(to)) = (find(&flow.source), find(&flow.target)) {
            edge(
                from,
                Successor {
                    to,
                    name: flow.name.clone(),
                    condition: flow.condition.clone(),
                    sequence: true,
                },
            );
            sequence_out[from] += 1;
        }
    }
    for (i, node) in model.nodes.iter().enumerate() {
        if let Some(host) = node.attached_to.as_deref().and_then(find) {
            let label = node.name.clone().unwrap_or_else(|| {
                words::trigger_word(node.trigger.as_deref().unwrap_or_default(), lang)
            });
            edge(
                host,
                Successor {
                    name: Some(label),
                    ..plain(i)
                },
            );
        }
    }
    for (i, node) in model.nodes.iter().enumerate() {
        if node.element != "intermediateThrowEvent" {
            continue;
        }
        let Some(link) = &node.link else { continue };
        let catches = |same_process: bool| {
            model.nodes.iter().position(|c| {
                c.element == "intermediateCatchEvent"
                    && c.link.as_ref() == Some(link)
                    && (!same_process || c.process == node.process)
            })
        };
        let catch = catches(true).or_else(|| catches(false));
        match catch {
            Some(j) => edge(i, plain(j)),
            None => warnings.push(warn(
                node,
                (
                    format!("peristiwa tautan (link) {} \"{link}\" tidak punya pasangan penangkap (catch) bernama sama; alurnya berhenti di sini", node.id),
                    format!("link event {} \"{link}\" has no catching link event of the same name; its flow stops here", node.id),
                ),
            )),
        }
    }
    for flow in &model.message_flows {
        if let (Some(from), Some(to)) = (find(&flow.source), find(&flow.target))
            && from != to
        {
            edge(from, plain(to));
            message_target[to] = true;
        }
    }

    let is_decision_gateway = |i: usize| {
        matches!(
            model.nodes[i].element.as_str(),
            "exclusiveGateway" | "inclusiveGateway" | "complexGateway" | "eventBasedGateway"
        ) && sequence_out[i] >= 2
    };
    // Predecessors of a node, looking back through pass-through gateways.
    let passes_through = |i: usize| model.nodes[i].is_gateway() && sequence_out[i] == 1;
    let after_decision = |start: usize| {
        let mut seen = vec![false; n];
        let mut stack = incoming[start].clone();
        while let Some(p) = stack.pop() {
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            if is_decision_gateway(p) {
                return true;
            }
            if passes_through(p) {
                stack.extend(incoming[p].iter().copied());
            }
        }
        false
    };
    let roles: Vec<Role> = (0..n)
        .map(|i| {
            let node = &model.nodes[i];
            if out[i].is_empty() && incoming[i].is_empty() {
                Role::Dropped
            } else if passes_through(i)
                || node.element == "parallelGateway" && sequence_out[i] >= 2 && !after_decision(i)
            {
                Role::Removed
            } else {
                Role::Step
            }
        })
        .collect();

    let mut steps = Steps {
        nodes: Vec::new(),
        kinds: HashMap::new(),
        successors: HashMap::new(),
    };
    for i in 0..n {
        let node = &model.nodes[i];
        note_construct(node, roles[i], is_decision_gateway(i), warnings);
        if roles[i] != Role::Step {
            continue;
        }
        let mut successors = Vec::new();
        for s in &out[i] {
            let mut seen = vec![false; n];
            resolve(s.clone(), &out, &roles, &mut seen, &mut successors);
        }
        if successors.iter().any(|s| s.to == i) {
            successors.retain(|s| s.to != i);
            warnings.push(warn(
                node,
                (
                    format!(
                        "{} mengalir kembali ke dirinya sendiri; alur itu dihapus",
                        node.id
                    ),
                    format!("{} flows back into itself; that flow is left out", node.id),
                ),
            ));
        }
        // A splitting gateway left with one outcome (the others looped back
        // into it or into removed gateways only) is no decision.
        let decision = is_decision_gateway(i) && successors.len() >= 2;
        if !decision {
            let mut kept: Vec<Successor> = Vec::new();
            for s in successors {
                if !kept.iter().any(|k| k.to == s.to) {
                    kept.push(s);
                }
            }
            successors = kept;
        }
        let kind = if successors.is_empty() {
            Kind::End
        } else if node.element == "startEvent" && !message_target[i] {
            Kind::Start
        } else if decision {
            Kind::Decision
        } else {
            Kind::Process
        };
        steps.nodes.push(i);
        steps.kinds.insert(i, kind);
        steps.successors.insert(i, successors);
    }
    steps
}

/// The steps a successor leads to once removed gateways are passed:
/// through a pass-through gateway to its successor, through a parallel
/// split to each of its targets. The first label met is kept.
fn resolve(
    successor: Successor,
    out: &[Vec<Successor>],
    roles: &[Role],
    seen: &mut [bool],
    into: &mut Vec<Successor>,
) {
    let to = successor.to;
    if roles[to] != Role::Removed {
        into.push(successor);
        return;
    }
    if std::mem::replace(&mut seen[to], true) {
        return; // a loop of removed gateways leads nowhere
    }
    for next in &out[to] {
        let carried = Successor {
            to: next.to,
            name: successor.name.clone().or_else(|| next.name.clone()),
            condition: successor
                .condition
                .clone()
                .or_else(|| next.condition.clone()),
            sequence: successor.sequence,
        };
        resolve(carried, out, roles, seen, into);
    }
}

/// Warns about what the model says that an SOP cannot.
fn note_construct(node: &Node, role: Role, decision: bool, warnings: &mut Vec<Diagnostic>) {
    let id = &node.id;
    let message: Option<(String, String)> = if node.event_subprocess {
        Some((
            format!(
                "subproses peristiwa (event sub-process) {id} tidak dipetakan ke SOP; tambahkan langkahnya sendiri bila perlu"
            ),
            format!(
                "event sub-process {id} has no place in an SOP and is left out; add its steps by hand if needed"
            ),
        ))
    } else if node.for_compensation || node.trigger.as_deref() == Some("compensateEventDefinition")
    {
        Some((
            format!(
                "kompensasi {id}: SOP tidak menggambar alur kompensasi; periksa langkah pembatalannya"
            ),
            format!(
                "compensation {id}: an SOP does not draw compensation flows; check the undoing steps"
            ),
        ))
    } else if role == Role::Dropped {
        Some((
            format!(
                "{} {id} tidak terhubung dengan alur mana pun dan dilewati",
                node.element
            ),
            format!(
                "{} {id} is connected to no flow and is left out",
                node.element
            ),
        ))
    } else if decision && node.element == "inclusiveGateway" {
        Some((
            format!(
                "gerbang inklusif {id}: beberapa hasilnya dapat berlaku sekaligus, SOP menggambarnya sebagai pilihan; periksa syarat tiap cabang"
            ),
            format!(
                "inclusive gateway {id}: several of its outcomes may hold at once, the SOP draws them as alternatives; check each branch's condition"
            ),
        ))
    } else if decision && node.element == "complexGateway" {
        Some((
            format!(
                "gerbang kompleks {id}: aturan penggabungannya tidak tergambar di SOP; periksa syarat tiap cabang"
            ),
            format!(
                "complex gateway {id}: its activation rule is not drawn in the SOP; check each branch's condition"
            ),
        ))
    } else {
        None
    };
    if let Some(m) = message {
        warnings.push(warn(node, m));
    }
    if decision && node.name.is_none() {
        warnings.push(warn(
            node,
            (
                format!("gerbang keputusan {id} tidak bernama; tuliskan pertanyaannya (mis. \"Berkas lengkap?\")"),
                format!("decision gateway {id} has no name; write its question (e.g. \"Documents complete?\")"),
            ),
        ));
    }
}
