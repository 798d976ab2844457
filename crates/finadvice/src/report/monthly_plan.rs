//! The monthly plan: where each dollar of the month's free cash flow goes, step by step, and when
//! each step completes and hands its money on. docs/MONTHLY-PLAN.md has the rules in prose.
//!
//! A fired rule takes part when it computes the value `planMonthly` (money/month it asks for).
//! Optional values shape its step: `planShare` (the most it takes of what is left when its turn
//! comes, a ratio; steps that run beside the next ones), `planToGo` (money left to complete it),
//! `planAprPercent` with `planMinimums` (the to-go amount is a debt at that APR, on which those
//! minimums are already paid), `planMonths` (it ends after that many months), `planLabel` (its
//! name in notes). A rule whose `planMonthly` is a list asks for one step per item (its goals):
//! the other `plan*` values are then lists of the same length, or one value for every item, and
//! `planPart` names each item. Steps are served in the actions' rank order (a rule's items in
//! their list order); each gets `min(planMonthly, planShare × left, what completes it)`. The month-by-month timeline runs until every step that
//! can complete has completed (at most [`HORIZON_MONTHS`]); a completed step's money flows to the
//! steps the same rule then serves.

use crate::date::Date;
use crate::money::money;
use crate::money::round_cents;
use serde::Serialize;
use serde_json::Value;

/// Longest timeline followed, in months (50 years).
pub const HORIZON_MONTHS: u32 = 600;

/// Below this (half a cent) an amount counts as zero.
const EPSILON: f64 = 0.005;

/// The report's monthly plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct MonthlyPlan {
    /// Money free each month: `facts.freeCashFlowMonthly` (take-home pay minus spending, minimum
    /// payments and the contributions already paid from take-home pay), or 0 when negative.
    pub available: f64,
    /// The steps in the order they are served, each with its share of this month's money.
    pub steps: Vec<PlanStep>,
    /// What no step takes this month: `available` minus the steps' `monthly`.
    pub unassigned: f64,
}

/// One step of the monthly plan: an action and the money it gets.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct PlanStep {
    /// The action's id (`us-default/roth-ira`).
    pub action_id: String,
    /// Which item of the action this step is, for an action with one step per item (a goal's
    /// name for `us-default/save-for-goals`); absent for an action with one step.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub part: Option<String>,
    /// What it gets each month from now, money/month.
    pub monthly: f64,
    /// What it asks for each month (its `planMonthly`), money/month.
    pub needed: f64,
    /// The month it completes (its last payment), when it can complete within the timeline.
    pub until: Option<Date>,
    /// For a step that gets nothing now: the month it starts getting money, if it does.
    pub starts: Option<Date>,
    /// Where its money goes once it completes: the steps whose monthly amount grows then.
    pub then: Vec<PlanMove>,
    /// The step in words.
    pub note: String,
}

/// Money a completed step hands on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct PlanMove {
    /// The action that receives it.
    pub action_id: String,
    /// The item of that action that receives it ([`PlanStep::part`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub part: Option<String>,
    /// How much more it gets each month, money/month.
    pub monthly: f64,
}

/// What a fired rule asks of the plan (its `plan*` values).
#[derive(Debug, Clone, PartialEq)]
pub struct StepNeed {
    /// The action's id.
    pub action_id: String,
    /// The item of the action (`planPart`), for a rule that asks for one step per item.
    pub part: Option<String>,
    /// Its name in notes (`planLabel`, else the rule id).
    pub label: String,
    /// `planMonthly`, money/month.
    pub monthly: f64,
    /// `planShare`, a ratio in [0, 1].
    pub share: Option<f64>,
    /// `planToGo`, money.
    pub to_go: Option<f64>,
    /// `planAprPercent`: the to-go amount accrues interest at this APR.
    pub apr_percent: Option<f64>,
    /// `planMinimums`: money/month already paid on that balance.
    pub minimums: f64,
    /// `planMonths`: the step ends after this many months.
    pub months: Option<u32>,
    /// Ids of the actions whose steps must all complete before this one gets money (an action
    /// that waits for an earlier step); empty for a step that runs from now.
    pub after: Vec<String>,
}

