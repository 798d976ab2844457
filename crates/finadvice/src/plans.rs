//! The plans of an `advise` report, computed from the profile with documented default assumptions.
//! Rules refer to these numbers by path (`plans.debtPayoff.avalanche.interestSaved`), so the field
//! names are stable and camelCase.
//!
//! Defaults (each a constant below):
//! * debt payoff budget = the minimums + [`SURPLUS_TO_DEBT`] of the positive monthly surplus;
//! * goals and retirement are invested at the allocation a **moderate** tolerance gets with the
//!   profile's capacity ([`crate::calc::risk`]) ([`crate::calc::assumptions`]); a goal compounds at the
//!   **median** (compound) return of its allocation, not the arithmetic mean, and a goal less than
//!   [`NEAR_TERM_GOAL_MONTHS`] away is held in cash at the cash rate;
//! * retirement: invested assets today; contributions = own retirement contributions + employer
//!   match; spending in retirement = [`RETIREMENT_SPENDING_SHARE`] of today's spending, less Social
//!   Security (`facts.socialSecurityMonthly` from `facts.socialSecurityClaimingAge`; pensions are not
//!   in the profile); withdrawals from pre-tax accounts taxed at the federal average rate of an
//!   income equal to the retirement spending ([`withdrawal_tax_percent`]); money must last to
//!   [`crate::calc::requests::DEFAULT_END_AGE`]; [`ADVISE_PATHS`] Monte Carlo paths (fewer than the 10,000 of
//!   `projectRetirement`, to keep a page's first `advise` fast: the projection is half the report's
//!   work; a success probability's standard error is at most 1.6 points, 1 point near 90%),
//!   seed [`ADVISE_SEED`].

use crate::calc::assumptions::{Allocation, ALL_CASH};
use crate::calc::debt_tiers::{tier_payoff, TierPayoff};
use crate::calc::goal::{plan_goal, GoalPlan};
use crate::calc::payoff::{plan_payoff, DebtOutcome, MinimumsOnly, PayoffPlan, PayoffRequest, Strategy};
use crate::calc::requests::DEFAULT_END_AGE;
use crate::calc::retirement::{project, RetirementProjection, RetirementRequest};
use crate::calc::risk::{self, Capacity};
use crate::date::Date;
use crate::error::Issue;
use crate::facts::Facts;
use crate::money::{money, round_cents};
use crate::profile::{AccountKind, IncomeStability, Profile};
use serde::Serialize;

/// Share of the positive monthly surplus the default payoff budget adds to the minimums.
pub const SURPLUS_TO_DEBT: f64 = 0.5;
/// Spending in retirement as a share of today's spending (a common 70–80% rule of thumb).
pub const RETIREMENT_SPENDING_SHARE: f64 = 0.8;
/// Monte Carlo paths of the report's retirement projection.
pub const ADVISE_PATHS: u32 = 1_000;
/// Seed of the report's retirement projection.
pub const ADVISE_SEED: u64 = 1;
/// A goal needed sooner than this many months is kept in cash: money needed within about three
/// years should not depend on the stock market (Fidelity, "Investing for short-term goals": for
/// 3 years or less, favour liquidity and safety over returns).
pub const NEAR_TERM_GOAL_MONTHS: u32 = 36;
/// Stock share of the default (moderate) tolerance, in percent.
const MODERATE_STOCKS_PERCENT: f64 = 60.0;

/// A payoff plan without its month-by-month schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct PayoffSummary {
    /// Months until debt-free.
    pub months: u32,
    /// Date of the last payment.
    pub debt_free_date: Option<Date>,
    /// Interest paid.
    pub total_interest: f64,
    /// Interest saved against minimums only (null if the minimums never pay off the debts).
    pub interest_saved: Option<f64>,
    /// Names in the order extra money goes to them.
    pub order: Vec<String>,
    /// Per debt: payoff month and date, interest paid.
    pub debts: Vec<DebtOutcome>,
}

impl From<PayoffPlan> for PayoffSummary {
    fn from(p: PayoffPlan) -> Self {
        PayoffSummary {
            months: p.months,
            debt_free_date: p.debt_free_date,
            total_interest: p.total_interest,
            interest_saved: p.interest_saved,
            order: p.order,
            debts: p.debts,
        }
    }
}

