//! Risk profile: a 10-question questionnaire scored into a risk **tolerance**, combined with the
//! risk **capacity** of the situation (horizon, emergency fund, income stability) into a
//! stocks/bonds/cash allocation with a glide path. The scoring table is [`QUESTIONS`] and is
//! explained in `docs/RISK.md`.
//!
//! * Tolerance: each answer scores 0–4 points; the score is `points / 40 × 100` (0–100), banded
//!   into five levels ([`LEVELS`]), each with a stock share.
//! * Capacity caps the stock share by horizon ([`HORIZON_CAPS`]): money needed within 2 years is
//!   held in cash; the cap is lowered 10 points for an emergency fund under 3 months and 10 for
//!   variable income.
//! * Allocation: stocks = min(tolerance share, capacity cap); cash = 100% under 2 years, 20% for
//!   2–5 years, 5% beyond; bonds = the rest. The glide path repeats this for shorter horizons.

use super::assumptions::Allocation;
use serde::Serialize;

/// One answer choice and its points.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct Choice {
    /// The answer's id in JSON.
    pub id: &'static str,
    /// Points toward risk tolerance, 0–4.
    pub points: u32,
    /// The answer as shown to the person.
    pub text: &'static str,
}

/// One question.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct Question {
    /// The question's id in JSON (`answers.drop25`).
    pub id: &'static str,
    /// The question as shown to the person.
    pub text: &'static str,
    /// The allowed answers.
    pub choices: &'static [Choice],
}

macro_rules! choices {
    ($(($id:literal, $points:literal, $text:literal)),* $(,)?) => {
        &[$(Choice { id: $id, points: $points, text: $text }),*]
    };
}

/// The questionnaire, in the spirit of the well-known investor questionnaires (horizon, reaction
/// to a loss, income, experience, goal). Every question's best score is 4: the maximum is 40.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "horizon",
        text: "When will you need to start using most of this money?",
        choices: choices![
            ("under_3_years", 0, "In less than 3 years"),
            ("3_to_5_years", 1, "In 3 to 5 years"),
            ("6_to_10_years", 2, "In 6 to 10 years"),
            ("11_to_20_years", 3, "In 11 to 20 years"),
            ("over_20_years", 4, "In more than 20 years")
        ],
    },
    Question {
        id: "drop25",
        text: "Your investments lose 25% of their value in a few months. What do you do?",
        choices: choices![
            ("sell_all", 0, "Sell everything"),
            ("sell_some", 1, "Sell some"),
            ("wait", 2, "Do nothing and wait"),
            ("buy_some", 3, "Buy a little more"),
            ("buy_more", 4, "Buy much more")
        ],
    },
    Question {
        id: "incomeStability",
        text: "How secure is your income over the next five years?",
        choices: choices![
            ("very_unstable", 0, "Very unsure"),
            ("unstable", 1, "Somewhat unsure"),
            ("average", 2, "About average"),
            ("stable", 3, "Fairly secure"),
            ("very_stable", 4, "Very secure")
        ],
    },
    Question {
        id: "experience",
        text: "How much have you invested in stocks or stock funds?",
        choices: choices![
            ("none", 0, "Never"),
            ("little", 1, "A little, recently"),
            ("some", 2, "For a few years"),
            ("experienced", 3, "For many years"),
            ("professional", 4, "I manage investments professionally")
        ],
    },
    Question {
        id: "goal",
        text: "What matters most for this money?",
        choices: choices![
            ("preserve", 0, "Not losing any of it"),
            ("income", 1, "Steady income"),
            ("balanced", 2, "Some growth, some stability"),
            ("growth", 3, "Growth"),
            ("max_growth", 4, "As much growth as possible")
        ],
    },
    Question {
        id: "worstYear",
        text: "What is the largest loss in one year you could live with?",
        choices: choices![
            ("none", 0, "None"),
            ("loss_5", 1, "5%"),
            ("loss_10", 2, "10%"),
            ("loss_20", 3, "20%"),
            ("loss_30", 4, "30% or more")
        ],
    },
    Question {
        id: "riskWord",
        text: "Which word do you most connect with \"risk\"?",
        choices: choices![
            ("loss", 0, "Loss"),
            ("uncertainty", 1, "Uncertainty"),
            ("caution", 2, "Something to weigh carefully"),
            ("opportunity", 3, "Opportunity"),
            ("thrill", 4, "Thrill")
        ],
    },
    Question {
        id: "gamble",
        text: "Which would you choose?",
        choices: choices![
            ("sure_1000", 0, "$1,000 for sure"),
            ("half_2500", 2, "A 50% chance of $2,500"),
            ("quarter_5000", 3, "A 25% chance of $5,000"),
            ("five_percent_50000", 4, "A 5% chance of $50,000")
        ],
    },
    Question {
        id: "portfolioChoice",
        text: "Which range of one-year outcomes for $10,000 would you pick?",
        choices: choices![
            ("narrow", 0, "$9,800 to $10,600"),
            ("modest", 1, "$9,300 to $11,200"),
            ("medium", 2, "$8,600 to $12,000"),
            ("wide", 3, "$7,800 to $13,000"),
            ("widest", 4, "$7,000 to $14,500")
        ],
    },
    Question {
        id: "knowledge",
        text: "How would you rate your knowledge of investing?",
        choices: choices![
            ("none", 0, "None"),
            ("basic", 1, "Basic"),
            ("fair", 2, "Fair"),
            ("good", 3, "Good"),
            ("expert", 4, "Expert")
        ],
    },
];

