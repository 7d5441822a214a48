//! Dates as exports write them (docs/model.md#export-shapes), each form and edge computed by hand:
//! ISO dates and date-times with `Z` or an offset (the UTC date), `d/m/y` and `m/d/y` with 2- or
//! 4-digit years and a time after them, spreadsheet serial dates, and a file's order inferred from
//! its values or asked.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::import::dates::{DateOrder, Dates, Held, Reading, day_number, parse};

fn day(y: i32, m: i32, d: i32) -> i32 {
    day_number(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} exists"))
}

#[test]
fn iso_dates_and_date_times_give_the_utc_date() {
    assert_eq!(parse("2025-09-08"), Some(Reading::Day(day(2025, 9, 8))));
    assert_eq!(parse("2025-09-08T00:00:00Z"), Some(Reading::Day(day(2025, 9, 8))));
    assert_eq!(parse("2025/09/08"), Some(Reading::Day(day(2025, 9, 8))));
    // 23:30 at UTC−5 is 04:30 the next day in UTC.
    assert_eq!(parse("2025-09-08T23:30:00-05:00"), Some(Reading::Day(day(2025, 9, 9))));
    // 01:00 at UTC+2 is 23:00 the day before.
    assert_eq!(parse("2025-09-08T01:00:00+02:00"), Some(Reading::Day(day(2025, 9, 7))));
    // 12:00 at UTC+05:30 is 06:30 the same day; fractions of a second and `+hhmm` read.
    assert_eq!(parse("2025-09-08T12:00:00.123+0530"), Some(Reading::Day(day(2025, 9, 8))));
    // Without a zone the time is taken as it is; a time that does not read is ignored, as before.
    assert_eq!(parse("2025-09-08 23:59"), Some(Reading::Day(day(2025, 9, 8))));
    assert_eq!(parse("2025-09-08T9am"), Some(Reading::Day(day(2025, 9, 8))));
    // The last day of the year, pushed over midnight into the next year.
    assert_eq!(parse("2025-12-31T22:00:00-03:00"), Some(Reading::Day(day(2026, 1, 1))));
}

#[test]
fn leap_days_and_dates_that_do_not_exist() {
    assert_eq!(parse("2024-02-29"), Some(Reading::Day(day(2024, 2, 29))));
    assert_eq!(parse("2025-02-29"), None, "2025 is not a leap year");
    assert_eq!(parse("1900-02-29"), None, "1900 is not a leap year (divisible by 100, not 400)");
    assert_eq!(parse("2000-02-29"), Some(Reading::Day(day(2000, 2, 29))), "2000 is (divisible by 400)");
    assert_eq!(parse("2025-13-01"), None);
    assert_eq!(parse("31/02/2025"), None, "no 31 February, and no month 31");
    assert_eq!(parse("02/31/2025"), None);
    assert_eq!(parse("29/02/2024"), Some(Reading::Decides(DateOrder::DayFirst, day(2024, 2, 29))));
    assert_eq!(parse("02/29/24"), Some(Reading::Decides(DateOrder::MonthFirst, day(2024, 2, 29))));
    assert_eq!(parse("29/02/23"), None);
}

#[test]
fn slash_dates_with_two_or_four_digit_years_and_a_time_after() {
    // A first field above 12 is a day; a second above 12 is a day, so the first is the month.
    assert_eq!(parse("13/09/25"), Some(Reading::Decides(DateOrder::DayFirst, day(2025, 9, 13))));
    assert_eq!(parse("9/13/2025"), Some(Reading::Decides(DateOrder::MonthFirst, day(2025, 9, 13))));
    // Moodle's "Course complete": the same field twice is one date either way; the time is ignored.
    assert_eq!(parse("03/03/25, 10:12"), Some(Reading::Day(day(2025, 3, 3))));
    assert_eq!(
        parse("3/4/2025 10:12:00 AM"),
        Some(Reading::Either { day_first: day(2025, 4, 3), month_first: day(2025, 3, 4) })
    );
    assert_eq!(parse("08.09.2025"), Some(Reading::Either { day_first: day(2025, 9, 8), month_first: day(2025, 8, 9) }));
    assert_eq!(parse("08-09-25"), Some(Reading::Either { day_first: day(2025, 9, 8), month_first: day(2025, 8, 9) }));
    // Two-digit years are 20xx.
    assert_eq!(parse("01/01/00"), Some(Reading::Day(day(2000, 1, 1))));
    assert_eq!(parse("31/12/99"), Some(Reading::Decides(DateOrder::DayFirst, day(2099, 12, 31))));
    for bad in ["3/4/202", "3/4", "1/2/3/4", "123/4/2025", "3/4/25x", "13/13/2025", "/3/25"] {
        assert_eq!(parse(bad), None, "{bad}");
    }
}

