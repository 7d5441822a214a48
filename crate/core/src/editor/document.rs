//! What both editors share: reading what was typed into a field by its kind, setting it at its path
//! in a JSON document, and keeping what could not be used as a draft beside its field.

use serde_json::{Map, Value};

use crate::fields::FieldError;
use crate::numbers::{NumberStyle, parse_number};

/// What a person typed into a field that could not be used yet, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The text as typed.
    pub text: String,
    /// What is wrong with it.
    pub message: String,
}

/// Drafts by field path.
pub type Drafts = ByPath<Draft>;

/// Values by field path, in a list: a form holds a few at a time, and each `BTreeMap` of another value
/// type compiled another 6–7 KB of tree code into the WebAssembly module.
#[derive(Debug, Clone)]
pub struct ByPath<V>(Vec<(String, V)>);

impl<V> Default for ByPath<V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<V> ByPath<V> {
    /// None yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value at `path`.
    pub fn get(&self, path: &str) -> Option<&V> {
        self.0.iter().find(|(p, _)| p == path).map(|(_, value)| value)
    }

    /// Whether there is a value at `path`.
    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Sets the value at `path`, replacing any there.
    pub fn insert(&mut self, path: String, value: V) {
        match self.0.iter_mut().find(|(p, _)| *p == path) {
            Some((_, old)) => *old = value,
            None => self.0.push((path, value)),
        }
    }

    /// Takes the value at `path` out.
    pub fn remove(&mut self, path: &str) -> Option<V> {
        let at = self.0.iter().position(|(p, _)| p == path)?;
        Some(self.0.swap_remove(at).1)
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes them all.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<V> IntoIterator for ByPath<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// How the fields of one kind of document are typed, by their last path segment.
pub(super) struct FieldKinds {
    /// Typed as percentages (`85` or `85%` means 0.85).
    pub percent: &'static [&'static str],
    /// Typed as text.
    pub text: &'static [&'static str],
    /// May be left empty, which removes them (and so restores their default).
    pub optional: &'static [&'static str],
}

/// Sets the field at `path` of `document` from `text`; `commit` validates the changed document and keeps
/// it, or returns the problems. Anything that fails becomes the field's draft; success clears it.
/// Returns true when the document changed.
pub(super) fn edit(
    document: &Value,
    drafts: &mut Drafts,
    kinds: &FieldKinds,
    path: &str,
    text: &str,
    style: &NumberStyle,
    commit: impl FnOnce(Value) -> Result<(), Vec<FieldError>>,
) -> bool {
    let mut keep = |message: String| {
        drafts.insert(path.to_owned(), Draft { text: text.to_owned(), message });
        false
    };
    let key = path.rsplit(['.', '[']).next().unwrap_or(path);
    let value = match read_typed(kinds, key, text, style) {
        Ok(value) => value,
        Err(message) => return keep(message),
    };
    let mut trial = document.clone();
    if !set_path(&mut trial, path, value) {
        return keep("This field does not exist.".into());
    }
    match commit(trial) {
        Ok(()) => {
            drafts.remove(path);
            true
        }
        Err(problems) => {
            let message = problems
                .iter()
                .find(|p| p.path == path)
                .or_else(|| problems.first())
                .map_or_else(String::new, |p| p.message.clone());
            keep(message)
        }
    }
}

/// After item `index` of the list at `list` (`departments`) was removed: drops its drafts and moves
/// those of later items up one place.
pub(super) fn renumber(drafts: &mut Drafts, list: &str, index: usize) {
    let prefix = format!("{list}[");
    for (path, draft) in std::mem::take(drafts) {
        // Its item's position and the rest of its path after the `]` (split on characters, not strings: a
        // string pattern brings core's substring search and its panics into the module).
        let item = path.strip_prefix(&prefix).and_then(|rest| rest.split_once(']'));
        let position = item.and_then(|(digits, tail)| Some((digits.parse::<usize>().ok()?, tail)));
        match position {
            Some((i, _)) if i == index => {}
            Some((i, tail)) if i > index => {
                drafts.insert(format!("{prefix}{}]{tail}", i - 1), draft);
            }
            _ => {
                drafts.insert(path, draft);
            }
        }
    }
}

/// The list at `path` in `document`, if there is one
/// (`costs.monthly`, `departments[2].useCases`).
pub(super) fn list_at<'d>(document: &'d mut Value, path: &str) -> Option<&'d mut Vec<Value>> {
    path.split('.')
        .try_fold(document, |node, part| match part.strip_suffix(']').and_then(|p| p.split_once('[')) {
            Some((key, index)) => node.get_mut(key)?.get_mut(index.parse::<usize>().ok()?),
            None => node.get_mut(part),
        })?
        .as_array_mut()
}

/// The JSON value of `text` typed into a field named `key`.
fn read_typed(kinds: &FieldKinds, key: &str, text: &str, style: &NumberStyle) -> Result<Value, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() && kinds.optional.contains(&key) {
        return Ok(Value::Null);
    }
    if kinds.text.contains(&key) {
        return Ok(Value::from(trimmed));
    }
    let number = parse_number(trimmed, style).map_err(|e| e.to_string())?;
    Ok(Value::from(if kinds.percent.contains(&key) { number / 100.0 } else { number }))
}

/// A JSON object of `pairs`. Built directly: `json!` with values in it calls
/// `serde_json::to_value(..).unwrap()`, whose panic message brings serde_json's error `Debug` (and
/// `str`'s) into the WebAssembly module.
pub(super) fn object<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut map = Map::new();
    for (key, value) in pairs {
        map.insert(key.to_owned(), value);
    }
    Value::Object(map)
}

/// Sets `value` at `path` (`costs.oneTime[0].amount`) in `document`, creating missing objects on the
/// way; `null` removes an optional key. Returns false when the path cannot exist.
pub(super) fn set_path(document: &mut Value, path: &str, value: Value) -> bool {
    let mut segments: Vec<Segment<'_>> = Vec::new();
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            segments.push(Segment::Key(key));
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            match index.trim_end_matches(']').parse() {
                Ok(i) => segments.push(Segment::Index(i)),
                Err(_) => return false,
            }
        }
    }
    let Some((last, parents)) = segments.split_last() else { return false };
    let mut node = document;
    for segment in parents {
        node = match (segment, node) {
            (Segment::Key(k), Value::Object(map)) => {
                map.entry((*k).to_owned()).or_insert_with(|| Value::Object(Map::new()))
            }
            (Segment::Index(i), Value::Array(items)) => match items.get_mut(*i) {
                Some(item) => item,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Segment::Key(k), Value::Object(map)) => {
            // A department's `benchmark: null` means "no comparison", unlike a missing one.
            if value.is_null() && *k != "benchmark" {
                map.remove(*k);
            } else {
                map.insert((*k).to_owned(), value);
            }
            true
        }
        (Segment::Index(i), Value::Array(items)) if *i < items.len() => {
            items[*i] = value;
            true
        }
        _ => false,
    }
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}
