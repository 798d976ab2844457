//! The person's finances as the engine receives them, and their validation.
//!
//! JSON field names are camelCase. Money is in major units of `currency` (dollars, euros) as
//! `f64`; see `docs/NUMBERS.md` for where it is rounded and where it is exact.

mod currency;
mod parse;

pub use currency::is_iso_4217;

use crate::date::Date;
use crate::error::Errors;
use crate::input::Input;
use serde::{Deserialize, Serialize};

/// Everything the person tells the engine. Build it with [`Profile::from_json`] or
/// [`Profile::from_input`], which validate every field and report every problem at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    /// The day the numbers describe ("today" for the engine; it never reads a clock).
    pub as_of: Date,
    /// ISO 4217 code of every amount in the profile.
    pub currency: String,
    /// Who the person is.
    pub person: Person,
    /// Sources of income.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<Vec<Income>>"))]
    pub incomes: Vec<Income>,
    /// Monthly spending, when the person states it (optional if transactions are given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub expenses: Option<Expenses>,
    /// Bank, investment and retirement accounts.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<Vec<Account>>"))]
    pub accounts: Vec<Account>,
    /// Debts.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<Vec<Debt>>"))]
    pub debts: Vec<Debt>,
    /// Savings goals.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<Vec<Goal>>"))]
    pub goals: Vec<Goal>,
    /// Life, disability and health cover, when the person states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub insurance: Option<Insurance>,
    /// Bank transactions, negative amounts being money out.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<Vec<Transaction>>"))]
    pub transactions: Vec<Transaction>,
}

/// The person, as far as advice depends on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    /// Age in whole years.
    pub age: u32,
    /// People who depend on this income (children, a partner without income…).
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<u32>"))]
    pub dependents: u32,
    /// Age at which the person plans to retire.
    #[serde(default = "default_retirement_age")]
    #[cfg_attr(test, ts(optional, as = "Option<u32>"))]
    pub retirement_age: u32,
    /// Whether income is steady (salary) or varies (gig work, commission).
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<IncomeStability>"))]
    pub income_stability: IncomeStability,
    /// Tax filing status; it decides the tax brackets, the standard deduction and which Roth IRA
    /// income limits apply.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<FilingStatus>"))]
    pub filing_status: FilingStatus,
    /// Coverage by an HSA-eligible high-deductible health plan, which decides the HSA limit.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<HsaCoverage>"))]
    pub hsa_coverage: HsaCoverage,
    /// The spouse's age in whole years, for a married person: with `married_joint` it gives the
    /// spouse's IRA (the spousal IRA included) its catch-up from 50, a second workplace plan the
    /// spouse's catch-up (from 50, larger at 60–63), and a family HSA the spouse's catch-up from 55.
    /// Not allowed with `filingStatus` `single`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub spouse_age: Option<u32>,
    /// The person's own Social Security estimate (from their SSA statement); without it the
    /// engine estimates the benefit from the incomes (src/social_security.rs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub social_security: Option<SocialSecurity>,
}

/// A Social Security retirement benefit the person states, e.g. from their statement at
/// ssa.gov/myaccount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SocialSecurity {
    /// The monthly benefit at `claimingAge`, in today's money.
    pub monthly_at_claiming: f64,
    /// The age at which the person plans to claim (62–70); by default the retirement age, at
    /// least 62 and at most 70.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub claiming_age: Option<u32>,
}

/// US federal tax filing status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum FilingStatus {
    /// Single (unmarried, not head of household).
    #[default]
    Single,
    /// Married filing jointly (or a qualifying surviving spouse).
    MarriedJoint,
    /// Married filing separately.
    MarriedSeparate,
    /// Head of household (unmarried, paying more than half the cost of a home for a qualifying
    /// person).
    HeadOfHousehold,
}

impl FilingStatus {
    /// Every status with its JSON name.
    pub const ALL: [(FilingStatus, &'static str); 4] = [
        (FilingStatus::Single, "single"),
        (FilingStatus::MarriedJoint, "married_joint"),
        (FilingStatus::MarriedSeparate, "married_separate"),
        (FilingStatus::HeadOfHousehold, "head_of_household"),
    ];
}

/// Whether the person is covered by an HSA-eligible (high-deductible) health plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum HsaCoverage {
    /// Not covered, or not known: no HSA advice.
    #[default]
    None,
    /// Self-only coverage.
    #[serde(rename = "self")]
    SelfOnly,
    /// Family coverage.
    Family,
}

