//! The shapes of file the import recognises (docs/model.md#export-shapes): the product's own roster,
//! activity and survey, and the exports people really have — Claude Code analytics flattened to
//! CSV, weekly or monthly engagement exports, last-activity snapshots of Microsoft 365 Copilot and
//! GitHub Copilot, and learning systems' completion reports. Each is a row of [`SHAPES`]: its name,
//! the kind of file it fills, the header names that recognise it, its columns in its reader's
//! order, and the metrics it cannot support with the reason. (The JSON shapes are recognised from
//! their first byte, in `json.rs`.)

use serde::Serialize;

use super::FileKind;
use super::table::{Column, normalize};
use crate::assessment::Metric;

/// Which reader turns a shape's rows into data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reader {
    /// One row per trained person; `learning_system` makes the department optional and reads
    /// completion states ("Not completed") as well as dates.
    Roster { learning_system: bool },
    /// One row per person per day, with sessions (and maybe actor columns).
    Daily,
    /// One row per person per week or month, with an active flag or a count.
    Periods,
    /// One row per person with their last activity date and the report date.
    Snapshot,
    /// One row per survey answer.
    Survey,
    /// One row per employee of an HR system: e-mail address and department, joined onto the roster.
    People,
}

/// A metric a shape cannot support, and why (shown beside the metric as "not measured").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct NotMeasured {
    /// The metric's JSON name (`activeUsageRate`).
    pub metric: String,
    /// Why the file cannot give it, in plain words.
    pub reason: String,
}

impl NotMeasured {
    /// `metric` is not measured because of `reason`.
    pub fn new(metric: Metric, reason: &str) -> Self {
        Self { metric: metric.key().to_owned(), reason: reason.to_owned() }
    }
}

/// One recognised shape of file.
#[derive(Debug)]
pub(super) struct Shape {
    /// Its name, as the person is told ("Weekly engagement export").
    pub name: &'static str,
    /// The kind of file it fills.
    pub kind: FileKind,
    /// Its reader.
    pub reader: Reader,
    /// Recognised when, for every group, the header has one of the group's names (normalized).
    pub signature: &'static [&'static [&'static str]],
    /// Its columns, in the order its reader reads them.
    pub columns: &'static [Column],
    /// The metrics it cannot support, and why.
    pub not_measured: &'static [(Metric, &'static str)],
}

