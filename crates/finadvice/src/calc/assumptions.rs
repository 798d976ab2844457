//! Capital-market assumptions: the ONE place where returns, volatilities, correlation and
//! inflation are stated. Every projection (retirement, goals, the `advise` report's plans) reads
//! them from here and reports them next to its results.
//!
//! The figures are **real** (after inflation) and come from one source, so that returns and
//! inflation are consistent: Dimson, Marsh & Staunton's US series, 1900–2025, as published in the
//! UBS Global Investment Returns Yearbook 2026 (compound real returns: equities 6.6% a year, bonds
//! 1.6%; $1 of 1900 prices is $37 of 2025 prices, 2.9% inflation a year), and its earlier editions
//! for the dispersion (Credit Suisse Global Investment Returns Yearbook 2017, table "Real equity
//! returns around the world, 1900–2016": US standard deviation 20.0%).
//!
//! * A class's **mean** is its arithmetic mean real return: the compound (geometric) return plus
//!   half the variance, `g + σ²/2`, so that independent normal years compound at `g` at the median.
//! * Bonds' dispersion is counted in real terms: nominal bond returns plus the inflation that
//!   erodes them, √(9.25² + 4.57²) ≈ 10.3% from Ibbotson's 1926–1995 statistics (long-term
//!   government bonds 9.25%, inflation 4.57%; the series of the Trinity study), taken as
//!   uncorrelated. Modelling nominal returns deflated by a fixed inflation (as before) left out
//!   this inflation risk and made bond-heavy mixes far too safe.
//! * Cash (Treasury bills) tracks inflation closely: 0.5% real a year (bills compounded $1 to $67
//!   over 1900–2025 against $37 of prices), with a 4% real standard deviation.
//! * Stock and bond **real** returns are slightly positively correlated (their nominal returns
//!   are nearly uncorrelated, but both are deflated by the same inflation): 0.1.
//!
//! These are long-run US history, not a forecast; many planners assume lower future returns.

use serde::Serialize;

/// Real return and volatility of one asset class, per year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct AssetClass {
    /// Compound (geometric) real return, in percent a year.
    pub compound_real_percent: f64,
    /// Standard deviation of annual real returns, in percent.
    pub volatility_percent: f64,
}

impl AssetClass {
    /// Arithmetic mean real return, in percent: `g + σ²/2`.
    pub fn mean_real_percent(self) -> f64 {
        self.compound_real_percent + self.volatility_percent * self.volatility_percent / 200.0
    }
}

/// US equities: 6.6% real compound a year, standard deviation 20.0%.
pub const STOCKS: AssetClass = AssetClass { compound_real_percent: 6.6, volatility_percent: 20.0 };
/// US government bonds: 1.6% real compound a year, standard deviation 10.3% (inflation included).
pub const BONDS: AssetClass = AssetClass { compound_real_percent: 1.6, volatility_percent: 10.3 };
/// Cash (Treasury bills): 0.5% real compound a year, standard deviation 4.0%.
pub const CASH: AssetClass = AssetClass { compound_real_percent: 0.5, volatility_percent: 4.0 };
/// Correlation of annual real stock and bond returns (cash taken as uncorrelated with both).
pub const STOCK_BOND_CORRELATION: f64 = 0.1;
/// Inflation, in percent a year (US 1900–2025, same source): it turns the real figures into the
/// nominal rates a goal or a savings account is quoted in.
pub const INFLATION_PERCENT: f64 = 2.9;

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

/// A real rate (percent) as the nominal rate it is with [`INFLATION_PERCENT`]: `(1+r)(1+i) − 1`.
pub fn nominal_percent(real_percent: f64) -> f64 {
    ((1.0 + real_percent / 100.0) * (1.0 + INFLATION_PERCENT / 100.0) - 1.0) * 100.0
}

impl Allocation {
    /// Arithmetic mean real return of the mix, in percent: the weighted means of the classes.
    pub fn mean_real_percent(self) -> f64 {
        self.stocks * STOCKS.mean_real_percent()
            + self.bonds * BONDS.mean_real_percent()
            + self.cash * CASH.mean_real_percent()
    }

    /// Expected annual nominal return of the mix, in percent (the real mean with [`INFLATION_PERCENT`]).
    pub fn mean_percent(self) -> f64 {
        nominal_percent(self.mean_real_percent())
    }

    /// Annual volatility of the mix's real return, in percent: `√(Σ wᵢ²σᵢ² + 2·w_s·w_b·ρ·σ_s·σ_b)`.
    pub fn volatility_percent(self) -> f64 {
        let (s, b, c) = (
            self.stocks * STOCKS.volatility_percent,
            self.bonds * BONDS.volatility_percent,
            self.cash * CASH.volatility_percent,
        );
        (s * s + b * b + c * c + 2.0 * STOCK_BOND_CORRELATION * s * b).sqrt()
    }

    /// Median (compound) real growth rate of the mix, in percent: `mean − σ²/2`, what a sum
    /// invested in it grows at in the typical case (the arithmetic mean overstates it).
    pub fn median_real_percent(self) -> f64 {
        let v = self.volatility_percent();
        self.mean_real_percent() - v * v / 200.0
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

    #[test]
    fn mix_statistics() {
        let all_stocks = Allocation { stocks: 1.0, bonds: 0.0, cash: 0.0 };
        // 6.6% compound with 20% volatility: 8.6% arithmetic mean, and back to 6.6% at the median.
        assert!((all_stocks.mean_real_percent() - 8.6).abs() < 1e-12);
        assert!((all_stocks.median_real_percent() - 6.6).abs() < 1e-12);
        assert_eq!(all_stocks.volatility_percent(), 20.0);
        let balanced = Allocation { stocks: 0.5, bonds: 0.5, cash: 0.0 };
        // Diversification: less volatile than the weighted volatilities; the median of the mix is
        // above the weighted medians (the volatility drag shrinks).
        assert!(balanced.volatility_percent() < 0.5 * 20.0 + 0.5 * 10.3);
        assert!(balanced.median_real_percent() > 0.5 * 6.6 + 0.5 * 1.6);
        assert!(balanced.median_real_percent() < balanced.mean_real_percent());
        // Nominal = real with inflation: cash earns about 3.4% nominal.
        let cash = ALL_CASH.mean_percent();
        assert!((cash - ((1.0 + CASH.mean_real_percent() / 100.0) * 1.029 - 1.0) * 100.0).abs() < 1e-12);
        assert!(cash > 3.3 && cash < 3.6, "{cash}");
    }
}
