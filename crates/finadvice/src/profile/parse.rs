//! Input → [`Profile`], checking types, ranges, dates, enums, duplicates and limits, and
//! collecting every problem with its JSON pointer.

use super::*;
use crate::error::{pointer_join, ErrorCode, Errors};
use crate::limits::{MAX_DESCRIPTION_CHARS, MAX_LIST_ITEMS, MAX_NAME_CHARS, MAX_TRANSACTIONS};
use crate::validation::{Fields, Problems};
use std::collections::HashSet;

const PROFILE_FIELDS: &[&str] =
    &["asOf", "currency", "person", "incomes", "expenses", "accounts", "debts", "goals", "insurance", "transactions"];
const PERSON_FIELDS: &[&str] = &[
    "age",
    "dependents",
    "retirementAge",
    "incomeStability",
    "filingStatus",
    "hsaCoverage",
    "spouseAge",
    "socialSecurity",
];
const SOCIAL_SECURITY_FIELDS: &[&str] = &["monthlyAtClaiming", "claimingAge"];
const INSURANCE_FIELDS: &[&str] = &["lifeCoverage", "disability", "healthDeductible"];
const INCOME_FIELDS: &[&str] = &["name", "grossAnnual", "netMonthly"];
const EXPENSES_FIELDS: &[&str] = &["essentialMonthly", "discretionaryMonthly"];
const ACCOUNT_FIELDS: &[&str] = &["name", "kind", "balance", "contributionMonthly", "employerMatch"];
const MATCH_FIELDS: &[&str] = &["matchPercent", "upToPercentOfSalary", "income"];
const DEBT_FIELDS: &[&str] = &["name", "kind", "balance", "aprPercent", "minPayment"];
const GOAL_FIELDS: &[&str] = &["name", "target", "targetDate", "saved"];
const TRANSACTION_FIELDS: &[&str] = &["date", "description", "amount", "account", "bankCategory", "mcc"];

/// Oldest age accepted.
const MAX_AGE: f64 = 120.0;
/// Youngest age accepted (a teenager with a first job).
const MIN_AGE: f64 = 14.0;
/// Highest APR accepted, in percent (payday loans reach ~400–700%).
const MAX_APR_PERCENT: f64 = 1000.0;
/// Earliest and latest Social Security claiming ages (SSA: benefits start at 62 at the earliest;
/// delayed retirement credits stop at 70).
const CLAIMING_AGES: (f64, f64) = (62.0, 70.0);
/// How far before `asOf` a transaction may be dated, in days (ten years).
const MAX_TRANSACTION_AGE_DAYS: i64 = 3653;

/// Parses and validates a whole profile.
pub fn parse_profile(input: &Input) -> Result<Profile, Errors> {
    let mut p = Problems::default();
    let profile = read_profile(&mut p, input);
    match profile {
        Some(profile) if p.issues.is_empty() => Ok(profile),
        _ => Err(Errors(if p.issues.is_empty() {
            vec![crate::error::Issue::new(ErrorCode::Type, "", "the profile is invalid")]
        } else {
            p.issues
        })),
    }
}

