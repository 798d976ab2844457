//! Facts: named, documented numbers derived from the profile, on which rules and advice rest.
//! Their meanings, units and formulas are in [`catalog::FACTS`].

pub mod catalog;
pub mod growth;
pub mod household;
pub mod recurring;
pub mod spending;

use crate::categorize::Category;
use crate::money::{money, round_cents, round_ratio};
use crate::profile::{AccountKind, Profile};
use growth::CategoryGrowth;
use recurring::RecurringCharge;
use serde::Serialize;
use std::collections::BTreeMap;

/// Average length of a Gregorian month in days (365.2425 ÷ 12).
pub const DAYS_PER_MONTH: f64 = 30.436875;

/// Where spending figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum SpendingSource {
    /// From the profile's `expenses`.
    Stated,
    /// Estimated from the transactions.
    Transactions,
}

/// The derived facts of one profile. Money is rounded to cents and ratios to 4 decimals here, at
/// the edge; `None` (JSON null) means "not defined for this profile" (e.g. a ratio over zero).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // documented in catalog::FACTS, the single source of truth
pub struct Facts {
    pub monthly_net_income: f64,
    pub gross_annual_income: f64,
    pub spending_source: SpendingSource,
    pub essential_monthly: f64,
    pub discretionary_monthly: f64,
    pub spending_monthly: f64,
    pub debt_minimums_monthly: f64,
    pub monthly_surplus: f64,
    pub savings_rate: Option<f64>,
    pub liquid_savings: f64,
    pub emergency_fund_months: Option<f64>,
    pub total_debt: f64,
    pub weighted_apr_percent: Option<f64>,
    pub highest_apr_percent: Option<f64>,
    pub debt_to_income: Option<f64>,
    pub total_assets: f64,
    pub invested_assets: f64,
    pub net_worth: f64,
    pub retirement_contribution_monthly: f64,
    pub employer_match_annual: f64,
    pub unclaimed_employer_match_annual: f64,
    pub contribution_for_full_match_monthly: f64,
    pub retirement_saving_rate: Option<f64>,
    pub years_to_retirement: u32,
    pub transaction_count: usize,
    pub transaction_months: Option<f64>,
    pub transaction_inflow_monthly: Option<f64>,
    pub transaction_outflow_monthly: Option<f64>,
    pub spending_by_category_monthly: BTreeMap<&'static str, f64>,
    pub as_of_year: i32,
    pub workplace_contribution_annual: f64,
    pub ira_contribution_annual: f64,
    pub hsa_contribution_annual: f64,
    pub discretionary_share: Option<f64>,
    pub fees_annual: f64,
    pub recurring_charges: Vec<RecurringCharge>,
    pub recurring_annual: f64,
    pub subscription_count: usize,
    pub subscriptions_annual: f64,
    pub subscriptions_list: String,
    pub category_growth: Vec<CategoryGrowth>,
    pub top_growth_category: Option<&'static str>,
    pub top_growth_monthly: Option<f64>,
    pub top_growth_ratio: Option<f64>,
    pub goal_saving_monthly: f64,
    pub goals_list: String,
    pub take_home_saving_monthly: f64,
    pub free_cash_flow_monthly: f64,
    pub workplace_plan_count: usize,
    pub income_count: usize,
    pub pretax_ira_balance: f64,
    pub marginal_tax_rate_percent: f64,
    pub magi_annual: f64,
    pub social_security_monthly: f64,
    pub social_security_claiming_age: u32,
    pub life_or_disability_cover_missing: bool,
    pub health_deductible: f64,
}

/// A ratio, or `None` when the denominator is zero.
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| round_ratio(numerator / denominator))
}

/// Monthly flows derived from the transactions.
struct TransactionFlows {
    months: f64,
    inflow_monthly: f64,
    outflow_monthly: f64,
}

#[inline(never)]
fn transaction_flows(profile: &Profile) -> Option<TransactionFlows> {
    let earliest = profile.transactions.iter().map(|t| t.date).min()?;
    let days = (profile.as_of.days_since_epoch() - earliest.days_since_epoch() + 1) as f64;
    let months = (days / DAYS_PER_MONTH).max(1.0);
    let inflow: f64 = profile.transactions.iter().filter(|t| t.amount > 0.0).map(|t| t.amount).sum();
    let outflow: f64 = profile.transactions.iter().filter(|t| t.amount < 0.0).map(|t| -t.amount).sum();
    Some(TransactionFlows { months, inflow_monthly: inflow / months, outflow_monthly: outflow / months })
}

/// Employer match: (earned at current contributions, unclaimed, extra monthly contribution needed),
/// each plan's match on the salary of the income its employer pays ([`crate::profile::EmployerMatch::salary`]).
fn employer_match(profile: &Profile) -> (f64, f64, f64) {
    let mut earned = 0.0;
    let mut unclaimed = 0.0;
    let mut needed = 0.0;
    for account in &profile.accounts {
        let Some(m) = &account.employer_match else { continue };
        let matched_cap = m.salary(&profile.incomes) * m.up_to_percent_of_salary / 100.0;
        let own = account.contribution_monthly * 12.0;
        let rate = m.match_percent / 100.0;
        earned += own.min(matched_cap) * rate;
        unclaimed += (matched_cap - own).max(0.0) * rate;
        needed += (matched_cap - own).max(0.0) / 12.0;
    }
    (earned, unclaimed, needed)
}

