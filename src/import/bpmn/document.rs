//! Reading the XML of a BPMN 2.0 model into the few things the mapping
//! needs: pools and their leaf lanes, the flow nodes of each process (a
//! sub-process collapsed into one), sequence and message flows, and what
//! is attached to a node (documentation, annotations, data, timers).

use super::{Place, collapse};
use std::collections::HashMap;

/// The BPMN 2.0 model namespace; elements are matched by it, never by
/// their prefix.
pub(super) const MODEL_NS: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
const DI_NS: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
const DC_NS: &str = "http://www.omg.org/spec/DD/20100524/DC";

/// A pool: a participant with its process, or a process of its own.
pub(super) struct Pool {
    /// The participant's id, else the process's.
    pub id: String,
    /// The participant's name, else the process's, else its id.
    pub name: String,
    /// The process id.
    pub process: String,
    /// Leaf lanes, depth first in document order.
    pub lanes: Vec<Lane>,
}

/// A leaf lane.
pub(super) struct Lane {
    pub id: String,
    /// Its name; None when unnamed.
    pub name: Option<String>,
    /// The name of the lane it is nested in.
    pub parent: Option<String>,
    /// Nodes its `flowNodeRef`s list (also those of lanes nested in it).
    pub refs: Vec<String>,
}

/// A flow node of a process (not inside a collapsed sub-process).
pub(super) struct Node {
    pub id: String,
    /// The element's local name (`userTask`, `exclusiveGateway`).
    pub element: String,
    pub name: Option<String>,
    /// The process it belongs to.
    pub process: String,
    pub place: Place,
    /// The event definition's local name (`timerEventDefinition`).
    pub trigger: Option<String>,
    /// A link event's name.
    pub link: Option<String>,
    /// A timer's `timeDuration`.
    pub duration: Option<String>,
    /// The activity a boundary event is attached to.
    pub attached_to: Option<String>,
    /// `triggeredByEvent="true"`: an event sub-process.
    pub event_subprocess: bool,
    /// `isForCompensation="true"`.
    pub for_compensation: bool,
    pub documentation: Vec<String>,
    /// Ids of data read (`dataInputAssociation`) and written.
    pub reads: Vec<String>,
    pub writes: Vec<String>,
}

impl Node {
    /// True for the gateways.
    pub fn is_gateway(&self) -> bool {
        self.element.ends_with("Gateway")
    }
}

/// A sequence or message flow.
pub(super) struct Flow {
    pub source: String,
    pub target: String,
    pub name: Option<String>,
    pub condition: Option<String>,
}

/// What the mapping reads from a model.
#[derive(Default)]
pub(super) struct Model {
    pub pools: Vec<Pool>,
    /// Flow nodes in document order.
    pub nodes: Vec<Node>,
    pub sequence_flows: Vec<Flow>,
    pub message_flows: Vec<Flow>,
    /// Ids of the nodes inside a collapsed sub-process → that sub-process.
    pub inner: HashMap<String, String>,
    /// Names of data objects and stores by id (references included).
    pub data: HashMap<String, String>,
    /// Text annotations linked to a node, by node id.
    pub annotations: HashMap<String, Vec<String>>,
    /// Diagram bounds by element id: (x, y, width, height).
    pub bounds: HashMap<String, (f64, f64, f64, f64)>,
    /// Ids of participants (pools) and lanes, which message flows may name.
    pub participants: Vec<String>,
}

