//! TypeScript declarations for the JavaScript API. The output types (Report, Profile, PayoffPlan…)
//! are generated from the Rust types by ts-rs into `js/types/` (shipped as `types/*.d.ts`); this
//! file imports them into wasm-bindgen's declarations and declares the request shapes that the
//! Rust side reads field by field (so they have no serde type to generate from).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type {
  Report, Profile, Issue, FactDoc, CategorizedLine, Category, MemoryExport, PayoffPlan,
  RetirementProjection, GoalPlan, RiskProfile, Question, IncomeStability, Facts, Plans,
  ImportResult, ImportOptions, ImportedTransaction, DraftResult,
} from './types/index.js';

/** A bank or card export handed to `importStatements`: its text, or its bytes in any encoding. */
export interface StatementFile {
  /** The file's name (problems, sources and overrides name it; `.qfx` marks a QFX file). */
  name: string;
  /** The file's text (already decoded). */
  text?: string;
  /** The file's bytes (UTF-8 with or without BOM, or Windows-1252). */
  bytes?: Uint8Array;
}

/** Options of `new Advisor(options)`; every field is optional. */
export interface AdvisorOptions {
  /** A replacement ONNX categorization model with the same input/output contract. */
  model?: Uint8Array | ArrayBuffer;
  /** A merchant memory saved with `advisor.exportMemory()`. */
  memory?: MemoryExport;
  /** A rule pack (object or JSON text) instead of the built-in US pack. */
  rulePack?: object | string;
  /** List the rules that did not fire, with the reason, in `report.notFired`. */
  explain?: boolean;
}

/**
 * Data of `rulePack.evaluate(data)`: what a pack's rules read besides the pack's own constants.
 * Only the paths the pack refers to are read.
 */
export interface RuleData {
  facts?: Partial<Facts>;
  profile?: Partial<Profile>;
  plans?: Partial<Plans>;
  /** Model outputs (reserved). */
  model?: Record<string, unknown>;
}

/** Request of `planDebtPayoff`. */
export interface PayoffRequest {
  debts: { name: string; balance: number; aprPercent: number; minPayment?: number; kind?: string }[];
  monthlyBudget: number;
  strategy?: 'avalanche' | 'snowball' | 'custom';
  /** Debt names, for the custom strategy. */
  order?: string[];
  /** One-off extra payments ("snowflakes"), month 1 being the first month. */
  extraPayments?: { month: number; amount: number }[];
  asOf?: string;
}

/** Request of `projectRetirement`. */
export interface RetirementRequest {
  currentAge: number;
  retirementAge: number;
  endAge?: number;
  balance: number;
  annualContribution?: number;
  annualSpending?: number;
  allocation?: { stocks: number; bonds: number; cash: number };
  /** Inflation, percent a year (default: the 1928–2025 history's, 3.0%); the historical nominal returns are kept. */
  inflationPercent?: number;
  paths?: number;
  seed?: number;
  /** Social Security (or other income) in today's money a month, reducing the withdrawals. */
  socialSecurityMonthly?: number;
  /** Age it starts (default: the retirement age). */
  socialSecurityAge?: number;
  /** Share of each withdrawal paid in tax, percent (0–60, default 0). */
  withdrawalTaxPercent?: number;
}

/** Request of `planGoal`: either `asOf` + `targetDate`, or `months`. */
export interface GoalRequest {
  target: number;
  saved?: number;
  asOf?: string;
  targetDate?: string;
  months?: number;
  annualReturnPercent?: number;
  monthlySaving?: number;
}

/** Capacity part of `riskProfile(answers, capacity)`. */
export interface RiskCapacity {
  horizonYears: number;
  emergencyFundMonths?: number;
  incomeStability?: IncomeStability;
}
"#;