impl StepNeed {
    /// The steps a fired rule asks for, from its named values: none without a `planMonthly`, one
    /// for a number, one per item for a list (an item that is not a finite number asks for none).
    pub fn from_values(action_id: &str, rule_id: &str, values: &[(String, Value)]) -> Vec<StepNeed> {
        match values.iter().find(|(n, _)| n == "planMonthly").map(|(_, v)| v) {
            Some(Value::Array(items)) => {
                (0..items.len()).filter_map(|i| StepNeed::item(action_id, rule_id, values, Some(i))).collect()
            }
            Some(_) => StepNeed::item(action_id, rule_id, values, None).into_iter().collect(),
            None => Vec::new(),
        }
    }

    /// One step: item `index` of list values (a value that is not a list holds for every item),
    /// or the values themselves; `None` without a finite `planMonthly`.
    fn item(action_id: &str, rule_id: &str, values: &[(String, Value)], index: Option<usize>) -> Option<StepNeed> {
        let get = |name: &str| {
            let value = values.iter().find(|(n, _)| n == name).map(|(_, v)| v)?;
            match (index, value) {
                (Some(i), Value::Array(items)) => items.get(i),
                (None, Value::Array(_)) => None,
                (_, value) => Some(value),
            }
        };
        let number = |name: &str| get(name).and_then(Value::as_f64).filter(|v| v.is_finite());
        let monthly = number("planMonthly")?.max(0.0);
        let label = get("planLabel").and_then(Value::as_str).unwrap_or(rule_id).to_string();
        let part =
            index.map(|i| get("planPart").and_then(Value::as_str).map_or_else(|| (i + 1).to_string(), str::to_string));
        Some(StepNeed {
            action_id: action_id.to_string(),
            part,
            label,
            monthly,
            share: number("planShare").map(|s| s.clamp(0.0, 1.0)),
            to_go: number("planToGo").map(|v| v.max(0.0)),
            apr_percent: number("planAprPercent").map(|v| v.max(0.0)),
            minimums: number("planMinimums").unwrap_or(0.0).max(0.0),
            months: number("planMonths").map(|m| m.max(0.0).ceil().min(HORIZON_MONTHS as f64) as u32),
            after: Vec::new(),
        })
    }

    fn is_finite_step(&self) -> bool {
        self.to_go.is_some() || self.months.is_some()
    }
}

/// The state of one step in the timeline.
#[derive(Clone)]
struct State {
    /// What is left to pay (to-go steps).
    balance: f64,
    /// The month index in which it completed.
    done_in: Option<u32>,
    /// First month with money.
    first_paid: Option<u32>,
}

/// One month's allocation: each step's money, in order, over the steps still running (a step
/// that waits runs from the month after the last of its `blockers` completed). Money no running
/// step takes then goes, in order, to the running steps with a balance that others wait for, up
/// to that balance: it completes them sooner instead of lying idle while the steps behind wait.
fn allocate(
    needs: &[StepNeed],
    blockers: &[Option<Vec<usize>>],
    states: &[State],
    month: u32,
    available: f64,
) -> Vec<f64> {
    let free = |i: usize| free_from(&blockers[i], states).is_some_and(|from| from <= month);
    let running = |i: usize| free(i) && states[i].done_in.is_none() && needs[i].months.map_or(true, |n| month < n);
    let owed = |i: usize| {
        let (need, state) = (&needs[i], &states[i]);
        need.to_go.map(|_| match need.apr_percent {
            Some(apr) => (state.balance * (1.0 + apr / 1200.0) - need.minimums).max(0.0),
            None => state.balance,
        })
    };
    let mut left = available;
    let mut give: Vec<f64> = (0..needs.len())
        .map(|i| {
            if !running(i) || left <= EPSILON {
                return 0.0;
            }
            let need = &needs[i];
            let mut cap = need.monthly;
            if let Some(share) = need.share {
                cap = cap.min(share * left);
            }
            if let Some(owed) = owed(i) {
                cap = cap.min(owed);
            }
            let give = round_cents(cap.min(left).max(0.0));
            left -= give;
            give
        })
        .collect();
    let waited_for = |i: usize| {
        (0..needs.len())
            .any(|k| states[k].done_in.is_none() && !free(k) && blockers[k].as_ref().is_some_and(|b| b.contains(&i)))
    };
    for (i, given) in give.iter_mut().enumerate() {
        if left <= EPSILON {
            break;
        }
        if let Some(owed) = owed(i).filter(|_| running(i) && waited_for(i)) {
            let more = round_cents((owed - *given).min(left).max(0.0));
            *given += more;
            left -= more;
        }
    }
    give
}