const fn col(name: &'static str, aliases: &'static [&'static str], required: bool) -> Column {
    Column { name, aliases, required }
}

const USER_ALIASES: &[&str] = &["email", "user_email", "actor", "user_id", "employee_id"];
const USER: Column = col("user", USER_ALIASES, true);
const LOGIN: Column = col("login", &["github_login", "github_username", "username"], false);
const COMPLETED: &[&str] = &["completed", "completion_date", "completed_at"];
const DEPARTMENT: &[&str] = &["dept", "team"];
const ROSTER: [Column; 6] = [
    USER,
    col("department", DEPARTMENT, true),
    col("completed_on", COMPLETED, true),
    col("licensed", &["has_license", "seat"], false),
    col("cohort", &["wave"], false),
    LOGIN,
];
const LMS_EMAIL: &[&str] = &["email_address", "e_mail_address", "user_email_address"];
const LMS_COMPLETION: &[&str] = &[
    "course_complete",
    "course_completed",
    "course_completion",
    "date_completed",
    "time_completed",
    "completion_time",
    "completed_on",
    "completion_date",
    "completed",
    "completion_status",
];
const LEARNING_SYSTEM: [Column; 6] = [
    col("email_address", LMS_EMAIL, true),
    col("department", &["dept", "team", "department_name", "organisation_unit", "organization_unit"], false),
    col("course_complete", LMS_COMPLETION, true),
    col("licensed", &["has_license", "seat"], false),
    col("cohort", &["wave", "group"], false),
    LOGIN,
];
const PEOPLE_EMAIL: &[&str] = &[
    "work_email",
    "work_email_address",
    "email_primary_work",
    "primary_work_email",
    "business_email",
    "email",
    "email_address",
    "user_email",
];
const PEOPLE_DEPARTMENT: &[&str] = &[
    "department",
    "dept",
    "department_name",
    "cost_center",
    "cost_centre",
    "cost_center_name",
    "organization",
    "organisation",
    "supervisory_organization",
    "division",
];
const PEOPLE: [Column; 2] = [col("email", PEOPLE_EMAIL, true), col("department", PEOPLE_DEPARTMENT, true)];
const SESSIONS: &[&str] = &["num_sessions", "conversations", "session_count"];
const MINUTES: Column = col("minutes", &["session_minutes", "active_minutes", "duration_minutes"], false);
const ACTIVITY: [Column; 4] =
    [col("date", &["day", "activity_date"], true), USER, col("sessions", SESSIONS, true), MINUTES];
const CLAUDE_ACTOR: &[&str] = &["actor_email_address", "actor.email_address", "actor_type", "actor.type"];
const CLAUDE_SESSIONS: &[&str] = &["num_sessions", "core_metrics.num_sessions", "core_metrics_num_sessions"];
const CLAUDE_CODE: [Column; 6] = [
    col("date", &["day"], true),
    col("actor_email_address", &["actor.email_address", "email_address", "user_email"], false),
    col("num_sessions", &["core_metrics.num_sessions", "core_metrics_num_sessions", "sessions"], true),
    MINUTES,
    col("actor_type", &["actor.type"], false),
    col("actor_api_key_name", &["actor.api_key_name", "api_key_name"], false),
];
const ENTERPRISE_USER: &[&str] = &["user.email_address", "user_email_address", "user_email"];
const ENTERPRISE_CHATS: &[&str] = &[
    "chat_metrics.distinct_conversation_count",
    "chat_metrics_distinct_conversation_count",
    "distinct_conversation_count",
];
/// Claude Enterprise analytics per user: date (or the file's name), user, chat conversations, and at
/// 6 its Claude Code sessions, which add to the conversations (3–5 are the daily reader's minutes and
/// actor columns, which this export does not have).
const ENTERPRISE: [Column; 7] = [
    col("date", &["day", "starting_at", "activity_date"], false),
    col("user.email_address", ENTERPRISE_USER, true),
    col("chat_metrics.distinct_conversation_count", ENTERPRISE_CHATS, true),
    MINUTES,
    col("actor_type", &[], false),
    col("actor_api_key_name", &[], false),
    col(
        "claude_code_metrics.core_metrics.distinct_session_count",
        &[
            "claude_code_metrics_core_metrics_distinct_session_count",
            "claude_code_metrics.core_metrics.num_sessions",
            "claude_code_metrics_core_metrics_num_sessions",
            "claude_code_sessions",
        ],
        false,
    ),
];
const ENGAGEMENT: [Column; 6] = [
    col("period_start", &["week_start", "start_date"], true),
    col("email", &["user_email", "email_address", "user"], true),
    col("period_end", &["week_end", "end_date"], true),
    col("is_active", &["active"], false),
    col("messages", &["messages_sent", "message_count", "num_messages"], false),
    col("department", &["departments", "dept", "team"], false),
];
const M365: [Column; 3] = [
    col("report_refresh_date", &[], true),
    col("user_principal_name", &[], true),
    col("last_activity_date", &[], true),
];
const GITHUB: [Column; 3] =
    [col("report_time", &[], true), col("login", &[], true), col("last_activity_at", &[], true)];
const SURVEY: [Column; 8] = [
    USER,
    col("day", &["checkpoint", "survey_day"], true),
    col("hours_saved", &["hours_saved_per_week"], false),
    col("integration", &[], false),
    col("satisfaction", &[], false),
    col("reviewed", &["reviewed_before_use"], false),
    col("tasks", &["task_categories"], false),
    col("time_reinvested", &["reinvested", "time_saved_on", "saved_time_used_for"], false),
];

const NO_MINUTES: &str = "this export counts sessions, not their minutes";
const PERIOD_COUNTS: &str = "this export counts messages per period, not sessions";
const PERIOD_WEEKS: &str = "this export's periods are calendar weeks, not each person's days 1–7 and 22–28";
const SNAPSHOT_LAST: &str = "this export gives each person's last activity date, not their sessions";
const SNAPSHOT_WEEKS: &str = "this export gives each person's last activity only, not each week's";

/// Every shape, most specific first: the first whose signature the header has is the file's.
pub(super) const SHAPES: [Shape; 10] = [
    Shape {
        name: "Pulse survey (CSV)",
        kind: FileKind::Survey,
        reader: Reader::Survey,
        signature: &[&[
            "hours_saved",
            "hours_saved_per_week",
            "integration",
            "satisfaction",
            "reviewed",
            "reviewed_before_use",
        ]],
        columns: &SURVEY,
        not_measured: &[],
    },
    Shape {
        name: "Claude Code analytics (CSV)",
        kind: FileKind::Activity,
        reader: Reader::Daily,
        signature: &[CLAUDE_ACTOR, CLAUDE_SESSIONS],
        columns: &CLAUDE_CODE,
        not_measured: &[(Metric::AvgSessionMinutes, NO_MINUTES)],
    },
    Shape {
        name: "Claude Enterprise analytics (per user, CSV)",
        kind: FileKind::Activity,
        reader: Reader::Daily,
        signature: &[ENTERPRISE_USER, ENTERPRISE_CHATS],
        columns: &ENTERPRISE,
        not_measured: &[(
            Metric::AvgSessionMinutes,
            "this export counts conversations and sessions, not their minutes",
        )],
    },
    Shape {
        name: "Engagement export",
        kind: FileKind::Activity,
        reader: Reader::Periods,
        signature: &[&["period_start"], &["period_end"], &["is_active", "messages"]],
        columns: &ENGAGEMENT,
        not_measured: &[
            (Metric::ActiveUsageRate, PERIOD_COUNTS),
            (Metric::SessionsPerActiveUserWeek, PERIOD_COUNTS),
            (Metric::AvgSessionMinutes, "this export has no session minutes"),
            (Metric::Week4RetentionOfWeek1, PERIOD_WEEKS),
        ],
    },
    Shape {
        name: "Microsoft 365 Copilot usage (snapshot)",
        kind: FileKind::Activity,
        reader: Reader::Snapshot,
        signature: &[&["report_refresh_date"], &["user_principal_name"], &["last_activity_date"]],
        columns: &M365,
        not_measured: SNAPSHOT,
    },
    Shape {
        name: "GitHub Copilot activity (snapshot)",
        kind: FileKind::Activity,
        reader: Reader::Snapshot,
        signature: &[&["report_time"], &["login"], &["last_activity_at"]],
        columns: &GITHUB,
        not_measured: SNAPSHOT,
    },
    Shape {
        name: "Usage per person per day (CSV)",
        kind: FileKind::Activity,
        reader: Reader::Daily,
        signature: &[&["sessions", "num_sessions", "conversations", "session_count"]],
        columns: &ACTIVITY,
        not_measured: &[],
    },
    Shape {
        name: "Learning-system completion report",
        kind: FileKind::Roster,
        reader: Reader::Roster { learning_system: true },
        signature: &[LMS_EMAIL, LMS_COMPLETION],
        columns: &LEARNING_SYSTEM,
        not_measured: &[],
    },
    Shape {
        name: "People file (departments for the roster)",
        kind: FileKind::Roster,
        reader: Reader::People,
        signature: &[PEOPLE_EMAIL, PEOPLE_DEPARTMENT],
        columns: &PEOPLE,
        not_measured: &[],
    },
    Shape {
        name: "Roster (CSV)",
        kind: FileKind::Roster,
        reader: Reader::Roster { learning_system: false },
        signature: &[&["completed_on", "completed", "completion_date", "completed_at", "department", "dept", "team"]],
        columns: &ROSTER,
        not_measured: &[],
    },
];

/// The product's own roster and daily usage shapes again, for a file whose columns the person chose
/// (`mapped.rs`): the same columns and readers, under a name that says who chose them. Never recognised
/// from a header (no signature).
pub(super) static CHOSEN: [Shape; 2] = [
    Shape {
        name: "Roster (columns chosen by you)",
        kind: FileKind::Roster,
        reader: Reader::Roster { learning_system: false },
        signature: &[],
        columns: &ROSTER,
        not_measured: &[],
    },
    Shape {
        name: "Usage per person per day (columns chosen by you)",
        kind: FileKind::Activity,
        reader: Reader::Daily,
        signature: &[],
        columns: &ACTIVITY,
        not_measured: &[],
    },
];

const SNAPSHOT: &[(Metric, &str)] = &[
    (Metric::ActiveUsageRate, SNAPSHOT_LAST),
    (Metric::SessionsPerActiveUserWeek, SNAPSHOT_LAST),
    (Metric::AvgSessionMinutes, SNAPSHOT_LAST),
    (Metric::Week4RetentionOfWeek1, SNAPSHOT_WEEKS),
];

/// The shape a header shows, of `kind` when one is asked for: the first whose signature it has, or,
/// with a kind asked for, that kind's generic shape (the last of the kind, which then names the
/// columns the file lacks).
pub(super) fn recognise(headers: &[String], kind: Option<FileKind>) -> Option<&'static Shape> {
    let headers: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    let has = |group: &&[&str]| headers.iter().any(|h| group.contains(&h.as_str()));
    // A file with a completion column is a roster, whatever else it has; without one, an e-mail
    // address and a department make a people file.
    let completion = [COMPLETED, LMS_COMPLETION, &["completed_on"]].iter().any(has);
    let candidates = SHAPES.iter().filter(|s| kind.is_none_or(|k| s.kind == k));
    candidates
        .clone()
        .find(|s| s.signature.iter().all(has) && !(s.reader == Reader::People && completion))
        .or_else(|| kind.and_then(|_| candidates.clone().next_back()))
}