/// The most points the questionnaire can give.
pub const MAX_POINTS: u32 = 40;

/// A tolerance level: scores up to `max_score` (inclusive) get `stocks_percent` in stocks.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Level {
    /// The level's name in JSON.
    pub name: &'static str,
    /// Highest score (0–100) of the level.
    pub max_score: f64,
    /// Stock share the level tolerates, in percent.
    pub stocks_percent: f64,
}

/// Tolerance levels from the score.
pub const LEVELS: &[Level] = &[
    Level { name: "conservative", max_score: 20.0, stocks_percent: 20.0 },
    Level { name: "moderately_conservative", max_score: 40.0, stocks_percent: 40.0 },
    Level { name: "moderate", max_score: 60.0, stocks_percent: 60.0 },
    Level { name: "moderately_aggressive", max_score: 80.0, stocks_percent: 75.0 },
    Level { name: "aggressive", max_score: 100.0, stocks_percent: 90.0 },
];

/// Highest stock share by years until the money is needed: `(at least years, cap percent)`.
pub const HORIZON_CAPS: &[(f64, f64)] = &[(15.0, 90.0), (10.0, 80.0), (5.0, 60.0), (2.0, 30.0), (0.0, 0.0)];

/// The situation that limits how much risk can be taken, whatever the person's taste for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capacity {
    /// Years until the money is needed.
    pub horizon_years: f64,
    /// Months of essential spending covered by liquid savings.
    pub emergency_fund_months: f64,
    /// Whether income varies from month to month.
    pub variable_income: bool,
}

/// One point of the glide path.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct GlidePoint {
    /// Years left until the money is needed.
    pub years_to_goal: f64,
    /// The allocation at that point, shares 0–1.
    pub allocation: Allocation,
}

/// The result. Field names are stable: rules refer to them by path.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct RiskProfile {
    /// Questionnaire points, 0–40.
    pub points: u32,
    /// Tolerance score, 0–100.
    pub tolerance_score: f64,
    /// Tolerance level name (`conservative` … `aggressive`).
    pub tolerance: &'static str,
    /// Stock share tolerated, percent.
    pub tolerance_stocks_percent: f64,
    /// Highest stock share the situation allows, percent.
    pub capacity_stocks_percent: f64,
    /// Which of the two decided: `"tolerance"` or `"capacity"`.
    pub limited_by: &'static str,
    /// The allocation today, shares 0–1.
    pub allocation: Allocation,
    /// The allocation at shorter horizons, down to 0 years.
    pub glide_path: Vec<GlidePoint>,
}

/// Points of one answer, or `None` if the question or answer id is unknown.
pub fn points(question: &str, answer: &str) -> Option<u32> {
    QUESTIONS.iter().find(|q| q.id == question)?.choices.iter().find(|c| c.id == answer).map(|c| c.points)
}

fn capacity_cap(capacity: Capacity, horizon: f64) -> f64 {
    let by_horizon = HORIZON_CAPS.iter().find(|(years, _)| horizon >= *years).map_or(0.0, |c| c.1);
    if by_horizon == 0.0 {
        return 0.0;
    }
    let mut cap = by_horizon;
    if capacity.emergency_fund_months < 3.0 {
        cap -= 10.0;
    }
    if capacity.variable_income {
        cap -= 10.0;
    }
    cap.max(0.0)
}

