//! Finance calculators, each documented with its formula and conventions:
//! [`tvm`] (time value of money), [`payoff`] (debt payoff plans in integer cents), [`goal`]
//! (savings goals), [`retirement`] (deterministic and Monte Carlo projections), [`risk`]
//! (questionnaire → allocation), [`debt_tiers`] (payoff of the debts
//! at or above an APR), all market assumptions in [`assumptions`], the
//! US return history they come from in [`history`], and [`requests`] (calculator
//! requests read from JSON, with JSON-pointer errors). The plans of an `advise` report, which read
//! the facts, are in [`crate::plans`].

pub mod assumptions;
pub mod debt_tiers;
pub mod goal;
pub mod history;
pub mod payoff;
pub mod requests;
pub mod retirement;
pub mod risk;
pub mod tvm;
