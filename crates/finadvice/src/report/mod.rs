//! Orchestration: profile → facts → plans → rules → monthly plan → report.

pub mod json;
pub mod monthly_plan;

use crate::categorize::lines::read_lines;
use crate::categorize::memory::MemoryExport;
use crate::categorize::model::ModelInfo;
use crate::categorize::{
    categorize, categorize_with_evidence, decide, CategorizedLine, Categorizer, Category, Decision, EvidenceRow,
    MerchantMemory,
};
use crate::date::Date;
use crate::error::Errors;
use crate::facts::spending::{by_month, MonthSpending};
use crate::facts::Facts;
use crate::input::Input;
use crate::plans::Plans;
use crate::profile::{Profile, Transaction};
use crate::rules::{evaluate_pack, Fired, Impact, NotFired, RulePack, TraceStep};
use monthly_plan::{MonthlyPlan, StepNeed};
use serde::Serialize;
use serde_json::Value;
use std::sync::OnceLock;

/// What an [`Advisor`] is built with. Everything is optional; the defaults ship in the crate.
#[derive(Debug, Clone, Default)]
pub struct AdvisorOptions {
    /// A replacement ONNX categorization model (the file's bytes); it must follow the contract
    /// documented in [`crate::categorize::model`].
    pub model: Option<Vec<u8>>,
    /// A merchant memory saved earlier with [`Advisor::export_memory`].
    pub memory: Option<MerchantMemory>,
    /// A replacement rule pack, already validated ([`RulePack::from_json`]); the default is
    /// `rules/us-default.json`.
    pub rule_pack: Option<RulePack>,
    /// List the rules that did not fire, and why, in [`Report::not_fired`].
    pub explain: bool,
}

/// The engine, loaded once and used for many profiles.
#[derive(Debug)]
pub struct Advisor {
    categorizer: Categorizer,
    memory: MerchantMemory,
    rules: RulePack,
    explain: bool,
}

/// A transaction of the profile with its category, as the report lists it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct ReportTransaction {
    /// Booking date.
    pub date: Date,
    /// Description, amount, category, confidence and source.
    #[cfg_attr(test, ts(flatten))]
    pub line: CategorizedLine,
}

/// The date and the line's fields side by side in one object, written as a plain struct: a
/// report lists thousands of these, and serde's `flatten` would go through a map serializer of
/// unknown length for each.
impl Serialize for ReportTransaction {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let line = &self.line;
        let mut out = serializer.serialize_struct("ReportTransaction", 6)?;
        out.serialize_field("date", &self.date)?;
        out.serialize_field("description", &line.description)?;
        out.serialize_field("amount", &line.amount)?;
        out.serialize_field("category", &line.category)?;
        out.serialize_field("confidence", &line.confidence)?;
        out.serialize_field("source", &line.source)?;
        out.end()
    }
}

/// One recommended action, produced by a rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Stable identifier of the action: `packId/ruleId`.
    pub id: String,
    /// The id of the rule that produced it.
    pub rule: String,
    /// Plain-language title.
    pub title: String,
    /// Explanation with the person's own numbers.
    pub detail: String,
    /// Category (`cash_flow`, `emergency_fund`, `debt`, `retirement`, …).
    pub category: String,
    /// The rule's priority; actions are ranked by it.
    pub priority: f64,
    /// What the action is worth, when the rule names a figure.
    pub impact: Option<Impact>,
    /// The comparisons that made the rule fire (`facts.emergencyFundMonths 1.4 < 3`).
    pub trace: Vec<TraceStep>,
    /// Its share of this month's free money in the monthly plan, money/month; null for an
    /// action that takes no monthly money (a spending insight, cash moved once, a tax to plan for).
    pub monthly: Option<f64>,
    /// Ids of the pack's sources the rule rests on.
    pub sources: Vec<String>,
    /// For an action of [`Report::later`]: the ids of the actions it waits for; absent for an
    /// action to take now.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub waits_for: Vec<String>,
}

/// Identity of the rule pack used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct RulePackInfo {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// `sha256:` digest of the pack's content.
    pub hash: String,
}

/// Versions of everything that shaped a report, so a report can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Versions {
    /// Version of the finadvice engine (the crate).
    pub engine: &'static str,
    /// The categorization model used: default or custom, its SHA-256 and size.
    pub model: ModelInfo,
    /// The rule pack that produced the actions.
    pub rule_pack: RulePackInfo,
}

