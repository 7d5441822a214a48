//! What a person takes away (groundwork for the widget's "Share and keep"): CSV of the departments and of
//! the monthly projection, the JSON download, and the one-tag embed snippet.
//!
//! Names and labels arrive in links written by strangers, so a text cell that a spreadsheet would run as
//! a formula (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with `'`, and the embed snippet's
//! attribute is HTML-escaped. Numbers are written exactly (shortest round-trip), never rounded.

use serde_json::Value;

use crate::report::Report;
use crate::scenario::Scenario;

/// The departments as CSV, one row per department, with their benchmark comparison.
pub fn departments_csv(report: &Report) -> String {
    let mut rows = vec![vec![
        "department".to_owned(),
        "headcount".into(),
        "hourly cost".into(),
        "active rate".into(),
        "hours saved per week".into(),
        "annual hours saved".into(),
        "annual benefit".into(),
        "share of benefit".into(),
        "benchmark".into(),
        "active rate vs benchmark".into(),
        "hours vs benchmark".into(),
    ]];
    for d in &report.departments {
        let status = |s: Option<crate::benchmarks::BandStatus>| s.map(|s| s.word().to_owned()).unwrap_or_default();
        rows.push(vec![
            safe_text(&d.name),
            count(d.headcount),
            number(d.hourly_cost),
            number(d.active_rate),
            number(d.hours_saved_per_week),
            number(d.annual_hours_saved),
            number(d.annual_benefit),
            number(d.share_of_benefit),
            d.benchmark.as_ref().map(|b| safe_text(&b.key)).unwrap_or_default(),
            status(d.benchmark.as_ref().map(|b| b.active_rate.status)),
            status(d.benchmark.as_ref().map(|b| b.hours_saved_per_week.status)),
        ]);
    }
    to_csv(&rows)
}

/// The monthly projection as CSV, month 0 to the horizon.
pub fn monthly_csv(report: &Report) -> String {
    let header = ["month", "benefit", "cost", "cumulative benefit", "cumulative cost", "cumulative net"];
    let mut rows = vec![header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    rows.extend(report.monthly.iter().map(|m| {
        vec![
            m.month.to_string(),
            number(m.benefit),
            number(m.cost),
            number(m.cumulative_benefit),
            number(m.cumulative_cost),
            number(m.cumulative_net),
        ]
    }));
    to_csv(&rows)
}

/// The JSON download: the scenario and its report in one versioned document (its keys in order, as
/// a [`Value`]'s map keeps them).
pub fn download_json(scenario: &Scenario, report: &Report) -> Value {
    /// The document as written.
    #[derive(serde::Serialize)]
    struct Download<'a> {
        version: u8,
        scenario: &'a Scenario,
        report: &'a Report,
    }
    // Written as text and read back rather than built with `serde_json::to_value`: the page's module
    // already writes reports and scenarios as text and reads JSON values, where `to_value` would add a
    // second serializer of the whole report to it. Both give the same value.
    let text = serde_json::to_string(&Download { version: 1, scenario, report }).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

/// The tags that embed the widget on another page with this scenario: `script_url` is where
/// `roi-calculator.js` is served.
pub fn embed_snippet(script_url: &str, scenario: &Scenario) -> String {
    let config = serde_json::to_string(scenario).unwrap_or_default();
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<roi-calculator config=\"{}\"></roi-calculator>",
        escape_attribute(script_url),
        escape_attribute(&config)
    )
}

/// Text safe in a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// A user's text as a cell a spreadsheet will show, not run.
fn safe_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// A number written exactly, as JSON writes it (shortest text that reads back to the same value).
fn number(x: f64) -> String {
    serde_json::to_string(&x).unwrap_or_default()
}

/// A whole count (a headcount) without a decimal point.
fn count(x: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let whole = x as i64;
    #[allow(clippy::cast_precision_loss)]
    if whole as f64 == x { whole.to_string() } else { number(x) }
}

