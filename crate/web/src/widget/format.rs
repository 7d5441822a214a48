//! Numbers shown the way the reader writes them: the browser's `Intl.NumberFormat` for the reader's
//! locale and the scenario's currency (formatting floats in Rust would also add to the module's size).

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::prelude::*;

use roi_core::assumptions::{SlotValue, ValueKind};

/// Number formatters of the reader's locale and the scenario's currency.
pub(super) struct Formats {
    money: Function,
    money_short: Function,
    percent: Function,
    decimal: Function,
    plain: Function,
    rounded: Function,
}

impl Formats {
    pub(super) fn new(locale: &str, currency: &str) -> Self {
        let make = |options: &[(&str, JsValue)]| {
            let object = Object::new();
            for (key, value) in options {
                let _ = Reflect::set(&object, &JsValue::from_str(key), value);
            }
            Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(locale)), &object).format()
        };
        Self {
            money: make(&[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("maximumFractionDigits", 0.into()),
            ]),
            money_short: make(&[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("notation", "compact".into()),
                ("maximumFractionDigits", 1.into()),
            ]),
            percent: make(&[("style", "percent".into()), ("maximumFractionDigits", 1.into())]),
            decimal: make(&[("maximumFractionDigits", 1.into())]),
            plain: make(&[("maximumFractionDigits", 6.into()), ("useGrouping", false.into())]),
            rounded: make(&[("maximumFractionDigits", 1.into()), ("useGrouping", false.into())]),
        }
    }

    fn show(format: &Function, x: f64) -> String {
        format.call1(&JsValue::NULL, &JsValue::from_f64(x)).ok().and_then(|v| v.as_string()).unwrap_or_default()
    }

    /// An amount of money, whole units.
    pub(super) fn money(&self, x: f64) -> String {
        Self::show(&self.money, x)
    }

    /// An amount of money for an axis, in the locale's short form ("$1.5M").
    pub(super) fn money_short(&self, x: f64) -> String {
        Self::show(&self.money_short, x)
    }

    /// A share (0.85 → "85%").
    pub(super) fn share(&self, x: f64) -> String {
        Self::show(&self.percent, x)
    }

    /// A percentage already multiplied by 100 (740 → "740%").
    pub(super) fn percent(&self, x: f64) -> String {
        Self::show(&self.percent, x / 100.0)
    }

    /// A number with at most one decimal, grouped.
    pub(super) fn decimal(&self, x: f64) -> String {
        Self::show(&self.decimal, x)
    }

    /// A value of a generated sentence (assumptions, board report), by its kind.
    pub(super) fn value(&self, value: SlotValue) -> String {
        match value.kind {
            ValueKind::Money => self.money(value.value),
            ValueKind::Percent => self.share(value.value),
            ValueKind::Hours => format!("{} hours", self.decimal(value.value)),
            ValueKind::Number => self.decimal(value.value),
        }
    }

    /// A number put into an input at display precision: one decimal at most, no grouping.
    pub(super) fn rounded(&self, x: f64) -> String {
        Self::show(&self.rounded, x)
    }

    /// A number as it is put back into an input: full precision, no grouping, the locale's decimal sign.
    pub(super) fn plain(&self, x: f64) -> String {
        Self::show(&self.plain, x)
    }
}

/// A number in a DOM attribute (SVG coordinates, raw values): JavaScript's shortest round-trip form.
pub(super) fn attribute_number(x: f64) -> String {
    js_sys::Number::from(x).to_string_with_radix(10).ok().map(String::from).unwrap_or_default()
}
