//! Capital-market assumptions: the ONE place where returns, volatilities and inflation are
//! stated. Every projection (retirement, goals, the `advise` report's plans) reads them from here
//! and reports them next to its results.
//!
//! All figures come from one table, so that returns and inflation are consistent: US annual
//! returns 1928–2025 ([`super::history`]: S&P 500, 10-year Treasury bond, 3-month Treasury bill,
//! CPI-U; Damodaran, NYU Stern). A mix is rebalanced every year; its **real** return in a year is
//! `Σ wᵢ(1 + rᵢ) / (1 + inflation) − 1`.
//!
//! * The **compound** (geometric) real return of a mix — what a sum invested in it grew at over
//!   the whole history — is the rate a goal compounds at: the typical outcome, below the
//!   arithmetic mean of the yearly returns by about half their variance. Stocks 6.8% a year,
//!   bonds 1.5%, bills 0.3%; 60/40 5.2%.
//! * The **mean** and **volatility** are the average and the standard deviation of the mix's
//!   yearly real returns; the retirement projection's expected path uses the mean.
//! * **Inflation** is the compound CPI-U inflation of the same years (3.0% a year); it turns real
//!   rates into the nominal rates a goal or a savings account is quoted in.
//!
//! These are long-run US history, not a forecast; many planners assume lower future returns.

use super::history::{self, YEARS};
use serde::Serialize;

/// A portfolio's shares of stocks, bonds and cash, each 0–1, adding up to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// Share in stocks.
    pub stocks: f64,
    /// Share in bonds.
    pub bonds: f64,
    /// Share in cash.
    pub cash: f64,
}

/// Compound inflation of the history, in percent a year.
pub fn inflation_percent() -> f64 {
    let prices: f64 = (0..YEARS).map(|i| 1.0 + history::year(i).inflation).product();
    (prices.powf(1.0 / YEARS as f64) - 1.0) * 100.0
}

/// A real rate (percent) as the nominal rate it is with [`inflation_percent`]: `(1+r)(1+i) − 1`.
pub fn nominal_percent(real_percent: f64) -> f64 {
    ((1.0 + real_percent / 100.0) * (1.0 + inflation_percent() / 100.0) - 1.0) * 100.0
}

impl Allocation {
    /// The mix's real growth factor in the `i`-th year of the history (rebalanced yearly).
    pub fn real_growth(self, i: usize) -> f64 {
        let y = history::year(i);
        (self.stocks * (1.0 + y.stocks) + self.bonds * (1.0 + y.bonds) + self.cash * (1.0 + y.bills))
            / (1.0 + y.inflation)
    }

    /// The mix's yearly real returns over the history, as fractions.
    fn real_returns(self) -> impl Iterator<Item = f64> {
        (0..YEARS).map(move |i| self.real_growth(i) - 1.0)
    }

    /// Arithmetic mean of the mix's yearly real returns, in percent.
    pub fn mean_real_percent(self) -> f64 {
        self.real_returns().sum::<f64>() / YEARS as f64 * 100.0
    }

    /// Expected annual nominal return of the mix, in percent (the real mean with [`inflation_percent`]).
    pub fn mean_percent(self) -> f64 {
        nominal_percent(self.mean_real_percent())
    }

    /// Standard deviation of the mix's yearly real returns, in percent.
    pub fn volatility_percent(self) -> f64 {
        let mean = self.mean_real_percent() / 100.0;
        let variance = self.real_returns().map(|r| (r - mean) * (r - mean)).sum::<f64>() / YEARS as f64;
        variance.sqrt() * 100.0
    }

    /// Median (compound) real growth rate of the mix, in percent: what a sum invested in it grew
    /// at a year over the whole history, the typical case (the arithmetic mean overstates it).
    pub fn median_real_percent(self) -> f64 {
        let growth: f64 = (0..YEARS).map(|i| self.real_growth(i)).product();
        (growth.powf(1.0 / YEARS as f64) - 1.0) * 100.0
    }

    /// Median (compound) nominal growth rate of the mix, in percent.
    pub fn median_percent(self) -> f64 {
        nominal_percent(self.median_real_percent())
    }
}

/// All cash.
pub const ALL_CASH: Allocation = Allocation { stocks: 0.0, bonds: 0.0, cash: 1.0 };

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_STOCKS: Allocation = Allocation { stocks: 1.0, bonds: 0.0, cash: 0.0 };
    const ALL_BONDS: Allocation = Allocation { stocks: 0.0, bonds: 1.0, cash: 0.0 };

    #[test]
    fn history_statistics() {
        // Damodaran's table, 1928–2025: stocks about 6.8% a year compound after inflation, with
        // a standard deviation near 19%; 10-year Treasuries about 1.5%; bills about 0.3%;
        // inflation about 3.0%.
        let (stocks, bonds, cash) =
            (ALL_STOCKS.median_real_percent(), ALL_BONDS.median_real_percent(), ALL_CASH.median_real_percent());
        assert!((6.0..7.5).contains(&stocks), "{stocks}");
        assert!((1.0..2.5).contains(&bonds), "{bonds}");
        assert!((0.0..1.0).contains(&cash), "{cash}");
        assert!((2.8..3.2).contains(&inflation_percent()), "{}", inflation_percent());
        let vol = ALL_STOCKS.volatility_percent();
        assert!((18.0..22.0).contains(&vol), "{vol}");
        // Compound ≈ mean − σ²/2 (within half a point).
        let approx = ALL_STOCKS.mean_real_percent() - vol * vol / 200.0;
        assert!((stocks - approx).abs() < 0.5, "{stocks} vs {approx}");
        // Nominal = real with inflation.
        let expected = ((1.0 + cash / 100.0) * (1.0 + inflation_percent() / 100.0) - 1.0) * 100.0;
        assert!((ALL_CASH.median_percent() - expected).abs() < 1e-12);
    }

    #[test]
    fn mix_statistics() {
        let balanced = Allocation { stocks: 0.5, bonds: 0.5, cash: 0.0 };
        // Annual rebalancing: the mix's real growth is the weighted growth of its classes.
        let y = history::year(0);
        let expected = (0.5 * (1.0 + y.stocks) + 0.5 * (1.0 + y.bonds)) / (1.0 + y.inflation);
        assert!((balanced.real_growth(0) - expected).abs() < 1e-15);
        // Diversification: less volatile than the weighted volatilities; its compound rate is
        // above the weighted compound rates and below its own arithmetic mean.
        let weighted_vol = 0.5 * ALL_STOCKS.volatility_percent() + 0.5 * ALL_BONDS.volatility_percent();
        assert!(balanced.volatility_percent() < weighted_vol);
        let weighted_median = 0.5 * ALL_STOCKS.median_real_percent() + 0.5 * ALL_BONDS.median_real_percent();
        assert!(balanced.median_real_percent() > weighted_median);
        assert!(balanced.median_real_percent() < balanced.mean_real_percent());
        // More stocks, more return and more volatility.
        assert!(ALL_STOCKS.median_real_percent() > balanced.median_real_percent());
        assert!(ALL_STOCKS.volatility_percent() > balanced.volatility_percent());
    }
}
