//! The report as compact JSON text, byte for byte what `serde_json::to_string` writes, with the
//! transactions written row by row straight into the text. A report lists thousands of them, and
//! the derived serialization spends most of its work on each row's six keys (escaped character
//! by character, each through its own chain of calls), which is most of a cold page's first
//! report: code that runs once runs unoptimized.

use super::{Report, ReportTransaction};
use serde::Serializer;

/// Where the transactions sit in the text of a report serialized without them: the field before
/// and after are fixed by [`Report`]'s field order, and inside a JSON string the quotes would be
/// escaped, so the text has this only once.
const EMPTY_TRANSACTIONS: &str = ",\"transactions\":[],\"spendingByMonth\":";

/// The report as compact JSON text (what `serde_json::to_string(&report)` gives).
pub fn to_json_text(mut report: Report) -> serde_json::Result<String> {
    let transactions = std::mem::take(&mut report.transactions);
    let text = serde_json::to_string(&report)?;
    let mut found = text.match_indices(EMPTY_TRANSACTIONS).map(|(at, _)| at);
    let (Some(at), None) = (found.next(), found.next()) else {
        report.transactions = transactions;
        return serde_json::to_string(&report);
    };
    let mut out = Vec::with_capacity(text.len() + 160 * transactions.len());
    out.extend_from_slice(&text.as_bytes()[..at]);
    out.extend_from_slice(b",\"transactions\":");
    write_transactions(&mut out, &transactions)?;
    out.extend_from_slice(&text.as_bytes()[at + EMPTY_TRANSACTIONS.len() - ",\"spendingByMonth\":".len()..]);
    // Every piece is UTF-8: serde_json's output and ASCII punctuation.
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// `[{"date":…,"description":…,"amount":…,"category":…,"confidence":…,"source":…},…]`: the
/// description and the numbers written by serde_json itself (escaped and formatted as the
/// derived code writes them), the keys, punctuation and ids as fixed text.
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
        serde_json::Serializer::new(&mut *out).serialize_str(&line.description)?;
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

    /// The row writer alone writes what serde_json writes for the list, and the report without
    /// its rows has the place for them exactly once (so `to_json_text` uses the writer).
    fn assert_rows_written_as_serde_json(report: &Report) {
        let mut rows = Vec::new();
        write_transactions(&mut rows, &report.transactions).unwrap();
        assert_eq!(String::from_utf8(rows).unwrap(), serde_json::to_string(&report.transactions).unwrap());
        let without = Report { transactions: Vec::new(), ..report.clone() };
        assert_eq!(serde_json::to_string(&without).unwrap().matches(EMPTY_TRANSACTIONS).count(), 1);
    }

    #[test]
    fn is_serde_json_text_for_every_persona() {
        for (name, text) in crate::report::tests::persona_profiles() {
            let report = report(&text);
            assert_rows_written_as_serde_json(&report);
            assert_eq!(to_json_text(report.clone()).unwrap(), serde_json::to_string(&report).unwrap(), "{name}");
        }
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
        assert_eq!(text, serde_json::to_string(&report).unwrap());
        assert!(text.contains("CAFÉ MÜNCHEN ☕ 🍕"));
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
        assert_eq!(to_json_text(report.clone()).unwrap(), serde_json::to_string(&report).unwrap());
    }
}
