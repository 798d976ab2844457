//! Retirement projection: a deterministic path at the expected return, and a seeded Monte Carlo
//! that replays US history in blocks.
//!
//! Model (annual steps, everything in **today's money**, i.e. real terms):
//! * returns are **history, resampled in blocks** (a circular block bootstrap, Politis & Romano
//!   1992): each path is a chain of [`BLOCK_YEARS`]-year runs of consecutive years of the US table
//!   ([`super::history`], 1928–2025), each run starting at a year drawn uniformly (after 2025 the
//!   run continues with 1928). A year's real growth is the mix's, rebalanced yearly:
//!   `Σ wᵢ(1 + rᵢ) / (1 + inflation of that year)`. Blocks keep what independent years lose: the
//!   decades in which bonds lost to inflation year after year (1941–1981), the sequences that sink
//!   bond-heavy portfolios, and the correlation of stocks, bonds and inflation within a year;
//!   20-year blocks are what keeps the Trinity comparison within 10 points for all five
//!   published mixes (benches/RESULTS.md, issue 15);
//! * an `inflation_percent` other than the history's compound inflation keeps each year's nominal
//!   returns and scales its real growth by `(1 + historical) / (1 + requested)`;
//! * the deterministic path grows every year at the mix's mean real return over the history;
//! * accumulation (ages `currentAge … retirementAge − 1`): the balance grows, then the year's
//!   contribution is added at the end of the year;
//! * withdrawal (ages `retirementAge … endAge − 1`): the year's spending, less Social Security (or
//!   other income) from its start age, grossed up for the tax on withdrawals
//!   (`(spending − income) / (1 − tax)`), is taken at the start of the year (as in the Trinity
//!   study's annual version), then the rest grows;
//! * a path **succeeds** when the balance never runs out before `endAge`; once it does, it stays 0;
//! * percentiles p10…p90 are taken over the paths at the end of every year (nearest rank with linear
//!   interpolation, as numpy's default `percentile`).
//!
//! Block starts come from xoshiro256++ seeded with `seed_from_u64(seed)` (integer arithmetic
//! only), so a seed gives the same numbers natively, in Node and in every browser. Paths are
//! drawn year by year (all paths for year 1, then year 2…).

use super::assumptions::{inflation_percent, Allocation};
use super::history::{self, YEARS};
use crate::money::{round_cents, round_ratio};
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Serialize;

/// Fewest Monte Carlo paths accepted by the API.
pub const MIN_PATHS: u32 = 100;
/// Most Monte Carlo paths accepted by the API.
pub const MAX_PATHS: u32 = 100_000;
/// Default number of paths.
pub const DEFAULT_PATHS: u32 = 10_000;
/// Longest projection, in years.
pub const MAX_YEARS: u32 = 100;
/// Length of the runs of consecutive historical years a path is made of.
pub const BLOCK_YEARS: u32 = 20;

/// What a retirement projection depends on. Amounts are in today's money.
#[derive(Debug, Clone, PartialEq)]
pub struct RetirementRequest {
    /// Age today.
    pub current_age: u32,
    /// Age at which contributions stop and withdrawals start.
    pub retirement_age: u32,
    /// Age until which the money must last.
    pub end_age: u32,
    /// Invested today.
    pub balance: f64,
    /// Added each year until retirement (today's money; it grows with inflation).
    pub annual_contribution: f64,
    /// Taken each year in retirement (today's money; it grows with inflation).
    pub annual_spending: f64,
    /// Social Security (or other income) received each retirement year from
    /// `income_start_age` (today's money; it grows with inflation); it reduces the withdrawals.
    pub income_annual: f64,
    /// Age from which `income_annual` is received.
    pub income_start_age: u32,
    /// Share of each withdrawal paid in tax, in percent (0 for tax-free money).
    pub withdrawal_tax_percent: f64,
    /// The portfolio's mix, which sets the expected return and volatility.
    pub allocation: Allocation,
    /// Inflation, in percent a year.
    pub inflation_percent: f64,
    /// Number of Monte Carlo paths (0: deterministic projection only).
    pub paths: u32,
    /// Seed of the random numbers.
    pub seed: u64,
}