/// Whether an account's contributions are paid from take-home pay: every account but cash (where
/// the surplus lands anyway), 401(k)s and plans with an employer match (paid from payroll).
fn paid_from_take_home(account: &crate::profile::Account) -> bool {
    !account.kind.is_liquid() && account.kind != AccountKind::K401 && account.employer_match.is_none()
}

/// Whether `categories` gives each of the profile's transactions its category (an empty or
/// mismatched list means "not categorized").
fn is_categorized(profile: &Profile, categories: &[Category]) -> bool {
    !categories.is_empty() && categories.len() == profile.transactions.len()
}

impl Facts {
    /// Computes every fact of a validated profile whose transactions are not categorized.
    pub fn compute(profile: &Profile) -> Facts {
        Facts::compute_with_categories(profile, &[])
    }

    /// Computes every fact; `categories[i]` is the category of `profile.transactions[i]` (an
    /// empty or mismatched list means "not categorized": spending is then all essential).
    pub fn compute_with_categories(profile: &Profile, categories: &[Category]) -> Facts {
        let categorized = is_categorized(profile, categories);
        let months = if categorized { spending::by_month(&profile.transactions, categories) } else { Vec::new() };
        Facts::compute_with_months(profile, categories, &months)
    }

    /// [`Facts::compute_with_categories`] given `months`, the [`spending::by_month`] of the same
    /// transactions and categories, for a caller that reports them too (computed once).
    #[inline(never)] // one small function per pass over the transactions: see `Advisor::report`
    pub fn compute_with_months(
        profile: &Profile,
        categories: &[Category],
        months: &[spending::MonthSpending],
    ) -> Facts {
        let net: f64 = profile.incomes.iter().map(|i| i.net_monthly).sum();
        let gross: f64 = profile.incomes.iter().map(|i| i.gross_annual).sum();
        let flows = transaction_flows(profile);
        let categorized = is_categorized(profile, categories);
        let totals = categorized.then(|| spending::totals(&profile.transactions, categories));
        let (source, essential, discretionary) = match (&profile.expenses, &flows, &totals) {
            (Some(e), _, _) => (SpendingSource::Stated, e.essential_monthly, e.discretionary_monthly),
            (None, Some(f), Some(t)) => {
                (SpendingSource::Transactions, t.essential / f.months, t.discretionary / f.months)
            }
            (None, Some(f), None) => (SpendingSource::Transactions, f.outflow_monthly, 0.0),
            (None, None, _) => (SpendingSource::Stated, 0.0, 0.0),
        };
        let spending = essential + discretionary;
        let minimums: f64 = profile.debts.iter().map(|d| d.min_payment).sum();
        let surplus = net - spending - minimums;
        let liquid: f64 = profile.accounts.iter().filter(|a| a.kind.is_liquid()).map(|a| a.balance).sum();
        let total_debt: f64 = profile.debts.iter().map(|d| d.balance).sum();
        let weighted_apr = (total_debt > 0.0)
            .then(|| profile.debts.iter().map(|d| d.balance * d.apr_percent).sum::<f64>() / total_debt);
        let highest_apr = profile
            .debts
            .iter()
            .filter(|d| d.balance > 0.0)
            .map(|d| d.apr_percent)
            .fold(None, |acc: Option<f64>, apr| Some(acc.map_or(apr, |a| a.max(apr))));
        let total_assets: f64 = profile.accounts.iter().map(|a| a.balance).sum();
        let invested: f64 = profile
            .accounts
            .iter()
            .filter(|a| !a.kind.is_liquid() && a.kind != AccountKind::Other)
            .map(|a| a.balance)
            .sum();
        let retirement_contribution: f64 =
            profile.accounts.iter().filter(|a| a.kind.is_retirement()).map(|a| a.contribution_monthly).sum();
        let (match_earned, match_unclaimed, match_needed) = employer_match(profile);
        let take_home_saving: f64 =
            profile.accounts.iter().filter(|a| paid_from_take_home(a)).map(|a| a.contribution_monthly).sum();
        let person = &profile.person;
        let contribution = |kinds: &[AccountKind]| {
            round_cents(
                profile
                    .accounts
                    .iter()
                    .filter(|a| kinds.contains(&a.kind))
                    .map(|a| a.contribution_monthly)
                    .sum::<f64>()
                    * 12.0,
            )
        };
        let recurring =
            if categorized { recurring::find(&profile.transactions, categories, profile.as_of) } else { Vec::new() };
        let subscriptions: Vec<&RecurringCharge> = recurring.iter().filter(|r| r.kind == "subscription").collect();
        let growth = if categorized {
            growth::grown(months, profile.transactions.iter().map(|t| t.date).min(), profile.as_of)
        } else {
            Vec::new()
        };
        let top_growth = growth.first();
        let magi = household::magi_annual(profile);
        let fees_monthly = match (&totals, &flows) {
            (Some(t), Some(f)) => t.by_category.get(&Category::Fees).map_or(0.0, |v| v / f.months),
            _ => 0.0,
        };
        Facts {
            monthly_net_income: round_cents(net),
            gross_annual_income: round_cents(gross),
            spending_source: source,
            essential_monthly: round_cents(essential),
            discretionary_monthly: round_cents(discretionary),
            spending_monthly: round_cents(spending),
            debt_minimums_monthly: round_cents(minimums),
            monthly_surplus: round_cents(surplus),
            savings_rate: ratio(surplus, net),
            liquid_savings: round_cents(liquid),
            emergency_fund_months: ratio(liquid, essential + minimums),
            total_debt: round_cents(total_debt),
            weighted_apr_percent: weighted_apr.map(round_ratio),
            highest_apr_percent: highest_apr,
            debt_to_income: ratio(minimums, gross / 12.0),
            total_assets: round_cents(total_assets),
            invested_assets: round_cents(invested),
            net_worth: round_cents(total_assets - total_debt),
            retirement_contribution_monthly: round_cents(retirement_contribution),
            employer_match_annual: round_cents(match_earned),
            unclaimed_employer_match_annual: round_cents(match_unclaimed),
            contribution_for_full_match_monthly: round_cents(match_needed),
            retirement_saving_rate: ratio(retirement_contribution * 12.0 + match_earned, gross),
            years_to_retirement: person.retirement_age.saturating_sub(person.age),
            transaction_count: profile.transactions.len(),
            transaction_months: flows.as_ref().map(|f| round_ratio(f.months)),
            transaction_inflow_monthly: flows.as_ref().map(|f| round_cents(f.inflow_monthly)),
            transaction_outflow_monthly: flows.as_ref().map(|f| round_cents(f.outflow_monthly)),
            spending_by_category_monthly: match (&totals, &flows) {
                (Some(t), Some(f)) => {
                    t.by_category.iter().map(|(c, v)| (c.as_str(), round_cents(v / f.months))).collect()
                }
                _ => BTreeMap::new(),
            },
            as_of_year: profile.as_of.year(),
            workplace_contribution_annual: contribution(&[AccountKind::K401]),
            ira_contribution_annual: contribution(&[AccountKind::Ira, AccountKind::RothIra]),
            hsa_contribution_annual: contribution(&[AccountKind::Hsa]),
            discretionary_share: ratio(discretionary, net),
            fees_annual: round_cents(fees_monthly * 12.0),
            recurring_annual: round_cents(recurring.iter().map(|r| r.yearly_cost).sum()),
            subscription_count: subscriptions.len(),
            subscriptions_annual: round_cents(subscriptions.iter().map(|r| r.yearly_cost).sum()),
            subscriptions_list: subscriptions
                .iter()
                .map(|r| format!("{} {} {}", r.description, money(r.amount, &profile.currency), r.cadence.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            top_growth_category: top_growth.map(|g| g.category),
            top_growth_monthly: top_growth.map(|g| g.increase_monthly),
            top_growth_ratio: top_growth.and_then(|g| g.increase_ratio),
            category_growth: growth.clone(),
            recurring_charges: recurring.clone(),
            goal_saving_monthly: 0.0,
            goals_list: String::new(),
            take_home_saving_monthly: round_cents(take_home_saving),
            free_cash_flow_monthly: round_cents(surplus - take_home_saving),
            workplace_plan_count: profile
                .accounts
                .iter()
                .filter(|a| a.kind == AccountKind::K401 || a.employer_match.is_some())
                .count(),
            income_count: profile.incomes.len(),
            pretax_ira_balance: round_cents(
                profile.accounts.iter().filter(|a| a.kind == AccountKind::Ira).map(|a| a.balance).sum(),
            ),
            marginal_tax_rate_percent: household::marginal_tax_rate_percent(profile, magi),
            magi_annual: round_cents(magi),
            social_security_monthly: round_cents(household::social_security_monthly(profile)),
            social_security_claiming_age: household::social_security_claiming_age(profile),
            life_or_disability_cover_missing: household::life_or_disability_cover_missing(profile),
            health_deductible: round_cents(household::health_deductible(profile)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_documents_exactly_the_serialized_facts() {
        let profile = Profile::from_json(
            r#"{"asOf":"2026-01-31","currency":"USD","person":{"age":30},"expenses":{"essentialMonthly":1}}"#,
        )
        .unwrap();
        let value = serde_json::to_value(Facts::compute(&profile)).unwrap();
        let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        let mut documented: Vec<&str> = catalog::FACTS.iter().map(|f| f.name).collect();
        keys.sort_unstable();
        documented.sort_unstable();
        assert_eq!(keys, documented);
    }
}