fn read_profile(p: &mut Problems, input: &Input) -> Option<Profile> {
    let mut f = p.object(input, "", "the profile")?;
    let as_of = p.date(f.get("asOf"), &f.path("asOf"));
    let currency = read_currency(p, &mut f);
    let person = match f.get("person") {
        Some(v) => read_person(p, v, &f.path("person")),
        None => {
            p.push(ErrorCode::Required, &f.path("person"), "is required (at least {\"age\": …})");
            None
        }
    };
    let incomes = read_list(p, &mut f, "incomes", MAX_LIST_ITEMS, read_income);
    let expenses = f.get("expenses").map(|v| read_expenses(p, v, &f.path("expenses")));
    let accounts = read_list(p, &mut f, "accounts", MAX_LIST_ITEMS, read_account);
    let debts = read_list(p, &mut f, "debts", MAX_LIST_ITEMS, read_debt);
    let goals = read_list(p, &mut f, "goals", MAX_LIST_ITEMS, |p, v, path| read_goal(p, v, path, as_of));
    let insurance = f.get("insurance").map(|v| read_insurance(p, v, &f.path("insurance")));
    let transactions =
        read_list(p, &mut f, "transactions", MAX_TRANSACTIONS, |p, v, path| read_transaction(p, v, path, as_of));
    let has_transactions = f.has("transactions") && !transactions.is_empty();
    if expenses.is_none() && !f.has("expenses") && !has_transactions {
        p.push(
            ErrorCode::Required,
            &f.path("expenses"),
            "is required when no transactions are given (essentialMonthly and discretionaryMonthly)",
        );
    }
    f.finish(p, PROFILE_FIELDS);

    for list in ["incomes", "accounts", "debts", "goals"] {
        check_unique(p, list, input);
    }
    check_match_incomes(p, &accounts, &incomes);

    Some(Profile {
        as_of: as_of?,
        currency: currency?,
        person: person?,
        incomes: collect(incomes)?,
        expenses: match expenses {
            Some(e) => Some(e?),
            None => None,
        },
        accounts: collect(accounts)?,
        debts: collect(debts)?,
        goals: collect(goals)?,
        insurance: match insurance {
            Some(i) => Some(i?),
            None => None,
        },
        transactions: collect(transactions)?,
    })
}

/// Items read from a list, each with its index; `None` where the item was invalid.
type Items<T> = Vec<(usize, Option<T>)>;

fn read_list<T>(
    p: &mut Problems,
    f: &mut Fields<'_>,
    key: &str,
    max: usize,
    mut read: impl FnMut(&mut Problems, &Input, &str) -> Option<T>,
) -> Items<T> {
    let path = f.path(key);
    let items = p.array(f.get(key), &path, max);
    items
        .iter()
        .enumerate()
        .map(|(i, v)| (i, read(p, v, &pointer_join(&path, itoa::Buffer::new().format(i)))))
        .collect()
}

fn collect<T>(items: Items<T>) -> Option<Vec<T>> {
    items.into_iter().map(|(_, v)| v).collect()
}

/// Reports names used twice in one list (ignoring case and surrounding spaces), reading the raw
/// input so that a duplicate is found even in an item that has other problems.
fn check_unique(p: &mut Problems, list: &str, input: &Input) {
    let Input::Object(fields) = input else { return };
    let Some((_, Input::Array(items))) = fields.iter().find(|(k, _)| k == list) else { return };
    let mut seen: HashSet<String> = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let Input::Object(item) = item else { continue };
        let Some((_, Input::String(name))) = item.iter().find(|(k, _)| k == "name") else { continue };
        if !seen.insert(name_key(name)) {
            p.push(
                ErrorCode::Duplicate,
                &format!("/{list}/{i}/name"),
                format!("the name {:?} is already used by another item of {list}", name.trim()),
            );
        }
    }
}

/// Every `employerMatch.income` must name one of the incomes (checked once they all read well).
fn check_match_incomes(p: &mut Problems, accounts: &Items<Account>, incomes: &Items<Income>) {
    let Some(names) = incomes.iter().map(|(_, i)| i.as_ref().map(|i| i.name.as_str())).collect::<Option<Vec<_>>>()
    else {
        return;
    };
    for (i, account) in accounts {
        let Some(name) = account.as_ref().and_then(|a| a.employer_match.as_ref()).and_then(|m| m.income.as_deref())
        else {
            continue;
        };
        if !names.iter().any(|n| same_name(n, name)) {
            let known = if names.is_empty() { "there are none".to_string() } else { format!("{names:?}") };
            p.push(
                ErrorCode::InvalidValue,
                &format!("/accounts/{i}/employerMatch/income"),
                format!("{name:?} is not the name of one of the incomes ({known})"),
            );
        }
    }
}

fn read_currency(p: &mut Problems, f: &mut Fields<'_>) -> Option<String> {
    let path = f.path("currency");
    let code = p.text(f.get("currency"), &path, 3)?;
    if is_iso_4217(&code) {
        Some(code)
    } else {
        let hint = if is_iso_4217(&code.to_uppercase()) {
            format!(" (write it in capitals: {:?})", code.to_uppercase())
        } else {
            String::new()
        };
        p.push(ErrorCode::InvalidValue, &path, format!("{code:?} is not an ISO 4217 currency code{hint}"));
        None
    }
}

