//! US annual returns 1928–2025 — stocks, bonds, bills and inflation from one source — the
//! history every projection draws from ([`super::retirement`]'s block bootstrap) and every rate is
//! computed from ([`super::assumptions`]).
//!
//! The table is `us-annual-returns.csv` next to this file; its header names the source
//! (Damodaran, NYU Stern, "Historical Returns on Stocks, Bonds and Bills", January 2026 update),
//! the series, the terms and the second sources it was checked against. It is parsed at compile
//! time: a malformed row, a missing year or a value with more than 6 decimals fails the build.
//! Values are kept in millionths (integers, exact) and turned into `f64` on use (`micros / 1e6`,
//! the correctly rounded value, as parsing the decimal text would give).

/// The table's text: comment lines (`#`), the header, one row per year.
const CSV: &str = include_str!("us-annual-returns.csv");
/// The header the rows must follow.
const HEADER: &[u8] = b"year,stocks,bonds,bills,inflation";
/// Columns of a row.
const COLUMNS: usize = 5;

/// Number of years in the table.
pub const YEARS: usize = count_rows(CSV.as_bytes());
/// The rows: year, then stocks, bonds, bills and inflation in millionths.
const TABLE: [[i32; COLUMNS]; YEARS] = parse(CSV.as_bytes());

/// One year of history: nominal returns and inflation, as fractions (0.05 = 5%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Year {
    /// Calendar year.
    pub year: u16,
    /// S&P 500 with dividends.
    pub stocks: f64,
    /// 10-year US Treasury bond.
    pub bonds: f64,
    /// 3-month US Treasury bill.
    pub bills: f64,
    /// CPI-U, December to December.
    pub inflation: f64,
}

/// The `i`-th year of the table (0 = [`first_year`]); `i` must be below [`YEARS`].
pub fn year(i: usize) -> Year {
    let row = TABLE[i];
    let fraction = |micros: i32| micros as f64 / 1_000_000.0;
    Year {
        year: row[0] as u16,
        stocks: fraction(row[1]),
        bonds: fraction(row[2]),
        bills: fraction(row[3]),
        inflation: fraction(row[4]),
    }
}

/// First year of the table.
pub const fn first_year() -> u16 {
    TABLE[0][0] as u16
}

/// Last year of the table.
pub const fn last_year() -> u16 {
    TABLE[YEARS - 1][0] as u16
}

/// Where the table comes from, in a few words (reported with every projection).
pub const SOURCE: &str =
    "Damodaran (NYU Stern), Historical Returns on Stocks, Bonds and Bills: S&P 500 with dividends, \
                          10-year Treasury bond, 3-month Treasury bill, CPI-U";

/// Whether `line` is a comment or blank (skipped).
const fn skipped(line: &[u8]) -> bool {
    line.is_empty() || line[0] == b'#'
}

/// The end of the line starting at `start` (the index of its `\n`, or the text's length).
const fn line_end(text: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < text.len() && text[end] != b'\n' {
        end += 1;
    }
    end
}

/// `text[start..end]` as a slice (const code cannot index with ranges).
const fn slice(text: &[u8], start: usize, end: usize) -> &[u8] {
    let (_, rest) = text.split_at(start);
    let (line, _) = rest.split_at(end - start);
    line
}

/// Whether two byte strings are equal.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Number of data rows: the lines after the header that are not comments or blank.
const fn count_rows(text: &[u8]) -> usize {
    let (mut start, mut rows, mut header_seen) = (0, 0, false);
    while start < text.len() {
        let end = line_end(text, start);
        let line = slice(text, start, end);
        if !skipped(line) {
            if header_seen {
                rows += 1;
            } else {
                assert!(same(line, HEADER), "the table's header must be year,stocks,bonds,bills,inflation");
                header_seen = true;
            }
        }
        start = end + 1;
    }
    rows
}