/// The payoff plans for the profile's debts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct DebtPayoffPlans {
    /// The monthly budget assumed (minimums + part of the surplus).
    pub monthly_budget: f64,
    /// Highest APR first; null when no plan exists (see `problems`).
    pub avalanche: Option<PayoffSummary>,
    /// Smallest balance first; null when no plan exists.
    pub snowball: Option<PayoffSummary>,
    /// The baseline: minimums only.
    pub minimums_only: Option<MinimumsOnly>,
    /// Why there is no plan (a minimum below the interest, …), with paths into the profile.
    pub problems: Vec<Issue>,
}

/// One goal's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct GoalPlanEntry {
    /// The goal's name.
    pub name: String,
    /// Expected annual return assumed for the goal's horizon, percent.
    pub annual_return_percent: f64,
    /// The allocation that return comes from.
    pub allocation: Allocation,
    /// The plan.
    #[serde(flatten)]
    pub plan: GoalPlan,
}

/// The retirement projection in the report (percentile bands per year included).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct RetirementPlan {
    /// Invested today.
    pub balance: f64,
    /// Added each year until retirement.
    pub annual_contribution: f64,
    /// Taken each year in retirement.
    pub annual_spending: f64,
    /// Age until which the money must last.
    pub end_age: u32,
    /// Social Security in retirement, today's money a month (`facts.socialSecurityMonthly`).
    pub social_security_monthly: f64,
    /// Age it starts (`facts.socialSecurityClaimingAge`).
    pub social_security_age: u32,
    /// "stated" (the person's own estimate) or "estimated" (SSA's formula on today's income).
    pub social_security_source: &'static str,
    /// Share of the savings in pre-tax accounts (401k, ira, and other with a match), 0–1.
    pub pre_tax_share: f64,
    /// What the projection includes and leaves out, in plain words.
    pub includes: String,
    /// The projection of those amounts (its fields appear at this level in the report).
    #[serde(flatten)]
    pub projection: RetirementProjection,
}

/// Every plan of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Plans {
    /// Debt payoff (null without debts).
    pub debt_payoff: Option<DebtPayoffPlans>,
    /// The debts at or above the rule pack's high-interest APR and their payoff with everything
    /// free after the match (null without such debts or without the threshold).
    pub high_interest_debt: Option<TierPayoff>,
    /// The debts at or above the pack's medium-interest APR and below its high-interest APR, and
    /// their payoff with [`SURPLUS_TO_DEBT`] of the free cash flow (null without such debts or
    /// threshold).
    pub medium_interest_debt: Option<TierPayoff>,
    /// One entry per goal, in profile order.
    pub goals: Vec<GoalPlanEntry>,
    /// Retirement (null when the person is past the end age).
    pub retirement: Option<RetirementPlan>,
}

fn capacity(profile: &Profile, facts: &Facts, horizon_years: f64) -> Capacity {
    Capacity {
        horizon_years,
        emergency_fund_months: facts.emergency_fund_months.unwrap_or(f64::INFINITY),
        variable_income: profile.person.income_stability == IncomeStability::Variable,
    }
}

fn moderate_allocation(profile: &Profile, facts: &Facts, horizon_years: f64) -> Allocation {
    let points = (MODERATE_STOCKS_PERCENT / 100.0 * risk::MAX_POINTS as f64).round() as u32; // a score of 60
    risk::risk_profile(points, capacity(profile, facts, horizon_years)).allocation
}