/// Default retirement age when the person does not give one (US full retirement age for people
/// born 1960 or later, Social Security Administration).
pub const DEFAULT_RETIREMENT_AGE: u32 = 67;

fn default_retirement_age() -> u32 {
    DEFAULT_RETIREMENT_AGE
}

/// Steadiness of income; variable income calls for a larger emergency fund.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum IncomeStability {
    /// A salary or other predictable income.
    #[default]
    Stable,
    /// Income that changes month to month.
    Variable,
}

/// One source of income.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Income {
    /// A unique name ("Salary", "Freelance").
    pub name: String,
    /// Yearly income before tax and payroll deductions.
    pub gross_annual: f64,
    /// What reaches the bank account each month, after tax and payroll deductions.
    pub net_monthly: f64,
}

/// Stated monthly spending, split the way advice needs it. Debt payments are not included; they
/// come from `debts[].minPayment`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expenses {
    /// Spending that cannot be skipped: housing, utilities, groceries, insurance, transport to work.
    pub essential_monthly: f64,
    /// Spending that could be cut: dining, entertainment, shopping, travel.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<f64>"))]
    pub discretionary_monthly: f64,
}

/// The kind of an account; it decides whether the money is liquid, invested or tax-advantaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub enum AccountKind {
    /// Everyday bank account (liquid).
    #[serde(rename = "checking")]
    Checking,
    /// Savings or money-market account (liquid).
    #[serde(rename = "savings")]
    Savings,
    /// Taxable investment account.
    #[serde(rename = "brokerage")]
    Brokerage,
    /// Employer retirement plan (401(k), 403(b), 457(b)).
    #[serde(rename = "401k")]
    K401,
    /// Traditional individual retirement account.
    #[serde(rename = "ira")]
    Ira,
    /// Roth individual retirement account.
    #[serde(rename = "roth_ira")]
    RothIra,
    /// Health savings account.
    #[serde(rename = "hsa")]
    Hsa,
    /// 529 education savings plan.
    #[serde(rename = "529")]
    Plan529,
    /// Anything else the person counts as an asset.
    #[serde(rename = "other")]
    Other,
}

impl AccountKind {
    /// Every kind with its JSON name, in the order of the documentation.
    pub const ALL: [(AccountKind, &'static str); 9] = [
        (AccountKind::Checking, "checking"),
        (AccountKind::Savings, "savings"),
        (AccountKind::Brokerage, "brokerage"),
        (AccountKind::K401, "401k"),
        (AccountKind::Ira, "ira"),
        (AccountKind::RothIra, "roth_ira"),
        (AccountKind::Hsa, "hsa"),
        (AccountKind::Plan529, "529"),
        (AccountKind::Other, "other"),
    ];

    /// Cash that can be used in an emergency without penalty or market risk.
    pub fn is_liquid(self) -> bool {
        matches!(self, AccountKind::Checking | AccountKind::Savings)
    }

    /// Retirement accounts whose contributions count toward the retirement saving rate.
    pub fn is_retirement(self) -> bool {
        matches!(self, AccountKind::K401 | AccountKind::Ira | AccountKind::RothIra)
    }

    /// Accounts that can carry an employer match.
    pub fn can_have_match(self) -> bool {
        matches!(self, AccountKind::K401 | AccountKind::Other)
    }
}

/// An account and what flows into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Account {
    /// A unique name.
    pub name: String,
    /// What kind of account it is.
    pub kind: AccountKind,
    /// Current balance (only a checking account may be overdrawn, i.e. negative).
    pub balance: f64,
    /// What the person puts in each month (for a 401k: their own payroll contribution).
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<f64>"))]
    pub contribution_monthly: f64,
    /// The employer's match formula, for a workplace plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub employer_match: Option<EmployerMatch>,
}

/// "The employer adds `matchPercent`% of what you contribute, on contributions up to
/// `upToPercentOfSalary`% of your salary" (e.g. 50% up to 6%). The salary is the `grossAnnual` of
/// the income the employer pays (`income`), never a household's total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmployerMatch {
    /// Share of the person's contribution the employer adds, in percent (50 = half, 100 = all).
    pub match_percent: f64,
    /// Contributions are matched up to this share of gross salary, in percent.
    pub up_to_percent_of_salary: f64,
    /// The name of the income (in `incomes`) paid by the employer offering this plan: its
    /// `grossAnnual` is the salary the match is computed on. Without it, the profile's only
    /// income, or with several the largest (an employer matches its own salary, not a partner's
    /// or a side job's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub income: Option<String>,
}

