//! The rule pack: its JSON format (schema in `rules/rule-pack.schema.json`), reading it and
//! validating it completely before anything is evaluated. Every problem is reported with its JSON
//! pointer: unknown fields and operators, references to facts, constants, sources or rules that do
//! not exist, cycles in `after`, duplicate ids, bad templates, and the size limits below.

use crate::error::{pointer_join, ErrorCode, Errors, Issue};
use crate::facts::catalog::FACTS;
use crate::input::Input;
use crate::rules::bind::{bind_pack, DataPath};
use crate::rules::logic::Expr;
use crate::rules::order::{check_rule_ids, evaluation_order, read_link};
use crate::rules::scope::Reference;
use crate::rules::template::Template;
use crate::validation::Problems;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Largest rule pack accepted, in bytes of JSON.
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;
/// Most rules in one pack.
pub const MAX_RULES: usize = 2_000;
/// Most constants, and most sources, in one pack.
pub const MAX_CONSTANTS: usize = 1_000;
/// Most prerequisites (`after`) of one rule.
pub const MAX_AFTER: usize = 50;
/// Longest id, category, group, locale or version string.
pub const MAX_ID_CHARS: usize = 200;

/// The data roots a rule may read: `facts`, `profile`, `constants`, `plans` (calculator results,
/// possibly absent), `model` (model outputs, possibly absent) and `values` (the rule's own computed
/// values).
pub const DATA_ROOTS: &[&str] = &["facts", "profile", "constants", "plans", "model", "values"];
/// The units an impact may have.
pub const IMPACT_UNITS: &[&str] = &["money/year", "money", "money/month", "months", "percent"];
/// What an impact's figure is, so that a page can word it without knowing the rule ("saves $2,394
/// in interest", "$870 a year of free money"): interest a payment plan saves, employer money taken
/// or missed, an amount still to set aside toward a target, unused tax-advantaged room, money to
/// invest, spending above income, spending that could be kept, a tax to plan for, income to protect,
/// money left over each month.
pub const IMPACT_KINDS: &[&str] = &[
    "interest-saved",
    "free-money",
    "to-set-aside",
    "tax-room",
    "to-invest",
    "shortfall",
    "could-keep",
    "tax-due",
    "income-protected",
    "left-over",
];
/// Top-level fields of a profile, for checking `profile.*` references.
const PROFILE_FIELDS: &[&str] =
    &["asOf", "currency", "person", "incomes", "expenses", "accounts", "debts", "goals", "insurance"];

/// A citation that constants and rules point to.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct Citation {
    /// Identifier used by constants and rules.
    pub id: String,
    /// What it is (publication, table, year).
    pub title: String,
    /// Where to read it, when it is online.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<String>,
}

/// A named threshold or limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Constant {
    /// Its name (`constants.starterEmergencyFund`).
    pub name: String,
    /// Its value (a number, a string or a boolean).
    pub value: Value,
    /// The year the figure applies to (contribution limits change every year).
    pub year: Option<u32>,
    /// The id of the source it comes from.
    pub source: Option<String>,
}

/// One rule: a condition and the advice it produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Unique id within the pack.
    pub id: String,
    /// The JSON Logic condition, compiled.
    pub when: Expr,
    /// Higher ranks first.
    pub priority: f64,
    /// Only the highest-priority matching rule of a group fires.
    pub group: Option<String>,
    /// Rules that must not be pending (their condition false) for this one to fire.
    pub after: Vec<String>,
    /// The same rules as indexes into the pack's rules (filled when the pack is compiled).
    pub after_index: Vec<usize>,
    /// Evaluation ends after this rule fires.
    pub stop: bool,
    /// The action's category (`cash_flow`, `emergency_fund`, `debt`, `retirement`, …).
    pub category: String,
    /// Title template.
    pub title: Template,
    /// Detail template.
    pub detail: Template,
    /// Named values computed before the condition (JSON Logic over the data, in pack order; a
    /// later value may read an earlier one), readable as `values.NAME` in the condition, the
    /// templates and the impact.
    pub values: Vec<(String, Expr)>,
    /// Dotted path of the figure that measures the action's worth (a fact, a plan result, a value).
    pub impact: Option<Reference>,
    /// Unit of the impact (`money/year`, `money`, `money/month`, `months`, `percent`): the rule's
    /// `impactUnit`, else (once the pack is compiled) the fact catalog's unit for a fact.
    pub impact_unit: Option<String>,
    /// What the impact's figure is (one of [`IMPACT_KINDS`]), for wording it; none when not given.
    pub impact_kind: Option<String>,
    /// Ids of the sources the rule rests on.
    pub sources: Vec<String>,
}

