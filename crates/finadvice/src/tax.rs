//! Federal income tax estimate: the ordinary brackets and standard deduction of a filing status,
//! year-versioned like the contribution limits (the year of `asOf`; before the first year known,
//! that year's figures, after the last, the last year's).
//!
//! Sources, each figure as published:
//! * **2025**: brackets from IRS Revenue Procedure 2024-40, §2.01 (Tables 1–4, unchanged by the
//!   2025 act); standard deduction as amended by Public Law 119-21 (the 2025 reconciliation act,
//!   "OBBBA"), §70102: $15,750 single and married filing separately, $31,500 married filing
//!   jointly, $23,625 head of household. Rev. Proc. 2025-32 §3.01 restates these figures and
//!   replaces Rev. Proc. 2024-40 §2.15(1), whose $15,000 / $30,000 / $22,500 no longer apply.
//! * **2026**: IRS Revenue Procedure 2025-32, §4.01 (brackets, Tables 1–4) and §4.14(1) (standard
//!   deduction $16,100 / $32,200 / $24,150 / $16,100), which applies the amendments of P.L. 119-21.
//!
//! The estimate is deliberately simple, and says so where it is used: taxable income = income
//! minus pre-tax contributions minus the standard deduction (no itemizing, no credits, no
//! additional deduction for age 65 or blindness, no qualified dividends or capital gains rates).

use crate::profile::FilingStatus;

/// One tax year's ordinary-income brackets and standard deductions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaxYear {
    /// The tax year.
    pub year: i32,
    /// Where the figures come from.
    pub source: &'static str,
    /// Standard deduction by filing status, in the order of [`status_index`].
    pub standard_deduction: [f64; 4],
    /// Taxable income at which each of the rates 12%, 22%, 24%, 32%, 35% and 37% starts, by filing
    /// status in the order of [`status_index`].
    pub thresholds: [[f64; 6]; 4],
}

/// The seven ordinary rates, in percent, lowest first.
pub const RATES_PERCENT: [f64; 7] = [10.0, 12.0, 22.0, 24.0, 32.0, 35.0, 37.0];

/// 2025: Rev. Proc. 2024-40 §2.01 brackets, P.L. 119-21 §70102 standard deduction.
pub const TAX_2025: TaxYear = TaxYear {
    year: 2025,
    source: "IRS Rev. Proc. 2024-40 §2.01 (brackets); standard deduction as amended by P.L. 119-21 §70102 (Rev. Proc. 2025-32 §3.01)",
    standard_deduction: [15_750.0, 31_500.0, 15_750.0, 23_625.0],
    thresholds: [
        [11_925.0, 48_475.0, 103_350.0, 197_300.0, 250_525.0, 626_350.0], // single
        [23_850.0, 96_950.0, 206_700.0, 394_600.0, 501_050.0, 751_600.0], // married filing jointly
        [11_925.0, 48_475.0, 103_350.0, 197_300.0, 250_525.0, 375_800.0], // married filing separately
        [17_000.0, 64_850.0, 103_350.0, 197_300.0, 250_500.0, 626_350.0], // head of household
    ],
};

/// 2026: Rev. Proc. 2025-32 (as amended by P.L. 119-21).
pub const TAX_2026: TaxYear = TaxYear {
    year: 2026,
    source: "IRS Rev. Proc. 2025-32 §4.01 (brackets) and §4.14(1) (standard deduction), reflecting P.L. 119-21",
    standard_deduction: [16_100.0, 32_200.0, 16_100.0, 24_150.0],
    thresholds: [
        [12_400.0, 50_400.0, 105_700.0, 201_775.0, 256_225.0, 640_600.0],
        [24_800.0, 100_800.0, 211_400.0, 403_550.0, 512_450.0, 768_700.0],
        [12_400.0, 50_400.0, 105_700.0, 201_775.0, 256_225.0, 384_350.0],
        [17_700.0, 67_450.0, 105_700.0, 201_750.0, 256_200.0, 640_600.0],
    ],
};

/// Every year known, oldest first.
pub const TAX_YEARS: [TaxYear; 2] = [TAX_2025, TAX_2026];