fn debt_payoff(profile: &Profile, facts: &Facts) -> Option<DebtPayoffPlans> {
    let debts = crate::calc::debt_tiers::payoff_debts(profile, 0.0);
    if debts.is_empty() {
        return None;
    }
    let budget = round_cents(facts.debt_minimums_monthly + facts.monthly_surplus.max(0.0) * SURPLUS_TO_DEBT);
    let plan = |strategy| {
        plan_payoff(&PayoffRequest {
            debts: debts.clone(),
            monthly_budget: budget,
            strategy,
            extra_payments: Vec::new(),
            as_of: Some(profile.as_of),
        })
    };
    // Issue paths point into the profile: map the request's debt index back to the profile's.
    let to_profile_path = |issue: Issue| {
        let indices: Vec<usize> =
            profile.debts.iter().enumerate().filter(|(_, d)| d.balance > 0.0).map(|(i, _)| i).collect();
        let path = match issue.path.strip_prefix("/debts/").and_then(|rest| rest.split_once('/')) {
            Some((i, field)) => match i.parse::<usize>().ok().and_then(|i| indices.get(i)) {
                Some(j) => format!("/debts/{j}/{field}"),
                None => issue.path.clone(),
            },
            None => issue.path.clone(),
        };
        Issue { path, ..issue }
    };
    match (plan(Strategy::Avalanche), plan(Strategy::Snowball)) {
        (Ok(a), Ok(s)) => Some(DebtPayoffPlans {
            monthly_budget: budget,
            minimums_only: Some(a.minimums_only),
            avalanche: Some(a.into()),
            snowball: Some(s.into()),
            problems: Vec::new(),
        }),
        (Err(e), _) | (_, Err(e)) => Some(DebtPayoffPlans {
            monthly_budget: budget,
            avalanche: None,
            snowball: None,
            minimums_only: None,
            problems: e.0.into_iter().map(to_profile_path).collect(),
        }),
    }
}

/// Share of the invested savings (as in `facts.investedAssets`) in pre-tax accounts (workplace
/// plans and traditional IRAs); with nothing invested yet, the share of the retirement
/// contributions going to them.
fn pre_tax_share(profile: &Profile) -> f64 {
    let invested = |a: &&crate::profile::Account| !a.kind.is_liquid() && a.kind != AccountKind::Other;
    let pre_tax = |a: &&crate::profile::Account| matches!(a.kind, AccountKind::K401 | AccountKind::Ira);
    let share = |value: fn(&crate::profile::Account) -> f64| {
        let all: f64 = profile.accounts.iter().filter(invested).map(value).sum();
        let taxed: f64 = profile.accounts.iter().filter(pre_tax).map(value).sum();
        (all > 0.0).then(|| taxed / all)
    };
    share(|a| a.balance).or_else(|| share(|a| a.contribution_monthly)).unwrap_or(0.0)
}

/// The share of a retirement withdrawal paid in federal income tax, percent: the average federal
/// rate (brackets and standard deduction of the year of `asOf`, the profile's filing status) on an
/// ordinary income equal to the yearly retirement spending, times the pre-tax share of the savings.
/// A simplification: Roth and taxable money come out untaxed, the taxable part of Social Security,
/// capital gains rates and state taxes are left out.
pub fn withdrawal_tax_percent(profile: &Profile, annual_spending: f64, pre_tax_share: f64) -> f64 {
    let year = crate::tax::tax_year(profile.as_of.year());
    year.average_rate(annual_spending, profile.person.filing_status) * pre_tax_share * 100.0
}