fn allocation_at(tolerance_stocks: f64, capacity: Capacity, horizon: f64) -> Allocation {
    let stocks = tolerance_stocks.min(capacity_cap(capacity, horizon));
    let cash: f64 = if horizon < 2.0 {
        100.0
    } else if horizon < 5.0 {
        20.0
    } else {
        5.0
    };
    let cash = cash.min(100.0 - stocks);
    Allocation { stocks: stocks / 100.0, bonds: (100.0 - stocks - cash) / 100.0, cash: cash / 100.0 }
}

/// Scores answered points (already validated, one per question) against a capacity.
pub fn risk_profile(total_points: u32, capacity: Capacity) -> RiskProfile {
    let score = crate::money::round_ratio(total_points.min(MAX_POINTS) as f64 / MAX_POINTS as f64) * 100.0;
    let score = (score * 100.0).round() / 100.0;
    let level = LEVELS.iter().find(|l| score <= l.max_score).unwrap_or(&LEVELS[LEVELS.len() - 1]);
    let cap = capacity_cap(capacity, capacity.horizon_years);
    let allocation = allocation_at(level.stocks_percent, capacity, capacity.horizon_years);
    let mut glide_path = Vec::new();
    for years in [40.0, 30.0, 20.0, 15.0, 10.0, 5.0, 2.0, 1.0, 0.0] {
        if years <= capacity.horizon_years {
            glide_path.push(GlidePoint {
                years_to_goal: years,
                allocation: allocation_at(level.stocks_percent, capacity, years),
            });
        }
    }
    RiskProfile {
        points: total_points,
        tolerance_score: score,
        tolerance: level.name,
        tolerance_stocks_percent: level.stocks_percent,
        capacity_stocks_percent: cap,
        limited_by: if cap < level.stocks_percent { "capacity" } else { "tolerance" },
        allocation,
        glide_path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOMY: Capacity = Capacity { horizon_years: 30.0, emergency_fund_months: 6.0, variable_income: false };

    #[test]
    fn table_is_consistent() {
        assert_eq!(QUESTIONS.len(), 10);
        assert_eq!(
            QUESTIONS.iter().map(|q| q.choices.iter().map(|c| c.points).max().unwrap()).sum::<u32>(),
            MAX_POINTS
        );
        assert!(QUESTIONS.iter().all(|q| q.choices.iter().any(|c| c.points == 0)));
        assert_eq!(points("drop25", "buy_more"), Some(4));
        assert_eq!(points("drop25", "nope"), None);
    }

    #[test]
    fn tolerance_decides_with_room_capacity_decides_without() {
        let bold = risk_profile(40, ROOMY);
        assert_eq!((bold.tolerance, bold.allocation.stocks, bold.limited_by), ("aggressive", 0.9, "tolerance"));
        let timid = risk_profile(4, ROOMY);
        assert_eq!((timid.tolerance, timid.allocation.stocks), ("conservative", 0.2));
        let short = risk_profile(40, Capacity { horizon_years: 1.5, ..ROOMY });
        assert_eq!(short.allocation, Allocation { stocks: 0.0, bonds: 0.0, cash: 1.0 }); // < 2 years: cash
        assert_eq!(short.limited_by, "capacity");
        let fragile = risk_profile(40, Capacity { emergency_fund_months: 1.0, variable_income: true, ..ROOMY });
        assert_eq!(fragile.allocation.stocks, 0.7);
    }

    #[test]
    fn glide_path_lowers_stocks_as_the_goal_nears() {
        let p = risk_profile(36, ROOMY);
        assert_eq!(p.glide_path.first().unwrap().years_to_goal, 30.0);
        assert!(p.glide_path.windows(2).all(|w| w[0].allocation.stocks >= w[1].allocation.stocks));
        let last = p.glide_path.last().unwrap();
        assert_eq!((last.years_to_goal, last.allocation.cash), (0.0, 1.0));
        for g in &p.glide_path {
            let a = g.allocation;
            assert!((a.stocks + a.bonds + a.cash - 1.0).abs() < 1e-12);
        }
    }
}
