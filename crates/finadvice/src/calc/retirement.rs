//! Retirement projection: a deterministic path at the expected return, and a seeded Monte Carlo.
//!
//! Model (annual steps, everything in **today's money**, i.e. real terms):
//! * each year's nominal return `R` is drawn from a normal distribution with the allocation's
//!   nominal mean and its real volatility (inflation risk included) scaled to nominal terms
//!   ([`super::assumptions`]), floored at −99%; the real growth factor is `(1 + R) / (1 + inflation)`,
//!   so with the default inflation a year's real return has exactly the assumptions' real mean and
//!   volatility; years are independent;
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
//! Normal deviates come from the ziggurat method over xoshiro256++ seeded with
//! `seed_from_u64(seed)`, using `libm` for its tables and rare steps, so a seed gives the same numbers natively, in Node
//! and in every browser. Paths are drawn year by year (all paths for year 1, then year 2…).

use super::assumptions::{Allocation, INFLATION_PERCENT};
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
            inflation_percent: INFLATION_PERCENT,
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
    /// Expected nominal return, percent a year.
    pub expected_return_percent: f64,
    /// Volatility of the nominal return, percent a year.
    pub volatility_percent: f64,
    /// Expected real return (after the inflation below), percent a year.
    pub real_return_percent: f64,
    /// Inflation, percent a year.
    pub inflation_percent: f64,
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

/// Layers of the ziggurat.
const LAYERS: usize = 128;
/// Right edge of the base layer for 128 layers (Marsaglia & Tsang, "The Ziggurat Method for
/// Generating Random Variables", Journal of Statistical Software 5(8), 2000).
const ZIGGURAT_R: f64 = 3.442619855899;
/// Area of each layer for 128 layers (same paper).
const ZIGGURAT_V: f64 = 9.91256303526217e-3;

/// A standard normal generator: xoshiro256++ and the ziggurat method (Marsaglia & Tsang 2000),
/// whose tables and rare tail/wedge steps use `libm`, so the numbers are the same on every platform.
pub struct Normal {
    rng: Xoshiro256PlusPlus,
    /// Layer edges: `x[0]` is the base layer's virtual width `V / f(R)`, `x[1] = R`, …, `x[128] = 0`.
    x: [f64; LAYERS + 1],
    /// `f(x[i]) = exp(−x[i]²/2)`.
    f: [f64; LAYERS + 1],
}

fn density(x: f64) -> f64 {
    libm::exp(-0.5 * x * x)
}