/// A validated rule pack.
#[derive(Debug, Clone, PartialEq)]
pub struct RulePack {
    /// Pack id (`us-default`).
    pub id: String,
    /// Pack version (`2026.1`).
    pub version: String,
    /// Language and region of the messages (`en-US`).
    pub locale: String,
    /// Currency the thresholds are expressed in (ISO 4217).
    pub currency: String,
    /// Citations.
    pub sources: Vec<Citation>,
    /// Named thresholds, in pack order.
    pub constants: Vec<Constant>,
    /// Rules, in pack order.
    pub rules: Vec<Rule>,
    /// Indexes of `rules` in evaluation order: prerequisites first, then higher priority, then pack order.
    pub order: Vec<usize>,
    /// `sha256:` + hex digest of the pack's canonical JSON (keys sorted, no whitespace), so the
    /// same content gives the same hash however it is formatted.
    pub hash: String,
    /// The data paths the pack reads (`facts.*`, `profile.*`, `plans.*`, `model.*`), one slot
    /// each, read once per evaluation; filled when the pack is compiled.
    pub inputs: Vec<DataPath>,
    /// Whether some rule computes a data path at evaluation time (`{"var": {"cat": …}}`,
    /// `missing`, `{"var": ""}`), so that evaluation needs the whole data, not only `inputs`.
    pub reads_whole_data: bool,
    /// The constants as one object `{name: value}`.
    pub constants_object: Value,
}

/// The default US rule pack, compiled into the crate.
pub const US_DEFAULT_PACK: &str = include_str!("../../../../rules/us-default.json");

impl RulePack {
    /// The default pack shipped in the crate.
    pub fn us_default() -> Result<RulePack, Errors> {
        RulePack::from_json(US_DEFAULT_PACK)
    }

    /// Reads and validates a pack from JSON text.
    pub fn from_json(text: &str) -> Result<RulePack, Errors> {
        if text.len() > MAX_PACK_BYTES {
            return Err(Issue::new(
                ErrorCode::TooLarge,
                "",
                format!("the rule pack is {} bytes; the limit is {MAX_PACK_BYTES}", text.len()),
            )
            .into());
        }
        RulePack::from_input(&Input::from_json(text)?)
    }

    /// Reads and validates a pack from a parsed value (the path JavaScript objects take).
    pub fn from_input(input: &Input) -> Result<RulePack, Errors> {
        let mut problems = Problems::default();
        let json = to_json(input, "", &mut problems);
        let pack = read_pack(input, &mut problems);
        if !problems.issues.is_empty() {
            return Err(Errors(problems.issues));
        }
        let (Some(mut pack), Some(json)) = (pack, json) else {
            return Err(Issue::new(ErrorCode::Type, "", "the rule pack could not be read").into());
        };
        let canonical = json.to_string();
        if canonical.len() > MAX_PACK_BYTES {
            return Err(Issue::new(
                ErrorCode::TooLarge,
                "",
                format!("the rule pack is larger than {MAX_PACK_BYTES} bytes"),
            )
            .into());
        }
        let digest = Sha256::digest(canonical.as_bytes());
        pack.hash = format!("sha256:{}", digest.iter().map(|b| format!("{b:02x}")).collect::<String>());
        Ok(pack)
    }

    /// The constants as one object `{name: value}`, the `constants` of the evaluation data.
    pub fn constants_value(&self) -> Value {
        Value::Object(self.constants.iter().map(|c| (c.name.clone(), c.value.clone())).collect())
    }

