//! Goal planning: how much to save each month to reach a target by a date, and how long a given
//! monthly saving takes to reach it.
//!
//! Conventions: the expected return is a nominal annual rate compounded monthly (`r = annual / 12`,
//! as a savings account quotes it); deposits are made at the end of each month; what is already
//! saved earns the same return. Both answers are the time-value-of-money equation of
//! [`super::tvm`]: `target = saved·(1+r)^n + deposit·((1+r)^n − 1)/r`.

use super::tvm::{self, When};
use crate::money::round_cents;
use serde::Serialize;

/// The answer for one goal. Field names are stable: rules refer to them by path.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct GoalPlan {
    /// Months from "today" to the target date.
    pub months_to_target_date: u32,
    /// Monthly saving that reaches the target exactly on the target date (0 when what is saved
    /// already grows to the target on its own); null when the target date is today or past.
    pub monthly_saving_needed: Option<f64>,
    /// What the amount already saved grows to by the target date, with no further saving.
    pub saved_grows_to: f64,
    /// Whole months until the target is reached at `monthlySaving` (0 if already reached); null
    /// when no monthly saving was given or it never gets there.
    pub months_to_reach: Option<u32>,
}

/// Monthly deposit (end of month) that turns `saved` into `target` in `months` months at
/// `annual_return_percent`, never negative; `None` for `months == 0`.
pub fn monthly_saving_needed(target: f64, saved: f64, months: u32, annual_return_percent: f64) -> Option<f64> {
    if months == 0 {
        return None;
    }
    let r = annual_return_percent / 1200.0;
    let deposit = -tvm::pmt(r, months as f64, -saved, target, When::End).ok()?;
    Some(round_cents(deposit.max(0.0)))
}

/// Whole months until `saved` plus `monthly` deposits reach `target` (the month it is crossed),
/// `Some(0)` if already there, `None` if it is never reached.
pub fn months_to_reach(target: f64, saved: f64, monthly: f64, annual_return_percent: f64) -> Option<u32> {
    if saved >= target {
        return Some(0);
    }
    let r = annual_return_percent / 1200.0;
    let n = tvm::nper(r, -monthly, -saved, target, When::End).ok()?;
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // written so that NaN is refused too
    if !(n > 0.0) || n > u32::MAX as f64 {
        return None;
    }
    // nper can land a hair above a whole number through rounding; 1e-9 months is no real delay.
    Some((n - 1e-9).ceil() as u32)
}

/// Plans one goal: `months` months away, `target` to reach, `saved` already set aside.
pub fn plan_goal(
    target: f64,
    saved: f64,
    months: u32,
    annual_return_percent: f64,
    monthly_saving: Option<f64>,
) -> GoalPlan {
    let r = annual_return_percent / 1200.0;
    let grows = tvm::fv(r, months as f64, 0.0, -saved, When::End).unwrap_or(saved);
    GoalPlan {
        months_to_target_date: months,
        monthly_saving_needed: monthly_saving_needed(target, saved, months, annual_return_percent),
        saved_grows_to: round_cents(grows),
        months_to_reach: monthly_saving.and_then(|m| months_to_reach(target, saved, m, annual_return_percent)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Microsoft Excel PMT reference, second example: saving for $50,000 in 18 years at 6% a year
    // needs $129.08 a month.
    #[test]
    fn spreadsheet_saving_example() {
        assert_eq!(monthly_saving_needed(50_000.0, 0.0, 18 * 12, 6.0), Some(129.08));
    }

    // Microsoft Excel NPER reference: $100 a month (end) on top of $1,000 at 12% a year reaches
    // $10,000 after 60.0821228 months, so in the 61st month.
    #[test]
    fn spreadsheet_nper_example() {
        assert_eq!(months_to_reach(10_000.0, 1000.0, 100.0, 12.0), Some(61));
    }

    #[test]
    fn edge_cases() {
        assert_eq!(monthly_saving_needed(1000.0, 0.0, 10, 0.0), Some(100.0));
        assert_eq!(monthly_saving_needed(1000.0, 2000.0, 10, 5.0), Some(0.0)); // already there
        assert_eq!(monthly_saving_needed(1000.0, 0.0, 0, 5.0), None);
        assert_eq!(months_to_reach(1000.0, 0.0, 100.0, 0.0), Some(10));
        assert_eq!(months_to_reach(1000.0, 1000.0, 0.0, 5.0), Some(0));
        assert_eq!(months_to_reach(1000.0, 0.0, 0.0, 0.0), None);
        assert_eq!(months_to_reach(1000.0, 10.0, 0.0, -5.0), None); // shrinking, never there
        let plan = plan_goal(8000.0, 500.0, 19, 4.0, Some(400.0));
        assert_eq!(plan.months_to_target_date, 19);
        assert!(plan.saved_grows_to > 500.0 && plan.saved_grows_to < 540.0);
        let needed = plan.monthly_saving_needed.unwrap();
        // Saving what is needed reaches the target in exactly the months available.
        assert_eq!(months_to_reach(8000.0, 500.0, needed, 4.0), Some(19));
        assert_eq!(plan.months_to_reach, Some(19));
    }
}
