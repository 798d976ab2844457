//! Debt payoff planner: avalanche, snowball or a custom order, in **integer cents**.
//!
//! Each month, in this order:
//! 1. every debt accrues a month of interest on its balance, `balance × APR / 12`, rounded to the
//!    cent half away from zero (the monthly-rate convention of US card issuers' disclosures);
//! 2. every debt still owed receives its minimum payment (or its whole balance if smaller);
//! 3. what is left of `monthlyBudget` (plus that month's one-off extra payments, "snowflakes") goes
//!    to the debts in priority order: all of it to the first debt still owed, any excess to the next.
//!
//! Because the budget stays the same while debts disappear, the minimum of a paid-off debt rolls
//! over to the next one (the "snowball"). Priority: avalanche = highest APR first (ties: smaller
//! balance, then input order); snowball = smallest starting balance first (ties: higher APR, then
//! input order); custom = the names given, then the others in input order.
//!
//! "Minimums only", the baseline for `interestSaved`, pays each debt exactly its minimum with no
//! rollover and no extras. Every month's figures are integer cents, so the schedule adds up exactly:
//! for each debt, starting balance + Σ interest − Σ payments = 0.

use crate::date::Date;
use crate::error::{ErrorCode, Errors, Issue};
use crate::money::{from_cents, to_cents};
use serde::Serialize;

/// The longest plan computed: 100 years. Beyond it a plan is refused with a clear error.
pub const MAX_MONTHS: u32 = 1200;

/// One debt to plan for.
#[derive(Debug, Clone, PartialEq)]
pub struct PayoffDebt {
    /// Its (unique) name.
    pub name: String,
    /// What is owed today.
    pub balance: f64,
    /// Annual percentage rate in percent (24.99 for 24.99%).
    pub apr_percent: f64,
    /// Required monthly payment.
    pub min_payment: f64,
}

/// Which debt receives the money left after the minimums.
#[derive(Debug, Clone, PartialEq)]
pub enum Strategy {
    /// Highest APR first: the least interest.
    Avalanche,
    /// Smallest balance first: the quickest wins.
    Snowball,
    /// The debts named, in this order; unnamed debts follow in input order.
    Custom(Vec<String>),
}

impl Strategy {
    /// The strategy's name in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Strategy::Avalanche => "avalanche",
            Strategy::Snowball => "snowball",
            Strategy::Custom(_) => "custom",
        }
    }
}

/// A one-off extra payment ("snowflake") made in a given month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtraPayment {
    /// Month of the plan, 1 being the first month after `asOf`.
    pub month: u32,
    /// Amount added to that month's budget.
    pub amount: f64,
}

/// Everything a payoff plan depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct PayoffRequest {
    /// The debts.
    pub debts: Vec<PayoffDebt>,
    /// Total paid toward all debts each month (at least the sum of the minimums).
    pub monthly_budget: f64,
    /// Priority of the money beyond the minimums.
    pub strategy: Strategy,
    /// One-off extra payments.
    pub extra_payments: Vec<ExtraPayment>,
    /// "Today": month `n` of the plan is dated `asOf + n months`. Without it, no dates.
    pub as_of: Option<Date>,
}

/// One debt's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct DebtOutcome {
    /// The debt's name.
    pub name: String,
    /// Month in which it is paid off (0 if nothing was owed).
    pub payoff_month: u32,
    /// Date of that month (`asOf + payoffMonth months`), when `asOf` was given.
    pub payoff_date: Option<Date>,
    /// Interest paid on it over the plan.
    pub interest_paid: f64,
    /// Everything paid on it (balance + interest).
    pub total_paid: f64,
}

/// One debt in one month of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct DebtMonth {
    /// Interest added this month.
    pub interest: f64,
    /// Paid this month.
    pub payment: f64,
    /// Owed at the end of the month.
    pub balance: f64,
}

/// One month of the schedule; `debts` are in the order of the request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct ScheduleMonth {
    /// Month of the plan, from 1.
    pub month: u32,
    /// Its date (`asOf + month months`), when `asOf` was given.
    pub date: Option<Date>,
    /// Paid this month, all debts together.
    pub total_payment: f64,
    /// Each debt's figures, in request order.
    pub debts: Vec<DebtMonth>,
}

/// The baseline: each debt paid only its minimum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct MinimumsOnly {
    /// Months until the last debt is paid; null if that takes longer than [`MAX_MONTHS`].
    pub months: Option<u32>,
    /// Interest paid; null if the debts are not paid off within [`MAX_MONTHS`].
    pub total_interest: Option<f64>,
}

