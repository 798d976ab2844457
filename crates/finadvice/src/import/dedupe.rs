//! Several files at once: a transaction shown in two overlapping statements is counted once.
//! A bank id (`fitid`) identifies a transaction within its account. Without one, a fingerprint
//! (account, date, amount, description) is counted as many times as the file that shows it most
//! often, so two identical coffees on one day stay two even when both files show them.

use super::Transaction;
use std::collections::{HashMap, HashSet};

type Fingerprint = (String, String, i64, String);

fn fingerprint(t: &Transaction) -> Fingerprint {
    (t.account.clone(), t.date.clone(), (t.amount * 100.0).round() as i64, t.description.to_lowercase())
}

/// Concatenates the files' transactions in order, leaving out what an earlier file already showed.
pub fn merge(files: Vec<Vec<Transaction>>) -> Vec<Transaction> {
    let mut seen_ids: HashSet<(String, String)> = HashSet::new();
    let mut kept: HashMap<Fingerprint, usize> = HashMap::new();
    let mut out = Vec::new();
    for file in files {
        let mut in_this_file: HashMap<Fingerprint, usize> = HashMap::new();
        let mut file_ids = HashSet::new();
        for t in file {
            if let Some(id) = &t.fitid {
                let key = (t.account.clone(), id.clone());
                if seen_ids.contains(&key) {
                    continue;
                }
                file_ids.insert(key);
                out.push(t);
                continue;
            }
            let key = fingerprint(&t);
            let n = in_this_file.entry(key.clone()).or_insert(0);
            *n += 1;
            if *n > kept.get(&key).copied().unwrap_or(0) {
                out.push(t);
            }
        }
        seen_ids.extend(file_ids);
        for (key, n) in in_this_file {
            let k = kept.entry(key).or_insert(0);
            *k = (*k).max(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(date: &str, description: &str, amount: f64, fitid: Option<&str>) -> Transaction {
        Transaction {
            date: date.into(),
            description: description.into(),
            amount,
            account: "A".into(),
            bank_category: None,
            mcc: None,
            fitid: fitid.map(Into::into),
        }
    }

    #[test]
    fn overlap_once_true_repeats_kept() {
        let coffee = || t("2025-01-30", "COFFEE", -5.0, None);
        let jan = vec![t("2025-01-28", "UBER", -18.0, None), coffee(), coffee()];
        let feb =
            vec![t("2025-01-28", "UBER", -18.0, None), coffee(), coffee(), coffee(), t("2025-02-03", "X", -1.0, None)];
        let merged = merge(vec![jan, feb]);
        assert_eq!(merged.iter().filter(|x| x.description == "COFFEE").count(), 3);
        assert_eq!(merged.iter().filter(|x| x.description == "UBER").count(), 1);
        assert_eq!(merged.len(), 5);
    }

    #[test]
    fn fitid_identifies_within_an_account() {
        let a = vec![t("2025-01-01", "X", -1.0, Some("1")), t("2025-01-01", "X", -1.0, Some("2"))];
        let b = vec![t("2025-01-01", "X", -1.0, Some("2")), t("2025-01-02", "Y", -1.0, Some("3"))];
        assert_eq!(merge(vec![a, b]).len(), 3);
    }
}
