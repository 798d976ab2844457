//! Timing shared by the native benchmarks (`#[path]`-included: a file in a subfolder of benches/
//! is not a bench target of its own).

use std::time::Instant;

/// Median wall time of `runs` calls of `f`, in milliseconds, after one warm-up call.
pub fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}