/// What every report says about itself.
pub const DISCLAIMER: &str = "Educational information computed from the numbers you entered, not financial, tax, legal or investment advice from a licensed professional. Figures rest on stated assumptions (returns, inflation, tax treatment) that may not hold for you; no security is recommended.";

/// The category of rules that report a step already done: their results go to
/// [`Report::doing_well`], not to the actions.
pub const DOING_WELL: &str = "doing_well";

/// Serializes the report's transactions as the derived code would (`Vec`'s `Serialize` is
/// `collect_seq`), in a function of its own. Inlined, the loop over thousands of rows made the
/// wasm `advise` export one 37 KB function hot enough for V8 to recompile it whole with its
/// optimizing compiler (~100 ms of a background thread) during the first advise, competing with
/// it for the machine's cores; a small hot function is cheap to optimize.
#[inline(never)]
fn serialize_transactions<S: serde::Serializer>(
    transactions: &[ReportTransaction],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(transactions)
}

/// The result of one `advise` call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Derived facts about the person's finances.
    pub facts: Facts,
    /// Ranked actions, highest priority first.
    pub actions: Vec<Action>,
    /// Steps already done ("what you are doing well"): rules of category `doing_well`.
    pub doing_well: Vec<Action>,
    /// Actions that apply but come after an earlier step (a rule whose `after` names one that
    /// fired, or that waits itself), ranked; each names what it waits for. The monthly plan gives
    /// them money once those steps complete; their `monthly` is null (nothing this month).
    pub later: Vec<Action>,
    /// The report is educational information, not regulated advice ([`DISCLAIMER`]).
    pub disclaimer: &'static str,
    /// The profile's transactions, in input order, each with its category.
    #[serde(serialize_with = "serialize_transactions")]
    pub transactions: Vec<ReportTransaction>,
    /// Spending per calendar month and category, from the categorized transactions.
    pub spending_by_month: Vec<MonthSpending>,
    /// Rules that did not fire and why; present only with the `explain` option.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub not_fired: Option<Vec<NotFired>>,
    /// Where the month's free money goes: each step's share, when it completes and where its
    /// money goes next (docs/MONTHLY-PLAN.md).
    pub monthly_plan: MonthlyPlan,
    /// The calculators' plans for the profile: debt payoff, goals, retirement
    /// (`src/plans.rs` documents the default assumptions).
    pub plans: Plans,
    /// Versions of the engine, model and rule pack.
    pub versions: Versions,
}

impl Advisor {
    /// Builds an advisor: loads the shipped model (or the custom one, checked against the
    /// contract), the person's merchant memory and the rule pack if given.
    pub fn new(options: AdvisorOptions) -> Result<Advisor, Errors> {
        let categorizer = match options.model {
            Some(bytes) => Categorizer::custom(&bytes)?,
            None => Categorizer::default_model()?,
        };
        let rules = match options.rule_pack {
            Some(pack) => pack,
            None => default_rules()?,
        };
        Ok(Advisor { categorizer, memory: options.memory.unwrap_or_default(), rules, explain: options.explain })
    }

    /// Categorizes statement lines (description, signed amount), in order: the person's
    /// corrections first, the model for the rest (one batched run).
    pub fn categorize(&self, rows: &[(&str, f64)]) -> Result<Vec<CategorizedLine>, Errors> {
        Ok(categorize(&self.categorizer, &self.memory, rows)?)
    }

    /// Categorizes rows with the bank's category or MCC where they have one (the model's
    /// probabilities combined with that evidence; the person's corrections still come first).
    pub fn categorize_with_evidence(&self, rows: &[EvidenceRow]) -> Result<Vec<CategorizedLine>, Errors> {
        Ok(categorize_with_evidence(&self.categorizer, &self.memory, &self.memory.bank_memory(), rows)?)
    }

    /// Categorizes `[{description, amount}]` given as an input value (other fields are ignored).
    pub fn categorize_input(&self, input: &Input) -> Result<Vec<CategorizedLine>, Errors> {
        let lines = read_lines(input)?;
        let rows: Vec<(&str, f64)> = lines.iter().map(|l| (l.description.as_str(), l.amount)).collect();
        self.categorize(&rows)
    }

