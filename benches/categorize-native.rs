//! Native categorization benchmark (not a test): 10,000 statement lines through
//! `Advisor::categorize`, against the anchor measured in the same run — the featurizer alone on
//! the same lines — so the table shows what the model run costs on top of featurization.
//! Usage: cargo bench -p finadvice --bench categorize-native -- [MODEL.onnx]

use finadvice::categorize::featurize::featurize;
use finadvice::{Advisor, AdvisorOptions};
use std::time::Instant;

const MERCHANTS: [(&str, f64); 6] = [
    ("SQ *BLUE BOTTLE 0412 OAKLAND CA", -6.75),
    ("SAFEWAY #1234", -93.25),
    ("ACME CORP PAYROLL PPD ID: 1234567890", 2450.0),
    ("ONLINE TRANSFER TO SAV XXXXXX1234", -500.0),
    ("NETFLIX.COM 866-579-7172 CA", -15.49),
    ("AMZN MKTP US*2K4AB1234", -23.99),
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rows_owned: Vec<(String, f64)> = (0..10_000)
        .map(|i| {
            let (d, a) = MERCHANTS[i % MERCHANTS.len()];
            (format!("{d} {}", (i * 7919) % 10_000), a * (1.0 + (i % 13) as f64 / 10.0))
        })
        .collect();
    let rows: Vec<(&str, f64)> = rows_owned.iter().map(|(d, a)| (d.as_str(), *a)).collect();

    let t = Instant::now();
    let model = std::env::args().nth(1).map(|p| std::fs::read(p).expect("reads the model file"));
    let advisor =
        Advisor::new(AdvisorOptions { model, memory: None, ..AdvisorOptions::default() }).expect("the model loads");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;

    let t = Instant::now();
    advisor.categorize(&rows[..1]).expect("categorizes");
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    let mut featurize_ms = Vec::new();
    let mut categorize_ms = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let total: usize = rows.iter().map(|(d, a)| featurize(d, *a).len()).sum();
        featurize_ms.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(total > 0);
        let t = Instant::now();
        let out = advisor.categorize(&rows).expect("categorizes");
        categorize_ms.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(out.len(), rows.len());
    }
    let (f, c) = (median(featurize_ms), median(categorize_ms));
    println!("| what (native, release) | ms (median of 5) | ratio to anchor |");
    println!("|---|---:|---:|");
    println!("| categorize 10,000 rows (featurize + tract) | {c:.1} | {:.2}× |", c / f);
    println!("| featurize 10,000 rows (anchor) | {f:.1} | 1.00× |");
    println!("| Advisor::new (model load + contract check) | {load_ms:.1} | |");
    println!("| first categorize call (1 row) | {first_ms:.2} | |");
    println!("\n{:.0} rows/s categorized natively", rows.len() as f64 / (c / 1e3));
}
