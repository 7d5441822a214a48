//! The return delivered (measure mode): the realised figures beside the projected ones, said in words,
//! the projected and realised benefit of each department drawn, and the action that carries what was
//! measured into the projection (with its undo). See `roi_core::realised`.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Widget;
use super::format::attribute_number;
use roi_core::charts;
use roi_core::realised::{Basis, MatchedBy, Realised, RealisedStatus, apply, realise};

/// The figures shown: key, label.
const FIGURES: [(&str, &str); 4] = [
    ("roiPercent", "Net ROI delivered"),
    ("benefitCostRatio", "Benefit–cost ratio"),
    ("netBenefit", "Net benefit a year"),
    ("hoursSaved", "Hours saved a year"),
];

impl Widget {
    /// The realised return of the current scenario and measurements, when both can be read together.
    pub(super) fn realised(&self) -> Option<Realised> {
        realise(self.editor.scenario(), self.measure.measurements(), &self.table).ok()
    }

    /// The empty "return delivered" section, filled by [`Widget::refresh_realised`].
    pub(super) fn build_realised(&self, main: &Element) -> Result<(), JsValue> {
        let section = self.add(main, "section", "realised", None)?;
        section.set_attribute("part", "realised")?;
        self.add(&section, "h2", "", Some("The return delivered"))?;
        self.add(&section, "p", "realised-words", None)?.set_attribute("aria-live", "polite")?;
        let list = self.add(&section, "dl", "figures", None)?;
        for (key, label) in FIGURES {
            let item = self.add(&list, "div", "figure", None)?;
            self.add(&item, "dt", "", Some(label))?;
            let value = self.add(&item, "dd", "", None)?;
            self.add(&value, "output", "", None)?.set_attribute("data-realised", key)?;
            self.add(&item, "dd", "definition", None)?.set_attribute("data-projected", key)?;
        }
        self.add(&section, "figure", "chart", None)?.set_attribute("data-chart", "realised")?;
        self.add(&section, "ul", "realised-notes note", None)?;
        let actions = self.add(&section, "div", "actions", None)?;
        let apply = self.button("Use what was measured in the projection", "add", "realised:apply", None, None)?;
        actions.append_child(&apply)?;
        if self.undo.is_some() {
            actions.append_child(
                self.button("Undo: back to the projection as it was", "remove", "realised:undo", None, None)?.as_ref(),
            )?;
        }
        Ok(())
    }

    /// Fills the section from the realised return.
    pub(super) fn refresh_realised(&self, realised: Option<&Realised>) -> Result<(), JsValue> {
        let Some(section) = self.root.query_selector(".realised")? else { return Ok(()) };
        self.set_cell(".realised-words", &self.realised_words(realised), None)?;
        let f = &self.formats;
        let shown = |value: Option<f64>, key: &str| match (value, key) {
            (None, _) => "—".to_owned(),
            (Some(x), "roiPercent") => f.percent(x),
            (Some(x), "benefitCostRatio") => format!("{}×", f.decimal(x)),
            (Some(x), "netBenefit") => f.money(x),
            (Some(x), _) => format!("{} h", f.decimal(x)),
        };
        for (key, _) in FIGURES {
            let pick = |a: &roi_core::projection::Annual| match key {
                "roiPercent" => a.roi_percent,
                "benefitCostRatio" => a.benefit_cost_ratio,
                "netBenefit" => Some(a.net_benefit),
                _ => Some(a.hours_saved),
            };
            let measured = realised.filter(|r| r.anything_measured).and_then(|r| pick(&r.annual));
            let then = realised.map(|r| shown(pick(&r.projected), key)).unwrap_or_else(|| "—".into());
            if let Some(output) = section.query_selector(&format!("output[data-realised=\"{key}\"]"))? {
                output.set_text_content(Some(&shown(measured, key)));
                output.set_attribute("data-value", &measured.map(attribute_number).unwrap_or_default())?;
            }
            self.set_cell(&format!("dd[data-projected=\"{key}\"]"), &format!("projected: {then}"), None)?;
        }
        if let Some(figure) = section.query_selector("figure[data-chart=\"realised\"]")? {
            figure.replace_children_with_node_0();
            if let Some(r) = realised.filter(|r| r.anything_measured && !r.departments.is_empty()) {
                let chart = charts::realised(r);
                self.add(&figure, "figcaption", "", Some(chart.title))?;
                figure.append_child(self.svg(&chart)?.as_ref())?;
                figure.append_child(self.chart_text(&chart, "chart-text")?.as_ref())?;
            }
        }
        if let Some(list) = section.query_selector(".realised-notes")? {
            list.replace_children_with_node_0();
            for note in realised.iter().flat_map(|r| &r.notes) {
                self.add(&list, "li", "", Some(note))?;
            }
            if let Some(note) = realised.and_then(|r| self.fallback_note(r)) {
                self.add(&list, "li", "", Some(&note))?;
            }
        }
        Ok(())
    }

