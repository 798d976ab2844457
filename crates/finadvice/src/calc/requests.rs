//! Reading calculator requests from JSON-like [`Input`] (JSON text, or a JavaScript object), with
//! every problem reported by JSON pointer, then running the calculator. Shared by the JS API
//! (`src/wasm/calc.rs`) and the CLI (`finadvice payoff`).

use super::assumptions::{inflation_percent, Allocation};
use super::goal::{plan_goal, GoalPlan};
use super::payoff::{plan_payoff, ExtraPayment, PayoffDebt, PayoffPlan, PayoffRequest, Strategy, MAX_MONTHS};
use super::retirement::{project, RetirementProjection, RetirementRequest, MAX_PATHS, MAX_YEARS, MIN_PATHS};
use super::risk::{self, Capacity, RiskProfile, QUESTIONS};
use crate::error::{ErrorCode, Errors, Issue};
use crate::input::Input;
use crate::limits::{MAX_LIST_ITEMS, MAX_NAME_CHARS};
use crate::validation::{Fields, Problems};

/// Highest APR accepted, in percent (as for profiles).
const MAX_APR_PERCENT: f64 = 1000.0;
/// Highest age accepted.
const MAX_AGE: f64 = 120.0;
/// Highest tax share of a withdrawal accepted, in percent (above the top federal rate plus any
/// state's).
const MAX_WITHDRAWAL_TAX_PERCENT: f64 = 60.0;
/// Largest seed: JavaScript numbers are exact integers up to 2^53 − 1.
const MAX_SEED: f64 = 9_007_199_254_740_991.0;

fn done<T>(p: Problems, value: Option<T>) -> Result<T, Errors> {
    match value {
        Some(v) if p.issues.is_empty() => Ok(v),
        _ if !p.issues.is_empty() => Err(Errors(p.issues)),
        _ => Err(Issue::new(ErrorCode::Type, "", "the request is invalid").into()),
    }
}

/// `{debts: [{name, balance, aprPercent, minPayment, kind?}], monthlyBudget, strategy?,
/// order?, extraPayments?: [{month, amount}], asOf?}` → a payoff plan.
pub fn payoff_from_input(input: &Input) -> Result<PayoffPlan, Errors> {
    let request = payoff_request(input)?;
    plan_payoff(&request)
}

/// Reads and checks a payoff request without planning it.
pub fn payoff_request(input: &Input) -> Result<PayoffRequest, Errors> {
    let mut p = Problems::default();
    let request = read_payoff(&mut p, input);
    done(p, request)
}

const PAYOFF_FIELDS: &[&str] = &["debts", "monthlyBudget", "strategy", "order", "extraPayments", "asOf"];
const PAYOFF_DEBT_FIELDS: &[&str] = &["name", "balance", "aprPercent", "minPayment", "kind"];

