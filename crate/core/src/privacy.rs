//! Small groups stay private (docs/model.md#small-groups): the figures of a group measured on fewer
//! people than a threshold are hidden, as Viva Insights' Copilot dashboard and GitHub's Copilot metrics
//! hide them (5 people), and one more group is hidden wherever the others and the total would give a
//! hidden one away by subtraction.

use serde::Serialize;

/// The threshold when none is chosen.
pub const DEFAULT_MIN_GROUP: u32 = 5;
/// The lowest threshold a person may choose.
pub const LEAST_MIN_GROUP: u32 = 3;
/// The highest.
pub const MOST_MIN_GROUP: u32 = 1_000;

/// Why a group's figures are hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Hidden {
    /// Fewer people than the threshold were measured in it.
    Small,
    /// It is large enough, but hidden with a smaller one: otherwise the total less the groups shown
    /// would be the small group's figures.
    Complement,
}

impl Hidden {
    /// The words shown instead of the group's figures, for threshold `min`.
    pub fn words(self, min: u32) -> String {
        match self {
            Self::Small => format!("fewer than {min} people"),
            Self::Complement => "hidden with a smaller group".to_owned(),
        }
    }

    /// The name of a document's value (`small`, `complement`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Small => "small",
            Self::Complement => "complement",
        }
    }

    /// The reason named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Small, Self::Complement].into_iter().find(|h| h.name() == name)
    }
}

/// Which of the groups of `sizes` people to hide at threshold `min`, group by group.
///
/// A group of 1 to `min − 1` people is hidden as small (a group of none has no figures to hide).
/// Then, while what is hidden could still be worked out from the total less the groups shown — a
/// single hidden group, or hidden groups of fewer than `min` people together — the smallest group
/// still shown (the first of equals) is hidden with them, unless none is left.
pub fn hidden(sizes: &[u64], min: u32) -> Vec<Option<Hidden>> {
    let mut out = vec![None; sizes.len()];
    hide_more(sizes, min, &mut out);
    out
}

/// [`hidden`] where the groups already marked in `out` are hidden whatever their size: a department
/// hidden for its people stays hidden when its survey answers are counted.
pub fn hide_more(sizes: &[u64], min: u32, out: &mut [Option<Hidden>]) {
    let min = u64::from(min);
    for (h, &n) in out.iter_mut().zip(sizes) {
        if h.is_none() && n > 0 && n < min {
            *h = Some(Hidden::Small);
        }
    }
    loop {
        let hidden: Vec<u64> =
            sizes.iter().zip(out.iter()).filter(|&(&n, h)| n > 0 && h.is_some()).map(|(&n, _)| n).collect();
        let exposed = !hidden.is_empty() && (hidden.len() == 1 || hidden.iter().sum::<u64>() < min);
        let smallest = sizes
            .iter()
            .enumerate()
            .filter(|&(i, &n)| n > 0 && out[i].is_none())
            .min_by_key(|&(i, &n)| (n, i))
            .map(|(i, _)| i);
        match (exposed, smallest) {
            (true, Some(i)) => out[i] = Some(Hidden::Complement),
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Hidden::{Complement, Small};
    use super::*;

    #[test]
    fn a_small_group_is_hidden_with_the_smallest_other() {
        assert_eq!(hidden(&[40, 4, 12, 30], 5), vec![None, Some(Small), Some(Complement), None]);
    }

    #[test]
    fn nothing_is_hidden_when_every_group_is_large_enough() {
        assert_eq!(hidden(&[5, 6, 100], 5), vec![None; 3]);
    }

    #[test]
    fn two_small_groups_together_below_the_threshold_take_a_third() {
        // 1 + 2 = 3 < 5: the two could be told apart from nothing, but together are still fewer than 5.
        assert_eq!(hidden(&[1, 2, 50, 9], 5), vec![Some(Small), Some(Small), None, Some(Complement)]);
        // 3 + 4 = 7 ≥ 5: two hidden groups of 7 people together give neither away.
        assert_eq!(hidden(&[3, 4, 50, 9], 5), vec![Some(Small), Some(Small), None, None]);
    }

    #[test]
    fn empty_groups_are_neither_hidden_nor_taken_as_the_complement() {
        assert_eq!(hidden(&[0, 4, 0, 20, 7], 5), vec![None, Some(Small), None, None, Some(Complement)]);
    }

    #[test]
    fn a_lone_small_group_stays_hidden_with_nothing_to_pair() {
        assert_eq!(hidden(&[4], 5), vec![Some(Small)]);
        assert_eq!(hidden(&[], 5), Vec::<Option<Hidden>>::new());
    }

    #[test]
    fn the_threshold_is_the_setting() {
        assert_eq!(hidden(&[4, 9, 30], 3), vec![None; 3]);
        assert_eq!(hidden(&[4, 9, 30], 10), vec![Some(Small), Some(Small), None]);
    }

    #[test]
    fn groups_hidden_before_stay_hidden_and_count_towards_the_complement() {
        // Department 0 is hidden for its people; its 6 answers and department 1's 2 make 8 ≥ 5.
        let mut out = vec![Some(Complement), None, None];
        hide_more(&[6, 2, 30], 5, &mut out);
        assert_eq!(out, vec![Some(Complement), Some(Small), None]);
        // A hidden department without answers gives nothing away: nothing more is hidden.
        let mut out = vec![Some(Small), None, None];
        hide_more(&[0, 12, 30], 5, &mut out);
        assert_eq!(out, vec![Some(Small), None, None]);
    }

    #[test]
    fn names_read_back() {
        for h in [Small, Complement] {
            assert_eq!(Hidden::from_name(h.name()), Some(h));
        }
        assert_eq!(Small.words(5), "fewer than 5 people");
    }
}
