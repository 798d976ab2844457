// Types of the <fin-advice> custom element (importing this module registers it).
import type { FinAdviceError, Profile, Report } from "../index.js";

export declare class FinAdviceElement extends HTMLElement {
  /** The profile currently in the form, with any imported transactions. */
  profile: Partial<Profile>;
  /** The last report, or null before the first successful advice. */
  readonly report: Report | null;
  /** Whether the person changed the form since `profile` was last set (or the page opened). */
  readonly edited: boolean;
  /** Computes the plan for the current profile in the engine's Web Worker. */
  advise(): Promise<Report | null>;
  /** Moves keyboard focus (and the view) to the plan's heading. */
  focusPlan(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "fin-advice": FinAdviceElement;
  }
  interface HTMLElementEventMap {
    /** Fired with the report after each successful advice. */
    advice: CustomEvent<Report>;
  }
}
export type { FinAdviceError };
