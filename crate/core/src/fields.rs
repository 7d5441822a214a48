//! Reading untrusted JSON documents field by field.
//!
//! serde's derived deserializers stop at the first problem; a person fixing a scenario wants to see every
//! problem at once, each with the path of the field it concerns. [`ObjectReader`] walks a
//! [`serde_json::Value`], records a [`FieldError`] for every unknown key, wrong type or out-of-range
//! value, and still returns whatever was valid — so the same walk serves strict parsing (any error
//! rejects the document) and tolerant parsing (invalid fields are dropped and listed).
//!
//! Error messages are static text or contain whole numbers only: formatting an `f64` would add the
//! float formatter to the WebAssembly build.

use serde::Serialize;
use serde_json::{Map, Value};

/// One problem with one field of an input document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct FieldError {
    /// Where the problem is, as `departments[2].headcount`; empty for the document itself.
    pub path: String,
    /// What is wrong and what is allowed, in plain words.
    pub message: String,
}

/// The problems found so far in one document.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    /// Records a problem at `path`.
    pub fn add(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(FieldError { path: path.to_owned(), message: message.into() });
    }

    /// True when nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The recorded problems, in the order they were found.
    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}

/// A whole number with thousands separators (5000000 → "5,000,000"), for messages.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The path of `key` inside the object at `parent`.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() { key.to_owned() } else { format!("{parent}.{key}") }
}

/// The path of item `index` of the list at `parent`.
pub fn index(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

/// The JSON type of a value, for messages such as "must be a number, not text".
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A JSON object being read at a known path; reports keys it does not know.
pub struct ObjectReader<'v> {
    path: String,
    map: &'v Map<String, Value>,
}

impl<'v> ObjectReader<'v> {
    /// Starts reading `value` as an object with the given known keys. Records an error and returns
    /// `None` when it is not an object; records one error per unknown key (and skips those keys).
    pub fn new(value: &'v Value, path: &str, known: &[&str], problems: &mut Problems) -> Option<Self> {
        let Value::Object(map) = value else {
            problems.add(path, format!("must be an object, not {}", kind(value)));
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                problems.add(&join(path, key), format!("unknown field; expected one of: {}", known.join(", ")));
            }
        }
        Some(Self { path: path.to_owned(), map })
    }

    /// The path of `key` in this object.
    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// This object's own path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The raw value of `key`, or `None` when the key is absent. `null` is returned as present.
    pub fn raw(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key)
    }

    /// True when `key` is present (even as `null`).
    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// A finite number at `key`; `None` when absent or invalid (the latter recorded).
    pub fn number(&self, key: &str, problems: &mut Problems) -> Option<f64> {
        let value = self.raw(key)?;
        let path = self.path_of(key);
        match value {
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.is_finite() => Some(x),
                _ => {
                    problems.add(&path, "must be a finite number");
                    None
                }
            },
            Value::String(_) => {
                problems.add(&path, "must be a number, not text (write 12.5, not \"12.5\")");
                None
            }
            Value::Null => {
                // JavaScript's NaN and Infinity arrive here as null (JSON has no such numbers).
                problems.add(&path, "must be a finite number, not null, NaN or Infinity");
                None
            }
            other => {
                problems.add(&path, format!("must be a number, not {}", kind(other)));
                None
            }
        }
    }

    /// A number at `key` that must lie in `min..=max`; `rule` says so in words ("a number from 1 to 52").
    pub fn number_in(&self, key: &str, min: f64, max: f64, rule: &str, problems: &mut Problems) -> Option<f64> {
        let x = self.number(key, problems)?;
        if (min..=max).contains(&x) {
            Some(x)
        } else {
            problems.add(&self.path_of(key), format!("must be {rule}"));
            None
        }
    }

    /// A whole number at `key` in `min..=max`; `rule` says so in words.
    pub fn whole_in(&self, key: &str, min: u64, max: u64, rule: &str, problems: &mut Problems) -> Option<u64> {
        let x = self.number(key, problems)?;
        // Exact comparison: whole numbers up to 2^53 are represented exactly in f64.
        #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        if x.fract() == 0.0 && x >= min as f64 && x <= max as f64 {
            Some(x as u64)
        } else {
            problems.add(&self.path_of(key), format!("must be {rule}"));
            None
        }
    }

    /// Text at `key` of 1 to `max_chars` characters; `None` when absent or invalid (the latter recorded).
    pub fn text(&self, key: &str, max_chars: usize, problems: &mut Problems) -> Option<String> {
        let value = self.raw(key)?;
        let path = self.path_of(key);
        let Value::String(s) = value else {
            problems.add(&path, format!("must be text, not {}", kind(value)));
            return None;
        };
        let chars = s.chars().count();
        if chars == 0 || chars > max_chars {
            problems.add(&path, format!("must be between 1 and {max_chars} characters long"));
            return None;
        }
        Some(s.clone())
    }

    /// A list at `key` of at most `max_items` items, each read by `read_item` with its own path.
    /// Items that fail are left out. `None` when absent or not a list (the latter recorded).
    pub fn list<T>(
        &self,
        key: &str,
        max_items: usize,
        problems: &mut Problems,
        mut read_item: impl FnMut(&'v Value, &str, &mut Problems) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = self.raw(key)?;
        let path = self.path_of(key);
        let Value::Array(items) = value else {
            problems.add(&path, format!("must be a list, not {}", kind(value)));
            return None;
        };
        if items.len() > max_items {
            problems.add(&path, format!("may hold at most {max_items} items, not {}", items.len()));
            return None;
        }
        Some(items.iter().enumerate().filter_map(|(i, item)| read_item(item, &index(&path, i), problems)).collect())
    }

    /// Reports `key` as required when it is absent.
    pub fn require(&self, key: &str, what: &str, problems: &mut Problems) {
        if !self.has(key) {
            problems.add(&self.path_of(key), format!("is required: {what}"));
        }
    }
}