/// A complete payoff plan. Field names are stable: rules refer to them by path.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct PayoffPlan {
    /// "avalanche", "snowball" or "custom".
    pub strategy: &'static str,
    /// Names of the debts in the order extra money goes to them.
    pub order: Vec<String>,
    /// Months until every debt is paid off.
    pub months: u32,
    /// Date of the last payment (`asOf + months`), when `asOf` was given.
    pub debt_free_date: Option<Date>,
    /// Interest paid over the plan.
    pub total_interest: f64,
    /// Everything paid over the plan.
    pub total_paid: f64,
    /// Interest saved compared with paying only the minimums; null when the minimums alone
    /// do not pay the debts off within [`MAX_MONTHS`].
    pub interest_saved: Option<f64>,
    /// The minimums-only baseline.
    pub minimums_only: MinimumsOnly,
    /// Outcome per debt, in request order.
    pub debts: Vec<DebtOutcome>,
    /// Month-by-month figures.
    pub schedule: Vec<ScheduleMonth>,
}

/// One month's interest on `balance` cents at `apr_percent`, rounded to the cent.
fn monthly_interest(balance: i64, apr_percent: f64) -> i64 {
    (balance as f64 * apr_percent / 1200.0).round() as i64
}

/// The priority order (indices into `debts`) for a strategy.
fn priority(debts: &[PayoffDebt], strategy: &Strategy) -> Result<Vec<usize>, Errors> {
    let mut order: Vec<usize> = (0..debts.len()).collect();
    match strategy {
        Strategy::Avalanche => order.sort_by(|&a, &b| {
            let (da, db) = (&debts[a], &debts[b]);
            db.apr_percent.total_cmp(&da.apr_percent).then(da.balance.total_cmp(&db.balance)).then(a.cmp(&b))
        }),
        Strategy::Snowball => order.sort_by(|&a, &b| {
            let (da, db) = (&debts[a], &debts[b]);
            da.balance.total_cmp(&db.balance).then(db.apr_percent.total_cmp(&da.apr_percent)).then(a.cmp(&b))
        }),
        Strategy::Custom(names) => {
            let mut issues = Vec::new();
            let mut chosen: Vec<usize> = Vec::new();
            for (k, name) in names.iter().enumerate() {
                match debts.iter().position(|d| &d.name == name) {
                    Some(i) if chosen.contains(&i) => issues.push(Issue::new(
                        ErrorCode::Duplicate,
                        format!("/order/{k}"),
                        format!("\"{name}\" is listed twice"),
                    )),
                    Some(i) => chosen.push(i),
                    None => issues.push(Issue::new(
                        ErrorCode::InvalidValue,
                        format!("/order/{k}"),
                        format!("no debt is named \"{name}\""),
                    )),
                }
            }
            if !issues.is_empty() {
                return Err(Errors(issues));
            }
            let rest: Vec<usize> = (0..debts.len()).filter(|i| !chosen.contains(i)).collect();
            chosen.extend(rest);
            order = chosen;
        }
    }
    Ok(order)
}

/// Checks what makes a plan impossible: a minimum that does not cover the interest, a budget below
/// the minimums.
fn check_feasible(request: &PayoffRequest) -> Result<(), Errors> {
    let mut issues = Vec::new();
    let mut minimums = 0i64;
    for (i, d) in request.debts.iter().enumerate() {
        let balance = to_cents(d.balance);
        let min = to_cents(d.min_payment);
        let interest = monthly_interest(balance, d.apr_percent);
        minimums += min;
        if balance > 0 && min <= interest {
            issues.push(Issue::new(
                ErrorCode::Infeasible,
                format!("/debts/{i}/minPayment"),
                format!(
                    "a minimum payment of {:.2} does not cover the first month's interest of {:.2}: paid alone it never \
                     amortizes; it must be at least {:.2}",
                    from_cents(min),
                    from_cents(interest),
                    from_cents(interest + 1)
                ),
            ));
        }
    }
    let budget = to_cents(request.monthly_budget);
    if budget < minimums {
        issues.push(Issue::new(
            ErrorCode::Infeasible,
            "/monthlyBudget",
            format!(
                "the budget of {:.2} is {:.2} short of the minimum payments, which add up to {:.2}",
                from_cents(budget),
                from_cents(minimums - budget),
                from_cents(minimums)
            ),
        ));
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Errors(issues))
    }
}

/// Simulation state of one run.
struct Run {
    months: u32,
    interest: Vec<i64>,
    paid: Vec<i64>,
    payoff_month: Vec<u32>,
    schedule: Vec<Vec<[i64; 3]>>,
}

