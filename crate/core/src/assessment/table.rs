//! The rules of docs/model.md#metrics-and-targets as data: for each metric the day it is judged from, its
//! green and red lines, what a shortfall usually means and what to do, and the source article behind it.
//! Texts are shown to HR and L&D people as they are.

use super::Metric;

/// What a status usually means and what to do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advice {
    /// What it usually means.
    pub diagnosis: &'static str,
    /// What to do next.
    pub action: &'static str,
}

/// One row of the rule table: `value ≥ green_at` is green, `value < red_below` red, between amber.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Stable id, quoted in results and flags.
    pub id: &'static str,
    /// The metric judged.
    pub metric: Metric,
    /// First checkpoint day at which the metric is judged.
    pub from_day: u32,
    /// Green at or above this.
    pub green_at: f64,
    /// Red below this; `None` when the metric is never red.
    pub red_below: Option<f64>,
    /// Advice when red.
    pub red: Advice,
    /// Advice when amber.
    pub amber: Advice,
    /// The source article(s) behind the row.
    pub source: &'static str,
}

/// For rows with no red (or no amber) band.
const NO_RED: Advice = Advice { diagnosis: "", action: "" };

/// The rule table, in display order.
pub static RULES: [Rule; 13] = [
    Rule {
        id: "active-usage",
        metric: Metric::ActiveUsageRate,
        from_day: 30,
        green_at: 0.70,
        red_below: Some(0.50),
        red: Advice {
            diagnosis: "Fewer than half use Claude 3 times a week for real work. It is almost always one of three causes: the training used generic examples, people have no time set aside to practise, or managers are not modelling its use.",
            action: "Review the curriculum now: find which of the three causes applies and fix it before the next cohort.",
        },
        amber: Advice {
            diagnosis: "Active use is below the 70% that shows training connected Claude to real work.",
            action: "Check the three usual causes (generic examples, no practice time, managers not modelling) in the teams furthest below.",
        },
        source: "000",
    },
    Rule {
        id: "weekly-active",
        metric: Metric::WeeklyActiveRate,
        from_day: 30,
        green_at: 0.40,
        red_below: Some(0.25),
        red: Advice {
            diagnosis: "Under a quarter of licensed seats are active weekly: the training didn't take.",
            action: "Run a refresher workshop on the highest-value use cases and remove the barriers people report.",
        },
        amber: Advice {
            diagnosis: "Weekly active use is below the healthy 40% of licensed seats.",
            action: "Use the department breakdown to find the teams that need help first.",
        },
        source: "001",
    },
    Rule {
        id: "completion",
        metric: Metric::CompletionRate,
        from_day: 0,
        green_at: 0.85,
        red_below: Some(0.75),
        red: Advice {
            diagnosis: "Under 75% completed training: scheduling friction, low perceived value, or managers not reinforcing attendance.",
            action: "Protect time for the sessions, show the value with the team's own tasks, and ask managers to back attendance.",
        },
        amber: Advice {
            diagnosis: "Completion is below the 85% target. It is a hygiene metric: it says little about use.",
            action: "Reschedule for those who missed it; judge success by active use, not completion.",
        },
        source: "000",
    },
    Rule {
        id: "sessions-per-user",
        metric: Metric::SessionsPerActiveUserWeek,
        from_day: 30,
        green_at: 5.0,
        red_below: None,
        red: NO_RED,
        amber: Advice {
            diagnosis: "Active users open Claude fewer than 5 times a week.",
            action: "Share concrete daily use cases for each role and check what stops people using it more.",
        },
        source: "001",
    },
    Rule {
        id: "session-minutes",
        metric: Metric::AvgSessionMinutes,
        from_day: 30,
        green_at: 8.0,
        red_below: None,
        red: NO_RED,
        amber: Advice {
            diagnosis: "Sessions average under 8 minutes: people may be trying Claude rather than working with it.",
            action: "Show longer, real workflows in follow-up sessions: drafting, analysis, review.",
        },
        source: "001",
    },
    Rule {
        id: "retention-week4",
        metric: Metric::Week4RetentionOfWeek1,
        from_day: 28,
        green_at: 0.70,
        red_below: None,
        red: NO_RED,
        amber: Advice {
            diagnosis: "Fewer than 70% of week-1 users were still active in week 4: early use is fading.",
            action: "Follow up with those who stopped: a short clinic on their own tasks, and a Day-7 pulse to catch blockers early.",
        },
        source: "001",
    },
    Rule {
        id: "hours-saved-day30",
        metric: Metric::HoursSavedPerWeek,
        from_day: 30,
        green_at: 3.0,
        red_below: Some(2.0),
        red: Advice {
            diagnosis: "Under 2 hours saved a week at Day 30: the training didn't reach high-value tasks.",
            action: "Map each team's most time-consuming tasks and rebuild the exercises around them.",
        },
        amber: Advice {
            diagnosis: "Time saved is below the typical 3–6 hours a week at Day 30.",
            action: "Collect the tasks where Claude saves the most time and spread them across the team.",
        },
        source: "000",
    },
    Rule {
        id: "hours-saved-day90",
        metric: Metric::HoursSavedPerWeek,
        from_day: 90,
        green_at: 5.0,
        red_below: Some(3.0),
        red: Advice {
            diagnosis: "Under 3 hours saved a week at Day 90, below the minimum target.",
            action: "Target the highest-value workflows per team and retrain on them; drop use cases that don't pay.",
        },
        amber: Advice {
            diagnosis: "Time saved is below the typical 5–8 hours a week at Day 90: use hasn't spread to new tasks.",
            action: "Introduce the next set of use cases to the teams whose savings have levelled off.",
        },
        source: "000, 001",
    },
    Rule {
        id: "daily-workflow",
        metric: Metric::DailyWorkflowShare,
        from_day: 90,
        green_at: 0.50,
        red_below: None,
        red: NO_RED,
        amber: Advice {
            diagnosis: "Fewer than half say Claude is part of their daily workflow (4 or 5 out of 5).",
            action: "Build Claude into the team's standard processes and templates, not only ad-hoc tasks.",
        },
        source: "001",
    },
    Rule {
        id: "satisfaction",
        metric: Metric::Satisfaction,
        from_day: 90,
        green_at: 3.8,
        red_below: None,
        red: NO_RED,
        amber: Advice {
            diagnosis: "Satisfaction is below 3.8 out of 5.",
            action: "Read the survey comments for the most common barrier and fix that first.",
        },
        source: "001",
    },
    Rule {
        id: "review-rate",
        metric: Metric::ReviewedBeforeUse,
        from_day: 30,
        green_at: 0.90,
        red_below: Some(0.80),
        red: Advice {
            diagnosis: "Compliance risk: more than one output in five is used without review.",
            action: "Reinforce the human-in-the-loop policy and involve governance.",
        },
        amber: Advice {
            diagnosis: "Review before use is below the 90% target.",
            action: "Remind teams that every output is reviewed before use, and show what a good review checks.",
        },
        source: "001",
    },
    Rule {
        id: "quality",
        metric: Metric::QualityEqualOrBetter,
        from_day: 90,
        green_at: 0.85,
        red_below: Some(0.85),
        red: Advice {
            diagnosis: "Fewer than 85% of managers rate Claude-assisted work equal or better. The cause is almost always inadequate prompt training, not Claude: first drafts are being submitted without review or refinement.",
            action: "Add prompt refinement and review practice to the training, using each manager's one good and one failed example.",
        },
        amber: NO_RED,
        source: "000",
    },
    Rule {
        id: "department-adoption",
        metric: Metric::DepartmentAdoptionRate,
        from_day: 30,
        green_at: 0.60,
        red_below: None,
        red: NO_RED,
        amber: Advice {
            diagnosis: "Fewer than 60% of departments have half their seats active weekly.",
            action: "Start with the departments below 50%: find their use cases and a champion in each.",
        },
        source: "001",
    },
];

/// Completion ≥ 85% with active use < 50%: the content, not attendance, is the problem (source 000).
pub(super) const CONTENT_NOT_CONNECTING: (&str, Advice) = (
    "content-not-connecting",
    Advice {
        diagnosis: "People completed the training but don't use Claude: the content isn't connecting. This is a bigger problem than low completion.",
        action: "Redesign the content around each team's real tasks before training anyone else.",
    },
);

/// Few sessions while weekly use is healthy: the use cases don't suit Claude (source 001).
pub(super) const USE_CASES_MISMATCHED: (&str, Advice) = (
    "use-cases-mismatched",
    Advice {
        diagnosis: "People use Claude weekly but rarely: the use cases they were taught don't suit its strengths.",
        action: "Analyse the pulse-survey task categories and redirect people to higher-return workflows.",
    },
);

/// A department below its benchmark band at Day 90 (source 000's department table).
pub(super) const BELOW_BENCHMARK: (&str, Advice) = (
    "below-benchmark",
    Advice {
        diagnosis: "Below the typical Day-90 range for this kind of department.",
        action: "Compare with how similar teams use Claude and adapt the department's use cases.",
    },
);
