//! The generated TypeScript declarations must say what the JSON really holds: a field that serde
//! leaves out when empty (`skip_serializing_if`) is `field?: T` in TypeScript, not `T | null`
//! (a page testing `report.notFired !== null` would be wrong). ts-rs only knows this through
//! `#[ts(optional)]`, so this test reads the sources and checks every such field of a type that
//! derives `ts_rs::TS` carries it.

use std::fs;
use std::path::Path;

/// Rust files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether the type enclosing line `at` derives ts_rs::TS (its attributes, above `struct`).
fn enclosing_type_is_exported(lines: &[&str], at: usize) -> bool {
    let Some(item) = (0..at).rev().find(|&i| {
        let line = lines[i].trim_start();
        line.starts_with("pub struct ") || line.starts_with("struct ") || line.starts_with("pub enum ")
    }) else {
        return false;
    };
    (0..item)
        .rev()
        .take_while(|&i| {
            let line = lines[i].trim_start();
            line.starts_with("#[") || line.starts_with("///") || line.starts_with("//")
        })
        .any(|i| lines[i].contains("ts_rs::TS"))
}

/// `file:line` of every skipped-when-empty field of an exported type without `ts(optional)`.
fn fields_missing_optional(path: &Path) -> Vec<String> {
    let text = fs::read_to_string(path).expect("readable source file");
    let lines: Vec<&str> = text.lines().collect();
    let mut missing = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !(line.trim_start().starts_with("#[serde(") && line.contains("skip_serializing_if")) {
            continue;
        }
        if !enclosing_type_is_exported(&lines, i) {
            continue;
        }
        let attributes = lines[i..].iter().take_while(|l| l.trim_start().starts_with("#["));
        let optional = attributes.into_iter().any(|l| {
            l.contains("ts(optional") || l.contains("ts(skip") || (l.contains("ts(as") && l.contains("optional"))
        });
        if !optional {
            missing.push(format!("{}:{}", path.display(), i + 1));
        }
    }
    missing
}

#[test]
fn every_field_serde_may_omit_is_optional_in_typescript() {
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    let missing: Vec<String> = files.iter().flat_map(|f| fields_missing_optional(f)).collect();
    assert!(missing.is_empty(), "add #[cfg_attr(test, ts(optional))] to: {missing:#?}");
}

#[test]
fn the_check_sees_a_field_without_optional() {
    let dir = std::env::temp_dir().join(format!("finadvice-ts-optional-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("sample.rs");
    fs::write(
        &file,
        "#[derive(Serialize)]\n#[cfg_attr(test, derive(ts_rs::TS), ts(export))]\npub struct A {\n    \
         #[serde(skip_serializing_if = \"Option::is_none\")]\n    pub x: Option<u8>,\n    \
         #[serde(skip_serializing_if = \"Option::is_none\")]\n    #[cfg_attr(test, ts(optional))]\n    \
         pub y: Option<u8>,\n}\n#[derive(Serialize)]\npub struct NotExported {\n    \
         #[serde(skip_serializing_if = \"Option::is_none\")]\n    pub z: Option<u8>,\n}\n",
    )
    .expect("write sample");
    let missing = fields_missing_optional(&file);
    fs::remove_dir_all(&dir).ok();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].ends_with(":4"), "{missing:?}");
}
