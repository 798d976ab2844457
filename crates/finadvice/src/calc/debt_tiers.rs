//! Payoff plans of the debts in an APR band (the rule pack's high- and medium-interest lines:
//! 10% and up, and 5% up to 10%, whose higher debts an earlier step pays), so that an action
//! about those debts counts only them: their balance, minimums, balance-weighted APR and the
//! interest an avalanche payoff saves on them against their minimums alone.

use super::payoff::{plan_payoff, PayoffDebt, PayoffRequest, Strategy};
use crate::date::Date;
use crate::money::{round_cents, round_ratio};
use crate::profile::Profile;
use serde::Serialize;

/// The debts in one APR band and their avalanche payoff at a budget of their minimums plus an
/// extra amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct TierPayoff {
    /// The threshold: debts with `aprPercent` at or above it.
    pub apr_at_least: f64,
    /// The band's upper end, exclusive (the medium tier stops below the high-interest threshold);
    /// null for no upper end.
    pub apr_below: Option<f64>,
    /// Their balance.
    pub balance: f64,
    /// Their minimum payments, money/month.
    pub minimums: f64,
    /// Their balance-weighted APR, percent.
    pub apr_percent: f64,
    /// The budget of the payoff below: their minimums plus the extra assumed, money/month.
    pub monthly_budget: f64,
    /// Months until they are paid off (null when no plan exists: a minimum below the interest, …).
    pub months: Option<u32>,
    /// Date of the last payment.
    pub debt_free_date: Option<Date>,
    /// Interest saved on these debts against paying only their minimums.
    pub interest_saved: Option<f64>,
    /// Names in the order extra money goes to them (highest APR first).
    pub order: Vec<String>,
}

/// The payoff of `profile`'s debts whose APR is at least `apr_at_least` and below `apr_below`
/// (when given), paying their minimums plus `extra_monthly`; `None` when no such debt has a
/// balance.
pub fn tier_payoff(
    profile: &Profile,
    apr_at_least: f64,
    apr_below: Option<f64>,
    extra_monthly: f64,
) -> Option<TierPayoff> {
    let mut debts = payoff_debts(profile, apr_at_least);
    debts.retain(|d| apr_below.map_or(true, |below| d.apr_percent < below));
    if debts.is_empty() {
        return None;
    }
    let balance: f64 = debts.iter().map(|d| d.balance).sum();
    let minimums: f64 = debts.iter().map(|d| d.min_payment).sum();
    let apr = debts.iter().map(|d| d.balance * d.apr_percent).sum::<f64>() / balance;
    let budget = round_cents(minimums + extra_monthly.max(0.0));
    let plan = plan_payoff(&PayoffRequest {
        debts: debts.clone(),
        monthly_budget: budget,
        strategy: Strategy::Avalanche,
        extra_payments: Vec::new(),
        as_of: Some(profile.as_of),
    })
    .ok();
    Some(TierPayoff {
        apr_at_least,
        apr_below,
        balance: round_cents(balance),
        minimums: round_cents(minimums),
        apr_percent: round_ratio(apr),
        monthly_budget: budget,
        months: plan.as_ref().map(|p| p.months),
        debt_free_date: plan.as_ref().and_then(|p| p.debt_free_date),
        interest_saved: plan.as_ref().and_then(|p| p.interest_saved),
        order: plan.map(|p| p.order).unwrap_or_else(|| debts.iter().map(|d| d.name.clone()).collect()),
    })
}

/// The profile's debts with a balance and an APR of at least `apr_at_least` percent (0 for all:
/// APRs are never negative), as the payoff calculator takes them.
pub fn payoff_debts(profile: &Profile, apr_at_least: f64) -> Vec<PayoffDebt> {
    profile
        .debts
        .iter()
        .filter(|d| d.balance > 0.0 && d.apr_percent >= apr_at_least)
        .map(|d| PayoffDebt {
            name: d.name.clone(),
            balance: d.balance,
            apr_percent: d.apr_percent,
            min_payment: d.min_payment,
        })
        .collect()
}
