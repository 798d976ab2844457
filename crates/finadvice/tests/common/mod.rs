//! Helpers shared by the native integration tests.
#![allow(dead_code)]

pub mod packs;

use std::path::PathBuf;

/// The repository's top folder (the workspace root).
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Path of a file under the repository's `tests/`.
pub fn test_file(relative: &str) -> PathBuf {
    repo_root().join("tests").join(relative)
}

/// Text of a file under `tests/`.
pub fn read_test_file(relative: &str) -> String {
    std::fs::read_to_string(test_file(relative)).unwrap_or_else(|e| panic!("reading {relative}: {e}"))
}

/// Asserts two floats are equal within `tolerance`.
pub fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!((actual - expected).abs() <= tolerance, "{what}: expected {expected}, got {actual}");
}

/// Names of the persona profiles in `tests/personas/` (without `.json`), sorted.
pub fn persona_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(test_file("personas"))
        .expect("tests/personas")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".json")?;
            (!stem.ends_with(".report")).then(|| stem.to_string())
        })
        .collect();
    names.sort();
    names
}
