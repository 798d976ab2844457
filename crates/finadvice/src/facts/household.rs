//! Facts about the household's taxes, Social Security and protection, each from the profile
//! with the year-versioned figures of [`crate::tax`] and [`crate::social_security`].

use crate::profile::{AccountKind, FilingStatus, Profile};
use crate::social_security::{self, EARLIEST_CLAIMING_AGE, LATEST_CREDIT_AGE};
use crate::tax;

/// Pre-tax contributions a year: the person's own contributions to workplace plans (`401k`
/// accounts, and `other` accounts that carry an employer match) and to HSAs. Traditional IRA
/// contributions are not counted: whether they are deductible depends on income and workplace
/// coverage, and MAGI for Roth eligibility adds the deduction back anyway (IRS Publication 590-A).
pub fn pretax_contributions_annual(profile: &Profile) -> f64 {
    profile
        .accounts
        .iter()
        .filter(|a| {
            matches!(a.kind, AccountKind::K401 | AccountKind::Hsa)
                || (a.kind == AccountKind::Other && a.employer_match.is_some())
        })
        .map(|a| a.contribution_monthly * 12.0)
        .sum()
}

/// Estimated modified AGI: gross income minus pre-tax contributions, never negative.
pub fn magi_annual(profile: &Profile) -> f64 {
    let gross: f64 = profile.incomes.iter().map(|i| i.gross_annual).sum();
    (gross - pretax_contributions_annual(profile)).max(0.0)
}

/// The federal ordinary marginal rate (percent) of `magi` for the profile's filing status, with
/// the standard deduction and brackets of the year of `asOf` ([`tax::tax_year`]).
pub fn marginal_tax_rate_percent(profile: &Profile, magi: f64) -> f64 {
    let year = tax::tax_year(profile.as_of.year());
    let status = profile.person.filing_status;
    year.marginal_rate_percent(year.taxable_income(magi, status), status)
}

/// The age at which the person claims Social Security: their stated claiming age, or their
/// retirement age within 62–70.
pub fn social_security_claiming_age(profile: &Profile) -> u32 {
    let person = &profile.person;
    person
        .social_security
        .as_ref()
        .and_then(|s| s.claiming_age)
        .unwrap_or(person.retirement_age.clamp(EARLIEST_CLAIMING_AGE, LATEST_CREDIT_AGE))
}

/// The monthly Social Security benefit at the claiming age, today's money: the person's own
/// estimate when given, otherwise SSA's formula over the incomes ([`social_security`]). With
/// married filing jointly each income is one spouse's earnings record (spousal benefits are not
/// added); otherwise the incomes are one person's combined earnings.
pub fn social_security_monthly(profile: &Profile) -> f64 {
    let person = &profile.person;
    if let Some(stated) = &person.social_security {
        return stated.monthly_at_claiming;
    }
    let year = profile.as_of.year();
    let birth_year = year - person.age as i32;
    let claiming = social_security_claiming_age(profile);
    let benefit =
        |earnings: f64| social_security::estimate_monthly(year, earnings, birth_year, person.retirement_age, claiming);
    if person.filing_status == FilingStatus::MarriedJoint {
        profile.incomes.iter().map(|i| benefit(i.gross_annual)).sum()
    } else {
        benefit(profile.incomes.iter().map(|i| i.gross_annual).sum())
    }
}

/// Whether someone depends on an earned income that neither life insurance nor disability
/// insurance protects: dependents, an income, and no life cover (none stated, or 0) or no
/// disability cover (not stated, or false).
pub fn life_or_disability_cover_missing(profile: &Profile) -> bool {
    let earns = profile.incomes.iter().any(|i| i.gross_annual > 0.0);
    if profile.person.dependents == 0 || !earns {
        return false;
    }
    let insurance = profile.insurance.as_ref();
    let life = insurance.and_then(|i| i.life_coverage).is_some_and(|c| c > 0.0);
    let disability = insurance.and_then(|i| i.disability).unwrap_or(false);
    !life || !disability
}