    /// [`Advisor::categorize`] of rows given as columns (the JavaScript binding's packed rows):
    /// the same checks as [`Advisor::categorize_input`] (every bad row reported with its JSON
    /// pointer), and one [`Decision`] per row instead of a copy of each row.
    pub fn decide(&self, rows: &[(&str, f64)]) -> Result<Vec<Decision>, Errors> {
        let fine = rows.len() <= crate::limits::MAX_TRANSACTIONS
            && rows.iter().all(|(description, amount)| crate::categorize::lines::is_valid(description, *amount));
        if !fine {
            read_lines(&crate::categorize::lines::rows_input(rows))?;
        }
        Ok(decide(&self.categorizer, &self.memory, rows)?)
    }

    /// Records the person's correction: this description's merchant belongs in `category` (a
    /// category id); `bank_category`, the bank's label of the corrected row when it had one, also
    /// teaches how this person's bank categories map to ours. Returns the merchant key it is
    /// remembered under.
    pub fn learn(&mut self, description: &str, category: &str, bank_category: Option<&str>) -> Result<String, Errors> {
        self.memory.learn(description, category, bank_category)
    }

    /// The merchant memory, for the page to save and give back in [`AdvisorOptions::memory`].
    pub fn export_memory(&self) -> MemoryExport {
        self.memory.export()
    }

    /// The model in use.
    pub fn model_info(&self) -> &ModelInfo {
        self.categorizer.info()
    }

    /// Advice for a profile built in Rust; it is validated by the same rules as JSON input.
    pub fn advise(&self, profile: &Profile) -> Result<Report, Errors> {
        profile.validate()?;
        self.report(profile)
    }

    /// Advice for a profile given as JSON text.
    pub fn advise_json(&self, text: &str) -> Result<Report, Errors> {
        let profile = Profile::from_json(text)?;
        self.report(&profile)
    }

    /// Advice for an already-parsed input value (the path JavaScript objects take).
    pub fn advise_input(&self, input: &Input) -> Result<Report, Errors> {
        let profile = Profile::from_input(input)?;
        self.report(&profile)
    }

    /// The rule pack this advisor evaluates.
    pub fn rule_pack(&self) -> &RulePack {
        &self.rules
    }

    /// The report of a validated profile. Each pass over the transactions is a function of its
    /// own (`#[inline(never)]` here and on the facts' passes): V8 recompiles a function with its
    /// optimizing compiler once its loops have run long enough, and that costs time in proportion
    /// to the whole function: with every pass inlined, one function of ~18 KB is recompiled whole
    /// during a page's first `advise` (80–90 ms of CPU on a background thread that competes with
    /// the page; benches/RESULTS.md, history: "first advise").
    fn report(&self, profile: &Profile) -> Result<Report, Errors> {
        let rows = statement_rows(&profile.transactions);
        let lines = self.categorize_with_evidence(&rows)?;
        let categories = line_categories(&lines);
        let spending_by_month = by_month(&profile.transactions, &categories);
        let mut facts = Facts::compute_with_months(profile, &categories, &spending_by_month);
        let constant = |name: &str| self.rules.constants.iter().find(|c| c.name == name).and_then(|c| c.value.as_f64());
        let plans = Plans::compute(profile, &facts).with_debt_tiers(
            profile,
            &facts,
            constant("highInterestAprPercent"),
            constant("mediumInterestAprPercent"),
        );
        plans.add_goal_facts(&mut facts, &profile.currency);
        let data = evaluation_data(&facts, &plans, profile, &self.rules);
        let outcome = evaluate_pack(&self.rules, &data, &profile.currency, self.explain)?;
        let pack = &self.rules;
        let action_id = |rule: usize| format!("{}/{}", pack.id, pack.rules[rule].id);
        // Steps in rank order, the waiting ones among them by priority (the sort is stable, so
        // the fired ones keep their rank and come first at equal priority).
        let mut ranked: Vec<(&Fired, &[usize])> = outcome
            .fired
            .iter()
            .map(|f| (f, &[][..]))
            .chain(outcome.waiting.iter().map(|w| (&w.rule, &w.after[..])))
            .filter(|(f, _)| pack.rules[f.rule].category != DOING_WELL)
            .collect();
        ranked.sort_by(|a, b| pack.rules[b.0.rule].priority.total_cmp(&pack.rules[a.0.rule].priority));
        let needs: Vec<StepNeed> = ranked
            .iter()
            .flat_map(|(f, after)| {
                let after: Vec<String> = after.iter().map(|&j| action_id(j)).collect();
                StepNeed::from_values(&action_id(f.rule), &pack.rules[f.rule].id, &f.values)
                    .into_iter()
                    .map(move |need| StepNeed { after: after.clone(), ..need })
            })
            .collect();
        let monthly_plan = monthly_plan::plan(&needs, facts.free_cash_flow_monthly, profile.as_of, &profile.currency);
        let action = |f: Fired, after: &[usize]| {
            let rule = &pack.rules[f.rule];
            Action {
                monthly: None,
                id: action_id(f.rule),
                rule: rule.id.clone(),
                title: f.title,
                detail: f.detail,
                category: rule.category.clone(),
                priority: rule.priority,
                impact: f.impact,
                trace: f.trace,
                sources: rule.sources.clone(),
                waits_for: after.iter().map(|&j| action_id(j)).collect(),
            }
        };
        let later: Vec<Action> = outcome.waiting.into_iter().map(|w| action(w.rule, &w.after)).collect();
        let (doing_well, mut actions): (Vec<Action>, Vec<Action>) =
            outcome.fired.into_iter().map(|f| action(f, &[])).partition(|a: &Action| a.category == DOING_WELL);
        share_actions(&mut actions, &monthly_plan, &profile.currency);
        Ok(Report {
            monthly_plan,
            facts,
            actions,
            doing_well,
            later,
            disclaimer: DISCLAIMER,
            plans,
            not_fired: self.explain.then_some(outcome.not_fired),
            spending_by_month,
            transactions: report_transactions(&profile.transactions, lines),
            versions: Versions {
                engine: crate::VERSION,
                model: self.categorizer.info().clone(),
                rule_pack: RulePackInfo { id: pack.id.clone(), version: pack.version.clone(), hash: pack.hash.clone() },
            },
        })
    }
}

