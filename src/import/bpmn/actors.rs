//! Performers from pools and leaf lanes, and the performer of each node.

use super::document::{Model, Node};
use crate::model::Actor;
use std::collections::HashMap;

/// The performers of a model and the lane each node belongs to.
pub(super) struct Actors {
    /// In column order: pools in collaboration order, leaf lanes depth first.
    pub list: Vec<Actor>,
    /// Actor id by node id.
    of_node: HashMap<String, String>,
    /// Each pool's first actor id, by process id.
    first_of_process: HashMap<String, String>,
}

impl Actors {
    /// The actor id of `node`.
    pub fn of(&self, node: &Node) -> String {
        self.of_node
            .get(&node.id)
            .or_else(|| self.first_of_process.get(&node.process))
            .cloned()
            .unwrap_or_default()
    }
}

/// The performers of `model`, as the mapping names them.
pub(super) fn actors(model: &Model) -> Actors {
    let several_pools = model.pools.len() > 1;
    let mut list = Vec::new();
    let mut of_node = HashMap::new();
    let mut first_of_process = HashMap::new();
    for pool in &model.pools {
        if pool.lanes.is_empty() {
            first_of_process.insert(pool.process.clone(), pool.id.clone());
            list.push(Actor {
                id: Some(pool.id.clone()),
                name: pool.name.clone(),
                group: None,
            });
            continue;
        }
        first_of_process.insert(pool.process.clone(), pool.lanes[0].id.clone());
        for lane in &pool.lanes {
            let name = lane
                .name
                .clone()
                .or_else(|| lane.parent.clone())
                .unwrap_or_else(|| pool.name.clone());
            let group = lane
                .parent
                .clone()
                .or_else(|| several_pools.then(|| pool.name.clone()))
                .filter(|g| *g != name);
            list.push(Actor {
                id: Some(lane.id.clone()),
                name,
                group,
            });
            for node in &lane.refs {
                of_node
                    .entry(node.clone())
                    .or_insert_with(|| lane.id.clone());
            }
        }
        // Nodes no lane lists: the lane whose diagram bounds hold the centre.
        for node in model.nodes.iter().filter(|n| n.process == pool.process) {
            if of_node.contains_key(&node.id) {
                continue;
            }
            // A sub-process whose inner nodes a lane lists.
            let from_subprocess = pool
                .lanes
                .iter()
                .find(|l| l.refs.iter().any(|r| model.inner.get(r) == Some(&node.id)))
                .map(|l| l.id.clone());
            let by_bounds = || {
                let (x, y, w, h) = *model.bounds.get(&node.id)?;
                let (cx, cy) = (x + w / 2.0, y + h / 2.0);
                pool.lanes.iter().find_map(|lane| {
                    let (lx, ly, lw, lh) = *model.bounds.get(&lane.id)?;
                    (cx >= lx && cx <= lx + lw && cy >= ly && cy <= ly + lh)
                        .then(|| lane.id.clone())
                })
            };
            if let Some(lane) = from_subprocess.or_else(by_bounds) {
                of_node.insert(node.id.clone(), lane);
            }
        }
    }
    deduplicate_names(&mut list);
    Actors {
        list,
        of_node,
        first_of_process,
    }
}

/// Second and later performers of one name get " (2)", " (3)".
fn deduplicate_names(list: &mut [Actor]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for actor in list.iter_mut() {
        let count = seen.entry(actor.name.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            actor.name = format!("{} ({count})", actor.name);
        }
    }
}