    /// Whether the pack reads anything under the data root `root` (`profile`, `plans`, …).
    pub fn reads_root(&self, root: &str) -> bool {
        self.reads_whole_data || self.inputs.iter().any(|p| p.parts.first().is_some_and(|r| r == root))
    }

    /// The index of the rule with this id.
    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }
}

/// Converts an input value to JSON, refusing NaN and infinities by pointer.
pub fn to_json(input: &Input, path: &str, problems: &mut Problems) -> Option<Value> {
    Some(match input {
        Input::Null => Value::Null,
        Input::Bool(b) => Value::Bool(*b),
        Input::Number(n) => match serde_json::Number::from_f64(*n) {
            Some(_) if n.fract() == 0.0 && n.abs() < 9.0e15 => Value::from(*n as i64),
            Some(num) => Value::Number(num),
            None => {
                problems.push(ErrorCode::NotFinite, path, format!("must be a finite number, not {n}"));
                return None;
            }
        },
        Input::String(s) => Value::String(s.clone()),
        Input::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                out.push(to_json(item, &pointer_join(path, &i.to_string()), problems)?);
            }
            Value::Array(out)
        }
        Input::Object(entries) => {
            let mut out = serde_json::Map::new();
            for (k, v) in entries {
                out.insert(k.clone(), to_json(v, &pointer_join(path, k), problems)?);
            }
            Value::Object(out)
        }
    })
}

const PACK_FIELDS: &[&str] =
    &["$schema", "id", "version", "locale", "currency", "description", "sources", "constants", "rules"];
const RULE_FIELDS: &[&str] = &[
    "id",
    "when",
    "priority",
    "group",
    "after",
    "stop",
    "category",
    "values",
    "title",
    "detail",
    "impact",
    "impactUnit",
    "impactKind",
    "sources",
    "description",
];

fn read_pack(input: &Input, problems: &mut Problems) -> Option<RulePack> {
    let mut fields = problems.object(input, "", "a rule pack")?;
    let _ = fields.get("$schema");
    let _ = fields.get("description");
    let id = problems.text(fields.get("id"), "/id", MAX_ID_CHARS);
    let version = problems.text(fields.get("version"), "/version", MAX_ID_CHARS);
    let locale = problems.text(fields.get("locale"), "/locale", MAX_ID_CHARS);
    let currency = problems.text(fields.get("currency"), "/currency", MAX_ID_CHARS);
    if let Some(c) = &currency {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            problems.push(
                ErrorCode::InvalidValue,
                "/currency",
                format!("{c:?} is not an ISO 4217 code such as \"USD\""),
            );
        }
    }
    let sources = read_sources(fields.get("sources"), problems);
    let constants = read_constants(fields.get("constants"), &sources, problems);
    let rule_items = problems.array(fields.get("rules"), "/rules", MAX_RULES);
    if !fields.has("rules") && !problems.issues.iter().any(|i| i.path == "/rules") {
        problems.push(ErrorCode::Required, "/rules", "is required");
    }
    fields.finish(problems, PACK_FIELDS);
    let mut rules = Vec::new();
    let mut links = Vec::new();
    for (i, item) in rule_items.iter().enumerate() {
        let rule = read_rule(item, &format!("/rules/{i}"), &constants, &sources, problems);
        if let Some(link) = read_link(item, i) {
            links.push(link);
        }
        rules.push(rule);
    }
    check_rule_ids(&links, problems);
    let order = evaluation_order(&links, problems);
    let rules: Option<Vec<Rule>> = rules.into_iter().collect();
    let pack = RulePack {
        id: id?,
        version: version?,
        locale: locale?,
        currency: currency?,
        sources,
        constants,
        rules: rules?,
        order: order?,
        hash: String::new(),
        inputs: Vec::new(),
        reads_whole_data: false,
        constants_object: Value::Null,
    };
    Some(bind_pack(pack))
}

