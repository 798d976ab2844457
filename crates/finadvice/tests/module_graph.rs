//! The crate's data flows one way: profile → facts → plans → rules → report. Each top-level module
//! of `src/` may use only the modules listed before it in [`LAYERS`], which keeps the module graph
//! (who imports whom) free of cycles. A new top-level module must be placed in the list.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The top-level modules, each allowed to use only the ones before it.
const LAYERS: &[&str] = &[
    // Foundations: limits, structured errors, JSON-like input, dates, money, the field readers.
    "limits",
    "error",
    "input",
    "date",
    "money",
    "validation",
    // Bank exports read into transactions and a draft profile.
    "import",
    // The person's data, read and validated.
    "profile",
    // Year-versioned figures set by law: federal income tax, Social Security benefits.
    "tax",
    "social_security",
    // Transaction categories (the model and the person's corrections).
    "categorize",
    // Finance calculators (debt payoff, goals, retirement, risk, time value of money).
    "calc",
    // Facts derived from the profile and its categorized transactions.
    "facts",
    // The report's plans (debt payoff, goals, retirement), computed from the facts.
    "plans",
    // Rule packs, evaluated over facts, profile and plans.
    "rules",
    // The report: facts, plans and ranked actions put together.
    "report",
];

/// The `crate::NAME` references of a source text (in `use` lists too), comments excluded.
fn crate_references(text: &str) -> BTreeSet<String> {
    let code: String = text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            // `crate::{a, b::c, d}`: the first segment of each top-level item of the list.
            let mut depth = 0;
            let mut item = String::new();
            for c in list.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            found.insert(first_segment(&item));
        } else {
            found.insert(first_segment(rest));
        }
    }
    found.remove("");
    found
}

fn first_segment(path: &str) -> String {
    path.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

/// Every `.rs` file under `path` (or `path` itself).
fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        files.extend(rust_files(&entry.unwrap().path()));
    }
    files
}

/// The top-level modules of `src/` (files and folders, `lib.rs` aside).
fn top_level_modules(src: &Path) -> Vec<(String, PathBuf)> {
    let mut modules: Vec<(String, PathBuf)> = std::fs::read_dir(src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || (p.extension().is_some_and(|e| e == "rs") && !p.ends_with("lib.rs")))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    modules.sort();
    modules
}

#[test]
fn each_module_uses_only_the_layers_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = top_level_modules(&src);
    let mut problems = Vec::new();
    for (name, path) in &modules {
        let Some(layer) = LAYERS.iter().position(|l| l == name) else {
            problems.push(format!("src/{name} is not in LAYERS: place it where its imports allow"));
            continue;
        };
        for file in rust_files(path) {
            let text = std::fs::read_to_string(&file).unwrap();
            for used in crate_references(&text) {
                if used == *name || !LAYERS.contains(&used.as_str()) {
                    continue; // itself, or a crate-root item (`crate::VERSION`)
                }
                let used_layer = LAYERS.iter().position(|l| *l == used).unwrap();
                if used_layer > layer {
                    let file = file.strip_prefix(&src).unwrap().display();
                    problems.push(format!("src/{file} uses crate::{used}, which comes after {name} (LAYERS)"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "the module graph must flow one way:\n{}", problems.join("\n"));
    // Every layer still exists, so the list does not rot.
    for layer in LAYERS {
        assert!(modules.iter().any(|(name, _)| name == layer), "LAYERS names {layer}, which src/ no longer has");
    }
}

#[test]
fn references_are_found_in_paths_and_use_lists() {
    let text = "use crate::error::{Issue, Errors};\nuse crate::{date::Date, money, rules::{a, b}};\n// crate::report in a comment\nlet x = crate::facts::Facts::default();";
    let found: Vec<String> = crate_references(text).into_iter().collect();
    assert_eq!(found, ["date", "error", "facts", "money", "rules"]);
}
