//! A profile drafted from imported transactions: pay (recurring deposits → net monthly income),
//! rent or mortgage, recurring bills and subscriptions, card and loan payments (→ suggested debts),
//! the months covered, and the questions only the person can answer, each with the JSON pointer
//! its answer goes to and why it matters. Unknown values are `null` in the draft, never guessed.

use super::Transaction;
use crate::date::Date;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Days in an average month (365.25 / 12).
const DAYS_PER_MONTH: f64 = 30.4375;

/// The period the transactions cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "DraftCovered"))]
pub struct Covered {
    /// First transaction's date.
    pub from: Option<String>,
    /// Last transaction's date.
    pub to: Option<String>,
    /// Length of the period in months (days / 30.44, one decimal).
    pub months: f64,
}

/// Something only the person can answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "DraftQuestion"))]
pub struct Question {
    /// JSON pointer (RFC 6901) into `profile` where the answer goes.
    pub path: String,
    /// The question, in plain words.
    pub question: String,
    /// Why the plan needs it.
    pub why: String,
}

/// A recurring payment found in the transactions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "DraftRecurring"))]
pub struct Recurring {
    /// The payee as the statements show it (first occurrence).
    pub description: String,
    /// `income`, `housing`, `debt_payment`, `bill` or `subscription`.
    pub kind: String,
    /// What it comes to per month (positive), from its typical amount and cadence.
    pub monthly: f64,
    /// How often it came: `weekly`, `biweekly`, `semimonthly`, `monthly`.
    pub cadence: String,
    /// How many times it appears.
    pub occurrences: usize,
}

/// The draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "DraftResult"))]
pub struct Draft {
    /// A profile in the engine's format, with `null` where only the person knows the value.
    #[cfg_attr(test, ts(type = "Record<string, unknown>"))]
    pub profile: Value,
    /// The questions, in the order a form should ask them.
    pub questions: Vec<Question>,
    /// The period covered.
    pub covered: Covered,
    /// The recurring flows the draft rests on (shown so the person can check them).
    pub recurring: Vec<Recurring>,
}

/// A payee's key: its words without digits or ids, so "ACME CORP PAYROLL PPD ID: 9111111101" on
/// different dates is one payee.
fn payee_key(description: &str) -> String {
    description
        .split(|c: char| !c.is_alphanumeric() && c != '&' && c != '\'')
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| {
            !matches!(w.to_ascii_lowercase().as_str(), "ppd" | "id" | "des" | "indn" | "co" | "web" | "ach" | "pos")
        })
        .take(4)
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    let t = text.to_lowercase();
    words.iter().any(|w| t.contains(w))
}

const PAY: &[&str] = &["payroll", "salary", "direct dep", "dir dep", " pay ", "wages", "bgc"];
const HOUSING_RENT: &[&str] = &["rent", "apartments", "lettings", "property m", "landlord", "leasing", "foxtons"];
const MORTGAGE: &[&str] = &["mortgage", "mtg", "home loan"];
const CARD_PAYMENT: &[&str] = &[
    "credit crd",
    "credit card",
    "card payment",
    "cardmember",
    "barclaycard",
    "e-payment",
    "amex epayment",
    "american express",
    "capital one",
    "discover",
    "citi card",
    "applecard",
    "apple card",
];
const STUDENT_LOAN: &[&str] =
    &["navient", "sallie mae", "nelnet", "student loan", "ed loan", "great lakes", "mohela", "slc"];
const AUTO_LOAN: &[&str] =
    &["auto loan", "toyota financial", "honda financial", "ally auto", "car loan", "ford credit"];
const SUBSCRIPTION: &[&str] =
    &["netflix", "spotify", "hulu", "disney", "apple.com/bill", "prime video", "youtube", "audible"];
/// Words of a card statement's "thank you" line: the payment as the card sees it (not an income).
const CARD_SIDE_PAYMENT: &[&str] =
    &["payment thank you", "thank you", "payment received", "autopay payment", "directpay"];

struct Group<'a> {
    rows: Vec<&'a Transaction>,
}

