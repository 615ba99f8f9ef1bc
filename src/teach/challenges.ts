import type { Challenge } from './challengeTypes.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { LOAD_CHALLENGES } from './challengesLoad.ts';
import { FAULT_CHALLENGES } from './challengesFaults.ts';
import { WIRE_CHALLENGES } from './challengesWire.ts';

// The challenge library (issue 13, item 1), in teaching order. A challenge whose scenario the engine
// rejects (it uses a field a newer engine adds) is not offered: the same check that guards every
// file and link decides, so the library grows by itself when the engine learns the field.

export const CHALLENGES: readonly Challenge[] = [...LOAD_CHALLENGES, ...FAULT_CHALLENGES, ...WIRE_CHALLENGES];

/** The challenge's scenario, normalised, or null when this engine cannot run it. */
export function challengeScenario(challenge: Challenge): Scenario | null {
  const parsed = parseScenario({ version: 1, ...challenge.scenario });
  return parsed.ok ? parsed.scenario : null;
}

export function isOffered(challenge: Challenge): boolean {
  return challengeScenario(challenge) !== null;
}

/** The challenges this engine can run. */
export function offeredChallenges(): Challenge[] {
  return CHALLENGES.filter(isOffered);
}

/** A challenge by id, only when it is offered. */
export function challengeById(id: string): Challenge | undefined {
  return CHALLENGES.find((challenge) => challenge.id === id && isOffered(challenge));
}
