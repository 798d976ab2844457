//! The one place where every fact is documented: name (as in JSON and in rule conditions), unit
//! and formula. A test checks that this list and [`super::Facts`] never drift apart.

use serde::Serialize;

/// Documentation of one fact.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct FactDoc {
    /// The fact's name in the report and in rule conditions (`facts.emergencyFundMonths`).
    pub name: &'static str,
    /// Unit: `money` (the profile's currency), `money/month`, `money/year`, `ratio` (0.15 = 15%),
    /// `percent` (15 = 15%), `months`, `years`, `count`, `boolean` or `text`.
    pub unit: &'static str,
    /// What it means and how it is computed.
    pub meaning: &'static str,
}

/// Every fact of the report, in the order they are serialized.
pub const FACTS: &[FactDoc] = &[
    FactDoc { name: "monthlyNetIncome", unit: "money/month", meaning: "Sum of incomes[].netMonthly: what reaches the bank each month." },
    FactDoc { name: "grossAnnualIncome", unit: "money/year", meaning: "Sum of incomes[].grossAnnual, before tax and payroll deductions." },
    FactDoc { name: "spendingSource", unit: "text", meaning: "\"stated\" when expenses come from the profile's expenses; \"transactions\" when they are estimated from the transactions' outflows." },
    FactDoc { name: "essentialMonthly", unit: "money/month", meaning: "expenses.essentialMonthly; without stated expenses, the categorized transactions' net monthly outflow in housing, utilities, groceries, transport, health, insurance, education and fees." },
    FactDoc { name: "discretionaryMonthly", unit: "money/month", meaning: "expenses.discretionaryMonthly; without stated expenses, the transactions' net monthly outflow in every other spending category, uncategorized rows included (income, transfers and debt payments are not spending)." },
    FactDoc { name: "spendingMonthly", unit: "money/month", meaning: "essentialMonthly + discretionaryMonthly (debt payments excluded)." },
    FactDoc { name: "debtMinimumsMonthly", unit: "money/month", meaning: "Sum of debts[].minPayment." },
    FactDoc { name: "monthlySurplus", unit: "money/month", meaning: "monthlyNetIncome − spendingMonthly − debtMinimumsMonthly; negative when spending exceeds income." },
    FactDoc { name: "savingsRate", unit: "ratio", meaning: "monthlySurplus ÷ monthlyNetIncome; null when there is no net income." },
    FactDoc { name: "liquidSavings", unit: "money", meaning: "Sum of checking and savings balances (an overdraft counts negative)." },
    FactDoc { name: "emergencyFundMonths", unit: "months", meaning: "liquidSavings ÷ (essentialMonthly + debtMinimumsMonthly): how long the must-pay bills are covered without income; null when nothing must be paid." },
    FactDoc { name: "totalDebt", unit: "money", meaning: "Sum of debts[].balance." },
    FactDoc { name: "weightedAprPercent", unit: "percent", meaning: "Balance-weighted average of debts[].aprPercent; null without debt." },
    FactDoc { name: "highestAprPercent", unit: "percent", meaning: "Highest aprPercent among debts with a balance; null without debt." },
    FactDoc { name: "debtToIncome", unit: "ratio", meaning: "debtMinimumsMonthly ÷ (grossAnnualIncome ÷ 12), the lenders' back-end ratio; null without gross income." },
    FactDoc { name: "totalAssets", unit: "money", meaning: "Sum of accounts[].balance." },
    FactDoc { name: "investedAssets", unit: "money", meaning: "Balances of brokerage, 401k, ira, roth_ira, hsa and 529 accounts." },
    FactDoc { name: "netWorth", unit: "money", meaning: "totalAssets − totalDebt." },
    FactDoc { name: "retirementContributionMonthly", unit: "money/month", meaning: "The person's own contributionMonthly to 401k, ira and roth_ira accounts." },
    FactDoc { name: "employerMatchAnnual", unit: "money/year", meaning: "Match earned at current contributions: Σ min(contribution×12, salary×upTo%) × match%, salary being the grossAnnual of the income the employer pays (employerMatch.income; by default the only or the largest income)." },
    FactDoc { name: "unclaimedEmployerMatchAnnual", unit: "money/year", meaning: "Match the employer would add at the full matched contribution, minus employerMatchAnnual: free money left on the table." },
    FactDoc { name: "contributionForFullMatchMonthly", unit: "money/month", meaning: "Extra monthly contribution needed to earn the full match: Σ max(0, salary×upTo% − contribution×12) ÷ 12." },
    FactDoc { name: "retirementSavingRate", unit: "ratio", meaning: "(retirementContributionMonthly × 12 + employerMatchAnnual) ÷ grossAnnualIncome; null without gross income." },
    FactDoc { name: "yearsToRetirement", unit: "years", meaning: "max(0, person.retirementAge − person.age)." },
    FactDoc { name: "transactionCount", unit: "count", meaning: "Number of transactions given." },
    FactDoc { name: "transactionMonths", unit: "months", meaning: "Length of the transactions' window, from the earliest transaction to asOf, in average Gregorian months (30.436875 days), at least 1; null without transactions." },
    FactDoc { name: "transactionInflowMonthly", unit: "money/month", meaning: "Sum of positive amounts ÷ transactionMonths; null without transactions." },
    FactDoc { name: "transactionOutflowMonthly", unit: "money/month", meaning: "Sum of negative amounts (as a positive number) ÷ transactionMonths; null without transactions." },
    FactDoc { name: "spendingByCategoryMonthly", unit: "money/month by category", meaning: "Net outflow (refunds offset purchases) of each spending category over the transactions ÷ transactionMonths, keyed by category id; categories without spending are absent; empty without transactions." },
    FactDoc { name: "asOfYear", unit: "year", meaning: "The calendar year of asOf; the rule pack picks that year's contribution limits." },
    FactDoc { name: "workplaceContributionAnnual", unit: "money/year", meaning: "The person's own contributionMonthly to 401k accounts × 12." },
    FactDoc { name: "iraContributionAnnual", unit: "money/year", meaning: "contributionMonthly to ira and roth_ira accounts × 12." },
    FactDoc { name: "hsaContributionAnnual", unit: "money/year", meaning: "contributionMonthly to hsa accounts × 12." },
    FactDoc { name: "discretionaryShare", unit: "ratio", meaning: "discretionaryMonthly ÷ monthlyNetIncome: the share of take-home pay spent on wants; null without net income." },
    FactDoc { name: "feesAnnual", unit: "money/year", meaning: "Net outflow of the categorized transactions in the fees category (bank, overdraft, ATM, late fees) per month × 12; 0 without transactions." },
    FactDoc { name: "recurringCharges", unit: "list", meaning: "Recurring charges found in the transactions (src/facts/recurring.rs): merchant (the grouping key), description (the latest charge's text), category, kind (subscription in a discretionary category, bill in an essential one), latest amount, cadence (weekly, biweekly, monthly, quarterly, yearly), yearlyCost = amount × charges a year, occurrences, lastDate; largest yearlyCost first. A merchant recurs when every gap between its charges falls in one cadence's window, every amount is within 25% of its median, there are at least 3 charges (2 for quarterly and yearly) and the last is within 1.5 periods of asOf." },
    FactDoc { name: "recurringAnnual", unit: "money/year", meaning: "Sum of recurringCharges[].yearlyCost." },
    FactDoc { name: "subscriptionCount", unit: "count", meaning: "Number of recurringCharges of kind subscription." },
    FactDoc { name: "subscriptionsAnnual", unit: "money/year", meaning: "Sum of the subscriptions' yearlyCost." },
    FactDoc { name: "subscriptionsList", unit: "text", meaning: "The subscriptions as \"description amount cadence\", comma separated, largest yearly cost first; empty when there are none." },
    FactDoc { name: "categoryGrowth", unit: "list", meaning: "Discretionary spending categories whose spending in the latest complete calendar month exceeds the average of the earlier complete months (src/facts/growth.rs): category, earlierMonthly, latestMonthly, increaseMonthly, increaseRatio, month; largest increase first. A month is complete when it ends on or before asOf; a first month not starting on the 1st is left out. Empty with fewer than two complete months." },
    FactDoc { name: "topGrowthCategory", unit: "text", meaning: "The category with the largest increase in categoryGrowth (its first entry); null when none grew." },
    FactDoc { name: "topGrowthMonthly", unit: "money/month", meaning: "That category's increaseMonthly; null when none grew." },
    FactDoc { name: "topGrowthRatio", unit: "ratio", meaning: "That category's increaseRatio; null when none grew or it had no earlier spending." },
    FactDoc { name: "goalSavingMonthly", unit: "money/month", meaning: "Sum over the goals of plans.goals[].monthlySavingNeeded (goals whose date has passed count 0)." },
    FactDoc { name: "goalsList", unit: "text", meaning: "Each goal as \"name: amount a month\" from plans.goals, comma separated; empty without goals." },
    FactDoc { name: "takeHomeSavingMonthly", unit: "money/month", meaning: "contributionMonthly of the accounts paid from take-home pay: every kind but checking and savings (where the surplus lands), 401k and accounts with an employer match (paid from payroll, before take-home pay); an HSA counts here, so a payroll HSA deduction already out of netMonthly should not be entered as a contribution." },
    FactDoc { name: "freeCashFlowMonthly", unit: "money/month", meaning: "monthlySurplus − takeHomeSavingMonthly: what is free each month after spending, minimum payments and the saving already paid from take-home pay; the monthly plan assigns it (docs/MONTHLY-PLAN.md)." },
    FactDoc { name: "workplacePlanCount", unit: "count", meaning: "Number of workplace plans: 401k accounts and accounts with an employer match (each taken to be one person's)." },
    FactDoc { name: "incomeCount", unit: "count", meaning: "Number of incomes; with filing status married_joint, one income means one earner (the spousal IRA applies)." },
    FactDoc { name: "pretaxIraBalance", unit: "money", meaning: "Balances of ira accounts (traditional, rollover, SEP, SIMPLE): the pre-tax IRA money the pro-rata rule of a Roth conversion counts." },
    FactDoc { name: "marginalTaxRatePercent", unit: "percent", meaning: "Federal ordinary-income marginal rate of the household: the bracket of taxable income = magiAnnual − the standard deduction of person.filingStatus, with the brackets and deduction of the year of asOf (2025: IRS Rev. Proc. 2024-40 §2.01 brackets, standard deduction as amended by P.L. 119-21 §70102 and restated in Rev. Proc. 2025-32 §3.01; 2026: Rev. Proc. 2025-32 §4.01 and §4.14; src/tax.rs); 0 when nothing is taxable. An estimate: no itemizing, credits, age-65 deduction or capital-gains rates." },
    FactDoc { name: "magiAnnual", unit: "money/year", meaning: "Estimated modified AGI: grossAnnualIncome − the person's own contributions to workplace plans (401k accounts, other accounts with an employer match) and HSAs, × 12; never negative. Traditional IRA contributions are not subtracted (Roth MAGI adds their deduction back)." },
    FactDoc { name: "socialSecurityMonthly", unit: "money/month", meaning: "Social Security retirement benefit at socialSecurityClaimingAge, today's money: person.socialSecurity.monthlyAtClaiming when given; otherwise SSA's PIA formula with the bend points of the year of asOf on today's gross income (capped at the taxable maximum), assumed earned every year from age 22 to person.retirementAge (at most 35 years), adjusted for the claiming age (src/social_security.rs). Married filing jointly: each income is one spouse's record, summed; spousal benefits not added." },
    FactDoc { name: "socialSecurityClaimingAge", unit: "years", meaning: "person.socialSecurity.claimingAge when given, otherwise person.retirementAge within 62–70." },
    FactDoc { name: "lifeOrDisabilityCoverMissing", unit: "boolean", meaning: "true when person.dependents > 0, some income is earned, and the profile shows no life cover (insurance.lifeCoverage absent or 0) or no disability cover (insurance.disability absent or false)." },
    FactDoc { name: "healthDeductible", unit: "money", meaning: "insurance.healthDeductible (the health plan's yearly deductible); 0 when not stated. The full emergency fund's target adds it." },
];