fn read_sources(value: Option<&Input>, problems: &mut Problems) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    for (i, item) in problems.array(value, "/sources", MAX_CONSTANTS).iter().enumerate() {
        let path = format!("/sources/{i}");
        let Some(mut f) = problems.object(item, &path, "a source") else { continue };
        let id = problems.text(f.get("id"), &f.path("id"), MAX_ID_CHARS);
        let title = problems.text(f.get("title"), &f.path("title"), 1_000);
        let url = f.get("url").and_then(|u| problems.text(Some(u), &pointer_join(&path, "url"), 2_000));
        f.finish(problems, &["id", "title", "url"]);
        if let (Some(id), Some(title)) = (id, title) {
            if out.iter().any(|s| s.id == id) {
                problems.push(
                    ErrorCode::Duplicate,
                    &pointer_join(&path, "id"),
                    format!("source id \"{id}\" is used twice"),
                );
            }
            out.push(Citation { id, title, url });
        }
    }
    out
}

fn read_constants(value: Option<&Input>, sources: &[Citation], problems: &mut Problems) -> Vec<Constant> {
    let entries: &[(String, Input)] = match value {
        None => &[],
        Some(Input::Object(entries)) => entries,
        Some(other) => {
            problems.push(
                ErrorCode::Type,
                "/constants",
                format!("must be an object of named constants, not {}", other.type_name()),
            );
            &[]
        }
    };
    if entries.len() > MAX_CONSTANTS {
        problems.push(
            ErrorCode::TooLarge,
            "/constants",
            format!("has {} constants; the limit is {MAX_CONSTANTS}", entries.len()),
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for (name, item) in entries {
        let path = pointer_join("/constants", name);
        if !is_identifier(name) {
            problems.push(
                ErrorCode::InvalidValue,
                &path,
                format!("constant name {name:?} must be letters, digits and _"),
            );
        }
        let Some(mut f) = problems.object(item, &path, "a constant {value, year, source}") else { continue };
        let value = match f.get("value") {
            None => {
                problems.push(ErrorCode::Required, &f.path("value"), "is required");
                None
            }
            Some(v @ (Input::Number(_) | Input::String(_) | Input::Bool(_))) => to_json(v, &f.path("value"), problems),
            Some(other) => {
                problems.push(
                    ErrorCode::Type,
                    &f.path("value"),
                    format!("must be a number, string or boolean, not {}", other.type_name()),
                );
                None
            }
        };
        let year = f
            .get("year")
            .and_then(|y| problems.number(Some(y), &pointer_join(&path, "year"), 1900.0, 2200.0, true))
            .map(|y| y as u32);
        let source = f.get("source").and_then(|s| problems.text(Some(s), &pointer_join(&path, "source"), MAX_ID_CHARS));
        if let Some(s) = &source {
            if !sources.iter().any(|x| x.id == *s) {
                problems.push(
                    ErrorCode::UnknownReference,
                    &pointer_join(&path, "source"),
                    format!("no source has the id \"{s}\""),
                );
            }
        }
        let _ = f.get("description");
        f.finish(problems, &["value", "year", "source", "description"]);
        if let Some(value) = value {
            out.push(Constant { name: name.clone(), value, year, source });
        }
    }
    out
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn read_rule(
    item: &Input,
    path: &str,
    constants: &[Constant],
    sources: &[Citation],
    problems: &mut Problems,
) -> Option<Rule> {
    let mut f = problems.object(item, path, "a rule")?;
    let id = problems.text(f.get("id"), &f.path("id"), MAX_ID_CHARS);
    let values = read_values(f.get("values"), &f.path("values"), constants, problems);
    let names: Vec<String> = values.iter().map(|(n, _)| n.clone()).collect();
    let refs = Refs { constants, values: &names };
    let when = match f.get("when") {
        None => {
            problems.push(ErrorCode::Required, &f.path("when"), "is required (a JSON Logic condition)");
            None
        }
        Some(w) => {
            let when_path = f.path("when");
            to_json(w, &when_path, problems).and_then(|json| match Expr::compile(&json, &when_path) {
                Ok(expr) => Some(expr),
                Err(issue) => {
                    problems.issues.push(issue);
                    None
                }
            })
        }
    };
    if let Some(expr) = &when {
        expr.visit_data_paths(&mut |text, pointer| check_reference(text, pointer, &refs, problems));
    }
    let priority = match f.get("priority") {
        None => Some(0.0),
        v => problems.number(v, &f.path("priority"), -1e6, 1e6, false),
    };
    let group = f.get("group").and_then(|g| problems.text(Some(g), &pointer_join(path, "group"), MAX_ID_CHARS));
    let after_path = f.path("after");
    let after: Vec<String> = problems
        .array(f.get("after"), &after_path, MAX_AFTER)
        .iter()
        .enumerate()
        .filter_map(|(i, a)| problems.text(Some(a), &pointer_join(&after_path, &i.to_string()), MAX_ID_CHARS))
        .collect();
    let stop = match f.get("stop") {
        None => false,
        Some(Input::Bool(b)) => *b,
        Some(other) => {
            problems.push(
                ErrorCode::Type,
                &f.path("stop"),
                format!("must be true or false, not {}", other.type_name()),
            );
            false
        }
    };
    let category = problems.text(f.get("category"), &f.path("category"), MAX_ID_CHARS);
    let title = read_template(f.get("title"), &f.path("title"), &refs, problems);
    let detail = read_template(f.get("detail"), &f.path("detail"), &refs, problems);
    let impact = f.get("impact").and_then(|i| problems.text(Some(i), &pointer_join(path, "impact"), 500));
    if let Some(i) = &impact {
        check_reference(i, &pointer_join(path, "impact"), &refs, problems);
    }
    let impact = impact.map(|i| Reference::new(&i));
    let impact_unit =
        f.get("impactUnit").and_then(|u| problems.text(Some(u), &pointer_join(path, "impactUnit"), MAX_ID_CHARS));
    if let Some(u) = &impact_unit {
        if !IMPACT_UNITS.contains(&u.as_str()) {
            problems.push(
                ErrorCode::InvalidValue,
                &pointer_join(path, "impactUnit"),
                format!("{u:?} is not one of {}", IMPACT_UNITS.join(", ")),
            );
        }
        if impact.is_none() {
            problems.push(ErrorCode::InvalidValue, &pointer_join(path, "impactUnit"), "needs an impact");
        }
    }
    let impact_kind =
        f.get("impactKind").and_then(|k| problems.text(Some(k), &pointer_join(path, "impactKind"), MAX_ID_CHARS));
    if let Some(k) = &impact_kind {
        if !IMPACT_KINDS.contains(&k.as_str()) {
            problems.push(
                ErrorCode::InvalidValue,
                &pointer_join(path, "impactKind"),
                format!("{k:?} is not one of {}", IMPACT_KINDS.join(", ")),
            );
        }
        if impact.is_none() {
            problems.push(ErrorCode::InvalidValue, &pointer_join(path, "impactKind"), "needs an impact");
        }
    }
    let sources_path = f.path("sources");
    let rule_sources: Vec<String> = problems
        .array(f.get("sources"), &sources_path, MAX_AFTER)
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let p = pointer_join(&sources_path, &i.to_string());
            let id = problems.text(Some(s), &p, MAX_ID_CHARS)?;
            if !sources.iter().any(|x| x.id == id) {
                problems.push(ErrorCode::UnknownReference, &p, format!("no source has the id \"{id}\""));
            }
            Some(id)
        })
        .collect();
    let _ = f.get("description");
    f.finish(problems, RULE_FIELDS);
    Some(Rule {
        id: id?,
        when: when?,
        priority: priority?,
        group,
        after,
        after_index: Vec::new(),
        stop,
        category: category?,
        title: title?,
        detail: detail?,
        values,
        impact,
        impact_unit,
        impact_kind,
        sources: rule_sources,
    })
}

/// What a rule's references may name besides facts and profile fields.
struct Refs<'a> {
    constants: &'a [Constant],
    values: &'a [String],
}