fn read_person(p: &mut Problems, v: &Input, path: &str) -> Option<Person> {
    let mut f = p.object(v, path, "person")?;
    let age = p.number(f.get("age"), &f.path("age"), MIN_AGE, MAX_AGE, true);
    let dependents = match f.get("dependents") {
        None => Some(0.0),
        v => p.number(v, &f.path("dependents"), 0.0, 30.0, true),
    };
    let retirement_age = match f.get("retirementAge") {
        None => Some(DEFAULT_RETIREMENT_AGE as f64),
        v => p.number(v, &f.path("retirementAge"), 30.0, 100.0, true),
    };
    let stability = p.choice(
        f.get("incomeStability"),
        &f.path("incomeStability"),
        &[(IncomeStability::Stable, "stable"), (IncomeStability::Variable, "variable")],
        Some(IncomeStability::Stable),
    );
    let filing =
        p.choice(f.get("filingStatus"), &f.path("filingStatus"), &FilingStatus::ALL, Some(FilingStatus::Single));
    let hsa = p.choice(
        f.get("hsaCoverage"),
        &f.path("hsaCoverage"),
        &[(HsaCoverage::None, "none"), (HsaCoverage::SelfOnly, "self"), (HsaCoverage::Family, "family")],
        Some(HsaCoverage::None),
    );
    let spouse_age = match f.get("spouseAge") {
        None => Some(None),
        v => p.number(v, &f.path("spouseAge"), MIN_AGE, MAX_AGE, true).map(|a| Some(a as u32)),
    };
    // A married person files jointly or separately (or, living apart, as head of household); a
    // spouse's age beside `single` means one of the two fields is wrong.
    if matches!((&spouse_age, &filing), (Some(Some(_)), Some(FilingStatus::Single))) {
        p.push(
            ErrorCode::Inconsistent,
            &f.path("spouseAge"),
            "is given but filingStatus is single: a married person files married_joint or married_separate (or head_of_household when living apart)",
        );
    }
    let social_security = match f.get("socialSecurity") {
        None => Some(None),
        Some(v) => read_social_security(p, v, &f.path("socialSecurity")).map(Some),
    };
    f.finish(p, PERSON_FIELDS);
    Some(Person {
        social_security: social_security?,
        filing_status: filing?,
        hsa_coverage: hsa?,
        spouse_age: spouse_age?,
        age: age? as u32,
        dependents: dependents? as u32,
        retirement_age: retirement_age? as u32,
        income_stability: stability?,
    })
}

fn read_social_security(p: &mut Problems, v: &Input, path: &str) -> Option<SocialSecurity> {
    let mut f = p.object(v, path, "socialSecurity")?;
    let monthly = p.money(f.get("monthlyAtClaiming"), &f.path("monthlyAtClaiming"), false);
    let claiming_age = match f.get("claimingAge") {
        None => Some(None),
        v => p.number(v, &f.path("claimingAge"), CLAIMING_AGES.0, CLAIMING_AGES.1, true).map(|a| Some(a as u32)),
    };
    f.finish(p, SOCIAL_SECURITY_FIELDS);
    Some(SocialSecurity { monthly_at_claiming: monthly?, claiming_age: claiming_age? })
}

fn read_insurance(p: &mut Problems, v: &Input, path: &str) -> Option<Insurance> {
    let mut f = p.object(v, path, "insurance")?;
    let optional_money = |p: &mut Problems, f: &mut Fields<'_>, key: &str| match f.get(key) {
        None => Some(None),
        v => p.money(v, &f.path(key), false).map(Some),
    };
    let life = optional_money(p, &mut f, "lifeCoverage");
    let disability = match f.get("disability") {
        None => Some(None),
        Some(Input::Bool(b)) => Some(Some(*b)),
        Some(other) => {
            p.push(ErrorCode::Type, &f.path("disability"), format!("must be true or false, not {}", other.type_name()));
            None
        }
    };
    let deductible = optional_money(p, &mut f, "healthDeductible");
    f.finish(p, INSURANCE_FIELDS);
    Some(Insurance { life_coverage: life?, disability: disability?, health_deductible: deductible? })
}

