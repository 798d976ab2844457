//! Social Security retirement benefit estimate, in today's dollars: SSA's primary insurance amount
//! (PIA) formula with the year's bend points, adjusted for the claiming age.
//!
//! Formula (SSA, "Primary Insurance Amount", https://www.ssa.gov/oact/cola/piaformula.html): the
//! PIA is 90% of average indexed monthly earnings (AIME) up to the first bend point, 32% between
//! the bend points and 15% above the second. Bend points (SSA, "Benefit Formula Bend Points",
//! https://www.ssa.gov/oact/cola/bendpoints.html): 2025 $1,226 and $7,391; 2026 $1,286 and
//! $7,749. Earnings count up to the contribution and benefit base (SSA, "Contribution and Benefit
//! Base", https://www.ssa.gov/oact/cola/cbb.html): $176,100 in 2025, $184,500 in 2026.
//!
//! **Simplification** (stated wherever the estimate is shown): the person's covered earnings are
//! today's gross income (capped at the year's base), assumed constant in real terms for every
//! working year from age [`CAREER_START_AGE`] to the retirement age, at most the 35 years the AIME
//! averages (fewer years count as zeros). Both the bend points and the earnings are then in
//! today's wage terms, so the PIA is in today's dollars. Spousal and survivor benefits, the
//! earnings test and the taxation of benefits are not modelled; SSA's own estimate
//! (my Social Security, https://www.ssa.gov/myaccount/) replaces it when the person gives it.
//!
//! Claiming age (SSA, "Benefit Reduction for Early Retirement",
//! https://www.ssa.gov/oact/quickcalc/earlyretire.html, and "Delayed Retirement Credits",
//! https://www.ssa.gov/benefits/retirement/planner/delayret.html): before the full retirement age
//! the benefit falls by 5/9 of 1% a month for the first 36 months and 5/12 of 1% for each further
//! month; after it, it rises by 2/3 of 1% a month (8% a year) until 70. Full retirement age
//! (SSA, https://www.ssa.gov/benefits/retirement/planner/agereduction.html): 66 for people born
//! 1943–1954, rising by 2 months a birth year to 67 for 1960 and later.

/// One year's formula figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenefitYear {
    /// The year.
    pub year: i32,
    /// First and second bend points, dollars of AIME a month.
    pub bend_points: [f64; 2],
    /// Contribution and benefit base (the taxable maximum), dollars a year.
    pub taxable_maximum: f64,
}

/// 2025 figures (SSA bend points and contribution and benefit base for 2025).
pub const BENEFIT_2025: BenefitYear =
    BenefitYear { year: 2025, bend_points: [1_226.0, 7_391.0], taxable_maximum: 176_100.0 };
/// 2026 figures (SSA bend points and contribution and benefit base for 2026).
pub const BENEFIT_2026: BenefitYear =
    BenefitYear { year: 2026, bend_points: [1_286.0, 7_749.0], taxable_maximum: 184_500.0 };
/// Every year known, oldest first.
pub const BENEFIT_YEARS: [BenefitYear; 2] = [BENEFIT_2025, BENEFIT_2026];

/// The years of highest earnings the AIME averages.
pub const COMPUTATION_YEARS: u32 = 35;
/// Age at which the estimate assumes covered work began.
pub const CAREER_START_AGE: u32 = 22;
/// Earliest claiming age.
pub const EARLIEST_CLAIMING_AGE: u32 = 62;
/// Age after which delaying adds no credit.
pub const LATEST_CREDIT_AGE: u32 = 70;

/// The figures for `year`: that year's, or the nearest year known.
pub fn benefit_year(year: i32) -> &'static BenefitYear {
    BENEFIT_YEARS.iter().rev().find(|b| b.year <= year).unwrap_or(&BENEFIT_YEARS[0])
}

/// Full retirement age in months for someone born in `birth_year`.
pub fn full_retirement_age_months(birth_year: i32) -> u32 {
    match birth_year {
        ..=1954 => 66 * 12,
        1955..=1959 => 66 * 12 + 2 * (birth_year - 1954) as u32,
        _ => 67 * 12,
    }
}

/// The claiming-age factor: 1 at the full retirement age, less before it, more after (to 70).
pub fn claiming_factor(claiming_age_months: u32, full_age_months: u32) -> f64 {
    if claiming_age_months < full_age_months {
        let early = (full_age_months - claiming_age_months) as f64;
        let first = early.min(36.0);
        1.0 - first * 5.0 / 900.0 - (early - first) * 5.0 / 1200.0
    } else {
        let late = (claiming_age_months.min(LATEST_CREDIT_AGE * 12) - full_age_months) as f64;
        1.0 + late * 2.0 / 300.0
    }
}

impl BenefitYear {
    /// The primary insurance amount (dollars a month) of an average indexed monthly earnings.
    pub fn pia(&self, aime: f64) -> f64 {
        let [b1, b2] = self.bend_points;
        let aime = aime.max(0.0);
        0.9 * aime.min(b1) + 0.32 * (aime.min(b2) - b1).max(0.0) + 0.15 * (aime - b2).max(0.0)
    }

