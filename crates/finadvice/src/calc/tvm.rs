//! Time value of money: `fv, pv, pmt, nper, rate, ipmt, ppmt, npv, irr`.
//!
//! Conventions (those of spreadsheets and numpy-financial):
//! * **Sign**: money paid out is negative, money received positive. A loan of 200,000 received
//!   today is `pv = 200000`; its payments come out negative.
//! * `rate` is per period (an annual 7.5% paid monthly is `0.075 / 12`), as a fraction, not percent.
//! * [`When::End`] (ordinary annuity, the default) or [`When::Begin`] (annuity due).
//! * Every function solves the same equation, for a different unknown:
//!
//!   `fv + pv·(1+r)^n + pmt·(1 + r·w)/r·((1+r)^n − 1) = 0`, and when `r = 0`: `fv + pv + pmt·n = 0`,
//!
//!   with `w = 0` for `End` and `1` for `Begin`.
//! * `npv(rate, values)` counts `values[0]` at time 0, undiscounted (numpy-financial's convention;
//!   a spreadsheet's `NPV` discounts the first value too: `NPV = npv / (1 + rate)`).
//! * `rate` and `irr` are found numerically: they either converge to full precision or return
//!   [`TvmError::NoSolution`]; they never loop forever.

use std::fmt;

/// When payments are made within each period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// At the end of each period (ordinary annuity; a loan's payments).
    #[default]
    End,
    /// At the beginning of each period (annuity due; rent, an insurance premium).
    Begin,
}

impl When {
    fn w(self) -> f64 {
        match self {
            When::End => 0.0,
            When::Begin => 1.0,
        }
    }
}

/// Why a time-value-of-money function has no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum TvmError {
    /// An argument is NaN or infinite, or outside its domain (named with the reason).
    InvalidArgument(&'static str, String),
    /// The equation has no solution for these values (e.g. a payment that never repays a loan).
    NoSolution(String),
}

impl fmt::Display for TvmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TvmError::InvalidArgument(name, why) => write!(f, "{name}: {why}"),
            TvmError::NoSolution(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for TvmError {}

fn finite(name: &'static str, v: f64) -> Result<f64, TvmError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(TvmError::InvalidArgument(name, format!("must be finite, not {v}")))
    }
}

fn check_rate(rate: f64) -> Result<f64, TvmError> {
    finite("rate", rate)?;
    if rate <= -1.0 {
        return Err(TvmError::InvalidArgument("rate", format!("must be greater than -1 (-100%), not {rate}")));
    }
    Ok(rate)
}

fn result(name: &'static str, v: f64) -> Result<f64, TvmError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(TvmError::NoSolution(format!("{name} is not finite for these values")))
    }
}

/// Future value after `nper` periods of a present value `pv` and a payment `pmt` each period.
pub fn fv(rate: f64, nper: f64, pmt: f64, pv: f64, when: When) -> Result<f64, TvmError> {
    check_rate(rate)?;
    let (nper, pmt, pv) = (finite("nper", nper)?, finite("pmt", pmt)?, finite("pv", pv)?);
    if rate == 0.0 {
        return result("fv", -(pv + pmt * nper));
    }
    let t = (1.0 + rate).powf(nper);
    result("fv", -(pv * t + pmt * (1.0 + rate * when.w()) / rate * (t - 1.0)))
}

/// Present value of `nper` payments `pmt` plus a future value `fv`.
pub fn pv(rate: f64, nper: f64, pmt: f64, fv: f64, when: When) -> Result<f64, TvmError> {
    check_rate(rate)?;
    let (nper, pmt, fv) = (finite("nper", nper)?, finite("pmt", pmt)?, finite("fv", fv)?);
    if rate == 0.0 {
        return result("pv", -(fv + pmt * nper));
    }
    let t = (1.0 + rate).powf(nper);
    result("pv", -(fv + pmt * (1.0 + rate * when.w()) / rate * (t - 1.0)) / t)
}

