import type { Scenario } from '../scenario/types.ts';
import { RandomStreams, Stream } from '../core/rng.ts';

// When each client sends its next message upstream (chat lines, acks): a Poisson process per
// client at clientMessages.ratePerSec. The draws are the same for every mechanism (common random
// numbers), so a comparison sees the very same messages.

export class ClientMessageTimes {
  private readonly rng: RandomStreams;
  private readonly meanGapMs: number;

  constructor(scenario: Scenario) {
    this.rng = new RandomStreams(scenario.seed, Stream.clientMessages, scenario.clients);
    const rate = scenario.clientMessages.ratePerSec;
    this.meanGapMs = rate > 0 ? 1000 / rate : Infinity;
  }

  /** Whether clients send anything at all. */
  get any(): boolean {
    return Number.isFinite(this.meanGapMs);
  }

  /** The time of `client`'s message after one at tMs. */
  next(client: number, tMs: number): number {
    return tMs + this.rng.exponential(client, this.meanGapMs);
  }
}