fn read_payoff(p: &mut Problems, input: &Input) -> Option<PayoffRequest> {
    let mut f = p.object(input, "", "the payoff request")?;
    let debts_path = f.path("debts");
    let debt_items = f.get("debts");
    if debt_items.is_none() {
        p.push(ErrorCode::Required, &debts_path, "is required: a list of {name, balance, aprPercent, minPayment}");
    }
    let items = p.array(debt_items, &debts_path, MAX_LIST_ITEMS);
    if debt_items.is_some() && items.is_empty() && p.issues.is_empty() {
        p.push(ErrorCode::Required, &debts_path, "must list at least one debt");
    }
    let mut debts = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{debts_path}/{i}");
        let Some(mut d) = p.object(item, &path, "a debt") else { continue };
        let name = p.text(d.get("name"), &d.path("name"), MAX_NAME_CHARS);
        let balance = p.money(d.get("balance"), &d.path("balance"), false);
        let apr = p.number(d.get("aprPercent"), &d.path("aprPercent"), 0.0, MAX_APR_PERCENT, false);
        let min = p.money(d.get("minPayment"), &d.path("minPayment"), false);
        let _ = d.get("kind"); // accepted so a profile's debts can be passed as they are
        d.finish(p, PAYOFF_DEBT_FIELDS);
        if let Some(n) = &name {
            if names.contains(n) {
                p.push(ErrorCode::Duplicate, &format!("{path}/name"), format!("another debt is already named \"{n}\""));
            }
            names.push(n.clone());
        }
        debts.push(match (name, balance, apr, min) {
            (Some(name), Some(balance), Some(apr_percent), Some(min_payment)) => {
                Some(PayoffDebt { name, balance, apr_percent, min_payment })
            }
            _ => None,
        });
    }
    let budget = p.money(f.get("monthlyBudget"), &f.path("monthlyBudget"), false);
    let kind = p.choice(
        f.get("strategy"),
        &f.path("strategy"),
        &[(0u8, "avalanche"), (1, "snowball"), (2, "custom")],
        Some(0),
    );
    let order_value = f.get("order");
    let order_path = f.path("order");
    let mut order = Vec::new();
    for (k, item) in p.array(order_value, &order_path, MAX_LIST_ITEMS).iter().enumerate() {
        if let Some(name) = p.text(Some(item), &format!("{order_path}/{k}"), MAX_NAME_CHARS) {
            order.push(name);
        }
    }
    let strategy = match kind {
        Some(2) if order_value.is_none() => {
            p.push(ErrorCode::Required, &order_path, "is required with strategy \"custom\": the debts' names in order");
            None
        }
        Some(2) => Some(Strategy::Custom(order)),
        Some(k) if order_value.is_some() => {
            let name = if k == 0 { "avalanche" } else { "snowball" };
            p.push(
                ErrorCode::Inconsistent,
                &order_path,
                format!("is only used with strategy \"custom\", not \"{name}\""),
            );
            None
        }
        Some(0) => Some(Strategy::Avalanche),
        Some(_) => Some(Strategy::Snowball),
        None => None,
    };
    let extras_path = f.path("extraPayments");
    let mut extra_payments = Vec::new();
    for (k, item) in p.array(f.get("extraPayments"), &extras_path, MAX_MONTHS as usize).iter().enumerate() {
        let path = format!("{extras_path}/{k}");
        let Some(mut e) = p.object(item, &path, "an extra payment") else { continue };
        let month = p.number(e.get("month"), &e.path("month"), 1.0, MAX_MONTHS as f64, true);
        let amount = p.money(e.get("amount"), &e.path("amount"), false);
        e.finish(p, &["month", "amount"]);
        if let (Some(month), Some(amount)) = (month, amount) {
            extra_payments.push(ExtraPayment { month: month as u32, amount });
        }
    }
    let as_of = f.get("asOf").map(|v| p.date(Some(v), &f.path("asOf")));
    f.finish(p, PAYOFF_FIELDS);
    let debts: Option<Vec<PayoffDebt>> = debts.into_iter().collect();
    Some(PayoffRequest {
        debts: debts?,
        monthly_budget: budget?,
        strategy: strategy?,
        extra_payments,
        as_of: match as_of {
            Some(d) => Some(d?),
            None => None,
        },
    })
}

const ALLOCATION_FIELDS: &[&str] = &["stocks", "bonds", "cash"];

/// Reads `{stocks, bonds, cash}` shares (0–1, adding up to 1 within 0.001; missing ones are 0).
pub(crate) fn read_allocation(p: &mut Problems, value: &Input, path: &str) -> Option<Allocation> {
    let mut f = p.object(value, path, "the allocation")?;
    let mut share = |f: &mut Fields, key: &str| -> Option<f64> {
        let v = f.get(key);
        if v.is_none() {
            return Some(0.0);
        }
        p.number(v, &f.path(key), 0.0, 1.0, false)
    };
    let (s, b, c) = (share(&mut f, "stocks"), share(&mut f, "bonds"), share(&mut f, "cash"));
    f.finish(p, ALLOCATION_FIELDS);
    let (stocks, bonds, cash) = (s?, b?, c?);
    if (stocks + bonds + cash - 1.0).abs() > 0.001 {
        p.push(
            ErrorCode::Inconsistent,
            path,
            format!("stocks + bonds + cash must add up to 1 (they add up to {})", stocks + bonds + cash),
        );
        return None;
    }
    Some(Allocation { stocks, bonds, cash })
}

const RETIREMENT_FIELDS: &[&str] = &[
    "currentAge",
    "retirementAge",
    "endAge",
    "balance",
    "annualContribution",
    "annualSpending",
    "allocation",
    "inflationPercent",
    "paths",
    "seed",
    "socialSecurityMonthly",
    "socialSecurityAge",
    "withdrawalTaxPercent",
];

/// Default end age of a retirement projection: money should last to 95.
pub const DEFAULT_END_AGE: u32 = 95;
/// Default allocation: 60% stocks, 40% bonds.
pub const DEFAULT_ALLOCATION: Allocation = Allocation { stocks: 0.6, bonds: 0.4, cash: 0.0 };

