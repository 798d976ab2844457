//! The report as compact JSON text: what `serde_json::to_string` writes, with the transactions
//! written row by row straight into the text, and every character outside ASCII written as a
//! `\uXXXX` escape. A report lists thousands of transactions, and the derived serialization
//! spends most of its work on each row's six keys (escaped character by character, each through
//! its own chain of calls), which is most of a cold page's first report: code that runs once runs
//! unoptimized. ASCII text is what JavaScript decodes and parses fastest: one character above
//! U+00FF anywhere (a dash in an action's detail) makes the whole report a two-byte string,
//! decoded and parsed on a slower path.

use super::{Report, ReportTransaction};
use serde::Serializer;

/// Where the transactions sit in the text of a report serialized without them: the field before
/// and after are fixed by [`Report`]'s field order, and inside a JSON string the quotes would be
/// escaped, so the text has this only once.
const EMPTY_TRANSACTIONS: &str = ",\"transactions\":[],\"spendingByMonth\":";

/// The report as compact ASCII JSON text: the value `serde_json::to_string(&report)` writes, and
/// the same bytes where that text is ASCII.
pub fn to_json_text(mut report: Report) -> serde_json::Result<String> {
    let transactions = std::mem::take(&mut report.transactions);
    let text = ascii(serde_json::to_string(&report)?);
    let mut found = text.match_indices(EMPTY_TRANSACTIONS).map(|(at, _)| at);
    let (Some(at), None) = (found.next(), found.next()) else {
        report.transactions = transactions;
        return serde_json::to_string(&report).map(ascii);
    };
    let mut out = Vec::with_capacity(text.len() + 160 * transactions.len());
    out.extend_from_slice(&text.as_bytes()[..at]);
    out.extend_from_slice(b",\"transactions\":");
    write_transactions(&mut out, &transactions)?;
    out.extend_from_slice(&text.as_bytes()[at + EMPTY_TRANSACTIONS.len() - ",\"spendingByMonth\":".len()..]);
    // Every piece is ASCII: the escaped serde_json output and ASCII punctuation.
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// JSON text with every character outside ASCII written as `\uXXXX` (two escapes, a surrogate
/// pair, above U+FFFF). Outside strings JSON is ASCII, so only string contents change, and a
/// parser reads the same value. ASCII text is returned as it is.
fn ascii(text: String) -> String {
    if text.is_ascii() {
        return text;
    }
    let mut out = Vec::with_capacity(text.len() + 64);
    escape_non_ascii(&text, &mut out);
    // Only ASCII bytes were written.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends `text` to `out` with every character outside ASCII as `\uXXXX`.
fn escape_non_ascii(text: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            out.extend_from_slice(b"\\u");
            out.extend((0..4).rev().map(|i| HEX[usize::from((*unit >> (4 * i)) & 0xf)]));
        }
    }
}