/// Rows as RFC 4180 CSV: a field with a comma, quote or line break is quoted, quotes doubled; CRLF
/// line ends. Written here rather than with the `csv` crate, whose writer measured 16.5 KB gzipped in the
/// WebAssembly module for these few lines; reading CSV, with its dialects, is another matter.
fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if field.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BenchmarkTable;
    use serde_json::json;

    fn report_for(scenario: &Scenario) -> Report {
        crate::evaluate(scenario, &BenchmarkTable::default()).expect("valid")
    }

    #[test]
    fn departments_csv_quotes_and_defuses_user_text() {
        let mut scenario = Scenario::default();
        scenario.departments[0].name = "=HYPERLINK(\"http://x\",\"click\")".into();
        scenario
            .departments
            .push(crate::scenario::Department { name: "Sales, EMEA".into(), ..scenario.departments[0].clone() });
        let csv = departments_csv(&report_for(&scenario));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("department,headcount,hourly cost,"));
        assert!(
            lines[1].starts_with("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",100,75.0,0.7,6.5,"),
            "{}",
            lines[1]
        );
        assert!(lines[2].starts_with("\"Sales, EMEA\","), "{}", lines[2]);
        assert!(lines[1].ends_with(",general,within,within"), "{}", lines[1]);
        // Two data rows, a header, and the final line end.
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn fields_with_line_breaks_and_quotes_are_quoted() {
        let rows = vec![vec!["a\r\nb".to_owned(), "say \"hi\"".to_owned(), "plain".to_owned()]];
        assert_eq!(to_csv(&rows), "\"a\r\nb\",\"say \"\"hi\"\"\",plain\r\n");
    }

    #[test]
    fn monthly_csv_has_every_month_exactly() {
        let report = report_for(&Scenario::default());
        let csv = monthly_csv(&report);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 1 + 37);
        assert_eq!(lines[1], "0,0.0,135000.0,0.0,135000.0,-135000.0");
        let month1: Vec<f64> = lines[2].split(',').map(|x| x.parse().expect("a number")).collect();
        assert_eq!(month1[1], report.monthly[1].benefit);
    }

    #[test]
    fn the_embed_snippet_escapes_the_scenario() {
        let mut scenario = Scenario::default();
        scenario.departments[0].name = "\"><script>alert(1)</script>".into();
        let snippet = embed_snippet("https://calc.example/roi-calculator.js", &scenario);
        assert!(
            snippet.starts_with("<script type=\"module\" src=\"https://calc.example/roi-calculator.js\"></script>\n")
        );
        assert!(!snippet.contains("<script>alert"));
        assert!(snippet.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // The attribute unescapes back to the exact scenario.
        let attribute = snippet.split("config=\"").nth(1).and_then(|rest| rest.split("\">").next()).expect("config");
        let json = attribute
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        assert_eq!(Scenario::from_json(&serde_json::from_str(&json).expect("json")), Ok(scenario));
    }

    #[test]
    fn the_json_download_is_versioned() {
        let scenario = Scenario::default();
        let document = download_json(&scenario, &report_for(&scenario));
        assert_eq!(document["version"], 1);
        assert_eq!(document["report"]["annual"]["roiPercent"], json!(740.0));
    }

    #[test]
    fn the_json_download_is_the_value_of_its_parts() {
        let mut scenario = Scenario::default();
        scenario.departments[0].name = "Ünïcode \"quoted\" \u{1F600} \\ line\nbreak".into();
        scenario.departments[0].hourly_cost = Some(0.1 + 0.2);
        scenario.departments[0].headcount = 123_456_789;
        scenario.departments[0].active_rate = Some(1e-7);
        let report = report_for(&scenario);
        let document = download_json(&scenario, &report);
        assert_eq!(document, json!({ "version": 1, "scenario": scenario, "report": report }));
        let pretty = |v: &Value| serde_json::to_string_pretty(v).expect("text");
        assert_eq!(pretty(&document), pretty(&json!({ "version": 1, "scenario": scenario, "report": report })));
    }
}
