import type { RunRecording } from '../sim/recording.ts';
import type { Scenario } from '../sim/scenario/types.ts';

// What a challenge is (issue 13, item 1): a scenario, a question the learner answers before the run
// plays, how to read the answer off the engine's recording, and the closed form where one exists.

export interface ChoiceOption {
  value: string;
  label: string;
}

export type PredictionSpec =
  /** A number in `unit` (the learner types it; the measurement is read in the same unit). */
  | { kind: 'number'; unit: string; min: number; max: number }
  /** One of a few answers (mechanisms, or ranges of a figure). */
  | { kind: 'choice'; options: readonly ChoiceOption[] };

/** The figure the run produced, in the prediction's unit (or the winning choice's value). */
export interface Measured {
  value: number | string;
  /** Supporting figures from the same run, one short line each. */
  details: string[];
}

export interface ClosedForm {
  /** In the prediction's unit; for a choice, the option the formula picks. */
  value: number | string;
  /** The formula in symbols, e.g. "e^(−λT)". */
  formula: string;
  /** The formula with this scenario's numbers put in. */
  worked: string;
  /** 'exact': the engine should land close; a bound: the engine can only be above (below) it. */
  kind: 'exact' | 'lowerBound' | 'upperBound';
}

export interface Challenge {
  /** kebab-case; `?challenge=<id>` opens it. */
  id: string;
  title: string;
  /** The topic of issue 13 it covers, in a few words. */
  topic: string;
  /** The setup in one or two sentences: what runs. */
  setup: string;
  /** What to predict, as a question. */
  question: string;
  /**
   * The scenario input as a file would hold it. It may use fields the engine does not know yet
   * (see `requires`); parseScenario decides whether the challenge is offered.
   */
  scenario: Record<string, unknown>;
  prediction: PredictionSpec;
  /** Reads the answer off the run; null when the run holds no such figure (nothing delivered). */
  measure: (recording: RunRecording) => Measured | null;
  /** The closed form, from the scenario alone; null when none exists, with the reason in `why`. */
  closedForm: (scenario: Scenario) => ClosedForm | null;
  /**
   * How far (relative) the engine may land from an 'exact' closed form and still "agree": the
   * closed form ignores what the run adds (random event counts, start-up, the end of the run).
   */
  tolerance: number;
  /** Why the figure comes out as it does, in our own words (shown after the reveal). */
  why: string;
  /** Engine fields the scenario needs that an older engine rejects: shown when it accepts them. */
  requires?: string;
}