#[test]
fn spreadsheet_serial_dates_count_days_from_1899_12_30() {
    // 2025-01-01 is serial 45658; 8 September is day 251 of 2025 (243 days in January–August + 8):
    // 45658 + 250 = 45908.
    assert_eq!(parse("45908"), Some(Reading::Day(day(2025, 9, 8))));
    assert_eq!(parse("45908.75"), Some(Reading::Day(day(2025, 9, 8))), "the fraction is the time");
    // 2024-01-01 is serial 45292; 29 February is 59 days later.
    assert_eq!(parse("45351"), Some(Reading::Day(day(2024, 2, 29))));
    assert_eq!(parse("1"), Some(Reading::Day(day(1899, 12, 31))));
    assert_eq!(parse("2958465"), Some(Reading::Day(day(9999, 12, 31))));
    for bad in ["0", "2958466", "20250908", "45908.", "45908.x", "-45908", "", "yesterday"] {
        assert_eq!(parse(bad), None, "{bad}");
    }
}

#[test]
fn a_file_takes_the_order_its_values_decide() {
    let mut dates = Dates::new(None);
    // 03/04/25 reads both ways: held with its month-first reading until the order is known.
    let first = parse("03/04/25").expect("a date");
    assert_eq!(dates.day(first, "03/04/25", "date", 2), Ok((day(2025, 4, 3), Some(day(2025, 3, 4)))));
    dates.hold(0, 0, Some(day(2025, 3, 4)));
    // 04/13/25 can only be month first: it decides.
    let second = parse("04/13/25").expect("a date");
    assert_eq!(dates.day(second, "04/13/25", "date", 3), Ok((day(2025, 4, 13), None)));
    // After it, 05/06/25 is read month first straight away, and 13/04/25 contradicts it.
    assert_eq!(dates.day(parse("05/06/25").expect("a date"), "05/06/25", "date", 4), Ok((day(2025, 5, 6), None)));
    let conflict = dates.day(parse("13/04/25").expect("a date"), "13/04/25", "date", 5).expect_err("a conflict");
    assert_eq!(
        conflict,
        "has date \"13/04/25\", a date written day first, but this file's dates are month first as \"04/13/25\" on line \
         3 shows"
    );
    // The held row turns month first.
    assert_eq!(dates.finish(), Ok(vec![Held { row: 0, field: 0, month_first: day(2025, 3, 4) }]));
}

#[test]
fn a_day_first_file_keeps_what_it_held() {
    let mut dates = Dates::new(None);
    let (held, _) = dates.day(parse("03/04/25").expect("a date"), "03/04/25", "date", 2).expect("read");
    assert_eq!(held, day(2025, 4, 3));
    dates.hold(0, 0, Some(day(2025, 3, 4)));
    assert!(dates.day(parse("25/04/25").expect("a date"), "25/04/25", "date", 3).is_ok());
    assert_eq!(dates.finish(), Ok(Vec::new()), "nothing to turn: the day-first readings stand");
}

#[test]
fn an_order_chosen_reads_every_value_and_refuses_the_other() {
    let mut dates = Dates::new(Some(DateOrder::MonthFirst));
    assert_eq!(dates.day(parse("03/04/25").expect("a date"), "03/04/25", "d", 2), Ok((day(2025, 3, 4), None)));
    let refused = dates.day(parse("13/04/25").expect("a date"), "13/04/25", "d", 3).expect_err("day first");
    assert!(refused.ends_with("this file's dates are month first as chosen"), "{refused}");
    assert_eq!(dates.finish(), Ok(Vec::new()));
    assert_eq!(DateOrder::from_name("dmy"), Some(DateOrder::DayFirst));
    assert_eq!(DateOrder::MonthFirst.name(), "mdy");
    assert_eq!(DateOrder::from_name("ymd"), None);
}

#[test]
fn a_file_its_values_never_decide_is_asked_about() {
    let mut dates = Dates::new(None);
    for (line, text) in [(2, "03/04/25"), (3, "05/06/25")] {
        let (_, month_first) = dates.day(parse(text).expect("a date"), text, "Course complete", line).expect("read");
        dates.hold(line as usize - 2, 0, month_first);
    }
    let question = dates.finish().expect_err("undecided");
    assert_eq!(
        question,
        "writes its dates (column Course complete, such as \"03/04/25\") in an order its values do not decide: day \
         first (2025-04-03) or month first (2025-03-04); choose the order (dateOrder \"dmy\" or \"mdy\") and import it \
         again"
    );
    // Dates that read one way only (ISO, equal fields) never ask.
    let mut plain = Dates::new(None);
    for text in ["2025-09-08", "03/03/25", "45908"] {
        assert!(plain.day(parse(text).expect("a date"), text, "date", 2).is_ok());
    }
    assert_eq!(plain.finish(), Ok(Vec::new()));
}
