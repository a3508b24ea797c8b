//! The validated procedure: every id resolved to an index, kinds and
//! successors filled in, times parsed. This is what layout consumes.

mod service_time;

use crate::error::Diagnostics;
use crate::model::{Identity, Kind};
use crate::time::{Duration, ParsedTime, TimeSpan};
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::sync::Arc;

/// A checked SOP, ready for layout. Made by [`Procedure::from_sop`].
#[derive(Debug, Clone, PartialEq)]
pub struct Procedure {
    pub(crate) identity: Identity,
    pub(crate) lanes: Vec<Lane>,
    pub(crate) steps: Vec<Step>,
    pub(crate) flows: Vec<Flow>,
    pub(crate) warnings: Diagnostics,
}

/// One performer column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lane {
    /// The actor's id.
    pub id: String,
    /// The header text.
    pub name: String,
    /// The actor group whose merged header cell stands above the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// One activity row.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The activity's id (shared by every piece of the layout that names it).
    pub id: Arc<str>,
    /// Lanes holding a symbol (several for a joint activity), ascending.
    pub lanes: Vec<usize>,
    /// Resolved kind.
    pub kind: Kind,
    /// Kegiatan text.
    pub text: String,
    /// Kelengkapan items.
    pub requirements: Vec<String>,
    /// Waktu as written.
    pub time: Option<String>,
    /// Waktu as read.
    pub duration: ParsedTime,
    /// Output text.
    pub output: Option<String>,
    /// Keterangan text.
    pub notes: Option<String>,
    /// Text drawn inside the symbol.
    pub symbol_text: Option<String>,
}

/// The label an arrow carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FlowLabel {
    /// A decision's "Ya" outcome (printed from the label set).
    Yes,
    /// A decision's "Tidak" outcome.
    No,
    /// A drafter's own label ("Lengkap").
    Text(String),
}

/// One arrow between two activities (row indices).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Flow {
    /// Source row index.
    pub from: usize,
    /// Target row index.
    pub to: usize,
    /// Branch label, if any.
    pub label: Option<FlowLabel>,
    /// True for the main outcome of its source (its first outcome).
    pub main: bool,
}

/// The procedure's total service time along paths from a start to an end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ServiceTime {
    /// The fastest path.
    pub min: Duration,
    /// The slowest path, going round each rework loop once.
    pub max: Duration,
}

impl ServiceTime {
    /// As a range for display.
    pub fn span(&self) -> TimeSpan {
        TimeSpan {
            min: self.min,
            max: self.max,
        }
    }
}

/// Counts and service time of a procedure, as `sopflow check` reports them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Number of activities.
    pub activities: usize,
    /// Number of actors.
    pub actors: usize,
    /// Number of decisions.
    pub decisions: usize,
    /// Service time from a start to an end, when an end is reachable.
    pub service_time: Option<ServiceTimeSummary>,
}

/// The service time in minutes and in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceTimeSummary {
    /// Fastest path, in minutes (see `basis`).
    pub min: f64,
    /// Slowest path, in minutes (see `basis`).
    pub max: f64,
    /// As a person reads it, each base apart ("2 hari kerja + 30 menit").
    pub text: String,
    /// How days and working days were turned into minutes.
    pub basis: &'static str,
    /// The fastest path per base.
    pub min_parts: Duration,
    /// The slowest path per base.
    pub max_parts: Duration,
}

impl Procedure {
    /// Checks `sop` and resolves it: every id to an index, kinds and
    /// successors filled in, times parsed. Refuses it with every problem at
    /// once; warnings are kept in [`Procedure::warnings`].
    pub fn from_sop(sop: &crate::Sop) -> Result<Procedure, crate::Error> {
        Self::from_sop_with(sop, &crate::Limits::default())
    }

