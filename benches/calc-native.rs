//! Native half of benches/calc.mjs: times the 10,000-path 40-year Monte Carlo and a 10-debt
//! payoff plan (release build) and prints one JSON line per workload, `{"name", "ms"}` (median).
//! Run by the script, or alone with `cargo bench --bench calc-native`.

use finadvice::calc::requests::{payoff_from_input, retirement_from_input};
use finadvice::input::Input;
#[path = "common/timing.rs"]
mod timing;

use timing::median_ms;

fn main() {
    let monte_carlo = Input::from_json(include_str!("calc-monte-carlo.json")).expect("bench request");
    let payoff = Input::from_json(include_str!("calc-ten-debts.json")).expect("bench request");
    let mc = median_ms(21, || {
        retirement_from_input(&monte_carlo).expect("valid");
    });
    let plan = median_ms(51, || {
        payoff_from_input(&payoff).expect("valid");
    });
    println!("{{\"name\": \"monteCarlo\", \"ms\": {mc}}}");
    println!("{{\"name\": \"payoff\", \"ms\": {plan}}}");
}