/// Runs the month-by-month simulation. `order = None` is the minimums-only baseline (no rollover,
/// no extras). Returns `None` if some debt is still owed after [`MAX_MONTHS`].
fn simulate(request: &PayoffRequest, order: Option<&[usize]>, keep_schedule: bool) -> Option<Run> {
    let n = request.debts.len();
    let mut balance: Vec<i64> = request.debts.iter().map(|d| to_cents(d.balance).max(0)).collect();
    let mins: Vec<i64> = request.debts.iter().map(|d| to_cents(d.min_payment)).collect();
    let budget = to_cents(request.monthly_budget);
    let mut run =
        Run { months: 0, interest: vec![0; n], paid: vec![0; n], payoff_month: vec![0; n], schedule: Vec::new() };
    let mut month = 0u32;
    while balance.iter().any(|&b| b > 0) {
        if month >= MAX_MONTHS {
            return None;
        }
        month += 1;
        let mut row = vec![[0i64; 3]; n];
        for i in 0..n {
            if balance[i] > 0 {
                let interest = monthly_interest(balance[i], request.debts[i].apr_percent);
                balance[i] += interest;
                run.interest[i] += interest;
                row[i][0] = interest;
            }
        }
        let mut available = budget;
        if order.is_some() {
            available +=
                request.extra_payments.iter().filter(|e| e.month == month).map(|e| to_cents(e.amount)).sum::<i64>();
        }
        for i in 0..n {
            let pay = mins[i].min(balance[i]).max(0);
            balance[i] -= pay;
            row[i][1] += pay;
            available -= pay;
        }
        if let Some(order) = order {
            for &i in order {
                if available <= 0 {
                    break;
                }
                let pay = available.min(balance[i]);
                balance[i] -= pay;
                row[i][1] += pay;
                available -= pay;
            }
        }
        for i in 0..n {
            run.paid[i] += row[i][1];
            row[i][2] = balance[i];
            if row[i][1] > 0 && balance[i] == 0 {
                run.payoff_month[i] = month;
            }
        }
        if keep_schedule {
            run.schedule.push(row);
        }
    }
    run.months = month;
    Some(run)
}

/// Plans the payoff of `request.debts` with the chosen strategy.
///
/// Errors (`infeasible`, with the field's JSON pointer): a budget below the sum of the minimums
/// (the message says by how much), a minimum that does not cover a debt's interest (it would never
/// amortize), and a plan longer than [`MAX_MONTHS`]; `invalid_value`/`duplicate` for a custom
/// order naming unknown or repeated debts.
pub fn plan_payoff(request: &PayoffRequest) -> Result<PayoffPlan, Errors> {
    check_feasible(request)?;
    let order = priority(&request.debts, &request.strategy)?;
    let run = simulate(request, Some(&order), true).ok_or_else(|| {
        Errors::one(Issue::new(
            ErrorCode::Infeasible,
            "/monthlyBudget",
            format!("the debts would not be paid off within {MAX_MONTHS} months ({} years)", MAX_MONTHS / 12),
        ))
    })?;
    let baseline = simulate(request, None, false);
    let date = |m: u32| request.as_of.and_then(|d| d.add_months(m as i32));
    let total_interest: i64 = run.interest.iter().sum();
    let baseline_interest = baseline.as_ref().map(|b| b.interest.iter().sum::<i64>());
    Ok(PayoffPlan {
        strategy: request.strategy.name(),
        order: order.iter().map(|&i| request.debts[i].name.clone()).collect(),
        months: run.months,
        debt_free_date: date(run.months),
        total_interest: from_cents(total_interest),
        total_paid: from_cents(run.paid.iter().sum()),
        interest_saved: baseline_interest.map(|b| from_cents(b - total_interest)),
        minimums_only: MinimumsOnly {
            months: baseline.as_ref().map(|b| b.months),
            total_interest: baseline_interest.map(from_cents),
        },
        debts: request
            .debts
            .iter()
            .enumerate()
            .map(|(i, d)| DebtOutcome {
                name: d.name.clone(),
                payoff_month: run.payoff_month[i],
                payoff_date: date(run.payoff_month[i]),
                interest_paid: from_cents(run.interest[i]),
                total_paid: from_cents(run.paid[i]),
            })
            .collect(),
        schedule: run
            .schedule
            .iter()
            .enumerate()
            .map(|(k, row)| ScheduleMonth {
                month: k as u32 + 1,
                date: date(k as u32 + 1),
                total_payment: from_cents(row.iter().map(|r| r[1]).sum()),
                debts: row
                    .iter()
                    .map(|r| DebtMonth {
                        interest: from_cents(r[0]),
                        payment: from_cents(r[1]),
                        balance: from_cents(r[2]),
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// Whether the schedule adds up to the cent for every debt: starting balance + Σ interest − Σ payments = 0.
pub fn schedule_adds_up(plan: &PayoffPlan, request: &PayoffRequest) -> bool {
    request.debts.iter().enumerate().all(|(i, d)| {
        let interest: i64 = plan.schedule.iter().map(|m| to_cents(m.debts[i].interest)).sum();
        let paid: i64 = plan.schedule.iter().map(|m| to_cents(m.debts[i].payment)).sum();
        to_cents(d.balance) + interest - paid == 0
    })
}