    /// One note for every measured department the scenario has no match for (each one's own note
    /// says the same at length).
    fn fallback_note(&self, r: &Realised) -> Option<String> {
        let names: Vec<&str> =
            r.departments.iter().filter(|d| d.matched.by == MatchedBy::Fallback).map(|d| d.name.as_str()).collect();
        let hourly = r.departments.iter().find(|d| d.matched.by == MatchedBy::Fallback)?.hourly_cost;
        let (names, are, their) = match names.as_slice() {
            [one] => ((*one).to_owned(), "is not a department of the scenario and shares no benchmark with one", "its"),
            [rest @ .., last] => (
                format!("{} and {last}", rest.join(", ")),
                "are not departments of the scenario and share no benchmark with one",
                "their",
            ),
            [] => return None,
        };
        Some(format!(
            "{names} {are}: {their} hours are valued at the scenario's headcount-weighted mean hourly cost ({}), and \
             what was not measured takes the scenario's averages.",
            self.formats.money(hourly)
        ))
    }

    /// The return delivered in one sentence: too early, nothing measured yet, or the realised multiple
    /// against the projected one with the department whose hours fall furthest short of the assumption.
    fn realised_words(&self, realised: Option<&Realised>) -> String {
        let f = &self.formats;
        let Some(r) = realised else {
            return "The return delivered cannot be computed until the measurements and the scenario are valid.".into();
        };
        if r.status == RealisedStatus::TooEarly {
            return format!(
                "At day {} it is too early to judge the return: adoption is still forming. Measure again at day 30 \
                 and day 90.",
                r.checkpoint_day
            );
        }
        if !r.anything_measured {
            return "Enter or import the active use and hours saved you measured to see the return delivered.".into();
        }
        let ratio = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| format!("{}×", f.decimal(x)));
        let mut words = format!(
            "At day {} the training returns {} its first-year cost, against {} projected",
            r.checkpoint_day,
            ratio(r.annual.benefit_cost_ratio),
            ratio(r.projected.benefit_cost_ratio)
        );
        let short = r
            .departments
            .iter()
            .filter(|d| d.hours_saved_per_week.basis == Basis::Measured)
            .map(|d| (d, d.hours_saved_per_week.realised - d.hours_saved_per_week.projected))
            .filter(|(_, gap)| *gap < 0.0)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((d, _)) = short {
            let whose = if d.name.ends_with('s') { "'" } else { "'s" };
            words.push_str(&format!(
                ": {}{whose} hours saved are {} against {} assumed.",
                d.name,
                f.decimal(d.hours_saved_per_week.realised),
                f.decimal(d.hours_saved_per_week.projected)
            ));
        } else {
            words.push('.');
        }
        words
    }

    /// Sets the projection's departments, people, active rates and hours from what was measured (costs
    /// and settings stay); the scenario before is kept for undo. False when nothing could be applied.
    pub(super) fn apply_measured(&mut self) -> bool {
        let Ok(next) = apply(self.editor.scenario(), self.measure.measurements(), &self.table) else { return false };
        let before = self.editor.scenario().clone();
        if self.replace_scenario(&next) {
            self.undo = Some(before);
            return true;
        }
        false
    }

    /// Goes back to the scenario before the measurements were applied.
    pub(super) fn undo_measured(&mut self) -> bool {
        let Some(before) = self.undo.take() else { return false };
        self.replace_scenario(&before)
    }
}
