//! Checking a document: every error and warning at once, then resolving it
//! into a [`Procedure`].

use crate::error::{Code, Diagnostic, Diagnostics, Error};
use crate::limits::Limits;
use crate::model::{Activity, Kind, Next, Sop};
use crate::parse::pointer;
use crate::procedure::{Flow, FlowLabel, Lane, Procedure, Step};
use crate::time::{ParsedTime, parse_time};
use petgraph::graph::NodeIndex;
use petgraph::visit::{IntoNeighbors, NodeCount, Reversed};
use std::collections::{HashMap, VecDeque};

/// Every problem of a document, errors and warnings.
pub fn validate(sop: &Sop) -> Diagnostics {
    // The texts are not needed for the diagnostics: left unfilled.
    match resolve(sop, &Limits::default()) {
        Ok(procedure) => procedure.warnings,
        Err(Error::Invalid(diagnostics)) => diagnostics,
        Err(other) => Diagnostics(vec![Diagnostic::error(
            Code::InvalidValue,
            "",
            other.to_string(),
        )]),
    }
}

/// The texts of an activity, as a step keeps them.
pub(crate) fn texts_into(step: &mut Step, activity: Activity) {
    step.text = activity.text;
    step.requirements = activity.requirements;
    step.time = activity.time;
    step.output = activity.output;
    step.notes = activity.notes;
    step.symbol_text = activity.symbol_text.filter(|t| !t.trim().is_empty());
}

/// Checks `sop` and resolves it, the texts left empty for the caller to
/// fill in ([`texts_into`]): moved out of an owned document, cloned from a
/// borrowed one. [`Error::Invalid`] lists every error (with the warnings
/// found alongside). Linear in the size of the document.
pub(crate) fn resolve(sop: &Sop, limits: &Limits) -> Result<Procedure, Error> {
    let mut checker = Checker {
        sop,
        limits,
        problems: Diagnostics::default(),
    };
    let procedure = checker.resolve();
    match procedure {
        Some(mut procedure) if !checker.problems.has_errors() => {
            checker.reachability(&procedure);
            procedure.warnings = checker.problems;
            Ok(procedure)
        }
        _ => Err(Error::Invalid(checker.problems)),
    }
}

struct Checker<'a> {
    sop: &'a Sop,
    limits: &'a Limits,
    problems: Diagnostics,
}

