//! The fuzz targets: each takes bytes, drives one reader of untrusted input through the public
//! API and returns a short outcome signature ("ok" or the sorted error codes), which the driver
//! uses to keep inputs that reach a new outcome. A structured error is a correct outcome; only a
//! panic (or a hang) is a finding.
//!
//! Shared by the stable harness (`fuzz/harness/main.rs`) and the libFuzzer targets
//! (`fuzz/fuzz_targets/*.rs`, which include this file with `#[path]`), so both drive exactly the
//! same code.

use finadvice::calc::requests;
use finadvice::categorize::model::Categorizer;
use finadvice::input::Input;
use finadvice::rules::logic::{evaluate, Expr};
use finadvice::rules::RulePack;
use finadvice::{Advisor, AdvisorOptions, Errors};
use std::path::Path;
use std::sync::OnceLock;

/// One target: its name, its seed files and its function.
pub struct Target {
    /// Name used on the command line and in FUZZING.md.
    pub name: &'static str,
    /// Seed inputs, relative to the repository root.
    pub seeds: &'static [&'static str],
    /// Largest input generated, in bytes.
    pub max_len: usize,
    /// Runs one input and returns its outcome signature.
    pub run: fn(&[u8]) -> String,
}

/// The default advisor (shipped model and rule pack), loaded once per process.
pub fn advisor() -> &'static Advisor {
    static ADVISOR: OnceLock<Advisor> = OnceLock::new();
    ADVISOR.get_or_init(|| Advisor::new(AdvisorOptions::default()).expect("the default advisor loads"))
}

fn signature<T>(result: Result<T, Errors>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(errors) => {
            let mut codes: Vec<&str> = errors.issues().iter().map(|i| i.code.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            codes.join(",")
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `Advisor::advise_json`: profile JSON → validation → facts → plans → rules → report.
pub fn profile(bytes: &[u8]) -> String {
    signature(advisor().advise_json(&text(bytes)))
}

/// The importer (`finadvice::import`): the first byte picks the file's extension (CSV, OFX, QFX,
/// QIF, none) and whether a second copy of the input is imported with it (overlap removal); the
/// draft profile is then made from what was read. Its outcome is the sorted problem codes.
pub fn import(bytes: &[u8]) -> String {
    use finadvice::import::{draft::draft_profile, import_statements, ImportOptions, StatementFile};
    let (first, rest) = bytes.split_first().unwrap_or((&0, &[]));
    let name = ["a.csv", "a.ofx", "a.qfx", "a.qif", "a"][usize::from(*first % 5)];
    let mut files = vec![StatementFile { name: name.into(), bytes: rest.to_vec() }];
    if first & 0x80 != 0 {
        files.push(StatementFile { name: format!("b-{name}"), bytes: rest.to_vec() });
    }
    let imported = import_statements(&files, &ImportOptions::default());
    draft_profile(&imported.transactions);
    let mut codes: Vec<String> = imported
        .problems
        .iter()
        .map(|p| serde_json::to_value(p.code).map(|v| v.to_string()).unwrap_or_default())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    if codes.is_empty() {
        "ok".into()
    } else {
        codes.join(",")
    }
}

/// `RulePack::from_json`: schema, references, `after` cycles, templates, logic compile.
pub fn rule_pack(bytes: &[u8]) -> String {
    signature(RulePack::from_json(&text(bytes)))
}

/// `RULE \n DATA`: a JSON Logic rule and its data, compiled then evaluated.
pub fn logic(bytes: &[u8]) -> String {
    let text = text(bytes);
    let (rule, data) = text.split_once('\n').unwrap_or((&text, "{}"));
    let run = || -> Result<serde_json::Value, Errors> {
        let to_json = |s: &str| {
            serde_json::from_str::<serde_json::Value>(s)
                .map_err(|e| Errors::from(finadvice::Issue::new(finadvice::ErrorCode::Parse, "", e.to_string())))
        };
        let (rule, data) = (to_json(rule)?, to_json(data)?);
        let expr = Expr::compile(&rule, "")?;
        evaluate(&expr, &data).map_err(|e| e.to_issue("").into())
    };
    signature(run())
}

/// The first byte picks the calculator (payoff, retirement, goal, risk), the rest is its JSON request.
pub fn calculators(bytes: &[u8]) -> String {
    let Some((&which, rest)) = bytes.split_first() else { return "empty".into() };
    let input = match Input::from_json(&text(rest)) {
        Ok(input) => input,
        Err(issue) => return format!("input:{}", issue.code.as_str()),
    };
    match which % 4 {
        0 => signature(requests::payoff_from_input(&input)),
        1 => signature(requests::retirement_from_input(&input)),
        2 => signature(requests::goal_from_input(&input)),
        _ => signature(requests::risk_from_input(&input, &input)),
    }
}

/// `Categorizer::custom`: ONNX bytes → structural check → tract → contract → probe run.
pub fn model(bytes: &[u8]) -> String {
    match Categorizer::custom(bytes) {
        Ok(_) => "ok".into(),
        Err(issue) => issue.message.split(':').next().unwrap_or("").chars().take(40).collect(),
    }
}

/// Every target, in the order FUZZING.md lists them.
pub const TARGETS: &[Target] = &[
    Target {
        name: "profile",
        seeds: &[
            "tests/profiles/new-graduate.json",
            "tests/profiles/transactions-only.json",
            "tests/profiles/invalid-many.json",
        ],
        max_len: 64 * 1024,
        run: profile,
    },
    Target {
        name: "import",
        seeds: &[
            "fuzz/harness/seeds/import-amex.csv",
            "fuzz/harness/seeds/import-card.ofx",
            "fuzz/harness/seeds/import-checking.qif",
        ],
        max_len: 16 * 1024,
        run: import,
    },
    Target { name: "rule-pack", seeds: &["rules/us-default.json"], max_len: 256 * 1024, run: rule_pack },
    Target {
        name: "logic",
        seeds: &["fuzz/harness/seeds/logic-reduce.txt", "fuzz/harness/seeds/logic-compare.txt"],
        max_len: 4 * 1024,
        run: logic,
    },
    Target {
        name: "calculators",
        seeds: &[
            "fuzz/harness/seeds/payoff.bin",
            "fuzz/harness/seeds/retirement.bin",
            "fuzz/harness/seeds/goal.bin",
            "fuzz/harness/seeds/risk.bin",
        ],
        max_len: 8 * 1024,
        run: calculators,
    },
    Target {
        name: "model",
        seeds: &[
            "models/categorizer.onnx",
            "tests/models/valid-alternative.onnx",
            "tests/models/small-table.onnx",
            "tests/models/hostile/absurd-axis.onnx",
        ],
        max_len: 512 * 1024,
        run: model,
    },
];

/// Reads a target's seeds from the repository.
pub fn read_seeds(root: &Path, target: &Target) -> Vec<Vec<u8>> {
    target.seeds.iter().map(|s| std::fs::read(root.join(s)).unwrap_or_else(|e| panic!("seed {s}: {e}"))).collect()
}