impl RetirementRequest {
    /// A request with the default inflation, paths and seed.
    pub fn new(current_age: u32, retirement_age: u32, end_age: u32, balance: f64, allocation: Allocation) -> Self {
        RetirementRequest {
            current_age,
            retirement_age,
            end_age,
            balance,
            annual_contribution: 0.0,
            annual_spending: 0.0,
            income_annual: 0.0,
            income_start_age: retirement_age,
            withdrawal_tax_percent: 0.0,
            allocation,
            inflation_percent: inflation_percent(),
            paths: DEFAULT_PATHS,
            seed: 1,
        }
    }
}

/// The assumptions a projection used, reported with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct ProjectionAssumptions {
    /// The allocation.
    pub allocation: Allocation,
    /// Expected nominal return, percent a year (the mean real return with the inflation below).
    pub expected_return_percent: f64,
    /// Standard deviation of the mix's yearly real returns over the history, percent.
    pub volatility_percent: f64,
    /// Mean real return (after inflation) over the history, percent a year.
    pub real_return_percent: f64,
    /// Compound real return of the mix over the history, percent a year: the typical growth.
    pub median_real_return_percent: f64,
    /// Inflation, percent a year (default: the history's compound inflation).
    pub inflation_percent: f64,
    /// First year of the return history the paths are drawn from.
    pub history_first_year: u16,
    /// Last year of that history.
    pub history_last_year: u16,
    /// Length of the runs of consecutive historical years each path is made of.
    pub block_years: u32,
    /// Where the history comes from.
    pub returns_source: &'static str,
    /// Social Security (or other income) a year in retirement, today's money.
    pub income_annual: f64,
    /// Age from which that income is received.
    pub income_start_age: u32,
    /// Share of withdrawals paid in tax, percent.
    pub withdrawal_tax_percent: f64,
    /// Number of Monte Carlo paths.
    pub paths: u32,
    /// Seed of the random numbers.
    pub seed: u64,
}

/// One year of the projection (balances at the end of the year the person is `age`, today's money).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct ProjectionYear {
    /// The person's age during the year.
    pub age: u32,
    /// Balance on the deterministic path (every year at the expected return).
    pub expected: f64,
    /// 10th percentile over the Monte Carlo paths (null without paths).
    pub p10: Option<f64>,
    /// 25th percentile.
    pub p25: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// 75th percentile.
    pub p75: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
}

/// A retirement projection. Field names are stable: rules refer to them by path.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct RetirementProjection {
    /// Share of Monte Carlo paths whose money lasts until `endAge` (0–1); null without paths.
    pub success_probability: Option<f64>,
    /// Balance at retirement on the deterministic path (today's money).
    pub expected_at_retirement: f64,
    /// Median balance at retirement over the paths; null without paths.
    pub median_at_retirement: Option<f64>,
    /// Age at which the deterministic path runs out of money; null if it lasts.
    pub expected_depletion_age: Option<u32>,
    /// The assumptions used.
    pub assumptions: ProjectionAssumptions,
    /// Year by year, from `currentAge` to `endAge − 1`.
    pub years: Vec<ProjectionYear>,
}

/// Draws the historical year each path's block starts at: uniform over the table's years.
struct BlockStarts(Xoshiro256PlusPlus);

impl BlockStarts {
    fn new(seed: u64) -> Self {
        BlockStarts(Xoshiro256PlusPlus::seed_from_u64(seed))
    }

    /// A year index in `0..YEARS`: the high 32 random bits scaled by multiplication (Lemire's
    /// method without rejection; its bias, under YEARS / 2³² ≈ 2·10⁻⁸, is immaterial here).
    fn next(&mut self) -> u8 {
        (((self.0.next_u64() >> 32) * YEARS as u64) >> 32) as u8
    }
}

/// `x`'s key in [`f64::total_cmp`]'s order: the keys compare as integers exactly as the floats do
/// under `total_cmp` (it is the same transformation), so the percentile selection compares plain
/// integers (several times faster in a cold wasm page, where the code runs unoptimized).
fn order_key(x: f64) -> i64 {
    flip_magnitude_if_negative(x.to_bits() as i64)
}

/// The float whose [`order_key`] is `key`.
fn from_order_key(key: i64) -> f64 {
    f64::from_bits(flip_magnitude_if_negative(key) as u64)
}

