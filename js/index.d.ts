// Types of the finadvice package entry point. The API classes and functions come from the
// wasm-bindgen declarations in ./finadvice.js.
export * from './finadvice.js';

/** One problem with an input: what, where (a JSON pointer such as "/debts/1/aprPercent") and why. */
export interface Issue {
  code:
    | 'parse' | 'type' | 'required' | 'unknown_field' | 'not_finite' | 'out_of_range' | 'invalid_value'
    | 'duplicate' | 'too_large' | 'too_deep' | 'inconsistent' | 'model' | 'options'
    | 'unknown_operator' | 'unknown_reference' | 'cycle' | 'template' | 'too_many_steps';
  path: string;
  message: string;
}

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
