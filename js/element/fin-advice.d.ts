// Types of the <fin-advice> custom element (importing this module registers it).
import type { FinAdviceError } from '../index.js';

export declare class FinAdviceElement extends HTMLElement {
  /** The profile currently in the form, with any imported transactions. */
  profile: Record<string, unknown>;
  /** The last report, or null before the first successful advice. */
  readonly report: Record<string, unknown> | null;
  /** Computes the plan for the current profile in the engine's Web Worker. */
  advise(): Promise<Record<string, unknown> | null>;
}

declare global {
  interface HTMLElementTagNameMap { 'fin-advice': FinAdviceElement }
  interface HTMLElementEventMap {
    /** Fired with the report after each successful advice. */
    advice: CustomEvent<Record<string, unknown>>;
  }
}
export type { FinAdviceError };