/// Most values of one rule.
pub const MAX_VALUES: usize = 50;

fn read_values(
    value: Option<&Input>,
    path: &str,
    constants: &[Constant],
    problems: &mut Problems,
) -> Vec<(String, Expr)> {
    let entries: &[(String, Input)] = match value {
        None => &[],
        Some(Input::Object(entries)) => entries,
        Some(other) => {
            problems.push(
                ErrorCode::Type,
                path,
                format!("must be an object of named JSON Logic expressions, not {}", other.type_name()),
            );
            &[]
        }
    };
    if entries.len() > MAX_VALUES {
        problems.push(ErrorCode::TooLarge, path, format!("has {} values; the limit is {MAX_VALUES}", entries.len()));
        return Vec::new();
    }
    let mut out: Vec<(String, Expr)> = Vec::new();
    for (name, item) in entries {
        let pointer = pointer_join(path, name);
        if !is_identifier(name) {
            problems.push(
                ErrorCode::InvalidValue,
                &pointer,
                format!("value name {name:?} must be letters, digits and _"),
            );
            continue;
        }
        let Some(json) = to_json(item, &pointer, problems) else { continue };
        match Expr::compile(&json, &pointer) {
            Ok(expr) => {
                let earlier: Vec<String> = out.iter().map(|(n, _)| n.clone()).collect();
                let refs = Refs { constants, values: &earlier };
                expr.visit_data_paths(&mut |text, p| check_reference(text, p, &refs, problems));
                out.push((name.clone(), expr));
            }
            Err(issue) => problems.issues.push(issue),
        }
    }
    out
}