    /// The AIME of `annual_earnings` (today's dollars) earned in each of `working_years` years:
    /// capped at the taxable maximum, averaged over the 35 computation years.
    pub fn aime(&self, annual_earnings: f64, working_years: u32) -> f64 {
        let counted = working_years.min(COMPUTATION_YEARS) as f64;
        annual_earnings.clamp(0.0, self.taxable_maximum) * counted / (COMPUTATION_YEARS as f64 * 12.0)
    }
}

/// The estimate for one earner, today's dollars a month at `claiming_age`.
///
/// `annual_earnings`: today's covered earnings; `birth_year` sets the full retirement age;
/// `retirement_age` ends the working years (started at [`CAREER_START_AGE`]).
pub fn estimate_monthly(
    year: i32,
    annual_earnings: f64,
    birth_year: i32,
    retirement_age: u32,
    claiming_age: u32,
) -> f64 {
    let figures = benefit_year(year);
    let working_years = retirement_age.saturating_sub(CAREER_START_AGE);
    let pia = figures.pia(figures.aime(annual_earnings, working_years));
    let claiming = claiming_age.clamp(EARLIEST_CLAIMING_AGE, LATEST_CREDIT_AGE) * 12;
    pia * claiming_factor(claiming, full_retirement_age_months(birth_year))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SSA's published figures: bend points (https://www.ssa.gov/oact/cola/bendpoints.html) and
    /// contribution and benefit base (https://www.ssa.gov/oact/cola/cbb.html) for 2025 and 2026.
    #[test]
    fn figures_are_ssa_s() {
        let got: Vec<(i32, [f64; 2], f64)> =
            BENEFIT_YEARS.iter().map(|b| (b.year, b.bend_points, b.taxable_maximum)).collect();
        assert_eq!(got, [(2025, [1_226.0, 7_391.0], 176_100.0), (2026, [1_286.0, 7_749.0], 184_500.0)]);
    }

    #[test]
    fn pia_formula_tiers() {
        let b = &BENEFIT_2026;
        assert_eq!(b.pia(0.0), 0.0);
        assert!((b.pia(1_286.0) - 1_157.4).abs() < 1e-9);
        // 90% of 1,286 + 32% of (7,749 − 1,286) + 15% of 1,000.
        assert!((b.pia(8_749.0) - (1_157.4 + 0.32 * 6_463.0 + 150.0)).abs() < 1e-9);
    }

    // SSA's published reductions: claiming at 62 with a full retirement age of 67 pays 70% of the
    // PIA (a 30% reduction); at 70, 124%; with a full retirement age of 66, 62 pays 75% and 70
    // pays 132% (SSA, "Retirement age and benefit reduction" table).
    #[test]
    fn claiming_age_adjustments_match_ssa_tables() {
        let fra67 = full_retirement_age_months(1960);
        assert_eq!(fra67, 804);
        assert!((claiming_factor(62 * 12, fra67) - 0.70).abs() < 1e-12);
        assert!((claiming_factor(67 * 12, fra67) - 1.0).abs() < 1e-12);
        assert!((claiming_factor(70 * 12, fra67) - 1.24).abs() < 1e-12);
        assert!((claiming_factor(72 * 12, fra67) - 1.24).abs() < 1e-12);
        let fra66 = full_retirement_age_months(1950);
        assert!((claiming_factor(62 * 12, fra66) - 0.75).abs() < 1e-12);
        assert!((claiming_factor(70 * 12, fra66) - 1.32).abs() < 1e-12);
        assert_eq!(full_retirement_age_months(1957), 66 * 12 + 6);
    }

    #[test]
    fn estimate_uses_the_capped_earnings_and_working_years() {
        // $60,000 a year for 35+ years, claimed at 67 (2026 figures): AIME 5,000.
        let at_67 = estimate_monthly(2026, 60_000.0, 1990, 67, 67);
        assert!((at_67 - (1_157.4 + 0.32 * (5_000.0 - 1_286.0))).abs() < 1e-9, "{at_67}");
        assert!((estimate_monthly(2026, 60_000.0, 1990, 67, 62) - 0.7 * at_67).abs() < 1e-9);
        // Above the base, earnings stop counting.
        assert_eq!(estimate_monthly(2026, 500_000.0, 1990, 67, 67), estimate_monthly(2026, 184_500.0, 1990, 67, 67));
        // Retiring at 47 after 25 working years counts 10 zero years.
        let short = estimate_monthly(2026, 60_000.0, 1990, 47, 67);
        let expected = BENEFIT_2026.pia(60_000.0 * 25.0 / 35.0 / 12.0);
        assert!((short - expected).abs() < 1e-9);
        assert!(short < at_67);
        // The year's figures: 2025 bend points are lower, so is the benefit for the same earnings.
        assert!(estimate_monthly(2025, 60_000.0, 1990, 67, 67) < at_67);
        assert_eq!(benefit_year(2030).year, 2026);
        assert_eq!(benefit_year(2020).year, 2025);
    }
}