fn read_income(p: &mut Problems, v: &Input, path: &str) -> Option<Income> {
    let mut f = p.object(v, path, "an income")?;
    let name = p.text(f.get("name"), &f.path("name"), MAX_NAME_CHARS);
    let gross = p.money(f.get("grossAnnual"), &f.path("grossAnnual"), false);
    let net = p.money(f.get("netMonthly"), &f.path("netMonthly"), false);
    f.finish(p, INCOME_FIELDS);
    if let (Some(g), Some(n)) = (gross, net) {
        // Net pay above gross pay is a typo (a monthly figure in grossAnnual, or the reverse).
        if n * 12.0 > g * 1.05 + 1.0 {
            p.push(
                ErrorCode::Inconsistent,
                &pointer_join(path, "netMonthly"),
                format!(
                    "netMonthly × 12 ({}) is more than grossAnnual ({g}); is one of them monthly vs yearly?",
                    n * 12.0
                ),
            );
            return None;
        }
    }
    Some(Income { name: name?, gross_annual: gross?, net_monthly: net? })
}

fn read_expenses(p: &mut Problems, v: &Input, path: &str) -> Option<Expenses> {
    let mut f = p.object(v, path, "expenses")?;
    let essential = p.money(f.get("essentialMonthly"), &f.path("essentialMonthly"), false);
    let discretionary = p.money_or(f.get("discretionaryMonthly"), &f.path("discretionaryMonthly"), 0.0);
    f.finish(p, EXPENSES_FIELDS);
    Some(Expenses { essential_monthly: essential?, discretionary_monthly: discretionary? })
}

fn read_account(p: &mut Problems, v: &Input, path: &str) -> Option<Account> {
    let mut f = p.object(v, path, "an account")?;
    let name = p.text(f.get("name"), &f.path("name"), MAX_NAME_CHARS);
    let kind = p.choice(f.get("kind"), &f.path("kind"), &AccountKind::ALL, None);
    let balance_path = f.path("balance");
    let balance = p.money(f.get("balance"), &balance_path, true);
    let contribution = p.money_or(f.get("contributionMonthly"), &f.path("contributionMonthly"), 0.0);
    let match_path = f.path("employerMatch");
    let employer_match = f.get("employerMatch").map(|v| read_match(p, v, &match_path));
    f.finish(p, ACCOUNT_FIELDS);
    if let (Some(kind), Some(b)) = (kind, balance) {
        if b < 0.0 && kind != AccountKind::Checking {
            p.push(
                ErrorCode::OutOfRange,
                &balance_path,
                format!("cannot be negative ({b}); only a checking account can be overdrawn"),
            );
            return None;
        }
    }
    if let (Some(kind), Some(_)) = (kind, &employer_match) {
        if !kind.can_have_match() {
            p.push(
                ErrorCode::Inconsistent,
                &match_path,
                "an employer match belongs to a workplace plan (kind \"401k\" or \"other\")",
            );
            return None;
        }
    }
    Some(Account {
        name: name?,
        kind: kind?,
        balance: balance?,
        contribution_monthly: contribution?,
        employer_match: match employer_match {
            Some(m) => Some(m?),
            None => None,
        },
    })
}

fn read_match(p: &mut Problems, v: &Input, path: &str) -> Option<EmployerMatch> {
    let mut f = p.object(v, path, "employerMatch")?;
    let match_percent = p.number(f.get("matchPercent"), &f.path("matchPercent"), 0.0, 400.0, false);
    let up_to = p.number(f.get("upToPercentOfSalary"), &f.path("upToPercentOfSalary"), 0.0, 100.0, false);
    let income = match f.get("income") {
        None => Some(None),
        v => p.text(v, &f.path("income"), MAX_NAME_CHARS).map(Some),
    };
    f.finish(p, MATCH_FIELDS);
    Some(EmployerMatch { match_percent: match_percent?, up_to_percent_of_salary: up_to?, income: income? })
}

