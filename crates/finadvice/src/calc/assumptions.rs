//! Capital-market assumptions: the ONE place where expected returns, volatilities, correlation
//! and inflation are stated. Every projection (retirement, the `advise` report's plans) reads them
//! from here, and reports them next to its results.
//!
//! Source: Aswath Damodaran, "Historical Returns on Stocks, Bonds and Bills: 1928–2023" (NYU Stern,
//! January 2024, `histretSP`): annual nominal returns of the S&P 500 with dividends, the 10-year
//! US Treasury bond and the 3-month Treasury bill. Figures are rounded to the nearest 0.5 point;
//! they are long-run US history, not a forecast, and many planners assume lower future returns.
//! Inflation is the Federal Reserve's 2% target plus 0.5 point of margin (US CPI averaged about 3%
//! over 1928–2023, in the same source).

use serde::Serialize;

/// Expected return and volatility of one asset class, nominal, per year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct AssetClass {
    /// Arithmetic mean annual return, in percent.
    pub mean_percent: f64,
    /// Standard deviation of annual returns, in percent.
    pub volatility_percent: f64,
}

/// US stocks (S&P 500 with dividends, 1928–2023): mean 11.5%, standard deviation 19.5%.
pub const STOCKS: AssetClass = AssetClass { mean_percent: 11.5, volatility_percent: 19.5 };
/// US Treasury bonds (10-year, 1928–2023): mean 5.0%, standard deviation 7.5%.
pub const BONDS: AssetClass = AssetClass { mean_percent: 5.0, volatility_percent: 7.5 };
/// Cash (3-month Treasury bills, 1928–2023): mean 3.5%, standard deviation 3.0%.
pub const CASH: AssetClass = AssetClass { mean_percent: 3.5, volatility_percent: 3.0 };
/// Correlation of annual stock and bond returns (close to zero over 1928–2023; cash is taken as
/// uncorrelated with both).
pub const STOCK_BOND_CORRELATION: f64 = 0.0;
/// Default inflation, in percent a year.
pub const INFLATION_PERCENT: f64 = 2.5;

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

impl Allocation {
    /// Expected annual nominal return of the mix, in percent: the weighted mean of the classes.
    pub fn mean_percent(self) -> f64 {
        self.stocks * STOCKS.mean_percent + self.bonds * BONDS.mean_percent + self.cash * CASH.mean_percent
    }

    /// Annual volatility of the mix, in percent: `√(Σ wᵢ²σᵢ² + 2·w_s·w_b·ρ·σ_s·σ_b)`.
    pub fn volatility_percent(self) -> f64 {
        let (s, b, c) = (
            self.stocks * STOCKS.volatility_percent,
            self.bonds * BONDS.volatility_percent,
            self.cash * CASH.volatility_percent,
        );
        (s * s + b * b + c * c + 2.0 * STOCK_BOND_CORRELATION * s * b).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mix_statistics() {
        let all_stocks = Allocation { stocks: 1.0, bonds: 0.0, cash: 0.0 };
        assert_eq!(all_stocks.mean_percent(), 11.5);
        assert_eq!(all_stocks.volatility_percent(), 19.5);
        let balanced = Allocation { stocks: 0.5, bonds: 0.5, cash: 0.0 };
        assert_eq!(balanced.mean_percent(), 8.25);
        // Diversification: less volatile than the weighted volatilities.
        assert!(balanced.volatility_percent() < 0.5 * 19.5 + 0.5 * 7.5);
    }
}