/// Gives each action its monthly share from the plan (the sum of its steps); an impact on `values.planMonthly` (what the
/// step asks for, e.g. "everything left") becomes what the plan gives it.
fn share_actions(actions: &mut [Action], plan: &MonthlyPlan, currency: &str) {
    for action in actions {
        let mut steps = plan.steps.iter().filter(|s| s.action_id == action.id).peekable();
        if steps.peek().is_none() {
            continue;
        }
        // An action with one step per item (its goals) gets the sum of its steps.
        let monthly = crate::money::round_cents(steps.map(|s| s.monthly).sum());
        action.monthly = Some(monthly);
        if let Some(impact) = action.impact.as_mut().filter(|i| i.path == "values.planMonthly") {
            impact.value = Some(monthly);
            impact.unit = Some("money/month".to_string());
            impact.text = crate::rules::impact_text(impact.value, impact.unit.as_deref(), currency);
        }
    }
}

/// The rows the categorizer reads: description, amount and the bank's evidence.
#[inline(never)]
fn statement_rows(transactions: &[Transaction]) -> Vec<EvidenceRow<'_>> {
    transactions
        .iter()
        .map(|t| EvidenceRow {
            description: &t.description,
            amount: t.amount,
            bank_category: t.bank_category.as_deref(),
            mcc: t.mcc.as_deref(),
        })
        .collect()
}

/// The category of each categorized line, in order.
#[inline(never)]
fn line_categories(lines: &[CategorizedLine]) -> Vec<Category> {
    lines.iter().map(|l| l.category).collect()
}

/// The report's transactions: each date with its categorized line.
#[inline(never)]
fn report_transactions(transactions: &[Transaction], lines: Vec<CategorizedLine>) -> Vec<ReportTransaction> {
    transactions.iter().zip(lines).map(|(t, line)| ReportTransaction { date: t.date, line }).collect()
}

/// The default rule pack, read and validated once per process (or page) and copied into each
/// advisor.
static PACK: OnceLock<RulePack> = OnceLock::new();

fn default_rules() -> Result<RulePack, Errors> {
    if let Some(pack) = PACK.get() {
        return Ok(pack.clone());
    }
    let pack = RulePack::us_default()?;
    Ok(PACK.get_or_init(|| pack).clone())
}

