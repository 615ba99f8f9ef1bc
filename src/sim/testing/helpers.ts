import { expect } from 'vitest';
import { createSimulation } from '../engine.ts';
import type { MechanismId, Scenario } from '../scenario/types.ts';
import { parseScenario } from '../scenario/validate.ts';

// Helpers shared by the engine's tests: scenarios from partial input, tolerances that also reject
// a plausible wrong formula, lazily computed runs, and a full log of deliveries.

/** A scenario from partial input; throws with every problem when the input is invalid. */
export function scenarioOf(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`invalid scenario:\n${result.errors.join('\n')}`);
  return result.scenario;
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** |got − expected| ≤ tolerance · |expected|. */
export function expectWithin(got: number | null, expected: number, tolerance: number): void {
  expect(got).not.toBeNull();
  expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** The same check, inverted: a wrong formula must miss by more than the tolerance. */
export function expectOutside(got: number | null, wrong: number, tolerance: number): void {
  expect(got).not.toBeNull();
  expect(Math.abs((got as number) - wrong)).toBeGreaterThan(tolerance * Math.abs(wrong));
}

/** Compute a value the first time a test asks for it, so that a filtered run skips the others. */
export function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/** One first delivery of an event, in the order the engine made them. */
export interface Delivery {
  recipient: number;
  createdMs: number;
  arrivedMs: number;
}

/** Run a scenario to its end and keep every first delivery of every mechanism. */
export function deliveryLog(scenario: Scenario): Map<MechanismId, Delivery[]> {
  const log = new Map<MechanismId, Delivery[]>(scenario.mechanisms.map((id) => [id, []]));
  const simulation = createSimulation(scenario, {
    traceClients: 0,
    onDelivery: (id, recipient, createdMs, arrivedMs) => log.get(id)?.push({ recipient, createdMs, arrivedMs }),
  });
  simulation.runToEnd();
  return log;
}
