//! Reading a JSON document into the model, reporting every structural
//! problem (syntax with line and column, unknown fields, wrong types) with
//! its JSON pointer.

use crate::error::{Code, Diagnostic, Diagnostics};
use crate::limits::Limits;
use crate::model::{Activity, Actor, FORMAT, Identity, Sop};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Reads a `sopflow/1` JSON document with the default [`Limits`].
pub fn parse_sop(json: &str) -> Result<Sop, Diagnostics> {
    parse_sop_with(json, &Limits::default())
}

/// Reads a `sopflow/1` JSON document, refusing what exceeds `limits`.
///
/// Each identity block, actor and activity is read on its own, so that all
/// their problems are reported at once.
pub fn parse_sop_with(json: &str, limits: &Limits) -> Result<Sop, Diagnostics> {
    if json.len() > limits.max_input_bytes {
        return Err(one(Diagnostic::error(
            Code::LimitExceeded,
            "",
            (
                format!(
                    "dokumen {} bita, melebihi batas max_input_bytes {}",
                    json.len(),
                    limits.max_input_bytes
                ),
                format!(
                    "the document has {} bytes, more than the limit max_input_bytes {}",
                    json.len(),
                    limits.max_input_bytes
                ),
            ),
        )));
    }
    // The common case, a valid document, is read in one typed pass; any
    // problem sends it through the slower reading that reports them all.
    if let Ok(sop) = serde_json::from_str::<Sop>(json)
        && sop.format.as_deref().is_none_or(|f| f == FORMAT)
        && sop.activities.len() <= limits.max_activities
        && sop.actors.len() <= limits.max_actors
    {
        return Ok(sop);
    }
    let value: Value = serde_json::from_str(json).map_err(|e| {
        one(Diagnostic::error(
            Code::JsonSyntax,
            "",
            (
                format!("bukan JSON yang sah: {e}"),
                format!("not valid JSON: {e}"),
            ),
        )
        .at_line(e.line(), e.column()))
    })?;
    let Value::Object(mut root) = value else {
        return Err(one(Diagnostic::error(
            Code::InvalidValue,
            "",
            (
                "dokumen harus berupa objek JSON",
                "the document must be a JSON object",
            ),
        )));
    };
    let mut problems = Diagnostics::default();
    let format = take(&mut root, &["format"]);
    let identity = take(&mut root, &["identity", "identitas"]);
    let actors = take(&mut root, &["actors", "pelaksana"]);
    let activities = take(&mut root, &["activities", "kegiatan"]);
    for key in root.keys() {
        problems.push(Diagnostic::error(
            Code::UnknownField,
            pointer(&[key]),
            (
                format!("kolom `{key}` tidak dikenal"),
                format!("unknown field `{key}`"),
            ),
        ));
    }
    let format = match format {
        None | Some((_, Value::Null)) => None,
        Some((_, Value::String(tag))) if tag == FORMAT => Some(tag),
        Some((_, other)) => {
            problems.push(Diagnostic::error(
                Code::UnsupportedFormat,
                "/format",
                (
                    format!("format {other} tidak didukung; gunakan \"{FORMAT}\""),
                    format!("format {other} is not supported; use \"{FORMAT}\""),
                ),
            ));
            None
        }
    };
    let identity =
        identity.and_then(|(key, v)| read::<Identity>(v, &pointer(&[key]), &mut problems));
    let actors = read_list::<Actor>(actors, "actors", false, &mut problems);
    let activities = read_list::<Activity>(activities, "activities", true, &mut problems);
    if activities.len() > limits.max_activities {
        problems.push(Diagnostic::error(
            Code::LimitExceeded,
            "/activities",
            (
                format!(
                    "{} kegiatan, melebihi batas max_activities {}",
                    activities.len(),
                    limits.max_activities
                ),
                format!(
                    "{} activities, more than the limit max_activities {}",
                    activities.len(),
                    limits.max_activities
                ),
            ),
        ));
    }
    if actors.len() > limits.max_actors {
        problems.push(Diagnostic::error(
            Code::LimitExceeded,
            "/actors",
            (
                format!(
                    "{} pelaksana, melebihi batas max_actors {}",
                    actors.len(),
                    limits.max_actors
                ),
                format!(
                    "{} performers, more than the limit max_actors {}",
                    actors.len(),
                    limits.max_actors
                ),
            ),
        ));
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Sop {
        format,
        identity,
        actors,
        activities,
    })
}