impl Checker<'_> {
    fn resolve(&mut self) -> Option<Procedure> {
        let sop = self.sop;
        if sop.activities.is_empty() {
            self.problems.push(Diagnostic::error(
                Code::NoActivities,
                "/activities",
                ("daftar kegiatan kosong", "the list of activities is empty"),
            ));
            return None;
        }
        let lanes = self.lanes();
        let ids = self.activity_ids();
        let count = sop.activities.len();
        let mut steps = Vec::with_capacity(count);
        let mut flows = Vec::with_capacity(count + count / 4);
        let mut used_lanes = vec![false; lanes.len()];
        for (index, activity) in sop.activities.iter().enumerate() {
            let id = default_id(activity, index);
            let kind = activity.kind.unwrap_or(if index == 0 {
                Kind::Start
            } else if index + 1 == count {
                Kind::End
            } else {
                Kind::Process
            });
            let step_lanes = self.step_lanes(index, &id, activity, &lanes);
            for &lane in &step_lanes {
                used_lanes[lane] = true;
            }
            self.check_texts(index, &id, activity);
            let duration = activity
                .time
                .as_deref()
                .map_or(ParsedTime::Empty, parse_time);
            if duration == ParsedTime::Unparsed {
                self.problems.push(
                    Diagnostic::warning(
                        Code::UnparsedTime,
                        pointer(&["activities", &index.to_string(), "time"]),
                        {
                            let time = activity.time.as_deref().unwrap_or_default();
                            (
                                format!("waktu \"{time}\" tidak dapat dibaca sebagai durasi; teks tetap ditampilkan"),
                                format!("the time \"{time}\" cannot be read as a duration; the text is shown as written"),
                            )
                        },
                    )
                    .at_activity(index + 1, &id),
                );
            }
            if activity.text.trim().is_empty() {
                self.problems.push(
                    Diagnostic::warning(
                        Code::EmptyText,
                        at(index, "text"),
                        ("uraian kegiatan kosong", "the activity has no text"),
                    )
                    .at_activity(index + 1, &id),
                );
            }
            self.outcomes(index, &id, kind, activity, &ids, &mut flows);
            // The texts are filled in once the document is accepted.
            steps.push(Step {
                id: id.into(),
                lanes: step_lanes,
                kind,
                text: String::new(),
                requirements: Vec::new(),
                time: None,
                duration,
                output: None,
                notes: None,
                symbol_text: None,
            });
        }
        for (lane, used) in used_lanes.iter().enumerate() {
            if !used {
                self.problems.push(Diagnostic::warning(
                    Code::UnusedActor,
                    pointer(&["actors", &lane.to_string()]),
                    (
                        format!(
                            "pelaksana \"{}\" tidak melakukan kegiatan apa pun",
                            lanes[lane].name
                        ),
                        format!("the performer \"{}\" has no activity", lanes[lane].name),
                    ),
                ));
            }
        }
        if !steps.iter().any(|s| s.kind == Kind::Start) {
            self.problems.push(Diagnostic::warning(
                Code::NoStart,
                "/activities",
                (
                    "tidak ada kegiatan berjenis start; kegiatan pertama dianggap awal",
                    "no activity is a start; the first is taken as the start",
                ),
            ));
        }
        Some(Procedure {
            identity: sop.identity.clone().unwrap_or_default(),
            lanes,
            steps,
            flows,
            warnings: Diagnostics::default(),
        })
    }

    fn lanes(&mut self) -> Vec<Lane> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut lanes = Vec::with_capacity(self.sop.actors.len());
        for (index, actor) in self.sop.actors.iter().enumerate() {
            if let Some(first) = seen.insert(actor.key(), index) {
                self.problems.push(Diagnostic::error(
                    Code::DuplicateActorId,
                    pointer(&["actors", &index.to_string(), "id"]),
                    (
                        format!(
                            "id pelaksana \"{}\" sudah dipakai oleh pelaksana ke-{}",
                            actor.key(),
                            first + 1
                        ),
                        format!(
                            "the performer id \"{}\" is already used by performer {}",
                            actor.key(),
                            first + 1
                        ),
                    ),
                ));
            }
            self.check_length(
                &actor.name,
                || pointer(&["actors", &index.to_string(), "name"]),
                None,
            );
            if let Some(group) = &actor.group {
                self.check_length(
                    group,
                    || pointer(&["actors", &index.to_string(), "group"]),
                    None,
                );
            }
            lanes.push(Lane {
                id: actor.key().to_owned(),
                name: actor.name.clone(),
                group: actor.group.clone().filter(|g| !g.trim().is_empty()),
            });
        }
        lanes
    }

    fn activity_ids(&mut self) -> HashMap<String, usize> {
        let mut ids = HashMap::with_capacity(self.sop.activities.len());
        for (index, activity) in self.sop.activities.iter().enumerate() {
            let id = default_id(activity, index);
            if let Some(first) = ids.insert(id.clone(), index) {
                ids.insert(id.clone(), first);
                self.problems.push(
                    Diagnostic::error(
                        Code::DuplicateActivityId,
                        at(index, "id"),
                        (
                            format!("id \"{id}\" sudah dipakai oleh kegiatan {}", first + 1),
                            format!("the id \"{id}\" is already used by activity {}", first + 1),
                        ),
                    )
                    .at_activity(index + 1, &id),
                );
            }
        }
        ids
    }

    fn step_lanes(
        &mut self,
        index: usize,
        id: &str,
        activity: &Activity,
        lanes: &[Lane],
    ) -> Vec<usize> {
        let mut result = Vec::with_capacity(activity.actor.len());
        if activity.actor.is_empty() {
            self.problems.push(
                Diagnostic::error(
                    Code::UnknownActor,
                    at(index, "actor"),
                    (
                        "kegiatan tidak menyebut pelaksana",
                        "the activity names no performer",
                    ),
                )
                .at_activity(index + 1, id),
            );
        }
        for (k, name) in activity.actor.iter().enumerate() {
            let by_id = lanes.iter().position(|l| l.id == *name);
            let by_name = || {
                let mut named = lanes.iter().enumerate().filter(|(_, l)| l.name == *name);
                let first = named.next().map(|(i, _)| i);
                (first, named.next().is_some())
            };
            let found = match by_id {
                Some(lane) => Some(lane),
                None => match by_name() {
                    (Some(_), true) => {
                        self.problems.push(
                            Diagnostic::error(
                                Code::AmbiguousActor,
                                at(index, "actor"),
                                (
                                    format!("nama pelaksana \"{name}\" dipakai oleh beberapa pelaksana (kelompok berbeda); sebut id-nya"),
                                    format!("the performer name \"{name}\" is shared by several performers (in different groups); give its id"),
                                ),
                            )
                            .at_activity(index + 1, id),
                        );
                        continue;
                    }
                    (lane, _) => lane,
                },
            };
            match found {
                Some(lane) => result.push(lane),
                None => {
                    let path = if activity.actor.len() == 1 {
                        at(index, "actor")
                    } else {
                        pointer(&["activities", &index.to_string(), "actor", &k.to_string()])
                    };
                    self.problems.push(
                        Diagnostic::error(
                            Code::UnknownActor,
                            path,
                            (
                                format!("pelaksana \"{name}\" tidak ada dalam daftar pelaksana"),
                                format!(
                                    "the performer \"{name}\" is not in the list of performers"
                                ),
                            ),
                        )
                        .at_activity(index + 1, id),
                    );
                }
            }
        }
        result.sort_unstable();
        result.dedup();
        result
    }

    fn check_texts(&mut self, index: usize, id: &str, activity: &Activity) {
        let number = Some((index + 1, id));
        self.check_length(&activity.text, || at(index, "text"), number);
        for (field, text) in [
            ("time", &activity.time),
            ("output", &activity.output),
            ("notes", &activity.notes),
            ("symbol_text", &activity.symbol_text),
        ] {
            if let Some(text) = text {
                self.check_length(text, || at(index, field), number);
            }
        }
        for (k, item) in activity.requirements.iter().enumerate() {
            self.check_length(
                item,
                || Place::Item("requirements", k).pointer(index),
                number,
            );
        }
    }

    /// Refuses a text over the character limit; `path` is only made when
    /// there is something to report.
    fn check_length(
        &mut self,
        text: &str,
        path: impl FnOnce() -> String,
        activity: Option<(usize, &str)>,
    ) {
        // A text within the limit in bytes is within it in characters.
        if text.len() <= self.limits.max_text_chars {
            return;
        }
        let chars = text.chars().count();
        if chars > self.limits.max_text_chars {
            let mut d = Diagnostic::error(
                Code::LimitExceeded,
                path(),
                (
                    format!(
                        "teks {chars} karakter, melebihi batas max_text_chars {}",
                        self.limits.max_text_chars
                    ),
                    format!(
                        "the text has {chars} characters, more than the limit max_text_chars {}",
                        self.limits.max_text_chars
                    ),
                ),
            );
            if let Some((number, id)) = activity {
                d = d.at_activity(number, id);
            }
            self.problems.push(d);
        }
    }

    /// Resolves the outcomes of one activity into flows.
    fn outcomes(
        &mut self,
        index: usize,
        id: &str,
        kind: Kind,
        activity: &Activity,
        ids: &HashMap<String, usize>,
        flows: &mut Vec<Flow>,
    ) {
        let count = self.sop.activities.len();
        let following =
            (index + 1 < count).then(|| default_id(&self.sop.activities[index + 1], index + 1));
        let has_yes_no = activity.yes.is_some() || activity.no.is_some();
        let error = |code, path: String, message: crate::error::Message| {
            Diagnostic::error(code, path, message).at_activity(index + 1, id)
        };
        // (target id, label, path of the field naming it)
        let mut outcomes: Vec<(String, Option<FlowLabel>, Place)> = Vec::new();
        if kind == Kind::End {
            for (field, given) in [
                ("next", activity.next.is_some()),
                ("yes", activity.yes.is_some()),
                ("no", activity.no.is_some()),
            ] {
                if given {
                    // The last row is an end by default: say so when that
                    // rule, not the drafter, made it one.
                    let message = if activity.kind.is_none() {
                        (
                            "kegiatan terakhir dianggap selesai (end) bila jenisnya tidak ditulis, dan kegiatan selesai tidak boleh punya lanjutan; beri \"kind\": \"process\" (jenis proses) untuk melanjutkan",
                            "the last activity is an end by default, and an end cannot have a successor; give it \"kind\": \"process\" to continue",
                        )
                    } else {
                        (
                            "kegiatan selesai (end) tidak boleh punya kegiatan lanjutan",
                            "an end activity cannot have a successor",
                        )
                    };
                    self.problems
                        .push(error(Code::EndWithNext, at(index, field), message.into()));
                }
            }
            return;
        }
        if has_yes_no && kind != Kind::Decision {
            let field = if activity.yes.is_some() { "yes" } else { "no" };
            self.problems.push(error(
                Code::BranchOutsideDecision,
                at(index, field),
                (
                    "`yes`/`no` hanya untuk kegiatan keputusan (decision)",
                    "`yes`/`no` belong to decisions only",
                )
                    .into(),
            ));
        }
        match (&activity.next, has_yes_no && kind == Kind::Decision) {
            (Some(Next::Many(_)), true) => {
                self.problems.push(error(
                    Code::MixedBranches,
                    at(index, "next"),
                    (
                        "keputusan memakai `yes`/`no` sekaligus daftar `next`; pilih salah satu",
                        "the decision has both `yes`/`no` and a `next` list; keep one",
                    )
                        .into(),
                ));
            }
            (next, true) => {
                let yes = activity.yes.clone().or_else(|| match next {
                    Some(Next::One(to)) => Some(to.clone()),
                    _ => following.clone(),
                });
                let yes_path = Place::Field(if activity.yes.is_some() {
                    "yes"
                } else {
                    "next"
                });
                if let Some(yes) = yes {
                    outcomes.push((yes, Some(FlowLabel::Yes), yes_path));
                }
                if let Some(no) = &activity.no {
                    outcomes.push((no.clone(), Some(FlowLabel::No), Place::Field("no")));
                }
            }
            (Some(Next::One(to)), false) => {
                outcomes.push((to.clone(), None, Place::Field("next")));
            }
            (Some(Next::Many(list)), false) => {
                for (k, branch) in list.iter().enumerate() {
                    let path = match branch {
                        crate::model::Branch::To(_) => Place::Item("next", k),
                        crate::model::Branch::Labelled(_) => Place::BranchTarget(k),
                    };
                    let label = branch.label().map(|l| FlowLabel::Text(l.to_owned()));
                    outcomes.push((branch.target().to_owned(), label, path));
                }
            }
            (None, false) => {
                if let Some(following) = following {
                    outcomes.push((following, None, Place::Field("next")));
                }
            }
        }
        if kind == Kind::Decision && outcomes.len() < 2 {
            self.problems.push(error(
                Code::DecisionOutcomes,
                at(index, "next"),
                (
                    format!("keputusan harus punya paling sedikit dua hasil (mis. `yes` dan `no`), ditemukan {}", outcomes.len()),
                    format!("a decision needs at least two outcomes (e.g. `yes` and `no`); it has {}", outcomes.len()),
                )
                    .into(),
            ));
        }
        let first_flow = flows.len();
        for (target, label, path) in outcomes {
            let Some(&to) = ids.get(&target) else {
                self.problems.push(error(
                    Code::UnknownTarget,
                    path.pointer(index),
                    (
                        format!("kegiatan tujuan \"{target}\" tidak ada"),
                        format!("the target activity \"{target}\" does not exist"),
                    )
                        .into(),
                ));
                continue;
            };
            if to == index {
                self.problems.push(error(
                    Code::SelfLoop,
                    path.pointer(index),
                    (
                        "kegiatan tidak boleh mengalir ke dirinya sendiri",
                        "an activity cannot flow into itself",
                    )
                        .into(),
                ));
                continue;
            }
            let main = flows.len() == first_flow;
            flows.push(Flow {
                from: index,
                to,
                label,
                main,
            });
        }
    }

    /// Warnings for activities off every start-to-end path: one search
    /// from all starts forward, one from all ends backward.
    fn reachability(&mut self, procedure: &Procedure) {
        let graph = procedure.graph();
        let reached = reachable(&graph, procedure.starts());
        let finishes = reachable(Reversed(&graph), procedure.ends());
        for (i, step) in procedure.steps.iter().enumerate() {
            if !reached[i] {
                self.problems.push(
                    Diagnostic::warning(
                        Code::Unreachable,
                        at(i, "id"),
                        (
                            "tidak ada alur dari kegiatan awal yang sampai ke kegiatan ini",
                            "no path from a start reaches this activity",
                        ),
                    )
                    .at_activity(i + 1, &step.id),
                );
            }
            if !finishes[i] {
                self.problems.push(
                    Diagnostic::warning(
                        Code::NoPathToEnd,
                        at(i, "id"),
                        (
                            "dari kegiatan ini tidak ada alur yang sampai ke kegiatan selesai",
                            "no path leads from this activity to an end",
                        ),
                    )
                    .at_activity(i + 1, &step.id),
                );
            }
        }
    }
}