/// `[{"date":…,"description":…,"amount":…,"category":…,"confidence":…,"source":…},…]`: the
/// description and the numbers written by serde_json itself (escaped and formatted as the
/// derived code writes them; a description outside ASCII then escaped to ASCII), the keys,
/// punctuation and ids as fixed text.
fn write_transactions(out: &mut Vec<u8>, transactions: &[ReportTransaction]) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, t) in transactions.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let line = &t.line;
        // The date, category and source are ASCII ids that JSON writes as they are.
        out.extend_from_slice(b"{\"date\":\"");
        out.extend_from_slice(&t.date.iso_bytes());
        out.extend_from_slice(b"\",\"description\":");
        if line.description.is_ascii() {
            serde_json::Serializer::new(&mut *out).serialize_str(&line.description)?;
        } else {
            escape_non_ascii(&serde_json::to_string(&line.description)?, out);
        }
        out.extend_from_slice(b",\"amount\":");
        serde_json::Serializer::new(&mut *out).serialize_f64(line.amount)?;
        out.extend_from_slice(b",\"category\":\"");
        out.extend_from_slice(line.category.as_str().as_bytes());
        out.extend_from_slice(b"\",\"confidence\":");
        serde_json::Serializer::new(&mut *out).serialize_f64(line.confidence)?;
        out.extend_from_slice(b",\"source\":\"");
        out.extend_from_slice(line.source.as_str().as_bytes());
        out.push(b'"');
        out.push(b'}');
    }
    out.push(b']');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Advisor, AdvisorOptions};

    fn report(profile: &str) -> Report {
        let input = crate::input::Input::from_json(profile).unwrap();
        Advisor::new(AdvisorOptions::default()).unwrap().advise_input(&input).unwrap()
    }

    /// `text` is ASCII, parses to the value serde_json writes for `value`, and is serde_json's
    /// very bytes where those are ASCII.
    fn assert_same_json<T: serde::Serialize>(text: &str, value: &T, name: &str) {
        let serde_text = serde_json::to_string(value).unwrap();
        assert!(text.is_ascii(), "{name}");
        let parsed: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(parsed, serde_json::to_value(value).unwrap(), "{name}");
        if serde_text.is_ascii() {
            assert_eq!(text, serde_text, "{name}");
        }
    }

    /// The row writer alone writes what serde_json writes for the list, and the report without
    /// its rows has the place for them exactly once (so `to_json_text` uses the writer).
    fn assert_rows_written_as_serde_json(report: &Report) {
        let mut rows = Vec::new();
        write_transactions(&mut rows, &report.transactions).unwrap();
        assert_same_json(&String::from_utf8(rows).unwrap(), &report.transactions, "rows");
        let without = Report { transactions: Vec::new(), ..report.clone() };
        assert_eq!(serde_json::to_string(&without).unwrap().matches(EMPTY_TRANSACTIONS).count(), 1);
    }

    #[test]
    fn is_serde_json_text_for_every_persona() {
        let mut non_ascii = 0;
        for (name, text) in crate::report::tests::persona_profiles() {
            let report = report(&text);
            assert_rows_written_as_serde_json(&report);
            non_ascii += usize::from(!serde_json::to_string(&report).unwrap().is_ascii());
            assert_same_json(&to_json_text(report.clone()).unwrap(), &report, &name);
        }
        // The rule texts' dashes and section signs reach some reports: the escaping is exercised.
        assert!(non_ascii > 0);
    }

    #[test]
    fn is_serde_json_text_for_descriptions_that_need_escaping() {
        let descriptions = [
            r#"QUOTE \"PAYEE\" \\ BACKSLASH"#,
            "TAB\\tAND\\nNEWLINE \\u0001 CONTROL",
            "CAFÉ MÜNCHEN ☕ 🍕 \\u2028",
            "\\\"transactions\\\":[],\\\"spendingByMonth\\\": A TRAP",
        ];
        let rows: Vec<String> = descriptions
            .iter()
            .enumerate()
            .map(|(i, d)| format!(r#"{{"date":"2026-10-0{}","description":"{d}","amount":-{}.5}}"#, i + 1, i + 1))
            .collect();
        let profile = format!(
            r#"{{"asOf":"2026-11-15","currency":"USD","person":{{"age":30}},
               "incomes":[{{"name":"Pay","grossAnnual":60000,"netMonthly":4000}}],
               "accounts":[],"debts":[],"transactions":[{}]}}"#,
            rows.join(",")
        );
        let report = report(&profile);
        assert_eq!(report.transactions.len(), descriptions.len());
        assert_rows_written_as_serde_json(&report);
        let text = to_json_text(report.clone()).unwrap();
        assert_same_json(&text, &report, "escaping");
        // É, Ü, ☕ and 🍕 (a surrogate pair) as escapes.
        assert!(text.contains(r"CAF\u00c9 M\u00dcNCHEN \u2615 \ud83c\udf55"), "{text}");
    }

    #[test]
    fn the_ids_written_as_they_are_are_what_serde_writes() {
        use crate::categorize::{Category, Source};
        for c in Category::MODEL_CLASSES.into_iter().chain([Category::Uncategorized]) {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.as_str()));
        }
        for s in [Source::Memory, Source::Model, Source::Bank] {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.as_str()));
        }
    }

    #[test]
    fn a_report_without_transactions_is_unchanged() {
        let profile = r#"{"asOf":"2026-11-15","currency":"USD","person":{"age":30},
            "incomes":[{"name":"Pay","grossAnnual":60000,"netMonthly":4000}],
            "expenses":{"essentialMonthly":2000,"discretionaryMonthly":500},"accounts":[],"debts":[]}"#;
        let report = report(profile);
        assert!(report.transactions.is_empty());
        assert_same_json(&to_json_text(report.clone()).unwrap(), &report, "no transactions");
    }
}
