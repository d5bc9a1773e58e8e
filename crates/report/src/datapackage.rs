//! `datapackage.json`: a Frictionless Tabular Data Package describing every
//! CSV — fields with types and descriptions, enumerations as constraints,
//! primary and foreign keys.

use crate::RunInfo;
use serde_json::{json, Map, Value};
use transform::{Table, Values};

/// The data package for the CSV files of `tables`.
pub fn datapackage(tables: &[Table], info: &RunInfo) -> String {
    let resources: Vec<Value> = tables.iter().map(resource).collect();
    let package = json!({
        "profile": "tabular-data-package",
        "name": "bangfu-output",
        "title": "East–West paired assistance facts extracted by bangfu",
        "description": format!("Tables written by bangfu {}. Offsets are in Unicode scalar values into documents.text (in documents.parquet).", info.version),
        "resources": resources,
    });
    let mut out = serde_json::to_string_pretty(&package).unwrap_or_default();
    out.push('\n');
    out
}

fn resource(t: &Table) -> Value {
    let fields: Vec<Value> = t
        .columns
        .iter()
        .filter(|c| !t.parquet_only.contains(&c.name))
        .map(|c| {
            let mut f = Map::new();
            f.insert("name".into(), json!(c.name));
            f.insert("type".into(), json!(frictionless_type(&c.values)));
            f.insert("description".into(), json!(c.description));
            if let Some(allowed) = transform::enums::of(t.name, c.name) {
                f.insert("constraints".into(), json!({ "enum": allowed }));
            }
            Value::Object(f)
        })
        .collect();
    let mut schema = Map::new();
    schema.insert("fields".into(), Value::Array(fields));
    schema.insert("missingValues".into(), json!([""]));
    if !t.primary_key.is_empty() {
        schema.insert("primaryKey".into(), json!(t.primary_key));
    }
    if !t.foreign_keys.is_empty() {
        let fks: Vec<Value> = t
            .foreign_keys
            .iter()
            .map(|fk| json!({"fields": [fk.column], "reference": {"resource": fk.reference_table, "fields": [fk.reference_column]}}))
            .collect();
        schema.insert("foreignKeys".into(), Value::Array(fks));
    }
    json!({
        "name": t.name,
        "path": format!("{}.csv", t.name),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": t.description,
        "schema": Value::Object(schema),
    })
}

fn frictionless_type(v: &Values) -> &'static str {
    match v {
        Values::Str(_) => "string",
        Values::I64(_) | Values::I32(_) => "integer",
        Values::F64(_) => "number",
        Values::Date(_) => "date",
    }
}
