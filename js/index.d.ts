// Types of the finadvice package entry point. The API classes and functions come from the
// wasm-bindgen declarations in ./finadvice.js.
export * from './finadvice.js';
// Every input and output type (Report, Profile, Facts, Action, PayoffPlan, …), generated from the Rust types.
export * from './types/index.js';
import type { Issue } from './types/index.js';

/** Thrown by every finadvice entry point on bad input; `errors` lists every problem found. */
export declare class FinAdviceError extends Error {
  readonly name: 'FinAdviceError';
  /** Every problem, in document order. */
  readonly errors: Issue[];
  /** The first problem's code. */
  readonly code: Issue['code'] | 'invalid';
}

/** Where to load finadvice_bg.wasm from; by default next to this module (read from disk in Node). */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly module once. Await it before creating an Advisor. */
export function init(source?: WasmSource): Promise<void>;
export default init;
