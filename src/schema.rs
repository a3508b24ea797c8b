//! The JSON Schema of the `sopflow/1` format (feature `schema`), generated
//! from the model, with every Indonesian field name and kind word added so
//! that editors accept and autocomplete documents written either way.

use crate::model::Sop;
use serde_json::{Value, json};

/// Indonesian names: (definition, or "" for the document; field; alias).
/// Kept in step with the `alias` attributes of [`crate::model`]; the
/// schema test validates a document that uses every one of them.
const ALIASES: &[(&str, &str, &str)] = &[
    ("", "identity", "identitas"),
    ("", "actors", "pelaksana"),
    ("", "activities", "kegiatan"),
    ("Identity", "agency", "instansi"),
    ("Identity", "unit", "unit_kerja"),
    ("Identity", "number", "nomor"),
    ("Identity", "created", "tanggal_pembuatan"),
    ("Identity", "revised", "tanggal_revisi"),
    ("Identity", "effective", "tanggal_efektif"),
    ("Identity", "approved_by", "disahkan_oleh"),
    ("Identity", "name", "nama"),
    ("Identity", "legal_basis", "dasar_hukum"),
    ("Identity", "qualifications", "kualifikasi_pelaksana"),
    ("Identity", "related", "keterkaitan"),
    ("Identity", "equipment", "peralatan"),
    ("Identity", "warnings", "peringatan"),
    ("Identity", "records", "pencatatan"),
    ("Identity", "signature", "tanda_tangan"),
    ("Identity", "footer", "catatan_kaki"),
    ("Approval", "position", "jabatan"),
    ("Approval", "name", "nama"),
    ("Actor", "name", "nama"),
    ("Actor", "group", "kelompok"),
    ("Activity", "text", "uraian"),
    ("Activity", "actor", "pelaksana"),
    ("Activity", "kind", "jenis"),
    ("Activity", "requirements", "kelengkapan"),
    ("Activity", "time", "waktu"),
    ("Activity", "notes", "keterangan"),
    ("Activity", "symbol_text", "teks_simbol"),
    ("Activity", "next", "lanjut"),
    ("Activity", "yes", "ya"),
    ("Activity", "no", "tidak"),
    ("LabelledBranch", "to", "ke"),
];

/// Indonesian words for the kinds.
const KIND_ALIASES: &[(&str, &str)] = &[
    ("start", "mulai"),
    ("process", "proses"),
    ("decision", "keputusan"),
    ("end", "selesai"),
];

/// The schema as JSON.
pub fn json_schema() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Sop)).unwrap_or(Value::Null);
    for &(definition, field, alias) in ALIASES {
        let target = if definition.is_empty() {
            Some(&mut schema)
        } else {
            schema.pointer_mut(&format!("/$defs/{definition}"))
        };
        if let Some(object) = target {
            add_alias(object, field, alias);
        }
    }
    if let Some(Value::Array(kinds)) = schema.pointer_mut("/$defs/Kind/oneOf") {
        for &(english, indonesian) in KIND_ALIASES {
            let description = format!("Indonesian for \"{english}\".");
            kinds
                .push(json!({ "description": description, "type": "string", "const": indonesian }));
        }
    }
    schema
}

/// Lets `alias` stand for `field`; a required field may be given under
/// either name, but not both.
fn add_alias(object: &mut Value, field: &str, alias: &str) {
    let Some(definition) = object.pointer(&format!("/properties/{field}")).cloned() else {
        return;
    };
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        properties.insert(alias.to_owned(), definition);
    }
    let required = object
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|r| r.iter().any(|v| v == field));
    let either = json!({ "not": { "required": [field, alias] } });
    let clause = if required {
        if let Some(Value::Array(list)) = object.get_mut("required") {
            list.retain(|v| v != field);
        }
        json!({ "oneOf": [{ "required": [field] }, { "required": [alias] }] })
    } else {
        either
    };
    if let Value::Object(map) = object {
        match map.get_mut("allOf") {
            Some(Value::Array(all)) => all.push(clause),
            _ => {
                map.insert("allOf".into(), json!([clause]));
            }
        }
    }
}

/// The JSON Schema of the configuration file `--config` reads
/// ([`crate::config::Config`]): every key, its type and its default.
pub fn config_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::config::Config)).unwrap_or(Value::Null)
}