/// Reads `root` (the `definitions` element).
pub(super) fn read(doc: &roxmltree::Document<'_>) -> Model {
    let root = doc.root_element();
    let mut model = Model::default();
    let place = |node: roxmltree::Node<'_, '_>| {
        let pos = doc.text_pos_at(node.range().start);
        Place {
            line: pos.row as usize,
            column: pos.col as usize,
        }
    };
    let processes: Vec<_> = children(root, "process").collect();
    let mut pooled = Vec::new();
    let mut annotation_text = HashMap::new();
    let mut links = Vec::new();
    let mut data_refs = Vec::new();
    for element in root.descendants().filter(|n| n.is_element()) {
        let ns = element.tag_name().namespace();
        let local = element.tag_name().name();
        if ns == Some(DI_NS) && local == "BPMNShape" {
            if let (Some(of), Some(b)) = (
                element.attribute("bpmnElement"),
                element.children().find(|c| {
                    c.tag_name().name() == "Bounds" && c.tag_name().namespace() == Some(DC_NS)
                }),
            ) {
                let number = |a: &str| b.attribute(a).and_then(|v| v.parse::<f64>().ok());
                if let (Some(x), Some(y), Some(w), Some(h)) =
                    (number("x"), number("y"), number("width"), number("height"))
                {
                    model.bounds.insert(of.to_owned(), (x, y, w, h));
                }
            }
            continue;
        }
        if ns != Some(MODEL_NS) {
            continue;
        }
        match local {
            "dataObjectReference"
            | "dataStoreReference"
            | "dataObject"
            | "dataInput"
            | "dataOutput"
            | "dataStore" => {
                let Some(id) = element.attribute("id") else {
                    continue;
                };
                match element.attribute("name").map(collapse) {
                    Some(name) => {
                        model.data.insert(id.to_owned(), name);
                    }
                    None => {
                        if let Some(target) = element
                            .attribute("dataObjectRef")
                            .or(element.attribute("dataStoreRef"))
                        {
                            data_refs.push((id.to_owned(), target.to_owned()));
                        }
                    }
                }
            }
            "textAnnotation" => {
                if let Some(id) = element.attribute("id") {
                    let text = children(element, "text")
                        .filter_map(|t| t.text())
                        .collect::<String>();
                    annotation_text.insert(id.to_owned(), collapse(&text));
                }
            }
            "association" => {
                links.push((
                    element
                        .attribute("sourceRef")
                        .unwrap_or_default()
                        .to_owned(),
                    element
                        .attribute("targetRef")
                        .unwrap_or_default()
                        .to_owned(),
                ));
            }
            "collaboration" => {
                for participant in children(element, "participant") {
                    let id = participant.attribute("id").unwrap_or_default().to_owned();
                    model.participants.push(id.clone());
                    let Some(process) = participant
                        .attribute("processRef")
                        .and_then(|r| processes.iter().find(|p| p.attribute("id") == Some(r)))
                    else {
                        continue; // a black box
                    };
                    if pooled.contains(process) {
                        continue;
                    }
                    pooled.push(*process);
                    let name = participant
                        .attribute("name")
                        .or(process.attribute("name"))
                        .map(collapse)
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| id.clone());
                    model.pools.push(pool(id, name, *process));
                }
                for flow in children(element, "messageFlow") {
                    model.message_flows.push(read_flow(flow));
                }
            }
            _ => {}
        }
    }
    for process in &processes {
        if !pooled.contains(process) {
            let id = process.attribute("id").unwrap_or_default().to_owned();
            let name = process
                .attribute("name")
                .map(collapse)
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| id.clone());
            model.pools.push(pool(id.clone(), name, *process));
        }
    }
    for lane in root.descendants().filter(|n| is(*n, "lane")) {
        if let Some(id) = lane.attribute("id") {
            model.participants.push(id.to_owned());
        }
    }
    for process in &processes {
        let id = process.attribute("id").unwrap_or_default();
        collect(*process, id, None, &mut model, &place);
    }
    for (reference, target) in data_refs {
        if let Some(name) = model.data.get(&target).cloned() {
            model.data.insert(reference, name);
        }
    }
    for (source, target) in links {
        for (node, note) in [(&source, &target), (&target, &source)] {
            if let Some(text) = annotation_text.get(note.as_str()) {
                let node = model.inner.get(node).unwrap_or(node).clone();
                model
                    .annotations
                    .entry(node)
                    .or_default()
                    .push(text.clone());
            }
        }
    }
    model
}

/// The flow nodes and sequence flows of `container` (a process or an
/// expanded sub-process); `top` is the collapsed sub-process they belong
/// to, if any.
fn collect(
    container: roxmltree::Node<'_, '_>,
    process: &str,
    top: Option<&str>,
    model: &mut Model,
    place: &dyn Fn(roxmltree::Node<'_, '_>) -> Place,
) {
    for element in container.children().filter(|n| n.is_element()) {
        if element.tag_name().namespace() != Some(MODEL_NS) {
            continue;
        }
        let local = element.tag_name().name();
        let Some(id) = element.attribute("id") else {
            continue;
        };
        if local == "sequenceFlow" {
            if top.is_none() {
                model.sequence_flows.push(read_flow(element));
            }
            continue;
        }
        if !is_flow_node(local) {
            continue;
        }
        if let Some(top) = top {
            model.inner.insert(id.to_owned(), top.to_owned());
        } else {
            model
                .nodes
                .push(read_node(element, process, place(element)));
        }
        if is_subprocess(local) {
            collect(element, process, top.or(Some(id)), model, place);
        }
    }
}

