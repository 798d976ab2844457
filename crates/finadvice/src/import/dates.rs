//! Dates as exports write them, and the per-file decision between day-first and month-first.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The order of a file's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename_all = "lowercase"))]
pub enum DateOrder {
    /// Year first (ISO `2025-01-31`, `20250131`, OFX).
    Ymd,
    /// Month first (`01/31/2025`, US).
    Mdy,
    /// Day first (`31/01/2025`, `31.01.2025`, UK and Europe).
    Dmy,
}

/// One date as written, before the file's order is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Year first, or the month by name: already a date (or not one).
    YearFirst(Option<Date>),
    /// `a/b/year`: which of `a` and `b` is the day depends on the file.
    Numbers { a: u32, b: u32, year: i32 },
    /// Not a date.
    Invalid,
}

/// Reads one date. A time after the date (`2025-03-01 12:03:44`, `2025-03-01T12:03`) is ignored;
/// two-digit years are 20YY (exports are of recent statements); Quicken's `1/ 5'25` is read too,
/// and a day before an English month name (`30-Dec-25`, `01 Mar 2026`).
pub fn read(text: &str) -> Written {
    if let Some(written) = named_month(text) {
        return written;
    }
    // Quicken pads with spaces ("1/ 5'25"): join those back before splitting off a time.
    let text = text.trim().replace("/ ", "/").replace("' ", "'");
    let date_part = text.split([' ', 'T']).find(|p| !p.is_empty()).unwrap_or("");
    if date_part.len() >= 8 && date_part.bytes().take(8).all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| date_part[r].parse::<u32>().ok();
        let (Some(y), Some(m), Some(d)) = (n(0..4), n(4..6), n(6..8)) else { return Written::Invalid };
        return Written::YearFirst(Date::new(y as i32, m, d));
    }
    let parts: Vec<&str> = date_part.split(['/', '-', '.', '\'']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Written::Invalid;
    }
    let numbers: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    if parts[0].len() == 4 {
        return Written::YearFirst(Date::new(numbers[0] as i32, numbers[1], numbers[2]));
    }
    let year = match parts[2].len() {
        4 => numbers[2] as i32,
        2 => 2000 + numbers[2] as i32,
        _ => return Written::Invalid,
    };
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return Written::Invalid;
    }
    Written::Numbers { a: numbers[0], b: numbers[1], year }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `day month-name year` (HSBC UK's `30-Dec-25`, Nationwide's `01 Mar 2026`): the month is named
/// by at least its first three letters; anything after the year (a time) is ignored.
fn named_month(text: &str) -> Option<Written> {
    let parts: Vec<&str> = text.split([' ', '-', '/', '.']).filter(|p| !p.is_empty()).collect();
    let (day, month, year) = (parts.first()?, parts.get(1)?, parts.get(2)?);
    if month.len() < 3 || !month.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let month = month.to_ascii_lowercase();
    let number = MONTHS.iter().position(|m| m.starts_with(&month))? as u32 + 1;
    let digits = |p: &str, lens: &[usize]| lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(day, &[1, 2]) || !digits(year, &[2, 4]) {
        return Some(Written::Invalid);
    }
    let year: i32 = year.parse().ok()?;
    let year = if year < 100 { 2000 + year } else { year };
    Some(Written::YearFirst(Date::new(year, number, day.parse().ok()?)))
}

/// The date under a known order; `None` when it is not a calendar date.
pub fn resolve(written: Written, order: DateOrder) -> Option<Date> {
    match written {
        Written::YearFirst(date) => date,
        Written::Numbers { a, b, year } => match order {
            DateOrder::Dmy => Date::new(year, b, a),
            DateOrder::Mdy | DateOrder::Ymd => Date::new(year, a, b),
        },
        Written::Invalid => None,
    }
}

/// What all of a file's dates say about their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Decided (or no date needs an order: all are year-first).
    Order(DateOrder),
    /// Every `a/b` date has both numbers 12 or less: cannot be decided.
    Undecided,
    /// Some rows prove day-first and others month-first.
    Conflict,
}

/// Decides day-first or month-first from every date of a file: a first number above 12 proves
/// day-first, a second above 12 proves month-first. Rows that are not dates do not count.
pub fn decide(dates: impl Iterator<Item = Written>) -> Decision {
    let (mut any_numbers, mut day_first, mut month_first) = (false, false, false);
    for written in dates {
        if let Written::Numbers { a, b, .. } = written {
            any_numbers = true;
            if a > 12 && b <= 12 {
                day_first = true;
            }
            if b > 12 && a <= 12 {
                month_first = true;
            }
        }
    }
    match (any_numbers, day_first, month_first) {
        (false, _, _) => Decision::Order(DateOrder::Ymd),
        (true, true, false) => Decision::Order(DateOrder::Dmy),
        (true, false, true) => Decision::Order(DateOrder::Mdy),
        (true, true, true) => Decision::Conflict,
        (true, false, false) => Decision::Undecided,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(w: Written, order: DateOrder) -> String {
        resolve(w, order).map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn formats() {
        assert_eq!(iso(read("2025-03-01"), DateOrder::Dmy), "2025-03-01");
        assert_eq!(iso(read("2025-03-01 12:03:44"), DateOrder::Mdy), "2025-03-01");
        assert_eq!(iso(read("20250131"), DateOrder::Mdy), "2025-01-31");
        assert_eq!(iso(read("20250131120000[-5:EST]"), DateOrder::Mdy), "2025-01-31");
        assert_eq!(iso(read("01/31/2025"), DateOrder::Mdy), "2025-01-31");
        assert_eq!(iso(read("31/01/2025"), DateOrder::Dmy), "2025-01-31");
        assert_eq!(iso(read("31.01.2025"), DateOrder::Dmy), "2025-01-31");
        assert_eq!(iso(read("1/ 5'25"), DateOrder::Mdy), "2025-01-05");
        assert_eq!(iso(read("1/20/25"), DateOrder::Mdy), "2025-01-20");
        assert_eq!(iso(read("30-Dec-25"), DateOrder::Dmy), "2025-12-30");
        assert_eq!(iso(read("01 Mar 2026"), DateOrder::Mdy), "2026-03-01");
        assert_eq!(iso(read("3 September 2025 10:14"), DateOrder::Dmy), "2025-09-03");
        assert_eq!(read("31-Foo-25"), Written::Invalid);
        assert_eq!(read("x1-Dec-25"), Written::Invalid);
        assert_eq!(read("30-Feb-25"), Written::YearFirst(None));
        assert_eq!(resolve(read("13/45/2025"), DateOrder::Mdy), None);
        assert_eq!(read("yesterday"), Written::Invalid);
        assert_eq!(read(""), Written::Invalid);
        assert_eq!(read("2025-02-30"), Written::YearFirst(None));
    }

    #[test]
    fn order_is_decided_from_all_rows() {
        let d = |xs: &[&str]| decide(xs.iter().map(|x| read(x)));
        assert_eq!(d(&["01/02/2025", "14/02/2025"]), Decision::Order(DateOrder::Dmy));
        assert_eq!(d(&["01/02/2025", "02/14/2025"]), Decision::Order(DateOrder::Mdy));
        assert_eq!(d(&["01/02/2025", "03/04/2025"]), Decision::Undecided);
        assert_eq!(d(&["13/02/2025", "02/14/2025"]), Decision::Conflict);
        assert_eq!(d(&["2025-01-02"]), Decision::Order(DateOrder::Ymd));
    }
}