fn retirement(profile: &Profile, facts: &Facts) -> Option<RetirementPlan> {
    let person = &profile.person;
    if person.age >= DEFAULT_END_AGE {
        return None;
    }
    let retirement_age = person.retirement_age.max(person.age).min(DEFAULT_END_AGE - 1);
    let years_to_retirement = (retirement_age - person.age) as f64;
    let mut request = RetirementRequest::new(
        person.age,
        retirement_age,
        DEFAULT_END_AGE,
        facts.invested_assets.max(0.0),
        moderate_allocation(profile, facts, years_to_retirement.max(15.0)),
    );
    request.annual_contribution =
        round_cents(facts.retirement_contribution_monthly * 12.0 + facts.employer_match_annual);
    request.annual_spending = round_cents(facts.spending_monthly * 12.0 * RETIREMENT_SPENDING_SHARE);
    request.income_annual = round_cents(facts.social_security_monthly * 12.0);
    request.income_start_age = facts.social_security_claiming_age;
    let pre_tax = crate::money::round_ratio(pre_tax_share(profile));
    request.withdrawal_tax_percent =
        crate::money::round_ratio(withdrawal_tax_percent(profile, request.annual_spending, pre_tax));
    request.paths = ADVISE_PATHS;
    request.seed = ADVISE_SEED;
    let source = if profile.person.social_security.is_some() { "stated" } else { "estimated" };
    let includes = format!(
        "In today's money: savings of {balance} growing as US stocks, bonds and bills did after inflation from {first} to {last} \
         (runs of {block} consecutive years of that history, drawn at random; {real:.1}% a year on average, {typical:.1}% compounded), \
         {contribution} added a year until {retire}, then {spending} a year of spending (80% of today's) from age {retire} to {end}; \
         Social Security of {ss} a month from age {ss_age} ({source}: {how}) covers part of it; withdrawals from pre-tax accounts \
         ({share:.0}% of the savings) are taxed at an estimated {tax:.1}% of each withdrawal (federal only, {year} brackets). \
         Not included: pensions, state tax, the taxable part of Social Security, spousal benefits, Medicare premiums, or spending that changes with age.",
        balance = money(request.balance, &profile.currency),
        first = crate::calc::history::first_year(),
        last = crate::calc::history::last_year(),
        block = crate::calc::retirement::BLOCK_YEARS,
        real = request.allocation.mean_real_percent(),
        typical = request.allocation.median_real_percent(),
        contribution = money(request.annual_contribution, &profile.currency),
        retire = retirement_age,
        spending = money(request.annual_spending, &profile.currency),
        end = request.end_age,
        ss = money(facts.social_security_monthly, &profile.currency),
        ss_age = request.income_start_age,
        how = if source == "stated" { "your own estimate" } else { "SSA's formula on today's income, as if earned for every working year" },
        share = pre_tax * 100.0,
        tax = request.withdrawal_tax_percent,
        year = crate::tax::tax_year(profile.as_of.year()).year,
    );
    Some(RetirementPlan {
        balance: request.balance,
        annual_contribution: request.annual_contribution,
        annual_spending: request.annual_spending,
        end_age: request.end_age,
        social_security_monthly: facts.social_security_monthly,
        social_security_age: request.income_start_age,
        social_security_source: source,
        pre_tax_share: pre_tax,
        includes,
        projection: project(&request),
    })
}

impl Plans {
    /// Computes every plan of a validated profile and its facts.
    #[inline(never)] // see `Advisor::report`
    pub fn compute(profile: &Profile, facts: &Facts) -> Plans {
        let goals = profile
            .goals
            .iter()
            .map(|g| {
                let months = profile.as_of.months_until(g.target_date).max(0) as u32;
                let allocation = if months < NEAR_TERM_GOAL_MONTHS {
                    ALL_CASH
                } else {
                    moderate_allocation(profile, facts, months as f64 / 12.0)
                };
                let rate = (allocation.median_percent() * 100.0).round() / 100.0;
                GoalPlanEntry {
                    name: g.name.clone(),
                    annual_return_percent: rate,
                    allocation,
                    plan: plan_goal(g.target, g.saved, months, rate, None),
                }
            })
            .collect();
        Plans {
            debt_payoff: debt_payoff(profile, facts),
            high_interest_debt: None,
            medium_interest_debt: None,
            goals,
            retirement: retirement(profile, facts),
        }
    }

    /// Adds the payoff plans of the debts at or above the rule pack's high- and medium-interest
    /// APRs (`highInterestAprPercent`, `mediumInterestAprPercent`). The high tier gets everything
    /// free after the match's contribution (the monthly plan's assignment), the medium tier
    /// [`SURPLUS_TO_DEBT`] of the free cash flow.
    pub fn with_debt_tiers(
        mut self,
        profile: &Profile,
        facts: &Facts,
        high_apr: Option<f64>,
        medium_apr: Option<f64>,
    ) -> Plans {
        let free = facts.free_cash_flow_monthly.max(0.0);
        self.high_interest_debt =
            high_apr.and_then(|apr| tier_payoff(profile, apr, None, free - facts.contribution_for_full_match_monthly));
        // The medium tier stops below the high one: the high-interest step pays those debts first.
        self.medium_interest_debt =
            medium_apr.and_then(|apr| tier_payoff(profile, apr, high_apr, free * SURPLUS_TO_DEBT));
        self
    }

    /// Sets the facts that come from the goal plans: goalSavingMonthly and goalsList.
    pub fn add_goal_facts(&self, facts: &mut Facts, currency: &str) {
        let needed = |g: &GoalPlanEntry| g.plan.monthly_saving_needed.unwrap_or(0.0);
        facts.goal_saving_monthly = round_cents(self.goals.iter().map(needed).sum());
        facts.goals_list = self
            .goals
            .iter()
            .map(|g| format!("{}: {} a month", g.name, money(needed(g), currency)))
            .collect::<Vec<_>>()
            .join(", ");
    }
}