/// Checks the document's `version` field: it must be present and equal to 1.
pub fn check_version(reader: &ObjectReader<'_>, problems: &mut Problems) {
    match reader.raw("version") {
        None => problems.add(&reader.path_of("version"), "is required and must be 1"),
        Some(Value::Number(n)) if n.as_f64() == Some(1.0) => {}
        Some(_) => problems.add(&reader.path_of("version"), "must be 1 (the only version this calculator reads)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_unknown_keys_type_errors_and_ranges_together() {
        let doc = json!({ "a": "12", "b": 99, "typo": 1, "c": 1.5 });
        let mut problems = Problems::default();
        let reader = ObjectReader::new(&doc, "", &["a", "b", "c"], &mut problems).expect("an object");
        assert_eq!(reader.number("a", &mut problems), None);
        assert_eq!(reader.number_in("b", 1.0, 52.0, "a number from 1 to 52", &mut problems), None);
        assert_eq!(reader.whole_in("c", 0, 10, "a whole number from 0 to 10", &mut problems), None);
        let paths: Vec<_> = problems.into_vec().into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["typo", "a", "b", "c"]);
    }

    #[test]
    fn nested_paths_name_the_list_index() {
        let doc = json!({ "items": [ { "n": 1 }, { "n": -1 } ] });
        let mut problems = Problems::default();
        let reader = ObjectReader::new(&doc, "", &["items"], &mut problems).expect("an object");
        let kept = reader.list("items", 10, &mut problems, |item, path, problems| {
            let r = ObjectReader::new(item, path, &["n"], problems)?;
            r.number_in("n", 0.0, 5.0, "from 0 to 5", problems)
        });
        assert_eq!(kept, Some(vec![1.0]));
        assert_eq!(problems.into_vec()[0].path, "items[1].n");
    }

    #[test]
    fn text_length_counts_characters_not_bytes() {
        let doc = json!({ "name": "é".repeat(80), "long": "x".repeat(81), "empty": "" });
        let mut problems = Problems::default();
        let reader = ObjectReader::new(&doc, "", &["name", "long", "empty"], &mut problems).expect("an object");
        assert!(reader.text("name", 80, &mut problems).is_some());
        assert!(reader.text("long", 80, &mut problems).is_none());
        assert!(reader.text("empty", 80, &mut problems).is_none());
        assert_eq!(problems.into_vec().len(), 2);
    }

    #[test]
    fn version_must_be_one() {
        for (doc, ok) in [(json!({"version": 1}), true), (json!({"version": 2}), false), (json!({}), false)] {
            let mut problems = Problems::default();
            let reader = ObjectReader::new(&doc, "", &["version"], &mut problems).expect("an object");
            check_version(&reader, &mut problems);
            assert_eq!(problems.is_empty(), ok, "{doc}");
        }
    }
}