/// The payment per period that turns `pv` into `fv` in `nper` periods (a loan's payment with `fv = 0`).
pub fn pmt(rate: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64, TvmError> {
    check_rate(rate)?;
    let (nper, pv, fv) = (finite("nper", nper)?, finite("pv", pv)?, finite("fv", fv)?);
    if nper == 0.0 {
        return Err(TvmError::InvalidArgument("nper", "must not be 0".into()));
    }
    if rate == 0.0 {
        return result("pmt", -(fv + pv) / nper);
    }
    let t = (1.0 + rate).powf(nper);
    result("pmt", -(fv + pv * t) / ((1.0 + rate * when.w()) / rate * (t - 1.0)))
}

/// The number of periods for payments `pmt` to turn `pv` into `fv` (may be fractional).
pub fn nper(rate: f64, pmt: f64, pv: f64, fv: f64, when: When) -> Result<f64, TvmError> {
    check_rate(rate)?;
    let (pmt, pv, fv) = (finite("pmt", pmt)?, finite("pv", pv)?, finite("fv", fv)?);
    if rate == 0.0 {
        if pmt == 0.0 {
            return Err(TvmError::NoSolution("with no payment and no interest the value never changes".into()));
        }
        return result("nper", -(fv + pv) / pmt);
    }
    let z = pmt * (1.0 + rate * when.w()) / rate;
    let ratio = (z - fv) / (pv + z);
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // written so that NaN is refused too
    if !(ratio > 0.0) || !ratio.is_finite() {
        return Err(TvmError::NoSolution(
            "the payment never reaches the target (it does not even cover the interest)".into(),
        ));
    }
    result("nper", ratio.ln() / (1.0 + rate).ln())
}

/// The interest part of the payment in period `per` (1-based) of an `nper`-period annuity.
pub fn ipmt(rate: f64, per: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64, TvmError> {
    let total = pmt(rate, nper, pv, fv, when)?;
    check_period(per, nper)?;
    if when == When::Begin && per == 1.0 {
        return Ok(0.0); // the first payment is made at once: no interest has accrued yet
    }
    // Balance at the start of the period, times the rate.
    let balance = self::fv(rate, per - 1.0, total, pv, when)?;
    let interest = balance * rate;
    result("ipmt", if when == When::Begin { interest / (1.0 + rate) } else { interest })
}

/// The principal part of the payment in period `per` (1-based): `pmt − ipmt`.
pub fn ppmt(rate: f64, per: f64, nper: f64, pv: f64, fv: f64, when: When) -> Result<f64, TvmError> {
    Ok(pmt(rate, nper, pv, fv, when)? - ipmt(rate, per, nper, pv, fv, when)?)
}

fn check_period(per: f64, nper: f64) -> Result<(), TvmError> {
    finite("per", per)?;
    if per < 1.0 || per > nper || per.fract() != 0.0 {
        return Err(TvmError::InvalidArgument(
            "per",
            format!("must be a whole period between 1 and {nper}, not {per}"),
        ));
    }
    Ok(())
}

/// Net present value of cash flows at the end of periods 0, 1, 2, …: `Σ values[t] / (1+rate)^t`.
pub fn npv(rate: f64, values: &[f64]) -> Result<f64, TvmError> {
    check_rate(rate)?;
    let mut total = 0.0;
    let mut discount = 1.0;
    for &v in values {
        total += finite("values", v)? / discount;
        discount *= 1.0 + rate;
    }
    result("npv", total)
}

/// The interest rate per period of an annuity (`nper` payments `pmt`, present value `pv`, future
/// value `fv`). `guess` picks among several solutions: the one nearest to it is returned.
pub fn rate(nper: f64, pmt: f64, pv: f64, fv: f64, when: When, guess: f64) -> Result<f64, TvmError> {
    let (nper, pmt, pv, fv, guess) =
        (finite("nper", nper)?, finite("pmt", pmt)?, finite("pv", pv)?, finite("fv", fv)?, finite("guess", guess)?);
    if nper <= 0.0 {
        return Err(TvmError::InvalidArgument("nper", format!("must be positive, not {nper}")));
    }
    let w = when.w();
    let equation = |r: f64| {
        if r == 0.0 {
            fv + pv + pmt * nper
        } else {
            let t = (1.0 + r).powf(nper);
            fv + pv * t + pmt * (1.0 + r * w) / r * (t - 1.0)
        }
    };
    find_root(equation, guess).ok_or_else(|| {
        TvmError::NoSolution(
            "no interest rate makes these payments match (check the signs: money out is negative)".into(),
        )
    })
}

/// Internal rate of return of cash flows at periods 0, 1, 2, …: the rate at which their
/// [`npv`] is 0. With several such rates, the one nearest to 10% is returned (as numpy-financial does).
pub fn irr(values: &[f64]) -> Result<f64, TvmError> {
    for &v in values {
        finite("values", v)?;
    }
    if !(values.iter().any(|&v| v > 0.0) && values.iter().any(|&v| v < 0.0)) {
        return Err(TvmError::NoSolution("the cash flows need at least one positive and one negative value".into()));
    }
    let equation = |r: f64| {
        let mut total = 0.0;
        let mut discount = 1.0;
        for &v in values {
            total += v / discount;
            discount *= 1.0 + r;
        }
        total
    };
    find_root(equation, 0.1)
        .ok_or_else(|| TvmError::NoSolution("the cash flows have no internal rate of return above -100%".into()))
}

/// Grid of candidate rates scanned for sign changes: fine near the usual range, coarse far out.
fn rate_grid() -> impl Iterator<Item = f64> {
    let near = (-999..=-990).map(|i| i as f64 / 1000.0); // −99.9% … −99.0%
    let mid = (-989..=1000).map(|i| i as f64 / 1000.0); // −98.9% … +100%, step 0.1%
    let far = (11..=1000).map(|i| i as f64 / 10.0); // +110% … +10,000%, step 10%
    near.chain(mid).chain(far)
}

/// Finds a root of `f` on (−1, 100]: scans a fixed grid for sign changes, keeps the bracket whose
/// root is nearest to `guess`, and bisects it to full precision. A bounded number of steps, so it
/// always ends; `None` when `f` never changes sign on the grid.
fn find_root(f: impl Fn(f64) -> f64, guess: f64) -> Option<f64> {
    let mut best: Option<(f64, f64, f64, f64)> = None; // (distance, lo, hi, f(lo))
    let mut prev: Option<(f64, f64)> = None;
    for r in rate_grid() {
        let y = f(r);
        if !y.is_finite() {
            prev = None;
            continue;
        }
        if y == 0.0 {
            let d = (r - guess).abs();
            if best.map_or(true, |b| d < b.0) {
                best = Some((d, r, r, 0.0));
            }
        } else if let Some((pr, py)) = prev {
            if py != 0.0 && (py < 0.0) != (y < 0.0) {
                let d = ((pr + r) / 2.0 - guess).abs();
                if best.map_or(true, |b| d < b.0) {
                    best = Some((d, pr, r, py));
                }
            }
        }
        prev = Some((r, y));
    }
    let (_, mut lo, mut hi, mut flo) = best?;
    for _ in 0..200 {
        let mid = lo + (hi - lo) / 2.0;
        if mid <= lo || mid >= hi {
            break; // adjacent floats: full precision reached
        }
        let fm = f(mid);
        if fm == 0.0 {
            return Some(mid);
        }
        if (fm < 0.0) == (flo < 0.0) {
            lo = mid;
            flo = fm;
        } else {
            hi = mid;
        }
    }
    Some(lo + (hi - lo) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!((actual - expected).abs() <= tolerance, "expected {expected}, got {actual}");
    }

    // numpy-financial 1.0 documentation, the "Examples" section of each function
    // (numpy.org/numpy-financial/latest/<function>.html).
    #[test]
    fn numpy_financial_documented_examples() {
        // fv: "save $100 a month at 5% for 10 years, starting with $100" → 15692.928894335748
        close(fv(0.05 / 12.0, 120.0, -100.0, -100.0, When::End).unwrap(), 15692.928894335748, 1e-8);
        // pmt: "$200,000 over 15 years at 7.5% per year" → -1854.0247200054619
        close(pmt(0.075 / 12.0, 180.0, 200_000.0, 0.0, When::End).unwrap(), -1854.0247200054619, 1e-9);
        // nper: "$150/month towards a loan of $8,000 at 7%" → 64.07334877066185
        close(nper(0.07 / 12.0, -150.0, 8000.0, 0.0, When::End).unwrap(), 64.07334877066185, 1e-10);
        // pv: "$100/month for 10 years at 5% to reach $15,692.93" → -100.00067131625819
        close(pv(0.05 / 12.0, 120.0, -100.0, 15692.93, When::End).unwrap(), -100.00067131625819, 1e-9);
        // rate: npf.rate(10, 0, -3500, 10000) → 0.11069085371426901 (numpy-financial stops its Newton
        // iteration at a tolerance of 1e-6; the exact root (10000/3500)^(1/10) − 1 is 0.1106908537107527).
        close(rate(10.0, 0.0, -3500.0, 10000.0, When::End, 0.1).unwrap(), 0.11069085371426901, 1e-9);
        close(rate(10.0, 0.0, -3500.0, 10000.0, When::End, 0.1).unwrap(), 0.1106908537107527, 1e-15);
        // npv: npf.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]) → 3065.2226681795255
        close(npv(0.08, &[-40_000.0, 5_000.0, 8_000.0, 12_000.0, 30_000.0]).unwrap(), 3065.2226681795255, 1e-8);
        // irr: the five documented cash-flow series
        close(irr(&[-100.0, 39.0, 59.0, 55.0, 20.0]).unwrap(), 0.28094842115996066, 1e-12);
        close(irr(&[-100.0, 0.0, 0.0, 74.0]).unwrap(), -0.0954958303489728, 1e-12);
        close(irr(&[-100.0, 100.0, 0.0, -7.0]).unwrap(), -0.08329966618493256, 1e-12);
        close(irr(&[-100.0, 100.0, 0.0, 7.0]).unwrap(), 0.06205848562992955, 1e-12);
        close(irr(&[-5.0, 10.5, 1.0, -8.0, 1.0]).unwrap(), 0.08859833852775534, 1e-12);
    }

    // numpy-financial ipmt documentation: "amortization schedule for a 1 year loan of $2500 at
    // 8.24% interest per year compounded monthly" — the printed table and "interest = -112.98".
    #[test]
    fn numpy_financial_ipmt_amortization_table() {
        let r = 0.0824 / 12.0;
        let interest = [-17.17, -15.79, -14.40, -13.01, -11.60, -10.18, -8.76, -7.32, -5.88, -4.42, -2.96, -1.49];
        let principal = [
            -200.58, -201.96, -203.35, -204.74, -206.15, -207.56, -208.99, -210.42, -211.87, -213.32, -214.79, -216.26,
        ];
        let mut total = 0.0;
        for per in 1..=12 {
            let i = ipmt(r, per as f64, 12.0, 2500.0, 0.0, When::End).unwrap();
            let p = ppmt(r, per as f64, 12.0, 2500.0, 0.0, When::End).unwrap();
            close(i, interest[per - 1], 0.005);
            close(p, principal[per - 1], 0.005);
            close(i + p, pmt(r, 12.0, 2500.0, 0.0, When::End).unwrap(), 1e-9);
            total += i;
        }
        close(total, -112.98, 0.005);
    }

    // Microsoft Excel function reference, the "Example" table of each function
    // (support.microsoft.com: PMT, FV, PV, NPER, RATE, IRR, NPV, IPMT, PPMT).
    #[test]
    fn spreadsheet_documented_examples() {
        close(pmt(0.08 / 12.0, 10.0, 10_000.0, 0.0, When::End).unwrap(), -1037.03, 0.005); // PMT
        close(pmt(0.06 / 12.0, 18.0 * 12.0, 0.0, 50_000.0, When::End).unwrap(), -129.08, 0.005); // PMT, saving
        close(fv(0.06 / 12.0, 10.0, -200.0, -500.0, When::Begin).unwrap(), 2581.40, 0.005); // FV, type 1
        close(pv(0.08 / 12.0, 240.0, 500.0, 0.0, When::End).unwrap(), -59_777.15, 0.005); // PV
        close(nper(0.01, -100.0, -1000.0, 10_000.0, When::Begin).unwrap(), 59.6738657, 1e-7); // NPER, type 1
        close(nper(0.01, -100.0, -1000.0, 10_000.0, When::End).unwrap(), 60.0821228, 1e-7); // NPER
        close(nper(0.01, -100.0, -1000.0, 0.0, When::End).unwrap(), -9.57859404, 1e-7); // NPER, no fv
        close(rate(48.0, -200.0, 8000.0, 0.0, When::End, 0.1).unwrap(), 0.0077, 0.00005); // RATE: 0.77%
        let flows = [-70_000.0, 12_000.0, 15_000.0, 18_000.0, 21_000.0, 26_000.0];
        close(irr(&flows).unwrap(), 0.0866, 0.00005); // IRR after five years: 8.66%
        close(irr(&flows[..5]).unwrap(), -0.0212, 0.00005); // after four years: -2.12%
        close(irr(&flows[..3]).unwrap(), -0.4435, 0.00005); // after two years (guess -10%): -44.35%
                                                            // NPV(10%, -10000, 3000, 4200, 6800) = 1188.44: a spreadsheet discounts the first value too.
        close(npv(0.10, &[0.0, -10_000.0, 3000.0, 4200.0, 6800.0]).unwrap(), 1188.44, 0.005);
        close(ipmt(0.10 / 12.0, 1.0, 36.0, 8000.0, 0.0, When::End).unwrap(), -66.67, 0.005); // IPMT, month 1
        close(ipmt(0.10, 3.0, 3.0, 8000.0, 0.0, When::End).unwrap(), -292.45, 0.005); // IPMT, year 3
        close(ppmt(0.10 / 12.0, 1.0, 24.0, 2000.0, 0.0, When::End).unwrap(), -75.62, 0.005);
        // PPMT
    }

    #[test]
    fn zero_rate_and_begin_conventions() {
        assert_eq!(pmt(0.0, 12.0, 1200.0, 0.0, When::End).unwrap(), -100.0);
        assert_eq!(nper(0.0, -2000.0, 0.0, 100_000.0, When::End).unwrap(), 50.0);
        assert_eq!(fv(0.0, 10.0, -5.0, -50.0, When::Begin).unwrap(), 100.0);
        assert_eq!(ipmt(0.01, 1.0, 12.0, 1000.0, 0.0, When::Begin).unwrap(), 0.0);
        // Begin payments are the end payments discounted by one period.
        let end = pmt(0.01, 12.0, 1000.0, 0.0, When::End).unwrap();
        close(pmt(0.01, 12.0, 1000.0, 0.0, When::Begin).unwrap(), end / 1.01, 1e-12);
    }

    #[test]
    fn impossible_or_invalid_inputs_are_errors_not_nan() {
        // $10/month never repays $8,000 at 7%.
        assert!(matches!(nper(0.07 / 12.0, -10.0, 8000.0, 0.0, When::End), Err(TvmError::NoSolution(_))));
        assert!(matches!(nper(0.0, 0.0, 100.0, 0.0, When::End), Err(TvmError::NoSolution(_))));
        assert!(matches!(irr(&[100.0, 50.0]), Err(TvmError::NoSolution(_))));
        assert!(matches!(irr(&[]), Err(TvmError::NoSolution(_))));
        assert!(matches!(rate(10.0, -1.0, -1.0, -1.0, When::End, 0.1), Err(TvmError::NoSolution(_))));
        assert!(matches!(fv(f64::NAN, 1.0, 1.0, 1.0, When::End), Err(TvmError::InvalidArgument("rate", _))));
        assert!(matches!(fv(-1.5, 1.0, 1.0, 1.0, When::End), Err(TvmError::InvalidArgument("rate", _))));
        assert!(matches!(pmt(0.1, 0.0, 1.0, 0.0, When::End), Err(TvmError::InvalidArgument("nper", _))));
        assert!(matches!(ipmt(0.1, 13.0, 12.0, 1.0, 0.0, When::End), Err(TvmError::InvalidArgument("per", _))));
        assert!(matches!(npv(0.1, &[1.0, f64::INFINITY]), Err(TvmError::InvalidArgument("values", _))));
        assert!(matches!(fv(0.5, 1e6, 1.0, 1.0, When::End), Err(TvmError::NoSolution(_))));
        // overflow
    }
}
