//! Building [`Field`]s and [`Select`]s from the state: what each input holds (as typed, or the value
//! at the field's precision), its message, and the benchmark select both modes share.

use super::{Choice, Field, Format, Num, Piece, Select, Text, WidgetState};

/// The element id of the field at `path` (`departments[2].name` → `departments-2--name`); its note,
/// error and band take this id with `-note`, `-error`, `-band`.
pub fn field_id(path: &str) -> String {
    path.replace(['[', ']', '.'], "-")
}

/// How a stored number is typed into its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Typed {
    /// As it is (people, hours, money).
    Plain,
    /// As a percentage: 0.85 is typed "85".
    Percent,
    /// Measured, at display precision: 0.71989529 as a percentage is "72" (the exact value is kept).
    MeasuredPercent,
    /// Measured, at display precision.
    Measured,
}

impl WidgetState {
    /// The field at `path` labelled `label`, holding what was typed there or else `value` (a number typed
    /// as `typed`, or none: empty).
    pub(super) fn number_field(&self, path: String, label: &str, value: Option<f64>, typed: Typed) -> Field {
        let shown = value.map(|x| match typed {
            Typed::Plain => Num::new(x, Format::Plain),
            Typed::Percent => Num::new(x * 100.0, Format::Plain),
            Typed::MeasuredPercent => Num::new(x * 100.0, Format::Rounded),
            Typed::Measured => Num::new(x, Format::Rounded),
        });
        let value = match self.typed(&path) {
            Some(text) => Piece::Words(text.to_owned()),
            None => shown.map_or_else(|| Piece::Words(String::new()), Piece::Num),
        };
        self.field(path, label, value, false)
    }

    /// The text field at `path` (a name, a label) holding what was typed or else `value`.
    pub(super) fn text_field(&self, path: String, label: &str, value: &str) -> Field {
        let value = Piece::Words(self.typed(&path).unwrap_or(value).to_owned());
        self.field(path, label, value, true)
    }

    /// The field at `path` holding `value`, typed as text or not, with its draft's message if what was
    /// typed there could not be used.
    fn field(&self, path: String, label: &str, value: Piece, text: bool) -> Field {
        let error = self.draft(&path).map(|d| sentence(&d.message));
        let (note, placeholder) = (Text::new(), Text::new());
        Field { path, label: label.to_owned(), value, error, note, placeholder, band: None, readonly: false, text }
    }

    /// The select at `path` of `options` (value, label), `current` selected.
    pub(super) fn select(&self, path: String, label: &str, options: Vec<Choice>, current: &str) -> Select {
        let error = self.draft(&path).map(|d| sentence(&d.message));
        Select { path, label: label.to_owned(), options, current: current.to_owned(), error }
    }

    /// Department `index`'s benchmark select, `current` its benchmark key.
    pub(super) fn benchmark_select(&self, index: usize, current: Option<&str>) -> Select {
        let none = Choice { value: String::new(), label: "None (no comparison)".into() };
        let rows = self.table().benchmarks.iter().map(|b| Choice { value: b.key.clone(), label: b.label.clone() });
        let options = std::iter::once(none).chain(rows).collect();
        self.select(format!("departments[{index}].benchmark"), "Benchmark", options, current.unwrap_or(""))
    }
}

/// A validator's message ("must be …", written to follow a path) as a sentence beside its field.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    // ASCII is exact for these English messages, and `to_uppercase` would add Unicode's case tables.
    chars.next().map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect()).unwrap_or_default()
}
