//! Calendar dates (`YYYY-MM-DD`, proleptic Gregorian) — just what the engine needs: parsing with
//! validation, ordering, day counts and month arithmetic. No clock and no time zone: the engine
//! never reads the current time, the profile's `asOf` is "today".

use serde::{Serialize, Serializer};
use std::fmt;

/// Earliest year accepted in any date.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted in any date.
pub const MAX_YEAR: i32 = 2200;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, type = "string", rename = "IsoDate"))]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` if it does not exist or lies outside `MIN_YEAR..=MAX_YEAR`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month: month as u8, day: day as u8 })
    }

    /// Parses exactly `YYYY-MM-DD`; an ISO timestamp's date part (`2026-11-25T10:00:00Z`) is accepted too.
    pub fn parse(text: &str) -> Option<Date> {
        let date = text.split_once('T').map_or(text, |(d, _)| d);
        let bytes = date.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = &date[r];
            if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        Date::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month as u32
    }
    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01 (negative before), for differences between dates.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil algorithm (public domain description of the formula).
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole calendar months from `self` to `later` (negative if `later` is earlier); a month
    /// counts once its day of the month is reached.
    pub fn months_until(self, later: Date) -> i32 {
        let mut months = (later.year - self.year) * 12 + later.month as i32 - self.month as i32;
        if months > 0 && later.day < self.day {
            months -= 1;
        } else if months < 0 && later.day > self.day {
            months += 1;
        }
        months
    }

    /// The same day `n` months later (clamped to the month's last day), or `None` past `MAX_YEAR`.
    pub fn add_months(self, n: i32) -> Option<Date> {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let day = (self.day as u32).min(days_in_month(year, month));
        Date::new(year, month, day)
    }
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// `YYYY-MM-DD` as ASCII bytes, written digit by digit: a report serializes one date per
    /// transaction, and the formatting machinery of `write!` is among what V8 would recompile
    /// during a page's first `advise`. The year is always four digits (`MIN_YEAR..=MAX_YEAR`).
    pub(crate) fn iso_bytes(&self) -> [u8; 10] {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (y, m, d) = (self.year as u32, u32::from(self.month), u32::from(self.day));
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.iso_bytes()).map_err(|_| fmt::Error)?)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let bytes = self.iso_bytes();
        s.serialize_str(std::str::from_utf8(&bytes).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid date {text:?}, expected YYYY-MM-DD")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_serializes_every_month_and_day_as_the_formatter_would() {
        for year in [MIN_YEAR, 1999, 2000, 2026, MAX_YEAR] {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let date = Date::new(year, month, day).unwrap();
                    let expected = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(date.to_string(), expected);
                    assert_eq!(serde_json::to_string(&date).unwrap(), format!("\"{expected}\""));
                    assert_eq!(Date::parse(&expected), Some(date));
                }
            }
        }
    }

    #[test]
    fn parses_and_validates() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("2024-1-01").is_none());
        assert!(Date::parse("+024-01-01").is_none());
        assert!(Date::parse("1899-12-31").is_none());
        assert_eq!(Date::parse("2026-11-25T10:00:00.000Z").unwrap().to_string(), "2026-11-25");
    }

    #[test]
    fn epoch_days_match_known_values() {
        // 2000-03-01 is day 11,017 of the Unix epoch; 1969-12-31 is day -1.
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days_since_epoch(), 11_017);
        assert_eq!(Date::parse("1969-12-31").unwrap().days_since_epoch(), -1);
    }

    #[test]
    fn month_arithmetic() {
        let d = Date::parse("2024-01-31").unwrap();
        assert_eq!(d.add_months(1).unwrap().to_string(), "2024-02-29");
        assert_eq!(d.add_months(-2).unwrap().to_string(), "2023-11-30");
        assert_eq!(d.months_until(Date::parse("2024-03-30").unwrap()), 1);
        assert_eq!(d.months_until(Date::parse("2024-03-31").unwrap()), 2);
        assert_eq!(Date::parse("2024-03-31").unwrap().months_until(d), -2);
    }
}
