//! The page's one JSON island: every step's texts and times, the
//! performers and the words the script prints. The drawing's structure
//! comes from the SVG itself (its `data-` attributes), so this is all the
//! script needs besides it.

use crate::config::Words;
use crate::model::Kind;
use crate::procedure::Procedure;
use serde::Serialize;

#[derive(Serialize)]
struct Island<'a> {
    words: IslandWords<'a>,
    actors: Vec<Actor<'a>>,
    steps: Vec<Step<'a>>,
}

/// The words the script prints (field names and the reader's own).
#[derive(Serialize)]
struct IslandWords<'a> {
    number: &'a str,
    activity: &'a str,
    actors: &'a str,
    requirements: &'a str,
    time: &'a str,
    output: &'a str,
    notes: &'a str,
    next: &'a str,
    through: &'a str,
    no_path: &'a str,
    fastest: &'a str,
    slowest: &'a str,
    found: &'a str,
}

#[derive(Serialize)]
struct Actor<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Step<'a> {
    id: &'a str,
    row: usize,
    kind: Kind,
    /// Where paths start (the procedure's starts); left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    start: bool,
    /// Where paths end; left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    end: bool,
    text: &'a str,
    /// Performer ids, in column order.
    actors: Vec<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    requirements: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    /// Successor ids, in outcome order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    next: Vec<&'a str>,
    /// Fastest and slowest path through the step, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    through: Option<[String; 2]>,
}

/// The island's JSON, safe inside `<script type="application/json">`:
/// `<`, `>` and `&` are written as `\u` escapes, so no text can close the
/// element.
pub(super) fn json(procedure: &Procedure, words: &Words) -> String {
    let n = procedure.steps().len();
    let (mut start, mut end) = (vec![false; n], vec![false; n]);
    procedure.starts().into_iter().for_each(|i| start[i] = true);
    procedure.ends().into_iter().for_each(|i| end[i] = true);
    let through = procedure.service_time_through();
    let mut next: Vec<Vec<&str>> = vec![Vec::new(); n];
    for flow in procedure.flows() {
        next[flow.from].push(&procedure.steps()[flow.to].id);
    }
    let r = &words.reader;
    let island = Island {
        words: IslandWords {
            number: &words.number,
            activity: &words.activity,
            actors: &words.actors,
            requirements: &words.requirements,
            time: &words.time,
            output: &words.output,
            notes: &words.notes,
            next: &r.next,
            through: &r.through,
            no_path: &r.no_path,
            fastest: &r.fastest,
            slowest: &r.slowest,
            found: &r.found,
        },
        actors: procedure
            .lanes()
            .iter()
            .map(|l| Actor {
                id: &l.id,
                name: &l.name,
            })
            .collect(),
        steps: procedure
            .steps()
            .iter()
            .zip(next)
            .zip(through)
            .enumerate()
            .map(|(i, ((s, next), through))| Step {
                id: &s.id,
                row: i + 1,
                kind: s.kind,
                start: start[i],
                end: end[i],
                text: &s.text,
                actors: s
                    .lanes
                    .iter()
                    .map(|&l| procedure.lanes()[l].id.as_str())
                    .collect(),
                requirements: &s.requirements,
                time: s.time.as_deref(),
                output: s.output.as_deref(),
                notes: s.notes.as_deref(),
                next,
                through: through.map(|t| [t.min.to_string(), t.max.to_string()]),
            })
            .collect(),
    };
    let text = serde_json::to_string(&island).expect("the island serialises");
    let mut safe = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            c => safe.push(c),
        }
    }
    safe
}