/// Inverts every bit but the sign of a negative value: the mapping between a float's bits and
/// its order key, in both directions (it is its own inverse, and keeps the sign bit).
fn flip_magnitude_if_negative(bits: i64) -> i64 {
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

/// The `k`-th smallest of `keys` (reordering them) and the next one, if any.
fn order_pair(keys: &mut [i64], k: usize) -> (f64, Option<f64>) {
    let (_, &mut low, rest) = keys.select_nth_unstable(k);
    (from_order_key(low), rest.iter().min().map(|&next| from_order_key(next)))
}

/// p10, p25, p50, p75 and p90 of the values whose [`order_key`]s are `keys` (reordered), with
/// numpy's default linear interpolation between order statistics. The median is selected first;
/// the lower percentiles are then selected among the values below it and the upper ones among
/// those above: about 2.5 passes over the data instead of 5.
fn bands(keys: &mut [i64]) -> [f64; 5] {
    let n = keys.len();
    if n == 0 {
        return [0.0; 5];
    }
    let position = |p: f64| p / 100.0 * (n - 1) as f64;
    let mid = position(50.0).floor() as usize;
    keys.select_nth_unstable(mid);
    let median_rank_value = from_order_key(keys[mid]);
    let (lower, upper) = keys.split_at_mut(mid); // ranks 0..mid and mid..n
    let mut at = |p: f64| -> f64 {
        let x = position(p);
        let lo = x.floor() as usize;
        let frac = x - lo as f64;
        let (low, high) = if lo < mid {
            let (low, next) = order_pair(lower, lo);
            (low, next.unwrap_or(median_rank_value))
        } else {
            let (low, next) = order_pair(upper, lo - mid);
            (low, next.unwrap_or(low))
        };
        if frac == 0.0 {
            low
        } else {
            low + (high - low) * frac
        }
    };
    [at(10.0), at(25.0), at(50.0), at(75.0), at(90.0)]
}

/// One year's step of one path: contribution or withdrawal around the growth.
#[inline]
fn step(balance: f64, growth: f64, retired: bool, contribution: f64, withdrawal: f64) -> f64 {
    if !retired {
        return balance * growth + contribution;
    }
    let left = balance - withdrawal;
    if left <= 0.0 {
        0.0
    } else {
        left * growth
    }
}

/// What a retirement year takes from the savings: the spending not covered by the income (from
/// its start age), grossed up for the tax on withdrawals.
fn withdrawal(request: &RetirementRequest, age: u32) -> f64 {
    let income = if age >= request.income_start_age { request.income_annual } else { 0.0 };
    let net = (request.annual_spending - income).max(0.0);
    net / (1.0 - request.withdrawal_tax_percent / 100.0)
}

/// One year of every path: each path's historical year (`cursors`) moves on by one, or, at the
/// start of a block, to a newly drawn year; the balance grows by that year's real growth.
///
/// Not inlined, like [`order_keys`]: called once a year, a function of its own lets a browser's
/// WebAssembly engine move it from baseline to optimized code after the first years of a page's
/// first projection (a loop inside one long call stays in baseline code for the whole call).
#[inline(never)]
fn advance_paths(
    balances: &mut [f64],
    cursors: &mut [u8],
    starts: &mut BlockStarts,
    new_block: bool,
    growth: &[f64; YEARS],
    [contribution, withdrawal]: [f64; 2],
    retired: bool,
) {
    for (b, cursor) in balances.iter_mut().zip(cursors.iter_mut()) {
        *cursor = if new_block {
            starts.next()
        } else if *cursor as usize + 1 == YEARS {
            0
        } else {
            *cursor + 1
        };
        *b = step(*b, growth[*cursor as usize], retired, contribution, withdrawal);
    }
}

/// The paths' balances as [`order_key`]s (see [`advance_paths`] for why not inlined).
#[inline(never)]
fn order_keys(keys: &mut [i64], balances: &[f64]) {
    for (key, &balance) in keys.iter_mut().zip(balances) {
        *key = order_key(balance);
    }
}

/// Projects a retirement. The request is expected valid (ages ordered, at most [`MAX_YEARS`]
/// years, amounts finite); the API layer checks it with JSON pointers.
pub fn project(request: &RetirementRequest) -> RetirementProjection {
    let allocation = request.allocation;
    // Requested inflation against the history's: nominal returns kept, real growth scaled.
    let inflation_scale = (1.0 + inflation_percent() / 100.0) / (1.0 + request.inflation_percent / 100.0);
    let mut growth = [0.0; YEARS];
    for (i, g) in growth.iter_mut().enumerate() {
        *g = allocation.real_growth(i) * inflation_scale;
    }
    let mean_growth = growth.iter().sum::<f64>() / YEARS as f64;
    let years = request.end_age.saturating_sub(request.current_age).min(MAX_YEARS);
    let contribution = request.annual_contribution;
    let retired_at = |year: u32| request.current_age + year >= request.retirement_age;

    let mut expected = request.balance;
    let mut depletion = None;
    let paths = request.paths as usize;
    let mut balances = vec![request.balance; paths];
    let mut cursors = vec![0u8; paths];
    let mut scratch = vec![0i64; paths];
    let mut starts = BlockStarts::new(request.seed);
    let mut rows = Vec::with_capacity(years as usize);
    let mut median_at_retirement = None;
    let mut expected_at_retirement = if request.current_age >= request.retirement_age { request.balance } else { 0.0 };
    for year in 0..years {
        let age = request.current_age + year;
        let retired = retired_at(year);
        let taken = withdrawal(request, age);
        expected = step(expected, mean_growth, retired, contribution, taken);
        if retired && expected <= 0.0 && depletion.is_none() {
            depletion = Some(age);
        }
        let new_block = year % BLOCK_YEARS == 0;
        advance_paths(&mut balances, &mut cursors, &mut starts, new_block, &growth, [contribution, taken], retired);
        let bands = if paths > 0 {
            order_keys(&mut scratch, &balances);
            bands(&mut scratch).map(|b| Some(round_cents(b)))
        } else {
            [None; 5]
        };
        if age + 1 == request.retirement_age {
            expected_at_retirement = expected;
            median_at_retirement = bands[2];
        }
        rows.push(ProjectionYear {
            age,
            expected: round_cents(expected),
            p10: bands[0],
            p25: bands[1],
            p50: bands[2],
            p75: bands[3],
            p90: bands[4],
        });
    }
    let success = (paths > 0).then(|| {
        let lasting = balances.iter().filter(|&&b| b > 0.0).count();
        round_ratio(lasting as f64 / paths as f64)
    });
    let real_mean = mean_growth - 1.0;
    let compound = growth.iter().product::<f64>().powf(1.0 / YEARS as f64) - 1.0;
    let volatility = (growth.iter().map(|g| (g - mean_growth) * (g - mean_growth)).sum::<f64>() / YEARS as f64).sqrt();
    let inflation = 1.0 + request.inflation_percent / 100.0;
    RetirementProjection {
        success_probability: success,
        expected_at_retirement: round_cents(expected_at_retirement),
        median_at_retirement,
        expected_depletion_age: depletion,
        assumptions: ProjectionAssumptions {
            allocation,
            expected_return_percent: round_ratio(((1.0 + real_mean) * inflation - 1.0) * 100.0),
            volatility_percent: round_ratio(volatility * 100.0),
            real_return_percent: round_ratio(real_mean * 100.0),
            median_real_return_percent: round_ratio(compound * 100.0),
            inflation_percent: round_ratio(request.inflation_percent),
            history_first_year: history::first_year(),
            history_last_year: history::last_year(),
            block_years: BLOCK_YEARS,
            returns_source: history::SOURCE,
            income_annual: round_cents(request.income_annual),
            income_start_age: request.income_start_age,
            withdrawal_tax_percent: round_ratio(request.withdrawal_tax_percent),
            paths: request.paths,
            seed: request.seed,
        },
        years: rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BALANCED: Allocation = Allocation { stocks: 0.5, bonds: 0.5, cash: 0.0 };

    fn bands(values: &mut [f64]) -> [f64; 5] {
        super::bands(&mut values.iter().map(|&v| order_key(v)).collect::<Vec<_>>())
    }

    #[test]
    fn order_keys_sort_like_total_cmp_and_give_the_floats_back() {
        let values = [f64::NEG_INFINITY, -1e300, -2.5, -0.0, 0.0, 5e-324, 1.0, 2.5, 1e300, f64::INFINITY, f64::NAN];
        for a in values {
            assert_eq!(from_order_key(order_key(a)).to_bits(), a.to_bits());
            for b in values {
                assert_eq!(order_key(a).cmp(&order_key(b)), a.total_cmp(&b), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn percentiles_match_numpy_linear_interpolation() {
        // numpy.percentile([1, 2, 3, 4], [10, 25, 50, 75, 90]) = [1.3, 1.75, 2.5, 3.25, 3.7]
        let got = bands(&mut [4.0, 1.0, 3.0, 2.0]);
        for (g, e) in got.iter().zip([1.3, 1.75, 2.5, 3.25, 3.7]) {
            assert!((g - e).abs() < 1e-12, "{got:?}");
        }
        assert_eq!(bands(&mut [5.0]), [5.0; 5]);
        assert_eq!(bands(&mut [2.0, 1.0]), [1.1, 1.25, 1.5, 1.75, 1.9]);
        // 0..=1000 shuffled: the percentiles are the values themselves.
        let mut v: Vec<f64> = (0..=1000).map(|i| ((i * 7919) % 1001) as f64).collect();
        assert_eq!(bands(&mut v), [100.0, 250.0, 500.0, 750.0, 900.0]);
    }

    #[test]
    fn deterministic_path_is_the_annuity_formula() {
        // The expected path: 20 years of 10,000 at the mix's mean real return over the history.
        let mut r = RetirementRequest::new(40, 60, 61, 0.0, BALANCED);
        r.annual_contribution = 10_000.0;
        r.paths = 0;
        let p = project(&r);
        let real = BALANCED.mean_real_percent() / 100.0;
        let fv = super::super::tvm::fv(real, 20.0, -10_000.0, 0.0, super::super::tvm::When::End).unwrap();
        assert!((p.expected_at_retirement - fv).abs() < 0.01, "{} vs {fv}", p.expected_at_retirement);
        assert_eq!(p.years.len(), 21);
        assert!(p.success_probability.is_none() && p.years[0].p50.is_none());
        assert!((p.assumptions.real_return_percent - BALANCED.mean_real_percent()).abs() < 1e-4);
        assert!((p.assumptions.median_real_return_percent - BALANCED.median_real_percent()).abs() < 1e-4);
        assert!((p.assumptions.volatility_percent - BALANCED.volatility_percent()).abs() < 1e-4);
        assert_eq!((p.assumptions.history_first_year, p.assumptions.history_last_year), (1928, 2025));
    }

    /// The historical year index whose growth is `g` (the table's growth factors are distinct).
    fn year_of(g: f64, allocation: Allocation) -> usize {
        (0..YEARS).find(|&i| (allocation.real_growth(i) - g).abs() < 1e-9).expect("a historical year")
    }

    #[test]
    fn a_path_replays_runs_of_consecutive_historical_years() {
        // One path of 1 invested, nothing added or taken: each year's growth is one historical
        // year's, consecutive within a 20-year block (1928 after 2025), a new draw after it.
        let stocks = Allocation { stocks: 1.0, bonds: 0.0, cash: 0.0 };
        let mut first_years = std::collections::BTreeSet::new();
        let mut wrapped = false;
        for seed in 1..=40 {
            let mut r = RetirementRequest::new(30, 100, 90, 1e9, stocks);
            r.paths = 1;
            r.seed = seed;
            let mut before = 1e9;
            let mut years = Vec::new();
            for y in &project(&r).years {
                let now = y.p50.unwrap(); // the one path (cents rounding is immaterial at 1e9)
                years.push(year_of(now / before, stocks));
                before = now;
            }
            assert_eq!(years.len(), 60);
            for y in 1..years.len() {
                if y % BLOCK_YEARS as usize != 0 {
                    assert_eq!(years[y], (years[y - 1] + 1) % YEARS, "seed {seed}, year {y}: {years:?}");
                    wrapped |= years[y] == 0;
                }
            }
            first_years.insert(years[0]);
        }
        // The blocks start at different years for different seeds, and runs wrap around.
        assert!(first_years.len() > 25, "{first_years:?}");
        assert!(wrapped);
    }

    #[test]
    fn same_seed_same_result_other_seed_other_result() {
        let mut r = RetirementRequest::new(35, 65, 95, 50_000.0, BALANCED);
        r.annual_contribution = 12_000.0;
        r.annual_spending = 40_000.0;
        r.paths = 2000;
        let a = project(&r);
        assert_eq!(a, project(&r));
        r.seed = 2;
        assert_ne!(a.years, project(&r).years);
        for y in &a.years {
            let (p10, p50, p90) = (y.p10.unwrap(), y.p50.unwrap(), y.p90.unwrap());
            assert!(p10 <= y.p25.unwrap() && y.p25.unwrap() <= p50 && p50 <= y.p75.unwrap() && y.p75.unwrap() <= p90);
        }
    }

    #[test]
    fn more_spending_means_less_success() {
        let mut r = RetirementRequest::new(65, 65, 95, 1_000_000.0, BALANCED);
        r.paths = 5000;
        let rates: Vec<f64> = [30_000.0, 40_000.0, 60_000.0, 100_000.0]
            .iter()
            .map(|&s| {
                r.annual_spending = s;
                project(&r).success_probability.unwrap()
            })
            .collect();
        assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
        r.annual_spending = 0.0;
        assert_eq!(project(&r).success_probability, Some(1.0));
        // Spending 200,000 a year of 1,000,000 runs out in the sixth year on the expected path.
        r.annual_spending = 200_000.0;
        let p = project(&r);
        assert!(p.expected_depletion_age.is_some_and(|a| (69..=71).contains(&a)), "{:?}", p.expected_depletion_age);
        assert!(p.success_probability.unwrap() < 0.01);
    }

    #[test]
    fn social_security_and_withdrawal_tax_change_what_is_withdrawn() {
        let mut r = RetirementRequest::new(65, 65, 95, 600_000.0, BALANCED);
        r.annual_spending = 48_000.0;
        r.paths = 4000;
        let without = project(&r).success_probability.unwrap();
        // Social Security of 24,000 a year from 67 halves the withdrawals from then on.
        r.income_annual = 24_000.0;
        r.income_start_age = 67;
        let with_income = project(&r);
        assert!(
            with_income.success_probability.unwrap() > without + 0.2,
            "{without} → {:?}",
            with_income.success_probability
        );
        assert_eq!(withdrawal(&r, 66), 48_000.0);
        assert_eq!(withdrawal(&r, 67), 24_000.0);
        // Income covering all spending: nothing is withdrawn, the money always lasts.
        r.income_annual = 50_000.0;
        r.income_start_age = 65;
        assert_eq!(withdrawal(&r, 65), 0.0);
        assert_eq!(project(&r).success_probability, Some(1.0));
        // A 20% tax on withdrawals takes 25% more out of the savings for the same spending.
        r.income_annual = 0.0;
        r.withdrawal_tax_percent = 20.0;
        assert!((withdrawal(&r, 70) - 60_000.0).abs() < 1e-9);
        let taxed = project(&r);
        assert!(taxed.success_probability.unwrap() < without);
        assert_eq!(taxed.assumptions.withdrawal_tax_percent, 20.0);
    }

    #[test]
    fn first_year_returns_are_the_historical_ones_drawn_evenly() {
        // 98,000 paths of 1,000,000 for a year: every first-year balance is one historical year's
        // growth, each year drawn about 1,000 times (binomial, standard deviation ~31).
        let mut r = RetirementRequest::new(30, 31, 31, 1_000_000.0, BALANCED);
        r.paths = 98_000;
        let mut starts = BlockStarts::new(r.seed);
        let mut counts = [0u32; YEARS];
        for _ in 0..r.paths {
            counts[starts.next() as usize] += 1;
        }
        assert!(counts.iter().all(|&c| (850..1150).contains(&c)), "{counts:?}");
        let p = project(&r);
        let y = &p.years[0];
        for band in [y.p10, y.p25, y.p50, y.p75, y.p90] {
            let g = band.unwrap() / 1e6;
            // Percentiles interpolate between two historical years at most.
            let nearest = (0..YEARS).map(|i| (BALANCED.real_growth(i) - g).abs()).fold(f64::INFINITY, f64::min);
            assert!(nearest < 0.02, "{g}");
        }
    }

    #[test]
    fn higher_inflation_than_history_means_less_success() {
        let mut r = RetirementRequest::new(65, 65, 95, 1_000_000.0, BALANCED);
        r.annual_spending = 45_000.0;
        r.paths = 4000;
        let base = project(&r);
        assert_eq!(base.assumptions.inflation_percent, round_ratio(inflation_percent()));
        r.inflation_percent = inflation_percent() + 2.0;
        let hotter = project(&r);
        assert!(hotter.success_probability.unwrap() < base.success_probability.unwrap() - 0.1, "{hotter:?}");
        assert!(hotter.assumptions.real_return_percent < base.assumptions.real_return_percent - 1.5);
    }
}
