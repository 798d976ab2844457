//! libFuzzer target `import`: runs `targets::import` (fuzz/harness/targets.rs, shared with the
//! stable harness). Structured errors are correct outcomes; a panic aborts and is a crash.
#![no_main]

#[path = "../harness/targets.rs"]
#[allow(dead_code)]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    targets::import(data);
});
