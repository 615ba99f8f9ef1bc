import type { MechanismId, Scenario } from './scenario/types.ts';
import { Kind, MECHANISM_KINDS } from './kinds.ts';

// The engine's watchdog (issue 10, item 2). The schema's floors keep every valid scenario's
// timers physical, but a run whose simulated time stops moving would hang the tab or the CLI
// forever, so the engine checks, cheaply, that time keeps going: every SAMPLE_EVENTS events it
// compares the clock with the clock STALL_SAMPLES samples ago. Less than MIN_ADVANCE_MS over that
// many events means the run is spinning at one instant; it stops with a message naming the
// settings that schedule such events.

/** World.advanceTo already samples every 65,536 events; the watchdog rides on that. */
export const SAMPLE_EVENTS = 0x10000;
/** One microsecond of simulated time. */
export const MIN_ADVANCE_MS = 1e-3;
/** At least 64 samples (4.2 million events) at one instant before the watchdog bites. */
const MIN_STALL_SAMPLES = 64;

/**
 * Samples at one instant that still count as a real run: a burst broadcast to every client
 * legitimately puts clients × burstSize deliveries, a few events each, at one instant.
 */
export function stallSamples(scenario: Scenario): number {
  const legitimate = 8 * scenario.clients * scenario.events.burstSize;
  return Math.max(MIN_STALL_SAMPLES, Math.ceil(legitimate / SAMPLE_EVENTS));
}

/** The settings whose timers a mechanism's own events come from, most likely first. */
const MECHANISM_FIELDS: Record<MechanismId, readonly string[]> = {
  polling: ['polling.intervalMs', 'network.rtoMs'],
  longPolling: ['longPolling.errorRetryMs', 'longPolling.timeoutMs'],
  sse: ['sse.heartbeatSec', 'sse.retryMs'],
  websocket: ['websocket.heartbeatSec', 'websocket.reconnect.baseMs'],
  webhook: ['webhook.retry.baseMs', 'webhook.timeoutMs'],
};

function suspectFields(id: MechanismId, kind: number): readonly string[] {
  if (kind >= MECHANISM_KINDS) return MECHANISM_FIELDS[id];
  if (kind === Kind.eventCreated) return ['events.ratePerSec', 'events.burstSize'];
  if (kind === Kind.idleCheck) return ['network.keepAliveIdleSec', 'proxy.idleTimeoutSec'];
  if (kind === Kind.clientMessage) return ['clientMessages.ratePerSec'];
  return ['faults.serverRestarts'];
}

/** The run stopped because simulated time stopped advancing. */
export class SimulationStalledError extends Error {
  readonly fields: readonly string[];

  constructor(id: MechanismId, kind: number, atMs: number, events: number) {
    const fields = suspectFields(id, kind);
    super(
      `simulated time stopped advancing at ${(atMs / 1000).toFixed(3)} s in ${id}: ` +
        `${events.toLocaleString('en-US')} events happened at that instant. ` +
        `A timer is too short to simulate; check ${fields.join(' and ')}.`,
    );
    this.name = 'SimulationStalledError';
    this.fields = fields;
  }
}

/**
 * The watch itself, one per world: `sample` is called every SAMPLE_EVENTS events with the kind
 * and time of the event at hand, and throws once simulated time has stayed put for too long.
 */
export class Watchdog {
  /** The clock at the last sample that moved it, and samples since. */
  private watchMs = -Infinity;
  private stalled = 0;
  private readonly limit: number;

  constructor(private readonly id: MechanismId, scenario: Scenario) {
    this.limit = stallSamples(scenario);
  }

  sample(kind: number, t: number): void {
    if (t - this.watchMs >= MIN_ADVANCE_MS) {
      this.watchMs = t;
      this.stalled = 0;
    } else if (++this.stalled >= this.limit) {
      throw new SimulationStalledError(this.id, kind, t, this.stalled * SAMPLE_EVENTS);
    }
  }
}