/// `{currentAge, retirementAge, endAge?, balance, annualContribution?, annualSpending?,
/// allocation?, inflationPercent?, paths?, seed?, socialSecurityMonthly?, socialSecurityAge?,
/// withdrawalTaxPercent?}` → a retirement projection. Social Security (today's money a month)
/// starts at `socialSecurityAge` (default: the retirement age) and reduces the withdrawals;
/// `withdrawalTaxPercent` (0–60, default 0) is the share of each withdrawal paid in tax.
/// Returns are US history 1928–2025 in 20-year blocks ([`super::retirement`]); `inflationPercent`
/// (default: that history's compound inflation, about 3.0%) keeps the historical nominal returns
/// and lowers (or raises) every year's real growth accordingly.
pub fn retirement_from_input(input: &Input) -> Result<RetirementProjection, Errors> {
    let mut p = Problems::default();
    let request = read_retirement(&mut p, input);
    done(p, request).map(|r| project(&r))
}

fn read_retirement(p: &mut Problems, input: &Input) -> Option<RetirementRequest> {
    let mut f = p.object(input, "", "the retirement request")?;
    let current = p.number(f.get("currentAge"), &f.path("currentAge"), 0.0, MAX_AGE, true);
    let retire = p.number(f.get("retirementAge"), &f.path("retirementAge"), 0.0, MAX_AGE, true);
    let end = match f.get("endAge") {
        None => Some(DEFAULT_END_AGE as f64),
        v => p.number(v, &f.path("endAge"), 1.0, MAX_AGE + 10.0, true),
    };
    let balance = p.money(f.get("balance"), &f.path("balance"), false);
    let contribution = p.money_or(f.get("annualContribution"), &f.path("annualContribution"), 0.0);
    let spending = p.money_or(f.get("annualSpending"), &f.path("annualSpending"), 0.0);
    let allocation = match f.get("allocation") {
        None => Some(DEFAULT_ALLOCATION),
        Some(v) => read_allocation(p, v, &f.path("allocation")),
    };
    let inflation = match f.get("inflationPercent") {
        None => Some(inflation_percent()),
        v => p.number(v, &f.path("inflationPercent"), -10.0, 50.0, false),
    };
    let paths = match f.get("paths") {
        None => Some(super::retirement::DEFAULT_PATHS as f64),
        v => p.number(v, &f.path("paths"), MIN_PATHS as f64, MAX_PATHS as f64, true),
    };
    let seed = match f.get("seed") {
        None => Some(1.0),
        v => p.number(v, &f.path("seed"), 0.0, MAX_SEED, true),
    };
    let social_security = p.money_or(f.get("socialSecurityMonthly"), &f.path("socialSecurityMonthly"), 0.0);
    let social_security_age = match f.get("socialSecurityAge") {
        None => retire.map(Some),
        v => p.number(v, &f.path("socialSecurityAge"), 0.0, MAX_AGE, true).map(Some),
    };
    let tax = match f.get("withdrawalTaxPercent") {
        None => Some(0.0),
        v => p.number(v, &f.path("withdrawalTaxPercent"), 0.0, MAX_WITHDRAWAL_TAX_PERCENT, false),
    };
    if let (Some(c), Some(r), Some(e)) = (current, retire, end) {
        if r < c {
            p.push(ErrorCode::Inconsistent, &f.path("retirementAge"), format!("{r} is before currentAge {c}"));
        }
        if e <= r.max(c) {
            p.push(
                ErrorCode::Inconsistent,
                &f.path("endAge"),
                format!("{e} must be after retirementAge and currentAge"),
            );
        } else if e - c > MAX_YEARS as f64 {
            p.push(
                ErrorCode::OutOfRange,
                &f.path("endAge"),
                format!("the projection would span {} years; the limit is {MAX_YEARS}", e - c),
            );
        }
    }
    f.finish(p, RETIREMENT_FIELDS);
    Some(RetirementRequest {
        current_age: current? as u32,
        retirement_age: retire? as u32,
        end_age: end? as u32,
        balance: balance?,
        annual_contribution: contribution?,
        annual_spending: spending?,
        income_annual: social_security? * 12.0,
        income_start_age: social_security_age?? as u32,
        withdrawal_tax_percent: tax?,
        allocation: allocation?,
        inflation_percent: inflation?,
        paths: paths? as u32,
        seed: seed? as u64,
    })
}