fn read_template(value: Option<&Input>, path: &str, refs: &Refs, problems: &mut Problems) -> Option<Template> {
    let text = problems.text(value, path, crate::rules::template::MAX_TEMPLATE_CHARS + 1)?;
    match Template::parse(&text, path) {
        Ok(t) => {
            for p in t.paths() {
                check_reference(p, path, refs, problems);
            }
            Some(t)
        }
        Err(issue) => {
            problems.issues.push(issue);
            None
        }
    }
}

/// Checks that a dotted data path starts at a known root and, for facts and constants, names one
/// that exists, and for values one the rule defines (earlier). `plans.*` and `model.*` are not
/// checked: they may legitimately be absent.
fn check_reference(text: &str, pointer: &str, refs: &Refs, problems: &mut Problems) {
    let constants = refs.constants;
    let mut parts = text.split('.');
    let root = parts.next().unwrap_or("");
    let name = parts.next();
    let rest = parts.next();
    let unknown = |what: &str| format!("\"{text}\" refers to {what}");
    match (root, name) {
        ("facts", Some(n)) if FACTS.iter().any(|f| f.name == n) => {
            let structured = FACTS.iter().any(|f| f.name == n && (f.unit == "list" || f.unit.contains(" by ")));
            if rest.is_some() && !structured {
                problems.push(
                    ErrorCode::UnknownReference,
                    pointer,
                    unknown("inside a fact, but facts are single values"),
                );
            }
        }
        ("facts", Some(n)) => problems.push(
            ErrorCode::UnknownReference,
            pointer,
            unknown(&format!("a fact \"{n}\" that does not exist (see factCatalog)")),
        ),
        ("constants", Some(n)) if constants.iter().any(|c| c.name == n) => {}
        ("constants", Some(n)) => problems.push(
            ErrorCode::UnknownReference,
            pointer,
            unknown(&format!("a constant \"{n}\" that the pack does not define")),
        ),
        ("profile", Some(n)) if !PROFILE_FIELDS.contains(&n) => problems.push(
            ErrorCode::UnknownReference,
            pointer,
            unknown(&format!("a profile field \"{n}\" that does not exist; allowed: {}", PROFILE_FIELDS.join(", "))),
        ),
        ("values", Some(n)) if refs.values.iter().any(|v| v == n) => {}
        ("values", Some(n)) => problems.push(
            ErrorCode::UnknownReference,
            pointer,
            unknown(&format!("a value \"{n}\" that the rule does not define (before this point)")),
        ),
        ("profile" | "plans" | "model", _) => {}
        (root, _) if DATA_ROOTS.contains(&root) => {
            problems.push(ErrorCode::UnknownReference, pointer, unknown("a whole section; name one value in it"))
        }
        _ => problems.push(
            ErrorCode::UnknownReference,
            pointer,
            unknown(&format!("\"{root}\", which is not one of {}", DATA_ROOTS.join(", "))),
        ),
    }
}
