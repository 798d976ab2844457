//! Finance calculators, each documented with its formula and conventions:
//! [`tvm`] (time value of money), [`payoff`] (debt payoff plans in integer cents), [`goal`]
//! (savings goals), [`retirement`] (deterministic and Monte Carlo projections), [`risk`]
//! (questionnaire → allocation), all market assumptions in [`assumptions`], [`requests`] (calculator
//! requests read from JSON, with JSON-pointer errors) and [`plans`] (the plans of an `advise` report).

pub mod assumptions;
pub mod goal;
pub mod payoff;
pub mod plans;
pub mod requests;
pub mod retirement;
pub mod risk;
pub mod tvm;