fn one(diagnostic: Diagnostic) -> Diagnostics {
    Diagnostics(vec![diagnostic])
}

/// Removes the field under its English or Indonesian name.
fn take(root: &mut Map<String, Value>, names: &[&'static str]) -> Option<(&'static str, Value)> {
    names
        .iter()
        .find_map(|&name| root.remove(name).map(|value| (name, value)))
}

fn read_list<T: DeserializeOwned>(
    field: Option<(&'static str, Value)>,
    english: &str,
    required: bool,
    problems: &mut Diagnostics,
) -> Vec<T> {
    match field {
        None if required => {
            problems.push(Diagnostic::error(
                Code::MissingField,
                "",
                (
                    format!("kolom `{english}` wajib ada"),
                    format!("the field `{english}` is required"),
                ),
            ));
            Vec::new()
        }
        None | Some((_, Value::Null)) => Vec::new(),
        Some((key, Value::Array(items))) => items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| read::<T>(item, &pointer(&[key, &i.to_string()]), problems))
            .collect(),
        Some((key, _)) => {
            problems.push(Diagnostic::error(
                Code::InvalidValue,
                pointer(&[key]),
                (
                    format!("`{key}` harus berupa daftar"),
                    format!("`{key}` must be a list"),
                ),
            ));
            Vec::new()
        }
    }
}

/// Deserialises one value, turning a failure into a diagnostic with its path.
fn read<T: DeserializeOwned>(value: Value, base: &str, problems: &mut Diagnostics) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(item) => Some(item),
        Err(err) => {
            let mut path = base.to_owned();
            for segment in err.path().iter() {
                use serde_path_to_error::Segment;
                match segment {
                    Segment::Seq { index } => path.push_str(&format!("/{index}")),
                    Segment::Map { key } | Segment::Enum { variant: key } => {
                        path.push_str(&format!("/{}", escape(key)))
                    }
                    Segment::Unknown => {}
                }
            }
            problems.push(describe(err.inner().to_string(), path));
            None
        }
    }
}

/// Classifies a serde message and rewrites it for a drafter.
fn describe(message: String, path: String) -> Diagnostic {
    let quoted = message.split('`').nth(1).unwrap_or_default().to_owned();
    if message.starts_with("unknown field") {
        let path = if path.ends_with(&format!("/{}", escape(&quoted))) {
            path
        } else {
            format!("{path}/{}", escape(&quoted))
        };
        Diagnostic::error(
            Code::UnknownField,
            path,
            (
                format!("kolom `{quoted}` tidak dikenal"),
                format!("unknown field `{quoted}`"),
            ),
        )
    } else if message.starts_with("missing field") {
        Diagnostic::error(
            Code::MissingField,
            path,
            (
                format!("kolom `{quoted}` wajib ada"),
                format!("the field `{quoted}` is required"),
            ),
        )
    } else if message.starts_with("unknown variant") {
        Diagnostic::error(
            Code::InvalidValue,
            path,
            (
                format!("nilai `{quoted}` tidak dikenal ({message})"),
                format!("unknown value `{quoted}` ({message})"),
            ),
        )
    } else {
        Diagnostic::error(
            Code::InvalidValue,
            path,
            (
                format!("nilai tidak sesuai: {message}"),
                format!("wrong value: {message}"),
            ),
        )
    }
}

/// A JSON pointer from its segments.
pub(crate) fn pointer(segments: &[&str]) -> String {
    segments.iter().map(|s| format!("/{}", escape(s))).collect()
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}