impl EmployerMatch {
    /// The gross annual salary this match applies to among `incomes` (see [`EmployerMatch::income`];
    /// 0 without incomes). Names compare as the profile's uniqueness check does: trimmed, any case.
    pub fn salary(&self, incomes: &[Income]) -> f64 {
        match &self.income {
            Some(name) => incomes.iter().find(|i| same_name(&i.name, name)).map_or(0.0, |i| i.gross_annual),
            None => incomes.iter().map(|i| i.gross_annual).fold(0.0, f64::max),
        }
    }
}

/// An item name as names are compared (trimmed, ignoring case): two items of a list may not share
/// one, and a reference to an item by name finds it through it.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether two item names are the same name ([`name_key`]).
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// The kind of a debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum DebtKind {
    /// Credit card balance.
    CreditCard,
    /// Student loan.
    StudentLoan,
    /// Car loan.
    AutoLoan,
    /// Home mortgage.
    Mortgage,
    /// Unsecured personal loan.
    PersonalLoan,
    /// Medical bill or medical debt.
    Medical,
    /// Anything else.
    Other,
}

impl DebtKind {
    /// Every kind with its JSON name.
    pub const ALL: [(DebtKind, &'static str); 7] = [
        (DebtKind::CreditCard, "credit_card"),
        (DebtKind::StudentLoan, "student_loan"),
        (DebtKind::AutoLoan, "auto_loan"),
        (DebtKind::Mortgage, "mortgage"),
        (DebtKind::PersonalLoan, "personal_loan"),
        (DebtKind::Medical, "medical"),
        (DebtKind::Other, "other"),
    ];
}

/// A debt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Debt {
    /// A unique name.
    pub name: String,
    /// What kind of debt it is.
    pub kind: DebtKind,
    /// What is owed today.
    pub balance: f64,
    /// Annual percentage rate, in percent (24.99 for 24.99%).
    pub apr_percent: f64,
    /// The required monthly payment.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<f64>"))]
    pub min_payment: f64,
}

/// A savings goal ("House down payment: 60,000 by 2030-06-01").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    /// A unique name.
    pub name: String,
    /// Amount needed.
    pub target: f64,
    /// When it is needed (after `asOf`).
    pub target_date: Date,
    /// Already set aside for it.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<f64>"))]
    pub saved: f64,
}

/// The person's insurance, as far as advice depends on it. A field left out is "not stated".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Insurance {
    /// Life insurance death benefit on the person's life (term, group or permanent; 0 = none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub life_coverage: Option<f64>,
    /// Whether the person has long-term disability insurance (through work or their own policy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub disability: Option<bool>,
    /// The health plan's yearly deductible (the family deductible with family coverage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub health_deductible: Option<f64>,
}

/// One bank-statement line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Transaction {
    /// Booking date (not after `asOf`).
    pub date: Date,
    /// The raw statement text ("SQ *BLUE BOTTLE 0412 OAKLAND CA").
    pub description: String,
    /// Signed amount: negative is money out, positive is money in.
    pub amount: f64,
    /// Name of the account it belongs to, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub account: Option<String>,
    /// The bank's own category for it, as the export wrote it ("Food & Drink", "EATING_OUT"):
    /// evidence for the categorizer (`importStatements` keeps it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub bank_category: Option<String>,
    /// Its merchant category code (ISO 18245, 4 digits, e.g. "5411"; OFX `SIC`): evidence for the
    /// categorizer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub mcc: Option<String>,
}

impl Profile {
    /// Parses and validates a profile from JSON text, reporting every problem.
    pub fn from_json(text: &str) -> Result<Profile, Errors> {
        let input = Input::from_json(text)?;
        Profile::from_input(&input)
    }

    /// Validates an already-parsed value and builds the profile, reporting every problem.
    pub fn from_input(input: &Input) -> Result<Profile, Errors> {
        parse::parse_profile(input)
    }

    /// Checks a profile built in Rust by the same rules as JSON input (NaN, ranges, duplicates…).
    pub fn validate(&self) -> Result<(), Errors> {
        let input = Input::from_serialize(self)?;
        Profile::from_input(&input).map(|_| ())
    }
}