/// The health plan's yearly deductible, 0 when not stated.
pub fn health_deductible(profile: &Profile) -> f64 {
    profile.insurance.as_ref().and_then(|i| i.health_deductible).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(extra_person: &str, rest: &str) -> Profile {
        Profile::from_json(&format!(
            r#"{{"asOf":"2026-03-31","currency":"USD","person":{{"age":40{extra_person}}},
                "expenses":{{"essentialMonthly":2000}}{rest}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn magi_subtracts_workplace_and_hsa_contributions_only() {
        let p = profile(
            "",
            r#","incomes":[{"name":"Job","grossAnnual":90000,"netMonthly":5500}],
               "accounts":[{"name":"401k","kind":"401k","balance":0,"contributionMonthly":500},
                           {"name":"HSA","kind":"hsa","balance":0,"contributionMonthly":100},
                           {"name":"IRA","kind":"ira","balance":0,"contributionMonthly":300}]"#,
        );
        assert_eq!(pretax_contributions_annual(&p), 7_200.0);
        assert_eq!(magi_annual(&p), 82_800.0);
        // 2026 single: taxable 82,800 − 16,100 = 66,700, in the 22% bracket (50,400–105,700).
        assert_eq!(marginal_tax_rate_percent(&p, magi_annual(&p)), 22.0);
    }

    #[test]
    fn filing_status_and_year_change_the_bracket() {
        let incomes = r#","incomes":[{"name":"Job","grossAnnual":70000,"netMonthly":4500}]"#;
        let single = profile("", incomes);
        let joint = profile(r#","filingStatus":"married_joint""#, incomes);
        let head = profile(r#","filingStatus":"head_of_household""#, incomes);
        assert_eq!(marginal_tax_rate_percent(&single, 70_000.0), 22.0); // taxable 53,900 > 50,400
        assert_eq!(marginal_tax_rate_percent(&joint, 70_000.0), 12.0); // taxable 37,800
        assert_eq!(marginal_tax_rate_percent(&head, 70_000.0), 12.0); // taxable 45,850 < 67,450
        assert_eq!(marginal_tax_rate_percent(&single, 10_000.0), 0.0); // below the standard deduction
                                                                       // The year of asOf picks the figures: 64,300 is taxable 48,550 in 2025 (above 48,475: 22%)
                                                                       // and 48,200 in 2026 (below 50,400: 12%).
        let mut p2025 = single.clone();
        p2025.as_of = crate::date::Date::new(2025, 6, 30).unwrap();
        assert_eq!(marginal_tax_rate_percent(&p2025, 64_300.0), 22.0); // 48,550 > 48,475
        assert_eq!(marginal_tax_rate_percent(&single, 64_300.0), 12.0); // 48,200 < 50,400
    }

    #[test]
    fn social_security_from_income_or_stated() {
        let p =
            profile(r#","retirementAge":67"#, r#","incomes":[{"name":"Job","grossAnnual":60000,"netMonthly":4000}]"#);
        assert_eq!(social_security_claiming_age(&p), 67);
        let expected = social_security::estimate_monthly(2026, 60_000.0, 1986, 67, 67);
        assert_eq!(social_security_monthly(&p), expected);
        let stated = profile(
            r#","retirementAge":60,"socialSecurity":{"monthlyAtClaiming":1850,"claimingAge":68}"#,
            r#","incomes":[{"name":"Job","grossAnnual":60000,"netMonthly":4000}]"#,
        );
        assert_eq!(social_security_monthly(&stated), 1850.0);
        assert_eq!(social_security_claiming_age(&stated), 68);
        let early =
            profile(r#","retirementAge":55"#, r#","incomes":[{"name":"Job","grossAnnual":60000,"netMonthly":4000}]"#);
        assert_eq!(social_security_claiming_age(&early), 62);
        // Married filing jointly: two earners' benefits, each on its own record (more than one
        // record of the combined earnings, the formula being progressive).
        let two = r#","incomes":[{"name":"A","grossAnnual":60000,"netMonthly":4000},{"name":"B","grossAnnual":60000,"netMonthly":4000}]"#;
        let joint = profile(r#","filingStatus":"married_joint""#, two);
        let single = profile("", two);
        assert!((social_security_monthly(&joint) - 2.0 * social_security_monthly(&p)).abs() < 1e-9);
        assert!(social_security_monthly(&single) < social_security_monthly(&joint));
        assert_eq!(social_security_monthly(&profile("", "")), 0.0);
    }

    #[test]
    fn cover_missing_needs_dependents_an_income_and_a_gap() {
        let income = r#","incomes":[{"name":"Job","grossAnnual":60000,"netMonthly":4000}]"#;
        assert!(!life_or_disability_cover_missing(&profile("", income)));
        assert!(life_or_disability_cover_missing(&profile(r#","dependents":2"#, income)));
        let both =
            format!(r#"{income},"insurance":{{"lifeCoverage":500000,"disability":true,"healthDeductible":3000}}"#);
        let p = profile(r#","dependents":2"#, &both);
        assert!(!life_or_disability_cover_missing(&p));
        assert_eq!(health_deductible(&p), 3000.0);
        let no_disability = format!(r#"{income},"insurance":{{"lifeCoverage":500000,"disability":false}}"#);
        assert!(life_or_disability_cover_missing(&profile(r#","dependents":1"#, &no_disability)));
        let no_life = format!(r#"{income},"insurance":{{"lifeCoverage":0,"disability":true}}"#);
        assert!(life_or_disability_cover_missing(&profile(r#","dependents":1"#, &no_life)));
        // Retired (no earned income): nothing to insure.
        assert!(!life_or_disability_cover_missing(&profile(r#","dependents":1"#, "")));
        assert_eq!(health_deductible(&profile("", income)), 0.0);
    }
}