impl Group<'_> {
    fn dates(&self) -> Vec<Date> {
        self.rows.iter().filter_map(|t| Date::parse(&t.date)).collect()
    }

    /// The cadence from the median gap between occurrences, when gaps are regular.
    fn cadence(&self) -> Option<(&'static str, f64)> {
        let mut dates = self.dates();
        dates.sort();
        dates.dedup();
        if dates.len() < 2 {
            return None;
        }
        let mut gaps: Vec<i64> = dates.windows(2).map(|w| w[1].days_since_epoch() - w[0].days_since_epoch()).collect();
        gaps.sort();
        let median = gaps[gaps.len() / 2];
        // (name, smallest gap, largest gap, times per month)
        const CADENCES: [(&str, i64, i64, f64); 4] = [
            ("weekly", 6, 8, 52.0 / 12.0),
            ("biweekly", 13, 15, 26.0 / 12.0),
            ("semimonthly", 15, 17, 2.0),
            ("monthly", 26, 35, 1.0),
        ];
        CADENCES.iter().find(|(_, lo, hi, _)| (*lo..=*hi).contains(&median)).map(|(n, _, _, per)| (*n, *per))
    }

    fn typical_amount(&self) -> f64 {
        let mut amounts: Vec<f64> = self.rows.iter().map(|t| t.amount.abs()).collect();
        amounts.sort_by(|a, b| a.total_cmp(b));
        amounts[amounts.len() / 2]
    }

    fn description(&self) -> &str {
        &self.rows[0].description
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Drafts a profile from transactions (as imported: negative = money out of that account).
pub fn draft_profile(transactions: &[Transaction]) -> Draft {
    let mut dates: Vec<Date> = transactions.iter().filter_map(|t| Date::parse(&t.date)).collect();
    dates.sort();
    let (first, last) = (dates.first().copied(), dates.last().copied());
    let months = match (first, last) {
        (Some(a), Some(b)) => {
            ((b.days_since_epoch() - a.days_since_epoch() + 1) as f64 / DAYS_PER_MONTH * 10.0).round() / 10.0
        }
        _ => 0.0,
    };
    let covered = Covered { from: first.map(|d| d.to_string()), to: last.map(|d| d.to_string()), months };

    // Accounts that show card activity: a "thank you" payment line, or a card layout's name.
    let card_accounts: Vec<&str> = {
        let mut names: Vec<&str> = transactions
            .iter()
            .filter(|t| t.amount > 0.0 && contains_any(&t.description, CARD_SIDE_PAYMENT))
            .map(|t| t.account.as_str())
            .chain(
                transactions
                    .iter()
                    .map(|t| t.account.as_str())
                    .filter(|a| contains_any(a, &["card", "american express", "discover", "citi"])),
            )
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let is_card = |account: &str| card_accounts.contains(&account);

    let mut groups: BTreeMap<(String, bool, String), Group> = BTreeMap::new();
    for t in transactions {
        let key = (t.account.clone(), t.amount > 0.0, payee_key(&t.description));
        groups.entry(key).or_insert_with(|| Group { rows: Vec::new() }).rows.push(t);
    }

    let mut recurring = Vec::new();
    let mut incomes = Vec::new();
    let mut debts = Vec::new();
    for ((account, money_in, _), group) in &groups {
        let description = group.description();
        let cadence = group.cadence();
        let typical = group.typical_amount();
        if *money_in {
            if is_card(account) {
                continue; // payments and refunds on a card are not income
            }
            let looks_like_pay = contains_any(&format!(" {description} "), PAY);
            let Some((cadence, per_month)) = cadence else { continue };
            if !looks_like_pay && group.rows.len() < 3 {
                continue;
            }
            let monthly = round2(typical * per_month);
            recurring.push(Recurring {
                description: description.to_string(),
                kind: "income".into(),
                monthly,
                cadence: cadence.into(),
                occurrences: group.rows.len(),
            });
            incomes.push((payee_name(description), monthly));
            continue;
        }
        if is_card(account) && !contains_any(description, SUBSCRIPTION) {
            // Card purchases are spending, read by the engine from the transactions.
            let Some((cadence, per_month)) = cadence else { continue };
            let monthly = round2(typical * per_month);
            recurring.push(Recurring {
                description: description.into(),
                kind: "bill".into(),
                monthly,
                cadence: cadence.into(),
                occurrences: group.rows.len(),
            });
            continue;
        }
        let debt_kind = if contains_any(description, MORTGAGE) {
            Some("mortgage")
        } else if contains_any(description, STUDENT_LOAN) {
            Some("student_loan")
        } else if contains_any(description, AUTO_LOAN) {
            Some("auto_loan")
        } else if contains_any(description, CARD_PAYMENT) {
            Some("credit_card")
        } else {
            None
        };
        if let Some(kind) = debt_kind {
            let monthly = round2(match cadence {
                Some((_, per_month)) => typical * per_month,
                None => typical,
            });
            recurring.push(Recurring {
                description: description.into(),
                kind: if kind == "mortgage" { "housing" } else { "debt_payment" }.into(),
                monthly,
                cadence: cadence.map_or("once", |c| c.0).into(),
                occurrences: group.rows.len(),
            });
            debts.push((payee_name(description), kind, monthly));
            continue;
        }
        let Some((cadence, per_month)) = cadence else {
            // One rent payment in a one-month export is still the rent.
            if contains_any(description, HOUSING_RENT) && typical >= 300.0 {
                recurring.push(Recurring {
                    description: description.into(),
                    kind: "housing".into(),
                    monthly: round2(typical),
                    cadence: "monthly".into(),
                    occurrences: group.rows.len(),
                });
            }
            continue;
        };
        let monthly = round2(typical * per_month);
        let kind = if contains_any(description, HOUSING_RENT) {
            "housing"
        } else if contains_any(description, SUBSCRIPTION) {
            "subscription"
        } else {
            "bill"
        };
        recurring.push(Recurring {
            description: description.into(),
            kind: kind.into(),
            monthly,
            cadence: cadence.into(),
            occurrences: group.rows.len(),
        });
    }
    // A card paid from checking and the card's own export are one debt, under the card's name.
    for (name, kind, _) in debts.iter_mut() {
        if *kind == "credit_card" {
            if let Some(account) = card_accounts.iter().find(|a| same_issuer(name, a)) {
                *name = account.to_string();
            }
        }
    }
    // Card accounts seen in the files are debts too (their balance may be paid in full monthly).
    for account in &card_accounts {
        if !debts.iter().any(|(name, _, _)| same_issuer(name, account)) {
            let paid = transactions
                .iter()
                .filter(|t| t.account == *account && t.amount > 0.0 && contains_any(&t.description, CARD_SIDE_PAYMENT))
                .map(|t| t.amount)
                .fold(0.0, f64::max);
            debts.push((account.to_string(), "credit_card", round2(paid)));
        }
    }
    build(covered, recurring, incomes, debts, transactions, &card_accounts)
}

/// Two names of one card issuer ("CHASE CREDIT CRD AUTOPAY" paid from checking, "Chase card").
fn same_issuer(a: &str, b: &str) -> bool {
    let first = |s: &str| s.split_whitespace().next().unwrap_or("").to_lowercase();
    first(a) == first(b)
}

/// A readable name for a payee: its words without ids, title case.
fn payee_name(description: &str) -> String {
    let key = payee_key(description);
    let name: Vec<String> = key
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        })
        .collect();
    if name.is_empty() {
        description.to_string()
    } else {
        name.join(" ")
    }
}