/// The figures for `year`: that year's, or the nearest year known.
pub fn tax_year(year: i32) -> &'static TaxYear {
    TAX_YEARS.iter().rev().find(|t| t.year <= year).unwrap_or(&TAX_YEARS[0])
}

/// The index of a filing status in [`TaxYear`]'s arrays.
pub fn status_index(status: FilingStatus) -> usize {
    match status {
        FilingStatus::Single => 0,
        FilingStatus::MarriedJoint => 1,
        FilingStatus::MarriedSeparate => 2,
        FilingStatus::HeadOfHousehold => 3,
    }
}

impl TaxYear {
    /// The standard deduction of `status`.
    pub fn standard_deduction(&self, status: FilingStatus) -> f64 {
        self.standard_deduction[status_index(status)]
    }

    /// Taxable income: `income` (already net of pre-tax contributions) minus the standard
    /// deduction, never negative.
    pub fn taxable_income(&self, income: f64, status: FilingStatus) -> f64 {
        (income - self.standard_deduction(status)).max(0.0)
    }

    /// The rate (percent) of the bracket the next dollar of `taxable` income falls in; 0 when
    /// there is no taxable income (a deduction then saves nothing).
    pub fn marginal_rate_percent(&self, taxable: f64, status: FilingStatus) -> f64 {
        if taxable <= 0.0 {
            return 0.0;
        }
        let thresholds = &self.thresholds[status_index(status)];
        let above = thresholds.iter().filter(|&&t| taxable > t).count();
        RATES_PERCENT[above]
    }

    /// Federal income tax on `taxable` income: each rate on the slice of income in its bracket.
    pub fn income_tax(&self, taxable: f64, status: FilingStatus) -> f64 {
        let thresholds = &self.thresholds[status_index(status)];
        let mut tax = 0.0;
        let mut lower = 0.0;
        for (i, rate) in RATES_PERCENT.iter().enumerate() {
            let upper = thresholds.get(i).copied().unwrap_or(f64::INFINITY);
            if taxable > lower {
                tax += (taxable.min(upper) - lower) * rate / 100.0;
            }
            lower = upper;
        }
        tax
    }