/// The monthly plan of `needs` (in the actions' rank order) over `available` money a month,
/// starting at `as_of`.
pub fn plan(needs: &[StepNeed], available: f64, as_of: Date, currency: &str) -> MonthlyPlan {
    let available = round_cents(available.max(0.0));
    let mut states: Vec<State> =
        needs.iter().map(|n| State { balance: n.to_go.unwrap_or(0.0), done_in: None, first_paid: None }).collect();
    let blockers = blockers(needs);
    let mut moves: Vec<Vec<PlanMove>> = vec![Vec::new(); needs.len()];
    // Each month's allocation, so that a completed step's money can be traced: the month after
    // its last payment against the month before it (the last payment may be a partial one).
    let mut history: Vec<Vec<f64>> = Vec::new();
    let mut completed_last: Vec<usize> = Vec::new();
    for month in 0..=HORIZON_MONTHS {
        let give = allocate(needs, &blockers, &states, month, available);
        for &i in &completed_last {
            let done = states[i].done_in.unwrap_or(0);
            // What a step got before: the month before the completing one (whose last payment
            // may be partial, leaving more to the others), or the completing month itself for a
            // step that was waiting until then for another step.
            let before = |j: usize| {
                let month = if free_from(&blockers[j], &states) == Some(done) { done } else { done.saturating_sub(1) };
                history[month as usize][j]
            };
            moves[i] = needs
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .filter_map(|(j, n)| {
                    let more = give[j] - before(j);
                    (more > EPSILON).then(|| PlanMove {
                        action_id: n.action_id.clone(),
                        part: n.part.clone(),
                        monthly: round_cents(more),
                    })
                })
                .collect();
        }
        completed_last.clear();
        history.push(give.clone());
        let give = &history[month as usize];
        for (state, &given) in states.iter_mut().zip(give) {
            if given > 0.0 && state.first_paid.is_none() {
                state.first_paid = Some(month);
            }
        }
        let finite_running = needs
            .iter()
            .zip(&states)
            .zip(&blockers)
            .any(|((n, s), b)| n.is_finite_step() && s.done_in.is_none() && b.is_some());
        if !finite_running || month == HORIZON_MONTHS {
            break;
        }
        for (i, need) in needs.iter().enumerate() {
            let state = &mut states[i];
            if state.done_in.is_some() {
                continue;
            }
            if need.to_go.is_some() {
                let interest = need.apr_percent.map_or(0.0, |apr| state.balance * apr / 1200.0);
                let paid = give[i] + if need.apr_percent.is_some() { need.minimums } else { 0.0 };
                state.balance = (state.balance + interest - paid).max(0.0);
                if state.balance <= EPSILON {
                    state.done_in = Some(month);
                    completed_last.push(i);
                }
            } else if need.months == Some(month + 1) {
                state.done_in = Some(month);
                completed_last.push(i);
            }
        }
    }
    let first = history.first().cloned().unwrap_or_else(|| vec![0.0; needs.len()]);
    // Month index m is the (m + 1)-th payment, made one month after the previous one, the first one
    // month after asOf (as in the payoff calculator).
    let date = |index: u32| as_of.add_months(index as i32 + 1);
    // A step that waits and never gets money within the timeline is not on the plan.
    let steps: Vec<PlanStep> = needs
        .iter()
        .enumerate()
        .filter(|&(i, need)| need.after.is_empty() || states[i].first_paid.is_some())
        .map(|(i, need)| {
            let state = &states[i];
            let until = state.done_in.and_then(date);
            let starts = if first[i] > 0.0 { None } else { state.first_paid.and_then(date) };
            let note = note(need, first[i], until, starts, &moves[i], needs, available, currency);
            PlanStep {
                action_id: need.action_id.clone(),
                part: need.part.clone(),
                monthly: first[i],
                needed: round_cents(need.monthly),
                until,
                starts,
                then: std::mem::take(&mut moves[i]),
                note,
            }
        })
        .collect();
    let assigned: f64 = steps.iter().map(|s| s.monthly).sum();
    MonthlyPlan { available, unassigned: round_cents((available - assigned).max(0.0)), steps }
}