/// Prepares what every `Advisor::new` without a custom model or rule pack shares: the default
/// model's plan and the default rule pack (each once per process or page). Deterministic and
/// free of any input: the npm package's build calls it through the wasm export
/// `__finadvicePrepareDefaults` and ships the module's memory afterwards as its initial memory
/// (`scripts/snapshot.mjs`), so a page's first `new Advisor()` finds both already prepared.
pub fn prepare_defaults() -> Result<(), Errors> {
    // One row through the plan as well: what tract builds lazily on a plan's first run is then
    // part of the snapshot too. The row's result is not kept.
    Categorizer::default_model()?.predict(&[("SQ *CAFE 0412 OAKLAND CA", -6.75)])?;
    default_rules()?;
    Ok(())
}

/// The bytes [`prepare_defaults`] reads only to build what it prepares: the default rule pack's
/// JSON text. Once the pack is prepared nothing reads them again (the pack is built from them only
/// while [`defaults_prepared`] is false), so a snapshot of the prepared state may leave them out
/// (`scripts/snapshot.mjs`).
pub fn prepared_sources() -> &'static [u8] {
    crate::rules::pack::US_DEFAULT_PACK.as_bytes()
}

/// Whether [`prepare_defaults`]'s work is already done in this process (or module instance):
/// true in a fresh instance of the snapshotted npm package, before any advisor exists.
pub fn defaults_prepared() -> bool {
    PACK.get().is_some() && Categorizer::default_model_loaded()
}

/// The profile as JSON without its transactions, serialized field by field so that thousands of
/// transactions are not serialized only to be dropped.
fn profile_without_transactions(profile: &Profile) -> Value {
    let json = |v: Result<Value, serde_json::Error>| v.unwrap_or(Value::Null);
    let mut map = serde_json::Map::new();
    map.insert("asOf".to_string(), json(serde_json::to_value(profile.as_of)));
    map.insert("currency".to_string(), Value::String(profile.currency.clone()));
    map.insert("person".to_string(), json(serde_json::to_value(&profile.person)));
    map.insert("incomes".to_string(), json(serde_json::to_value(&profile.incomes)));
    if let Some(expenses) = &profile.expenses {
        map.insert("expenses".to_string(), json(serde_json::to_value(expenses)));
    }
    map.insert("accounts".to_string(), json(serde_json::to_value(&profile.accounts)));
    map.insert("debts".to_string(), json(serde_json::to_value(&profile.debts)));
    map.insert("goals".to_string(), json(serde_json::to_value(&profile.goals)));
    if let Some(insurance) = &profile.insurance {
        map.insert("insurance".to_string(), json(serde_json::to_value(insurance)));
    }
    Value::Object(map)
}

/// The object rules read: `{facts, profile, plans}` (the constants are the pack's own). The
/// profile is given without its transactions (rules read their totals through facts); `plans` is
/// the report's plans (`plans.debtPayoff.avalanche.interestSaved`, …; docs/PLANS.md). Only the
/// roots the pack reads are built.
pub fn evaluation_data(facts: &Facts, plans: &Plans, profile: &Profile, pack: &RulePack) -> Value {
    let mut data = serde_json::Map::new();
    if pack.reads_root("facts") {
        data.insert("facts".to_string(), serde_json::to_value(facts).unwrap_or(Value::Null));
    }
    if pack.reads_root("profile") {
        data.insert("profile".to_string(), profile_without_transactions(profile));
    }
    if pack.reads_root("plans") {
        data.insert("plans".to_string(), serde_json::to_value(plans).unwrap_or(Value::Null));
    }
    Value::Object(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_defaults_prepares_what_a_default_advisor_shares() {
        prepare_defaults().unwrap();
        assert!(defaults_prepared());
        prepare_defaults().unwrap();
        let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
        assert_eq!(advisor.model_info().source, "default");
        assert_eq!(advisor.rule_pack(), &RulePack::us_default().unwrap());
    }

    /// Every persona profile of `tests/personas` (the file name and its JSON text).
    pub(crate) fn persona_profiles() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/personas");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.to_string_lossy().to_string();
            if name.ends_with(".json") && !name.ends_with(".report.json") {
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
        assert!(out.len() >= 20, "only {} personas found in {dir}", out.len());
        out
    }

    #[test]
    fn the_profile_rules_read_is_the_profile_without_its_transactions() {
        for (name, text) in persona_profiles() {
            let profile = Profile::from_json(&text).unwrap();
            let mut expected = serde_json::to_value(&profile).unwrap();
            expected.as_object_mut().unwrap().remove("transactions");
            assert_eq!(profile_without_transactions(&profile), expected, "{name}");
        }
    }
}