fn read_debt(p: &mut Problems, v: &Input, path: &str) -> Option<Debt> {
    let mut f = p.object(v, path, "a debt")?;
    let name = p.text(f.get("name"), &f.path("name"), MAX_NAME_CHARS);
    let kind = p.choice(f.get("kind"), &f.path("kind"), &DebtKind::ALL, None);
    let balance = p.money(f.get("balance"), &f.path("balance"), false);
    let apr = p.number(f.get("aprPercent"), &f.path("aprPercent"), 0.0, MAX_APR_PERCENT, false);
    let min_path = f.path("minPayment");
    let min_payment = p.money_or(f.get("minPayment"), &min_path, 0.0);
    f.finish(p, DEBT_FIELDS);
    if let (Some(b), Some(m)) = (balance, min_payment) {
        if b == 0.0 && m > 0.0 {
            p.push(
                ErrorCode::Inconsistent,
                &min_path,
                "a debt with a zero balance has no minimum payment; remove the debt or give its balance",
            );
            return None;
        }
    }
    Some(Debt { name: name?, kind: kind?, balance: balance?, apr_percent: apr?, min_payment: min_payment? })
}

fn read_goal(p: &mut Problems, v: &Input, path: &str, as_of: Option<Date>) -> Option<Goal> {
    let mut f = p.object(v, path, "a goal")?;
    let name = p.text(f.get("name"), &f.path("name"), MAX_NAME_CHARS);
    let target = p.money(f.get("target"), &f.path("target"), false);
    let date_path = f.path("targetDate");
    let target_date = p.date(f.get("targetDate"), &date_path);
    let saved = p.money_or(f.get("saved"), &f.path("saved"), 0.0);
    f.finish(p, GOAL_FIELDS);
    if let (Some(d), Some(as_of)) = (target_date, as_of) {
        if d <= as_of {
            p.push(ErrorCode::OutOfRange, &date_path, format!("{d} is not after asOf ({as_of})"));
            return None;
        }
    }
    if target == Some(0.0) {
        p.push(ErrorCode::OutOfRange, &pointer_join(path, "target"), "must be more than 0");
        return None;
    }
    Some(Goal { name: name?, target: target?, target_date: target_date?, saved: saved? })
}

// Not inlined into `read_list`'s loop: `Profile::from_input` stays a function V8 does not find
// hot enough to optimize whole in the background during a first advise (see
// `advice::serialize_transactions`); this one is small to optimize.
#[inline(never)]
fn read_transaction(p: &mut Problems, v: &Input, path: &str, as_of: Option<Date>) -> Option<Transaction> {
    let mut f = p.object(v, path, "a transaction")?;
    let date = p.date(f.get("date"), &f.at("date"));
    let description = p.text(f.get("description"), &f.at("description"), MAX_DESCRIPTION_CHARS);
    let amount = p.money(f.get("amount"), &f.at("amount"), true);
    let account = match f.get("account") {
        None => Some(None),
        v => p.text(v, &f.at("account"), MAX_NAME_CHARS).map(Some),
    };
    let bank_category = match f.get("bankCategory") {
        None => Some(None),
        v => p.text(v, &f.at("bankCategory"), MAX_NAME_CHARS).map(Some),
    };
    let mcc = read_mcc(p, &mut f);
    f.finish(p, TRANSACTION_FIELDS);
    if let (Some(d), Some(as_of)) = (date, as_of) {
        let age_days = as_of.days_since_epoch() - d.days_since_epoch();
        if age_days < 0 {
            p.push(ErrorCode::OutOfRange, &f.at("date"), format!("{d} is after asOf ({as_of})"));
            return None;
        }
        if age_days > MAX_TRANSACTION_AGE_DAYS {
            p.push(ErrorCode::OutOfRange, &f.at("date"), format!("{d} is more than ten years before asOf ({as_of})"));
            return None;
        }
    }
    Some(Transaction {
        date: date?,
        description: description?,
        amount: amount?,
        account: account?,
        bank_category: bank_category?,
        mcc: mcc?,
    })
}

/// A transaction's merchant category code: four digits (ISO 18245), as text.
fn read_mcc(p: &mut Problems, f: &mut Fields<'_>) -> Option<Option<String>> {
    let Some(v) = f.get("mcc") else { return Some(None) };
    let path = f.path("mcc");
    let text = p.text(Some(v), &path, MAX_NAME_CHARS)?;
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        p.push(
            ErrorCode::InvalidValue,
            &path,
            format!("{text:?} is not a merchant category code (four digits, such as \"5411\")"),
        );
        return None;
    }
    Some(Some(text))
}