/// The first month a step with these `blockers` may get money: 0 for a step that does not
/// wait, the month after the last of them completed, `None` while one has not completed.
fn free_from(blockers: &Option<Vec<usize>>, states: &[State]) -> Option<u32> {
    let list = blockers.as_ref()?;
    list.iter().try_fold(0, |from, &j| Some(from.max(states[j].done_in? + 1)))
}

/// For each step, the steps it waits for (every step of each action its `after` names): `None`
/// when one of them is not on the plan or can never complete (a step without an end, one that
/// waits for such a step), so the step can never start.
fn blockers(needs: &[StepNeed]) -> Vec<Option<Vec<usize>>> {
    let mut out: Vec<Option<Vec<usize>>> = needs
        .iter()
        .map(|need| {
            let mut list = Vec::new();
            for id in &need.after {
                let before: Vec<usize> = (0..needs.len()).filter(|&j| &needs[j].action_id == id).collect();
                if before.is_empty() || before.iter().any(|&j| !needs[j].is_finite_step()) {
                    return None;
                }
                list.extend(before);
            }
            Some(list)
        })
        .collect();
    // A step waiting for one that can never start can never start either (chains are short).
    loop {
        let stuck: Vec<usize> = (0..needs.len())
            .filter(|&i| out[i].as_ref().is_some_and(|b| b.iter().any(|&j| out[j].is_none())))
            .collect();
        if stuck.is_empty() {
            return out;
        }
        for i in stuck {
            out[i] = None;
        }
    }
}

/// "Mar 2027".
fn month_name(date: Date) -> String {
    const NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!("{} {}", NAMES[(date.month() as usize).saturating_sub(1).min(11)], date.year())
}