const GOAL_FIELDS: &[&str] =
    &["target", "saved", "asOf", "targetDate", "months", "annualReturnPercent", "monthlySaving"];

/// `{target, saved?, asOf + targetDate | months, annualReturnPercent?, monthlySaving?}` → a goal plan.
pub fn goal_from_input(input: &Input) -> Result<GoalPlan, Errors> {
    let mut p = Problems::default();
    let plan = read_goal(&mut p, input);
    done(p, plan)
}

fn read_goal(p: &mut Problems, input: &Input) -> Option<GoalPlan> {
    let mut f = p.object(input, "", "the goal request")?;
    let target = p.money(f.get("target"), &f.path("target"), false);
    let saved = p.money_or(f.get("saved"), &f.path("saved"), 0.0);
    let months = if f.has("months") {
        if f.has("targetDate") {
            p.push(ErrorCode::Inconsistent, &f.path("months"), "give either months or asOf + targetDate, not both");
        }
        p.number(f.get("months"), &f.path("months"), 0.0, MAX_MONTHS as f64, true).map(|m| m as u32)
    } else {
        let as_of = p.date(f.get("asOf"), &f.path("asOf"));
        let date = p.date(f.get("targetDate"), &f.path("targetDate"));
        match (as_of, date) {
            (Some(a), Some(d)) if d < a => {
                p.push(ErrorCode::Inconsistent, &f.path("targetDate"), format!("{d} is before asOf {a}"));
                None
            }
            (Some(a), Some(d)) if a.months_until(d) > MAX_MONTHS as i32 => {
                p.push(
                    ErrorCode::OutOfRange,
                    &f.path("targetDate"),
                    format!("{d} is more than {MAX_MONTHS} months after asOf"),
                );
                None
            }
            (Some(a), Some(d)) => Some(a.months_until(d).max(0) as u32),
            _ => None,
        }
    };
    let rate = match f.get("annualReturnPercent") {
        None => Some(0.0),
        v => p.number(v, &f.path("annualReturnPercent"), -50.0, 100.0, false),
    };
    let monthly = match f.get("monthlySaving") {
        None => Some(None),
        v => p.money(v, &f.path("monthlySaving"), false).map(Some),
    };
    f.finish(p, GOAL_FIELDS);
    Some(plan_goal(target?, saved?, months?, rate?, monthly?))
}

const CAPACITY_FIELDS: &[&str] = &["horizonYears", "emergencyFundMonths", "incomeStability"];

/// `answers` = `{questionId: answerId}` for all ten questions of [`risk::QUESTIONS`];
/// `capacity` = `{horizonYears, emergencyFundMonths?, incomeStability?}` → a risk profile.
/// Issues in `answers` have pointers under `/answers`, those in `capacity` under `/capacity`.
pub fn risk_from_input(answers: &Input, capacity: &Input) -> Result<RiskProfile, Errors> {
    let mut p = Problems::default();
    let total = read_answers(&mut p, answers);
    let capacity = read_capacity(&mut p, capacity);
    let result = match (total, capacity) {
        (Some(t), Some(c)) => Some(risk::risk_profile(t, c)),
        _ => None,
    };
    done(p, result)
}

fn read_answers(p: &mut Problems, input: &Input) -> Option<u32> {
    let mut f = p.object(input, "/answers", "the answers")?;
    let mut total = Some(0u32);
    for q in QUESTIONS {
        let allowed: Vec<(u32, &str)> = q.choices.iter().map(|c| (c.points, c.id)).collect();
        let points = p.choice(f.get(q.id), &f.path(q.id), &allowed, None);
        total = total.zip(points).map(|(t, x)| t + x);
    }
    let ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    f.finish(p, &ids);
    total
}

fn read_capacity(p: &mut Problems, input: &Input) -> Option<Capacity> {
    let mut f = p.object(input, "/capacity", "the capacity")?;
    let horizon = p.number(f.get("horizonYears"), &f.path("horizonYears"), 0.0, 100.0, false);
    let fund = match f.get("emergencyFundMonths") {
        None => Some(6.0),
        v => p.number(v, &f.path("emergencyFundMonths"), 0.0, 1200.0, false),
    };
    let variable = p.choice(
        f.get("incomeStability"),
        &f.path("incomeStability"),
        &[(false, "stable"), (true, "variable")],
        Some(false),
    );
    f.finish(p, CAPACITY_FIELDS);
    Some(Capacity { horizon_years: horizon?, emergency_fund_months: fund?, variable_income: variable? })
}
