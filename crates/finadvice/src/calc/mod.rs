//! Finance calculators, each documented with its formula and conventions:
//! [`tvm`] (time value of money), [`payoff`] (debt payoff plans in integer cents), [`goal`]
//! (savings goals), [`retirement`] (deterministic and Monte Carlo projections), [`risk`]
//! (questionnaire → allocation), [`tax`] (federal brackets and standard deduction by year and
//! filing status), [`social_security`] (SSA's benefit formula), [`debt_tiers`] (payoff of the debts
//! at or above an APR), all market assumptions in [`assumptions`], [`requests`] (calculator
//! requests read from JSON, with JSON-pointer errors) and [`plans`] (the plans of an `advise` report).

pub mod assumptions;
pub mod debt_tiers;
pub mod goal;
pub mod payoff;
pub mod plans;
pub mod requests;
pub mod retirement;
pub mod risk;
pub mod social_security;
pub mod tax;
pub mod tvm;