/// The step in words: its money now, what it needs, when it completes and where its money goes.
#[allow(clippy::too_many_arguments)]
fn note(
    need: &StepNeed,
    monthly: f64,
    until: Option<Date>,
    starts: Option<Date>,
    moves: &[PlanMove],
    needs: &[StepNeed],
    available: f64,
    currency: &str,
) -> String {
    let label = |m: &PlanMove| {
        needs
            .iter()
            .find(|n| n.action_id == m.action_id && n.part == m.part)
            .map_or(m.action_id.clone(), |n| n.label.clone())
    };
    let mut out = String::new();
    if monthly > 0.0 {
        out.push_str(&format!("{}: {} a month", need.label, money(monthly, currency)));
        // A step asking for everything free asks exactly `available`; only a real shortfall is named.
        if monthly + EPSILON < need.monthly && need.to_go.is_none() && (need.monthly - available).abs() > EPSILON {
            out.push_str(&format!(" of the {} a month it needs", money(need.monthly, currency)));
        }
    } else if let Some(start) = starts {
        out.push_str(&format!("{}: nothing yet; money starts in {}", need.label, month_name(start)));
    } else if available <= 0.0 {
        out.push_str(&format!(
            "{}: nothing this month; no money is free after spending and minimum payments",
            need.label
        ));
    } else {
        out.push_str(&format!(
            "{}: nothing this month; the steps before it take the {} a month that is free",
            need.label,
            money(available, currency)
        ));
    }
    let never_paid = monthly <= 0.0 && starts.is_none();
    match until {
        Some(date) if never_paid && need.apr_percent.is_some() => {
            out.push_str(&format!(", paid off by its minimum payments alone in {}.", month_name(date)));
            return out;
        }
        // A step that ends at a date (a goal, the HSA at Medicare age) and gets nothing before it.
        Some(date) if never_paid && need.to_go.is_none() => {
            out.push_str(&format!(", and none reaches it before it ends in {}.", month_name(date)));
            return out;
        }
        Some(date) if need.to_go.is_some() => out.push_str(&format!(", complete in {}", month_name(date))),
        Some(date) => out.push_str(&format!(", until {}", month_name(date))),
        None if need.to_go.is_some() && monthly > 0.0 => out.push_str(", not complete within 50 years at this rate"),
        None => {}
    }
    if until.is_some() {
        if moves.is_empty() {
            out.push_str("; then no step takes its money");
        } else {
            let list: Vec<String> =
                moves.iter().map(|m| format!("{} to {}", money(m.monthly, currency), label(m))).collect();
            let moved: f64 = moves.iter().map(|m| m.monthly).sum();
            out.push_str(&format!("; then {} a month moves on: {}", money(moved, currency), list.join(", ")));
            // Money the other steps do not take is left unassigned.
            if monthly > moved + EPSILON {
                out.push_str(&format!(", and {} a month is not assigned to a step", money(monthly - moved, currency)));
            }
        }
    }
    out.push('.');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(id: &str, monthly: f64) -> StepNeed {
        StepNeed {
            action_id: id.to_string(),
            part: None,
            label: id.to_string(),
            monthly,
            share: None,
            to_go: None,
            apr_percent: None,
            minimums: 0.0,
            months: None,
            after: Vec::new(),
        }
    }

    fn as_of() -> Date {
        Date::parse("2026-11-15").unwrap()
    }

    #[test]
    fn steps_are_served_in_order_and_never_exceed_what_is_available() {
        let plan = plan(&[need("a", 300.0), need("b", 500.0), need("c", 400.0)], 1000.0, as_of(), "USD");
        let got: Vec<f64> = plan.steps.iter().map(|s| s.monthly).collect();
        assert_eq!(got, [300.0, 500.0, 200.0]);
        assert_eq!(plan.unassigned, 0.0);
        assert!(plan.steps[2].note.contains("of the $400 a month it needs"), "{}", plan.steps[2].note);
    }

    #[test]
    fn a_share_leaves_the_rest_to_the_steps_beside_it() {
        let mut fund = need("fund", 900.0);
        fund.share = Some(0.5);
        fund.to_go = Some(2_000.0);
        let plan = plan(&[fund, need("ira", 625.0)], 800.0, as_of(), "USD");
        assert_eq!(plan.steps[0].monthly, 400.0);
        assert_eq!(plan.steps[1].monthly, 400.0);
        // 2,000 at 400 a month: five payments from December, the last in April 2027; then the IRA
        // gets its full 625.
        assert_eq!(plan.steps[0].until, Date::parse("2027-04-15"));
        assert_eq!(plan.steps[0].then, [PlanMove { action_id: "ira".into(), part: None, monthly: 225.0 }]);
        assert!(
            plan.steps[0].note.contains(
                "complete in Apr 2027; then $225 a month moves on: $225 to ira, and $175 a month is not assigned"
            ),
            "{}",
            plan.steps[0].note
        );
    }

    #[test]
    fn a_debt_completes_later_than_its_balance_divided_by_the_payment() {
        let mut card = need("card", 10_000.0);
        card.to_go = Some(4_200.0);
        card.apr_percent = Some(24.99);
        card.minimums = 126.0;
        let plan = plan(&[card], 300.0, as_of(), "USD");
        let months = as_of().months_until(plan.steps[0].until.unwrap());
        // Without interest 4,200 / 426 is under 10 payments; at 24.99% it takes 12.
        assert_eq!(months, 12, "{:?}", plan.steps[0]);
        assert!(plan.steps[0].note.contains("then no step takes its money"), "{}", plan.steps[0].note);
    }

    #[test]
    fn a_step_that_waits_says_when_its_money_starts() {
        let mut starter = need("starter", 2_100.0);
        starter.to_go = Some(2_100.0);
        let plan = plan(&[starter, need("hsa", 729.17)], 410.0, as_of(), "USD");
        assert_eq!(plan.steps[1].monthly, 0.0);
        // 2,100 at 410: five full payments and 50 in the sixth (May 2027), so the HSA starts then.
        assert_eq!(plan.steps[1].starts, Date::parse("2027-05-15"));
        assert_eq!(plan.steps[0].until, Date::parse("2027-05-15"));
    }

    #[test]
    fn a_step_with_months_ends_and_hands_on_its_money() {
        let mut hsa = need("hsa", 450.0);
        hsa.months = Some(30);
        let plan = plan(&[hsa, need("ira", 1_000.0)], 900.0, as_of(), "USD");
        // 30 payments from December 2026: the last in May 2029.
        assert_eq!(plan.steps[0].until, Date::parse("2029-05-15"));
        assert_eq!(plan.steps[0].then, [PlanMove { action_id: "ira".into(), part: None, monthly: 450.0 }]);
    }

    #[test]
    fn a_step_that_ends_unpaid_says_so_and_hands_nothing_on() {
        let mut goal = need("goal", 150.0);
        goal.months = Some(24);
        let plan = plan(&[need("ira", 500.0), goal], 400.0, as_of(), "USD");
        assert_eq!(plan.steps[1].monthly, 0.0);
        assert!(plan.steps[1].then.is_empty());
        assert!(
            plan.steps[1].note.ends_with("and none reaches it before it ends in Nov 2028."),
            "{}",
            plan.steps[1].note
        );
    }

    /// A step that waits for an earlier one gets nothing until that one completes, then takes the
    /// money it hands on, and the completing step names it.
    #[test]
    fn a_waiting_step_starts_when_what_it_waits_for_completes() {
        let mut card = need("card", 10_000.0);
        card.to_go = Some(1_000.0);
        let mut fund = need("fund", 400.0);
        fund.to_go = Some(1_200.0);
        fund.after = vec!["card".into()];
        let mut ira = need("ira", 500.0);
        ira.after = vec!["card".into()];
        let plan = plan(&[card, fund, ira], 500.0, as_of(), "USD");
        let got: Vec<f64> = plan.steps.iter().map(|s| s.monthly).collect();
        assert_eq!(got, [500.0, 0.0, 0.0]);
        // The card: two payments (Dec, Jan); the fund and the IRA from February.
        assert_eq!(plan.steps[0].until, Date::parse("2027-01-15"));
        assert_eq!(plan.steps[1].starts, Date::parse("2027-02-15"));
        assert_eq!(plan.steps[2].starts, Date::parse("2027-02-15"));
        assert_eq!(
            plan.steps[0].then,
            [
                PlanMove { action_id: "fund".into(), part: None, monthly: 400.0 },
                PlanMove { action_id: "ira".into(), part: None, monthly: 100.0 }
            ]
        );
        // The fund: three payments from February, the last in April; then the IRA gets all 500.
        assert_eq!(plan.steps[1].until, Date::parse("2027-04-15"));
        assert_eq!(plan.steps[1].then, [PlanMove { action_id: "ira".into(), part: None, monthly: 400.0 }]);
        assert!(plan.steps[2].note.contains("money starts in Feb 2027"), "{}", plan.steps[2].note);
    }

    /// A step that waits for one without an end, or for one not on the plan, never starts and
    /// is left off the plan.
    #[test]
    fn a_step_that_can_never_start_is_not_on_the_plan() {
        let mut after_ira = need("after-ira", 100.0);
        after_ira.after = vec!["ira".into()];
        let mut after_missing = need("after-missing", 100.0);
        after_missing.after = vec!["negative-surplus".into()];
        let mut chained = need("chained", 100.0);
        chained.to_go = Some(500.0);
        chained.after = vec!["after-ira".into()];
        let plan = plan(&[need("ira", 100.0), after_ira, after_missing, chained], 1_000.0, as_of(), "USD");
        let ids: Vec<&str> = plan.steps.iter().map(|s| s.action_id.as_str()).collect();
        assert_eq!(ids, ["ira"]);
        assert_eq!(plan.unassigned, 900.0);
    }

    #[test]
    fn nothing_available_gives_empty_shares() {
        let plan = plan(&[need("a", 100.0)], -575.0, as_of(), "USD");
        assert_eq!(plan.available, 0.0);
        assert_eq!(plan.steps[0].monthly, 0.0);
        assert!(plan.steps[0].note.contains("no money is free"), "{}", plan.steps[0].note);
    }

    #[test]
    fn plan_values_are_read_by_name_and_bad_ones_ignored() {
        let values = vec![
            ("planMonthly".to_string(), serde_json::json!(120.5)),
            ("planShare".to_string(), serde_json::json!(2)),
            ("planToGo".to_string(), serde_json::json!("x")),
            ("planLabel".to_string(), serde_json::json!("Roth IRA")),
        ];
        let needs = StepNeed::from_values("p/r", "r", &values);
        let need = &needs[0];
        assert_eq!(needs.len(), 1);
        assert_eq!((need.monthly, need.share, need.to_go, need.label.as_str()), (120.5, Some(1.0), None, "Roth IRA"));
        assert_eq!(need.part, None);
        assert!(StepNeed::from_values("p/r", "r", &[("planMonthly".to_string(), Value::Null)]).is_empty());
        assert!(StepNeed::from_values("p/r", "r", &[]).is_empty());
    }

    /// A list `planMonthly` asks for one step per item; list values are read item by item, a
    /// single value holds for all, and an item without a number asks for nothing.
    #[test]
    fn a_list_asks_for_one_step_per_item() {
        let values = vec![
            ("planMonthly".to_string(), serde_json::json!([300, null, 150.5])),
            ("planMonths".to_string(), serde_json::json!([12, 6, 40])),
            ("planPart".to_string(), serde_json::json!(["Car", "Past goal", "House"])),
            ("planLabel".to_string(), serde_json::json!("Goal")),
        ];
        let needs = StepNeed::from_values("p/goals", "goals", &values);
        let got: Vec<(Option<&str>, f64, Option<u32>, &str)> =
            needs.iter().map(|n| (n.part.as_deref(), n.monthly, n.months, n.label.as_str())).collect();
        assert_eq!(got, [(Some("Car"), 300.0, Some(12), "Goal"), (Some("House"), 150.5, Some(40), "Goal")]);
    }

    /// Each goal is its own step: the nearer one ends at its date and its money moves to the
    /// other, which is named by its part; the sum never exceeds what is available.
    #[test]
    fn goals_each_end_at_their_date_and_hand_on_their_money() {
        let mut car = need("goals", 300.0);
        car.part = Some("Car".into());
        car.label = "Car".into();
        car.months = Some(12);
        let mut house = need("goals", 500.0);
        house.part = Some("House".into());
        house.label = "House".into();
        house.months = Some(48);
        let plan = plan(&[car, house], 600.0, as_of(), "USD");
        let got: Vec<f64> = plan.steps.iter().map(|s| s.monthly).collect();
        assert_eq!(got, [300.0, 300.0]);
        assert_eq!(plan.steps[0].until, Date::parse("2027-11-15"));
        assert_eq!(
            plan.steps[0].then,
            [PlanMove { action_id: "goals".into(), part: Some("House".into()), monthly: 200.0 }]
        );
        assert!(plan.steps[0].note.contains("$200 to House"), "{}", plan.steps[0].note);
        assert!(plan.steps[1].note.contains("of the $500 a month it needs"), "{}", plan.steps[1].note);
    }
}
