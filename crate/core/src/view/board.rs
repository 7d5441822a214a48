//! The board report as shown (see [`crate::board`]): on screen in both modes, and what a printout is made
//! of. Names typed by people stay their own pieces, like every other part.

use super::project::slot_value;
use super::{BoardPart, Piece, WidgetState};
use crate::board::{Part, board_report};
use crate::realised::Realised;

/// The board report of `state`, leading with the return delivered (`realised`) once anything was measured.
pub(super) fn board(state: &WidgetState, realised: Option<&Realised>) -> Vec<BoardPart> {
    let editor = state.editor();
    board_report(
        editor.scenario(),
        editor.report(),
        Some(state.measure().assessment()),
        realised,
        state.measure().measurements().intensity.as_ref(),
    )
    .into_iter()
    .map(|item| BoardPart {
        id: item.id,
        heading: item.heading,
        text: item
            .parts
            .into_iter()
            .map(|part| match part {
                Part::Words(words) => Piece::Words(words.to_owned()),
                Part::Name(name) => Piece::Words(name),
                Part::Value(value) => Piece::Num(slot_value(value)),
            })
            .collect(),
    })
    .collect()
}