fn read_node(element: roxmltree::Node<'_, '_>, process: &str, place: Place) -> Node {
    let definition = element
        .children()
        .find(|c| c.tag_name().name().ends_with("EventDefinition"));
    let timer_field = |field: &'static str| {
        definition
            .and_then(|d| children(d, field).next())
            .and_then(|f| f.text())
            .map(|t| t.trim().to_owned())
    };
    let refs = |association: &'static str, end: &'static str| -> Vec<String> {
        children(element, association)
            .flat_map(|a| children(a, end))
            .filter_map(|r| r.text())
            .map(|t| t.trim().to_owned())
            .collect()
    };
    Node {
        id: element.attribute("id").unwrap_or_default().to_owned(),
        element: element.tag_name().name().to_owned(),
        name: element
            .attribute("name")
            .map(collapse)
            .filter(|n| !n.is_empty()),
        process: process.to_owned(),
        place,
        trigger: definition.map(|d| d.tag_name().name().to_owned()),
        link: definition
            .filter(|d| d.tag_name().name() == "linkEventDefinition")
            .map(|d| {
                d.attribute("name")
                    .or(element.attribute("name"))
                    .map(collapse)
                    .unwrap_or_default()
            }),
        duration: timer_field("timeDuration"),
        attached_to: element.attribute("attachedToRef").map(str::to_owned),
        event_subprocess: element.attribute("triggeredByEvent") == Some("true"),
        for_compensation: element.attribute("isForCompensation") == Some("true"),
        documentation: children(element, "documentation")
            .filter_map(|d| d.text())
            .map(collapse)
            .filter(|d| !d.is_empty())
            .collect(),
        reads: refs("dataInputAssociation", "sourceRef"),
        writes: refs("dataOutputAssociation", "targetRef"),
    }
}

fn read_flow(element: roxmltree::Node<'_, '_>) -> Flow {
    let attribute = |a: &str| element.attribute(a).unwrap_or_default().to_owned();
    Flow {
        source: attribute("sourceRef"),
        target: attribute("targetRef"),
        name: element
            .attribute("name")
            .map(collapse)
            .filter(|n| !n.is_empty()),
        condition: children(element, "conditionExpression")
            .filter_map(|c| c.text())
            .map(collapse)
            .find(|c| !c.is_empty()),
    }
}

fn pool(id: String, name: String, process: roxmltree::Node<'_, '_>) -> Pool {
    let mut lanes = Vec::new();
    for set in children(process, "laneSet") {
        leaf_lanes(set, None, &mut lanes);
    }
    Pool {
        id,
        name,
        process: process.attribute("id").unwrap_or_default().to_owned(),
        lanes,
    }
}

/// The leaf lanes under a lane set, depth first.
fn leaf_lanes(set: roxmltree::Node<'_, '_>, parent: Option<&str>, out: &mut Vec<Lane>) {
    for lane in children(set, "lane") {
        let name = lane
            .attribute("name")
            .map(collapse)
            .filter(|n| !n.is_empty());
        let nested: Vec<_> = children(lane, "childLaneSet")
            .filter(|s| children(*s, "lane").next().is_some())
            .collect();
        if nested.is_empty() {
            out.push(Lane {
                id: lane.attribute("id").unwrap_or_default().to_owned(),
                name,
                parent: parent.map(str::to_owned),
                refs: children(lane, "flowNodeRef")
                    .filter_map(|r| r.text())
                    .map(|t| t.trim().to_owned())
                    .collect(),
            });
        } else {
            let first = out.len();
            for set in nested {
                leaf_lanes(set, name.as_deref().or(parent), out);
            }
            // A node listed by this lane only goes to its first leaf.
            let own: Vec<String> = children(lane, "flowNodeRef")
                .filter_map(|r| r.text())
                .map(|t| t.trim().to_owned())
                .filter(|r| !out[first..].iter().any(|l| l.refs.contains(r)))
                .collect();
            if let Some(leaf) = out.get_mut(first) {
                leaf.refs.extend(own);
            }
        }
    }
}

/// The BPMN-namespace children of `node` named `local`.
fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    local: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |c| is(*c, local))
}

fn is(node: roxmltree::Node<'_, '_>, local: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == local
        && node.tag_name().namespace() == Some(MODEL_NS)
}

/// Elements that are flow nodes: tasks, activities, events, gateways.
fn is_flow_node(local: &str) -> bool {
    local.ends_with("Task")
        || local == "task"
        || local == "callActivity"
        || is_subprocess(local)
        || local.ends_with("Event")
        || local.ends_with("Gateway")
}

fn is_subprocess(local: &str) -> bool {
    matches!(local, "subProcess" | "transaction" | "adHocSubProcess")
}
