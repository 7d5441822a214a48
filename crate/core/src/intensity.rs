//! Power users and laggards (docs/model.md#usage-intensity): the people measured at a checkpoint in four
//! groups by the sessions in their Day-N window, as DX and Viva Insights group their users — none,
//! light, moderate, heavy — with the hours saved each group reports, and what moving the light users
//! up to moderate use would be worth.
//!
//! The groups' bounds are the sources' own lines, so they mean the same in every organisation and at
//! every checkpoint: 1 session is active (the weekly active rate), 3 is "at least 3 times per week"
//! (source 000's active usage rate) and 5 the sessions target (source 001).

use serde::Serialize;

/// A usage-intensity group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Group {
    /// No session in the window: trained but not using it.
    None,
    /// 1–2 sessions: active, below the active-usage line of 3.
    Light,
    /// 3–4 sessions: active use, below the sessions target of 5.
    Moderate,
    /// 5 sessions or more: at or above the sessions target.
    Heavy,
}

impl Group {
    /// The four groups, lightest first.
    pub const ALL: [Self; 4] = [Self::None, Self::Light, Self::Moderate, Self::Heavy];

    /// The group of a person with `sessions` sessions in their window.
    pub fn of(sessions: u64) -> Self {
        match sessions {
            0 => Self::None,
            1..=2 => Self::Light,
            3..=4 => Self::Moderate,
            _ => Self::Heavy,
        }
    }

    /// Its name as shown and as written in documents (`none`, `light`, `moderate`, `heavy`).
    pub fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Light => "light",
            Self::Moderate => "moderate",
            Self::Heavy => "heavy",
        }
    }

    /// Its sessions in the window, in words.
    pub fn bounds(self) -> &'static str {
        match self {
            Self::None => "no session",
            Self::Light => "1–2 sessions",
            Self::Moderate => "3–4 sessions",
            Self::Heavy => "5 sessions or more",
        }
    }

    fn at(self) -> usize {
        self as usize
    }
}

/// The people of each group at a checkpoint, and the hours saved a week their survey answers give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Intensity {
    /// People in each group: none, light, moderate, heavy.
    pub people: [u64; 4],
    /// The mean hours saved a week of each group's survey answers at the checkpoint, in the same order;
    /// none where no one in it answered, or fewer than the privacy threshold.
    pub hours: [Option<f64>; 4],
}

impl Intensity {
    /// The people in `group`.
    pub fn people_in(&self, group: Group) -> u64 {
        self.people[group.at()]
    }

    /// The mean hours saved of `group`, when known.
    pub fn hours_of(&self, group: Group) -> Option<f64> {
        self.hours[group.at()]
    }

    /// Everyone counted.
    pub fn total(&self) -> u64 {
        self.people.iter().sum()
    }

    /// The annual value of moving the light users to moderate use: each light user saving the hours the
    /// moderate users report instead of their own, over `weeks` working weeks, credited at `credit`
    /// (attribution × confidence) and valued at `hourly` — the projection's formula (docs/model.md) for
    /// the hours gained. None without light users or without both groups' hours; 0 when the moderate
    /// users report no more than the light ones.
    pub fn light_to_moderate(&self, weeks: f64, credit: f64, hourly: f64) -> Option<f64> {
        let light = self.people_in(Group::Light);
        let gain = self.hours_of(Group::Moderate)? - self.hours_of(Group::Light)?;
        #[allow(clippy::cast_precision_loss)]
        (light > 0).then(|| light as f64 * gain.max(0.0) * weeks * credit * hourly)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_follow_the_sources_lines() {
        let groups: Vec<Group> = [0, 1, 2, 3, 4, 5, 40].into_iter().map(Group::of).collect();
        use Group::*;
        assert_eq!(groups, [None, Light, Light, Moderate, Moderate, Heavy, Heavy]);
    }

    #[test]
    fn moving_light_users_to_moderate_is_valued_by_hand() {
        // 12 light users at 1.5 h, moderate at 4.0 h: 12 × 2.5 h × 48 weeks × 0.6 × $50 = $43,200.
        let intensity = Intensity { people: [3, 12, 20, 9], hours: [None, Some(1.5), Some(4.0), Some(6.0)] };
        let value = intensity.light_to_moderate(48.0, 0.6, 50.0).unwrap();
        assert!((value - 43_200.0).abs() < 1e-9, "{value}");
        assert_eq!(intensity.total(), 44);
    }

    #[test]
    fn no_value_without_both_groups_hours_or_light_users() {
        let none = Intensity { people: [3, 12, 20, 9], hours: [None, None, Some(4.0), None] };
        assert_eq!(none.light_to_moderate(48.0, 0.6, 50.0), Option::None);
        let no_light = Intensity { people: [3, 0, 20, 9], hours: [None, Some(1.0), Some(4.0), None] };
        assert_eq!(no_light.light_to_moderate(48.0, 0.6, 50.0), Option::None);
        let inverted = Intensity { people: [0, 5, 5, 0], hours: [None, Some(4.0), Some(3.0), None] };
        assert_eq!(inverted.light_to_moderate(48.0, 0.6, 50.0), Some(0.0));
    }
}