    /// Average federal rate (0–1) on a gross `income` with no pre-tax contributions: the tax on
    /// its taxable part divided by the income; 0 for no income.
    pub fn average_rate(&self, income: f64, status: FilingStatus) -> f64 {
        if income <= 0.0 {
            return 0.0;
        }
        self.income_tax(self.taxable_income(income, status), status) / income
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FilingStatus::*;

    const ALL: [FilingStatus; 4] = [Single, MarriedJoint, MarriedSeparate, HeadOfHousehold];

    #[test]
    fn year_follows_as_of_like_the_limits() {
        assert_eq!(tax_year(2024).year, 2025);
        assert_eq!(tax_year(2025).year, 2025);
        assert_eq!(tax_year(2026).year, 2026);
        assert_eq!(tax_year(2031).year, 2026);
    }

    #[test]
    fn thresholds_rise_and_joint_doubles_single_below_the_top() {
        for t in TAX_YEARS {
            for s in ALL {
                let th = t.thresholds[status_index(s)];
                assert!(th.windows(2).all(|w| w[0] < w[1]), "{} {s:?}", t.year);
            }
            // Married filing jointly is twice single for the 10%–32% brackets (IRC §1(j)).
            for i in 0..5 {
                assert_eq!(t.thresholds[1][i], 2.0 * t.thresholds[0][i], "{} bracket {i}", t.year);
            }
            // Separate returns track single until the 35% bracket ends at half the joint figure.
            assert_eq!(t.thresholds[2][..5], t.thresholds[0][..5]);
            assert_eq!(t.thresholds[2][5], t.thresholds[1][5] / 2.0);
        }
    }

    // Rev. Proc. 2025-32 §4.01 prints the tax at each threshold ("$5,800 plus 22% of the excess
    // over $50,400" for an unmarried individual; "$11,600 plus 22% of the excess over $100,800"
    // for a joint return; "$7,740 plus 22% of the excess over $67,450" for a head of household;
    // "$103,291.75 plus 37% of the excess over $384,350" for a separate return).
    #[test]
    fn tax_at_thresholds_matches_the_revenue_procedure() {
        let t = &TAX_2026;
        assert_eq!(t.income_tax(50_400.0, Single), 5_800.0);
        assert_eq!(t.income_tax(100_800.0, MarriedJoint), 11_600.0);
        assert_eq!(t.income_tax(67_450.0, HeadOfHousehold), 7_740.0);
        assert!((t.income_tax(384_350.0, MarriedSeparate) - 103_291.75).abs() < 1e-6);
        assert!((t.income_tax(640_600.0, Single) - 192_979.25).abs() < 1e-6);
        // Rev. Proc. 2024-40 §2.01 Table 3: "$5,578.50 plus 22% of the excess over $48,475";
        // Table 1: "$11,157 plus 22% of the excess over $96,950"; Table 2 (heads of household):
        // "$7,442 plus 22% of the excess over $64,850".
        assert!((TAX_2025.income_tax(48_475.0, Single) - 5_578.5).abs() < 1e-6);
        assert!((TAX_2025.income_tax(96_950.0, MarriedJoint) - 11_157.0).abs() < 1e-6);
        assert!((TAX_2025.income_tax(64_850.0, HeadOfHousehold) - 7_442.0).abs() < 1e-6);
    }

    /// The 2025 standard deduction is the one P.L. 119-21 §70102 set (Rev. Proc. 2025-32 §3.01),
    /// not Rev. Proc. 2024-40 §2.15(1)'s superseded $15,000 / $30,000 / $22,500; 2026 is Rev.
    /// Proc. 2025-32 §4.14(1). Separate returns get the single amount, joint twice it.
    #[test]
    fn standard_deductions_are_the_amended_ones() {
        let by_status = |t: &TaxYear| ALL.map(|s| t.standard_deduction(s));
        assert_eq!(by_status(&TAX_2025), [15_750.0, 31_500.0, 15_750.0, 23_625.0]);
        assert_eq!(by_status(&TAX_2026), [16_100.0, 32_200.0, 16_100.0, 24_150.0]);
        for t in TAX_YEARS {
            assert_eq!(t.standard_deduction(MarriedJoint), 2.0 * t.standard_deduction(Single));
            assert_eq!(t.standard_deduction(MarriedSeparate), t.standard_deduction(Single));
        }
    }

    #[test]
    fn marginal_rate_is_the_bracket_of_the_next_dollar() {
        let t = &TAX_2026;
        assert_eq!(t.marginal_rate_percent(0.0, Single), 0.0);
        assert_eq!(t.marginal_rate_percent(1.0, Single), 10.0);
        assert_eq!(t.marginal_rate_percent(12_400.0, Single), 10.0);
        assert_eq!(t.marginal_rate_percent(12_400.01, Single), 12.0);
        assert_eq!(t.marginal_rate_percent(60_000.0, Single), 22.0);
        assert_eq!(t.marginal_rate_percent(60_000.0, MarriedJoint), 12.0);
        assert_eq!(t.marginal_rate_percent(1_000_000.0, HeadOfHousehold), 37.0);
        // $90,000 of wages, single: taxable 73,900 → 22%; joint: 57,800 → 12%.
        assert_eq!(t.marginal_rate_percent(t.taxable_income(90_000.0, Single), Single), 22.0);
        assert_eq!(t.marginal_rate_percent(t.taxable_income(90_000.0, MarriedJoint), MarriedJoint), 12.0);
        assert_eq!(t.taxable_income(10_000.0, Single), 0.0);
    }

    #[test]
    fn tax_is_continuous_and_grows_at_the_marginal_rate() {
        for t in TAX_YEARS {
            for s in ALL {
                for taxable in [5_000.0, 30_000.0, 120_000.0, 300_000.0, 900_000.0] {
                    let slope = (t.income_tax(taxable + 1.0, s) - t.income_tax(taxable, s)) * 100.0;
                    assert!(
                        (slope - t.marginal_rate_percent(taxable + 0.5, s)).abs() < 1e-6,
                        "{} {s:?} {taxable}",
                        t.year
                    );
                }
            }
        }
        assert_eq!(TAX_2026.average_rate(0.0, Single), 0.0);
        let avg = TAX_2026.average_rate(80_000.0, Single);
        assert!(avg > 0.08 && avg < 0.12, "{avg}");
    }
}