impl Normal {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        let mut x = [0.0; LAYERS + 1];
        x[0] = ZIGGURAT_V / density(ZIGGURAT_R);
        x[1] = ZIGGURAT_R;
        for i in 2..LAYERS {
            x[i] = libm::sqrt(-2.0 * libm::log(density(x[i - 1]) + ZIGGURAT_V / x[i - 1]));
        }
        x[LAYERS] = 0.0;
        let mut f = [0.0; LAYERS + 1];
        for i in 0..=LAYERS {
            f[i] = density(x[i]);
        }
        Normal { rng: Xoshiro256PlusPlus::seed_from_u64(seed), x, f }
    }

    /// A uniform number in [0, 1) from 53 random bits.
    fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// The next standard normal deviate.
    pub fn deviate(&mut self) -> f64 {
        loop {
            let bits = self.rng.next_u64();
            let i = (bits & (LAYERS as u64 - 1)) as usize; // low 7 bits: the layer
            let u = (bits >> 11) as f64 * (2.0 / (1u64 << 53) as f64) - 1.0; // high 53 bits: [−1, 1)
            let z = u * self.x[i];
            if z.abs() < self.x[i + 1] {
                return z; // inside the layer's rectangle that lies wholly under the curve (~99%)
            }
            if i == 0 {
                // The tail beyond R (Marsaglia 1964).
                loop {
                    let a = -libm::log(1.0 - self.uniform()) / ZIGGURAT_R;
                    let b = -libm::log(1.0 - self.uniform());
                    if 2.0 * b > a * a {
                        return if u < 0.0 { -(ZIGGURAT_R + a) } else { ZIGGURAT_R + a };
                    }
                }
            }
            // The wedge between the rectangle and the curve.
            let y = self.f[i] + self.uniform() * (self.f[i + 1] - self.f[i]);
            if y < density(z) {
                return z;
            }
        }
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

/// One year of every path: `[mean, volatility, inflation factor, contribution, withdrawal]`.
///
/// Not inlined, like [`order_keys`]: called once a year, a function of its own lets a browser's
/// WebAssembly engine move it from baseline to optimized code after the first years of a page's
/// first projection (a loop inside one long call stays in baseline code for the whole call).
#[inline(never)]
fn advance_paths(
    balances: &mut [f64],
    normal: &mut Normal,
    [mean, vol, inflation, contribution, withdrawal]: [f64; 5],
    retired: bool,
) {
    for b in balances.iter_mut() {
        let r = (mean + vol * normal.deviate()).max(-0.99);
        *b = step(*b, (1.0 + r) / inflation, retired, contribution, withdrawal);
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
    let mean = request.allocation.mean_percent() / 100.0;
    let vol = request.allocation.volatility_percent() / 100.0 * (1.0 + INFLATION_PERCENT / 100.0);
    let inflation = 1.0 + request.inflation_percent / 100.0;
    let years = request.end_age.saturating_sub(request.current_age).min(MAX_YEARS);
    let contribution = request.annual_contribution;
    let retired_at = |year: u32| request.current_age + year >= request.retirement_age;

    let mut expected = request.balance;
    let mut depletion = None;
    let paths = request.paths as usize;
    let mut balances = vec![request.balance; paths];
    let mut scratch = vec![0i64; paths];
    let mut normal = Normal::new(request.seed);
    let mut rows = Vec::with_capacity(years as usize);
    let mut median_at_retirement = None;
    let mut expected_at_retirement = if request.current_age >= request.retirement_age { request.balance } else { 0.0 };
    for year in 0..years {
        let age = request.current_age + year;
        let retired = retired_at(year);
        let taken = withdrawal(request, age);
        expected = step(expected, (1.0 + mean) / inflation, retired, contribution, taken);
        if retired && expected <= 0.0 && depletion.is_none() {
            depletion = Some(age);
        }
        advance_paths(&mut balances, &mut normal, [mean, vol, inflation, contribution, taken], retired);
        let bands = if paths > 0 {
            order_keys(&mut scratch, &balances);
            bands(&mut scratch).map(|b| Some(crate::money::round_cents(b)))
        } else {
            [None; 5]
        };
        if age + 1 == request.retirement_age {
            expected_at_retirement = expected;
            median_at_retirement = bands[2];
        }
        rows.push(ProjectionYear {
            age,
            expected: crate::money::round_cents(expected),
            p10: bands[0],
            p25: bands[1],
            p50: bands[2],
            p75: bands[3],
            p90: bands[4],
        });
    }
    let success = (paths > 0).then(|| {
        let lasting = balances.iter().filter(|&&b| b > 0.0).count();
        crate::money::round_ratio(lasting as f64 / paths as f64)
    });
    RetirementProjection {
        success_probability: success,
        expected_at_retirement: crate::money::round_cents(expected_at_retirement),
        median_at_retirement,
        expected_depletion_age: depletion,
        assumptions: ProjectionAssumptions {
            allocation: request.allocation,
            expected_return_percent: round_ratio(mean * 100.0),
            volatility_percent: round_ratio(vol * 100.0),
            real_return_percent: round_ratio(((1.0 + mean) / inflation - 1.0) * 100.0),
            inflation_percent: request.inflation_percent,
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

    #[test]
    fn normal_deviates_have_unit_moments_and_are_reproducible() {
        let mut g = Normal::new(42);
        let n = 1_000_000;
        let xs: Vec<f64> = (0..n).map(|_| g.deviate()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.005, "mean {mean}");
        assert!((var - 1.0).abs() < 0.006, "variance {var}");
        // Share within 1, 2 and 3 standard deviations: 68.27%, 95.45%, 99.73%.
        for (k, share) in [(1.0, 0.6827), (2.0, 0.9545), (3.0, 0.9973)] {
            let within = xs.iter().filter(|x| x.abs() < k).count() as f64 / n as f64;
            assert!((within - share).abs() < 0.002, "within {k} sd: {within}"); // 4 standard errors
        }
        // Both tails are reached (the ziggurat's tail step beyond 3.44).
        assert!(xs.iter().any(|&x| x > 3.6) && xs.iter().any(|&x| x < -3.6));
        let mut again = Normal::new(42);
        assert!(xs.iter().take(100).all(|&x| x == again.deviate()));
        assert_ne!(Normal::new(43).deviate(), xs[0]);
    }

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
        // Zero volatility is not offered, so check the expected path against the FV formula:
        // 20 years of 10,000 at the real expected return.
        let mut r = RetirementRequest::new(40, 60, 61, 0.0, BALANCED);
        r.annual_contribution = 10_000.0;
        r.paths = 0;
        let p = project(&r);
        let real = (1.0 + BALANCED.mean_percent() / 100.0) / (1.0 + INFLATION_PERCENT / 100.0) - 1.0;
        let fv = super::super::tvm::fv(real, 20.0, -10_000.0, 0.0, super::super::tvm::When::End).unwrap();
        assert!((p.expected_at_retirement - fv).abs() < 0.01, "{} vs {fv}", p.expected_at_retirement);
        assert_eq!(p.years.len(), 21);
        assert!(p.success_probability.is_none() && p.years[0].p50.is_none());
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
    fn real_return_has_the_assumptions_mean_and_volatility() {
        // With the default inflation, a year's real growth has the mix's real mean and volatility.
        let mut r = RetirementRequest::new(30, 31, 32, 1_000_000.0, BALANCED);
        r.paths = 100_000;
        let p = project(&r);
        assert!((p.assumptions.real_return_percent - BALANCED.mean_real_percent()).abs() < 1e-3, "{:?}", p.assumptions);
        // p10..p90 of the first year's balance (1,000,000 growing for a year): ±1.2816 volatilities.
        let y = &p.years[0];
        let vol = BALANCED.volatility_percent() / 100.0;
        let (p10, p90) = (y.p10.unwrap() / 1e6, y.p90.unwrap() / 1e6);
        assert!(((p90 - p10) / 2.0 / 1.2816 - vol).abs() < 0.002, "{p10} {p90} vs {vol}");
    }
}
