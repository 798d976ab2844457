//! A libFuzzer-free fuzz harness (only the stable toolchain exists here; see FUZZING.md): for
//! each target, mutates its seeds for a bounded time, catches panics, flags executions slower than
//! `--slow-ms`, saves every crash or slow input under `fuzz-crashes/`, and keeps inputs that reach
//! an outcome not seen before (the error-code signature) as new seeds.
//!
//! Usage: cargo run [--profile fuzz] --example fuzz -- [--seconds N] [--seed S] [--slow-ms M] [TARGET…]
//! Exits 1 when any input panicked or was slow.

mod mutate;
mod targets;

use mutate::{mutate, Rng};
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};
use targets::{advisor, read_seeds, TARGETS};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| -> u64 {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seconds = flag("--seconds", 10);
    let seed = flag("--seed", 1);
    let slow = Duration::from_millis(flag("--slow-ms", 2000));
    let values: HashSet<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| a.starts_with("--") || (*i > 0 && args[i - 1].starts_with("--")))
        .map(|(_, a)| a)
        .collect();
    let chosen: Vec<&str> = args.iter().filter(|a| !values.contains(a)).map(String::as_str).collect();

    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let crashes = root.join("fuzz-crashes");
    advisor(); // loaded before the clock starts
               // Panics are caught and reported once per input, without the default hook's backtrace noise.
    std::panic::set_hook(Box::new(|_| {}));

    println!("| target | seconds | executions | exec/s | outcomes | panics | slow (> {} ms) |", slow.as_millis());
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut failed = false;
    for target in TARGETS.iter().filter(|t| chosen.is_empty() || chosen.contains(&t.name)) {
        let mut corpus = read_seeds(root, target);
        let mut rng = Rng::new(seed ^ target.name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)));
        let mut outcomes = HashSet::new();
        let (mut executions, mut panics, mut slows) = (0u64, 0u64, 0u64);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(seconds) {
            let base = &corpus[rng.below(corpus.len())];
            let input = mutate(&mut rng, base, &corpus, target.max_len);
            let began = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| (target.run)(&input)));
            let took = began.elapsed();
            executions += 1;
            let problem = match &result {
                Err(_) => Some("panic"),
                Ok(_) if took > slow => Some("slow"),
                Ok(_) => None,
            };
            if let Some(kind) = problem {
                if kind == "panic" {
                    panics += 1
                } else {
                    slows += 1
                }
                std::fs::create_dir_all(&crashes).expect("create fuzz-crashes/");
                let name = format!("{}-{kind}-{:016x}.bin", target.name, rng.next());
                std::fs::write(crashes.join(&name), &input).expect("save the crash");
                eprintln!("{}: {kind} after {took:?}, saved fuzz-crashes/{name}", target.name);
            }
            if let Ok(signature) = result {
                if outcomes.insert(signature) && corpus.len() < 256 {
                    corpus.push(input);
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "| {} | {secs:.0} | {executions} | {:.0} | {} | {panics} | {slows} |",
            target.name,
            executions as f64 / secs,
            outcomes.len()
        );
        failed |= panics + slows > 0;
    }
    if failed {
        std::process::exit(1);
    }
}