fn unique(name: String, taken: &mut Vec<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{name} {n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

fn build(
    covered: Covered,
    recurring: Vec<Recurring>,
    incomes: Vec<(String, f64)>,
    debts: Vec<(String, &str, f64)>,
    transactions: &[Transaction],
    card_accounts: &[&str],
) -> Draft {
    let mut questions = vec![Question {
        path: "/person/age".into(),
        question: "How old are you?".into(),
        why: "Your age sets the years to retirement and which limits apply (catch-up contributions from 50, IRS)."
            .into(),
    }];
    let mut names = Vec::new();
    let mut income_values = Vec::new();
    for (i, (name, monthly)) in incomes.iter().enumerate() {
        let name = unique(name.clone(), &mut names);
        let mut amount = String::new();
        crate::money::push_group(&mut amount, *monthly, 2);
        questions.push(Question {
            path: format!("/incomes/{i}/grossAnnual"),
            question: format!("What is the yearly pay before tax and deductions behind \"{name}\" ({amount} a month reaches your account)?"),
            why: "Tax brackets, retirement contribution limits and an employer match are computed on gross pay, which a statement does not show.".into(),
        });
        income_values.push(json!({"name": name, "grossAnnual": null, "netMonthly": monthly}));
    }
    if incomes.is_empty() {
        questions.push(Question {
            path: "/incomes".into(),
            question: "No regular pay was found in these statements. What income do you have (yearly before tax, monthly after)?".into(),
            why: "Every part of the plan (emergency fund, debt payoff, saving rate) is measured against income.".into(),
        });
    }
    let mut account_values = Vec::new();
    let mut deposit_accounts: Vec<&str> =
        transactions.iter().map(|t| t.account.as_str()).filter(|a| !card_accounts.contains(a)).collect();
    deposit_accounts.sort();
    deposit_accounts.dedup();
    for (i, account) in deposit_accounts.iter().enumerate() {
        let name = unique(account.to_string(), &mut names);
        questions.push(Question {
            path: format!("/accounts/{i}/balance"),
            question: format!("What is the balance of {name} today?"),
            why: "Cash on hand decides how many months of expenses your emergency fund covers.".into(),
        });
        account_values.push(json!({"name": name, "kind": "checking", "balance": null, "contributionMonthly": 0}));
    }
    questions.push(Question {
        path: format!("/accounts/{}", deposit_accounts.len()),
        question: "Do you have a 401(k) or other workplace retirement plan, and does your employer match contributions (for example 50% up to 6% of pay)?".into(),
        why: "An employer match is an immediate return of 50-100% on what you put in; the usual order of operations captures it before anything but a small emergency fund.".into(),
    });
    let mut debt_values = Vec::new();
    for (i, (name, kind, payment)) in debts.iter().enumerate() {
        let name = unique(name.clone(), &mut names);
        questions.push(Question {
            path: format!("/debts/{i}/balance"),
            question: format!("What do you owe on {name} today?"),
            why: "The payoff plan needs what is owed; payments alone do not show it.".into(),
        });
        questions.push(Question {
            path: format!("/debts/{i}/aprPercent"),
            question: format!("What is the interest rate (APR) on {name}?"),
            why: "Debts are paid off highest rate first (avalanche), and a rate above about 7-8% usually comes before investing beyond a match.".into(),
        });
        let min_payment = if *payment > 0.0 { json!(payment) } else { Value::Null };
        if payment <= &0.0 {
            questions.push(Question {
                path: format!("/debts/{i}/minPayment"),
                question: format!("What is the required monthly payment on {name}?"),
                why: "The minimum payments are what the budget must cover before any extra payoff.".into(),
            });
        }
        debt_values
            .push(json!({"name": name, "kind": kind, "balance": null, "aprPercent": null, "minPayment": min_payment}));
    }
    let profile = json!({
        "asOf": covered.to,
        "currency": "USD",
        "person": {"age": null},
        "incomes": income_values,
        "accounts": account_values,
        "debts": debt_values,
        "transactions": transactions.iter().map(|t| json!({"date": t.date, "description": t.description, "amount": t.amount, "account": t.account})).collect::<Vec<_>>(),
    });
    questions.push(Question {
        path: "/currency".into(),
        question: "Are these amounts in US dollars?".into(),
        why: "The contribution limits and tax figures the plan uses are US-dollar amounts.".into(),
    });
    Draft { profile, questions, covered, recurring }
}
