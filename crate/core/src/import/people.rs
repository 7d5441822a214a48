//! A people file (docs/model.md#people-file): an HR system's list of work e-mail addresses and
//! departments (Workday, BambooHR…), dropped beside a roster that names no department (a learning
//! system's completion report) so the departments are joined onto it by e-mail address, whichever
//! file came first. It is a companion of the roster, not a fourth kind of file: it fills no metric of
//! its own, and is only used at measurement, where the roster's own department wins.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::io::Read;

use super::files::{ALL_STAFF, Roster, Skipped, each_row, field, width};
use super::table::Table;
use super::values::user_key;
use super::{FileKind, FileProblem};

/// The department a learning system's row with an empty department column is put in.
pub(super) const UNASSIGNED: &str = "Unassigned";
/// Longest department name, as everywhere in the product.
const MAX_NAME: usize = 80;
/// How many addresses a note names before "and N more".
const NAMED: usize = 5;

/// A people file once read: each address's department, in file order.
#[derive(Debug, Default, Clone)]
pub struct People {
    /// Each user key's department, by first appearance (a second row of an address is skipped).
    pub department_of: HashMap<Box<str>, u32>,
    /// The addresses in file order, as keys.
    pub order: Vec<Box<str>>,
    /// Department names in order of first appearance.
    pub departments: Vec<String>,
    /// Rows read (good and bad).
    pub rows: u64,
    /// Rows skipped.
    pub skipped: Skipped,
}

/// Reads a people file whose e-mail and department columns are at `at[0]` and `at[1]`.
pub(super) fn read<R: Read>(table: &mut Table<R>, at: &[Option<usize>]) -> Result<People, FileProblem> {
    let mut people = People::default();
    let People { department_of, order, departments, rows, skipped } = &mut people;
    let width = width(table.headers.len(), at);
    each_row(FileKind::Roster, table, rows, skipped, width, |_, record| {
        let user = field(record, at[0])?;
        let department = field(record, at[1])?;
        if user.is_empty() {
            return Err("has no e-mail address".into());
        }
        if department.is_empty() {
            return Err("has no department".into());
        }
        if department.chars().count() > MAX_NAME {
            return Err("has a department name longer than 80 characters".into());
        }
        let key = user_key(user);
        if department_of.contains_key(&key) {
            return Err(format!("lists {user} again; only the first is used"));
        }
        let index = match departments.iter().position(|d| d == department) {
            Some(i) => i,
            None => {
                departments.push(department.to_owned());
                departments.len() - 1
            }
        };
        department_of.insert(key.clone(), index as u32);
        order.push(key);
        Ok(())
    })?;
    Ok(people)
}

impl People {
    /// Whether it holds no usable row.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// `roster` with the departments of this file joined on by e-mail address (or login), for the
    /// people whose roster row names none ([`ALL_STAFF`] or [`UNASSIGNED`]); and the notes saying who
    /// was found, who was not, and which rows of this file are not in the roster.
    pub fn join(&self, roster: &Roster) -> (Roster, Vec<String>) {
        let mut found: Vec<Option<u32>> = vec![None; roster.people.len()];
        let mut keys: Vec<Option<&str>> = vec![None; roster.people.len()];
        let mut matched: HashSet<&str> = HashSet::default();
        for (key, &person) in &roster.index {
            let p = person as usize;
            // A person's e-mail address is always indexed; a login only when given.
            if keys[p].is_none_or(|k| key.contains('@') && !k.contains('@')) {
                keys[p] = Some(key);
            }
            if let Some(&d) = self.department_of.get(key) {
                found[p].get_or_insert(d);
                matched.insert(key);
            }
        }
        let defaulted = |name: &str| name == ALL_STAFF || name == UNASSIGNED;
        let mut joined = roster.clone();
        joined.departments.clear();
        let (mut filled, mut kept, mut missing) = (0u64, 0u64, Vec::new());
        for (p, person) in joined.people.iter_mut().enumerate() {
            let own = &roster.departments[person.department as usize];
            let name = match found[p] {
                Some(d) if defaulted(own) => {
                    filled += 1;
                    &self.departments[d as usize]
                }
                Some(_) => {
                    kept += 1;
                    own
                }
                None => {
                    if defaulted(own) {
                        missing.push(keys[p].unwrap_or_default());
                    }
                    own
                }
            };
            person.department = match joined.departments.iter().position(|d| d == name) {
                Some(i) => i as u32,
                None => {
                    joined.departments.push(name.clone());
                    (joined.departments.len() - 1) as u32
                }
            };
        }
        let mut notes = vec![format!(
            "Departments joined from the people file by e-mail address: {filled} of {} people in the roster found.",
            roster.people.len()
        )];
        if kept > 0 {
            notes.push(format!(
                "{kept} {} a department in the roster itself; the roster's own department was kept.",
                if kept == 1 { "person has" } else { "people have" }
            ));
        }
        if !missing.is_empty() {
            notes.push(format!(
                "Not found in the people file, so left without a department ({}): {}.",
                missing.len(),
                named(&missing)
            ));
        }
        let extra: Vec<&str> = self.order.iter().map(|k| &**k).filter(|k| !matched.contains(k)).collect();
        if !extra.is_empty() {
            notes.push(format!(
                "{} {} of the people file {} not in the roster and {} not used: {}.",
                extra.len(),
                if extra.len() == 1 { "row" } else { "rows" },
                if extra.len() == 1 { "is" } else { "are" },
                if extra.len() == 1 { "was" } else { "were" },
                named(&extra)
            ));
        }
        (joined, notes)
    }
}

/// The first [`NAMED`] of `keys`, and how many more.
fn named(keys: &[&str]) -> String {
    let mut text = keys.iter().take(NAMED).copied().collect::<Vec<_>>().join(", ");
    if keys.len() > NAMED {
        text.push_str(&format!(" and {} more", keys.len() - NAMED));
    }
    text
}