/// One field as millionths: an optional `-`, digits, and at most 6 decimals.
const fn micros(field: &[u8]) -> i32 {
    assert!(!field.is_empty(), "empty field in the returns table");
    let (mut i, mut negative) = (0, false);
    if field[0] == b'-' {
        negative = true;
        i = 1;
    }
    let (mut value, mut decimals, mut in_fraction) = (0i64, 0, false);
    while i < field.len() {
        let c = field[i];
        if c == b'.' && !in_fraction {
            in_fraction = true;
        } else {
            assert!(c.is_ascii_digit(), "a field of the returns table is not a number");
            value = value * 10 + (c - b'0') as i64;
            if in_fraction {
                decimals += 1;
            }
        }
        i += 1;
    }
    assert!(decimals <= 6, "the returns table keeps at most 6 decimals");
    while decimals < 6 {
        value *= 10;
        decimals += 1;
    }
    assert!(value <= i32::MAX as i64, "a value of the returns table is out of range");
    if negative {
        -(value as i32)
    } else {
        value as i32
    }
}

/// The rows of the table, checked: five fields each, consecutive years.
const fn parse(text: &[u8]) -> [[i32; COLUMNS]; YEARS] {
    let mut table = [[0; COLUMNS]; YEARS];
    let (mut start, mut row, mut header_seen) = (0, 0, false);
    while start < text.len() {
        let end = line_end(text, start);
        let line = slice(text, start, end);
        if !skipped(line) {
            if !header_seen {
                header_seen = true;
            } else {
                let (mut column, mut field_start, mut i) = (0, 0, 0);
                while i <= line.len() {
                    if i == line.len() || line[i] == b',' {
                        assert!(column < COLUMNS, "a row of the returns table has more than 5 fields");
                        let field = slice(line, field_start, i);
                        table[row][column] = if column == 0 { micros(field) / 1_000_000 } else { micros(field) };
                        column += 1;
                        field_start = i + 1;
                    }
                    i += 1;
                }
                assert!(column == COLUMNS, "a row of the returns table has fewer than 5 fields");
                assert!(row == 0 || table[row][0] == table[row - 1][0] + 1, "the returns table skips a year");
                row += 1;
            }
        }
        start = end + 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_spans_1928_to_2025_and_reads_as_written() {
        assert_eq!((first_year(), last_year(), YEARS), (1928, 2025, 98));
        // The first and last rows, as the file writes them.
        assert_eq!(
            year(0),
            Year { year: 1928, stocks: 0.438112, bonds: 0.008355, bills: 0.0308, inflation: -0.011561 }
        );
        assert_eq!(year(YEARS - 1).year, 2025);
        assert_eq!(year(YEARS - 1).inflation, 0.027351);
        // Integers and short decimals: 1939 had no inflation, 1951 6% exactly.
        assert_eq!(year(1939 - 1928).inflation, 0.0);
        assert_eq!(year(1951 - 1928).inflation, 0.06);
        assert_eq!(micros(b"-0.10274"), -102_740);
        assert_eq!(micros(b"12"), 12_000_000);
    }

    /// Rounded the way the second source publishes them, the table's figures agree with it
    /// (the sources are in the table's header).
    #[test]
    fn table_agrees_with_second_sources() {
        let at = |y: u16| year((y - first_year()) as usize);
        // CPI-U December to December, percent with one decimal: Economic Report of the
        // President, table B-59, and BLS's January 2022 CPI release (2021).
        for (y, cpi) in [(1966, 3.5), (1974, 12.3), (1979, 13.3), (1980, 12.5), (1981, 8.9), (1986, 1.1), (2021, 7.0)] {
            assert_eq!((at(y).inflation * 1000.0).round() / 10.0, cpi, "{y}");
        }
        // S&P 500 total return (Slickcharts), percent: within 0.6 points.
        for (y, total) in [(2008, -37.00), (1974, -26.47), (1931, -43.34), (2022, -18.11), (2013, 32.39), (1954, 52.62)]
        {
            assert!((at(y).stocks * 100.0 - total).abs() <= 0.6, "{y}: {} vs {total}", at(y).stocks * 100.0);
        }
        // The 10-year bond's return is a par bond repriced at the next year-end yield plus its
        // coupon (the table's method): 2022, from 1.51% to 3.88%, and 2008, from 4.02% to 2.21%.
        let repriced = |from: f64, to: f64| {
            let discount = |t: i32| (1.0 + to).powi(-t);
            (1..=10).map(|t| from * discount(t)).sum::<f64>() + discount(10) - 1.0 + from
        };
        assert!((at(2022).bonds - repriced(0.0151, 0.0388)).abs() < 1e-5);
        assert!((at(2008).bonds - repriced(0.0402, 0.0221)).abs() < 1e-5);
    }
}