    /// [`Procedure::from_sop`] under caller-chosen limits.
    pub fn from_sop_with(
        sop: &crate::Sop,
        limits: &crate::Limits,
    ) -> Result<Procedure, crate::Error> {
        let mut procedure = crate::validate::resolve(sop, limits)?;
        for (step, activity) in procedure.steps.iter_mut().zip(&sop.activities) {
            // Only the texts are copied, not the whole activity.
            let texts = crate::Activity {
                text: activity.text.clone(),
                requirements: activity.requirements.clone(),
                time: activity.time.clone(),
                output: activity.output.clone(),
                notes: activity.notes.clone(),
                symbol_text: activity.symbol_text.clone(),
                ..crate::Activity::default()
            };
            crate::validate::texts_into(step, texts);
        }
        Ok(procedure)
    }

    /// [`Procedure::from_sop_with`], taking the document: its texts move
    /// into the procedure instead of being copied (less memory for a long
    /// SOP read only to be laid out).
    pub fn from_owned_sop(
        sop: crate::Sop,
        limits: &crate::Limits,
    ) -> Result<Procedure, crate::Error> {
        let mut procedure = crate::validate::resolve(&sop, limits)?;
        for (step, activity) in procedure.steps.iter_mut().zip(sop.activities) {
            crate::validate::texts_into(step, activity);
        }
        Ok(procedure)
    }

    /// The identity sheet (empty when the document had none).
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// Swimlanes in column order.
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    /// Activities in row order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// Every arrow, by source row then outcome order.
    pub fn flows(&self) -> &[Flow] {
        &self.flows
    }

    /// The arrows leaving row `step`, in outcome order.
    pub fn outgoing(&self, step: usize) -> &[Flow] {
        let start = self.flows.partition_point(|f| f.from < step);
        let end = self.flows.partition_point(|f| f.from <= step);
        &self.flows[start..end]
    }

    /// True when the arrows leaving row `step` are outcomes, each drawn
    /// out of an exit of its own: a decision's, or two or more arrows of
    /// which one carries a label (a task with boundary events).
    pub fn branches(&self, step: usize) -> bool {
        let out = self.outgoing(step);
        self.steps[step].kind == Kind::Decision
            || (out.len() >= 2 && out.iter().any(|f| f.label.is_some()))
    }

    /// Warnings found while checking (the document is still valid).
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    /// Counts and service time.
    pub fn summary(&self) -> Summary {
        Summary {
            activities: self.steps.len(),
            actors: self.lanes.len(),
            decisions: self
                .steps
                .iter()
                .filter(|s| s.kind == Kind::Decision)
                .count(),
            service_time: self.service_time().map(|t| ServiceTimeSummary {
                min: t.min.to_minutes(),
                max: t.max.to_minutes(),
                text: t.span().to_string(),
                basis: crate::time::CONVERSION_NOTE,
                min_parts: t.min,
                max_parts: t.max,
            }),
        }
    }

    /// The flow graph (node `i` is step `i`).
    pub fn graph(&self) -> DiGraph<(), ()> {
        let mut graph = DiGraph::with_capacity(self.steps.len(), self.flows.len());
        for _ in &self.steps {
            graph.add_node(());
        }
        for flow in &self.flows {
            graph.add_edge(NodeIndex::new(flow.from), NodeIndex::new(flow.to), ());
        }
        graph
    }

    /// Indices of the steps where the procedure starts.
    pub fn starts(&self) -> Vec<usize> {
        let starts: Vec<usize> = (0..self.steps.len())
            .filter(|&i| self.steps[i].kind == Kind::Start)
            .collect();
        if starts.is_empty() && !self.steps.is_empty() {
            vec![0]
        } else {
            starts
        }
    }

    /// Indices of the steps where the procedure ends.
    pub fn ends(&self) -> Vec<usize> {
        (0..self.steps.len())
            .filter(|&i| self.steps[i].kind == Kind::End)
            .collect()
    }

    /// Successor lists by step index.
    pub fn successors(&self) -> Vec<Vec<usize>> {
        let mut successors = vec![Vec::new(); self.steps.len()];
        for flow in &self.flows {
            successors[flow.from].push(flow.to);
        }
        successors
    }
}