/// The nodes reachable from any of `sources`, in one breadth-first search.
fn reachable<G>(graph: G, sources: impl IntoIterator<Item = usize>) -> Vec<bool>
where
    G: IntoNeighbors<NodeId = NodeIndex> + NodeCount,
{
    let mut seen = vec![false; graph.node_count()];
    let mut queue = VecDeque::new();
    for s in sources {
        if !std::mem::replace(&mut seen[s], true) {
            queue.push_back(NodeIndex::new(s));
        }
    }
    while let Some(node) = queue.pop_front() {
        for next in graph.neighbors(node) {
            if !std::mem::replace(&mut seen[next.index()], true) {
                queue.push_back(next);
            }
        }
    }
    seen
}

/// Where a value sits within an activity; made into a JSON pointer only
/// when a problem is reported there.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// A field (`/activities/3/next`).
    Field(&'static str),
    /// An item of a list field (`/activities/3/next/1`).
    Item(&'static str, usize),
    /// The target of a labelled branch (`/activities/3/next/1/to`).
    BranchTarget(usize),
}

impl Place {
    fn pointer(self, index: usize) -> String {
        let index = index.to_string();
        match self {
            Place::Field(field) => pointer(&["activities", &index, field]),
            Place::Item(field, k) => pointer(&["activities", &index, field, &k.to_string()]),
            Place::BranchTarget(k) => {
                pointer(&["activities", &index, "next", &k.to_string(), "to"])
            }
        }
    }
}

fn default_id(activity: &Activity, index: usize) -> String {
    activity
        .id
        .clone()
        .unwrap_or_else(|| (index + 1).to_string())
}

fn at(index: usize, field: &str) -> String {
    pointer(&["activities", &index.to_string(), field])
}
