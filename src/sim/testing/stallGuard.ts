import { createSimulation, type Results } from '../engine.ts';
import type { Mechanism, MechanismModule, MechanismRegistry } from '../mechanisms/mechanism.ts';
import { MECHANISMS } from '../mechanisms/registry.ts';
import { MECHANISM_IDS, type Scenario } from '../scenario/types.ts';

// For property tests over random scenarios (properties.test.ts): a run that would spin at one
// instant fails the test with a message instead of freezing the test runner.

/**
 * Runs the engine with every mechanism wrapped so that a run whose simulated time stops
 * advancing (the same instant, or instants a few ulps apart, handled over and over) throws
 * instead of freezing the test runner. The wrapper only counts calls; it changes no number.
 */
const STALL_EVENTS = 200_000;
const STALL_PROGRESS_MS = 1e-3;

/** The real mechanisms, each wrapped in the stall guard; passed to the engine, no global patched. */
export const GUARDED: MechanismRegistry = Object.fromEntries(
  MECHANISM_IDS.map((id) => {
    const module = MECHANISMS[id];
    const guardedModule: MechanismModule = {
      ...module,
      create: (world) => {
        const inner = module.create(world);
        let anchorMs = -Infinity;
        let sinceProgress = 0;
        const guarded: Mechanism = {
          drawsEventsLazily: inner.drawsEventsLazily,
          sendsClientMessages: inner.sendsClientMessages,
          start: () => inner.start(),
          onConnectFailed: (slot, noticeMs) => inner.onConnectFailed(slot, noticeMs),
          onErrorAnswer: (slot, tMs) => inner.onErrorAnswer(slot, tMs),
          handle: (kind, a, b, tMs) => {
            if (tMs - anchorMs >= STALL_PROGRESS_MS) {
              anchorMs = tMs;
              sinceProgress = 0;
            } else if (++sinceProgress > STALL_EVENTS) {
              throw new Error(`${id}: simulated time stopped at ${tMs} ms (${STALL_EVENTS} events within ${STALL_PROGRESS_MS} ms)`);
            }
            inner.handle(kind, a, b, tMs);
          },
          onEventCreated: (source, index, tMs) => inner.onEventCreated(source, index, tMs),
          onConnectionCut: (slot, tMs) => inner.onConnectionCut(slot, tMs),
          onServerDown: (tMs) => inner.onServerDown(tMs),
          sendClientMessage: (client, tMs) => inner.sendClientMessage(client, tMs),
          settle: (tMs) => inner.settle(tMs),
        };
        return guarded;
      },
    };
    return [id, guardedModule];
  }),
) as MechanismRegistry;

export function runGuarded(scenario: Scenario): Results {
  const simulation = createSimulation(scenario, { traceClients: 0, mechanisms: GUARDED });
  simulation.runToEnd();
  return simulation.results();
}
