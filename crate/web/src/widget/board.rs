//! The board report section (see [`roi_core::board`]): on screen in both modes, and what a printout is
//! made of. Names typed by people are set as text like every other part.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Widget;
use roi_core::board::{Part, board_report};
use roi_core::realised::Realised;

impl Widget {
    /// The empty board report section, filled by [`Widget::refresh_board`].
    pub(super) fn build_board(&self, main: &Element) -> Result<(), JsValue> {
        let section = self.add(main, "section", "board", None)?;
        section.set_attribute("part", "board")?;
        self.add(&section, "h2", "", Some("For the board, on one page"))?;
        self.add(&section, "dl", "board-items", None)?;
        Ok(())
    }

    /// Writes the board report from the scenario, its report, what was measured and the return it
    /// delivered (which leads when anything was measured).
    pub(super) fn refresh_board(&self, realised: Option<&Realised>) -> Result<(), JsValue> {
        let Some(list) = self.root.query_selector(".board-items")? else { return Ok(()) };
        list.replace_children_with_node_0();
        let (scenario, report) = (self.editor.scenario(), self.editor.report());
        for item in board_report(scenario, report, Some(self.measure.assessment()), realised) {
            let term = self.add(&list, "dt", "", Some(item.heading))?;
            term.set_attribute("data-board", item.id)?;
            let mut sentence = String::new();
            for part in &item.parts {
                match part {
                    Part::Words(words) => sentence.push_str(words),
                    Part::Name(name) => sentence.push_str(name),
                    Part::Value(value) => sentence.push_str(&self.formats.value(*value)),
                }
            }
            self.add(&list, "dd", "", Some(&sentence))?;
        }
        Ok(())
    }
}
