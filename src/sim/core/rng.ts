// Seeded randomness with independent sub-streams (STYLE.md §4). Every (purpose, index) pair owns a
// mulberry32 state derived by hashing (seed, purpose, index), so the draws of one client's event
// source never depend on which mechanisms run or how many draws another stream made.

/** Purposes of random streams. Values are part of the output's identity: never renumber. */
export const Stream = {
  events: 1,
  pollPhase: 2,
  network: 3,
  backoff: 4,
  clientMessages: 5,
  webhook: 6,
} as const;

/** A 32-bit integer hash (the finaliser of MurmurHash3): cheap and well mixed. */
function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function streamSeed(seed: number, purpose: number, salt: number, index: number): number {
  return mix32(mix32(mix32(seed ^ 0x9e3779b9) ^ Math.imul(purpose, 0x27d4eb2f)) ^ mix32(salt + 0x165667b1) ^ Math.imul(index + 1, 0x2545f491));
}

/** `count` independent uniform streams for one purpose, one per index (client or source). */
export class RandomStreams {
  private readonly state: Uint32Array;

  constructor(seed: number, purpose: number, count: number, salt = 0) {
    this.state = new Uint32Array(count);
    for (let i = 0; i < count; i++) this.state[i] = streamSeed(seed, purpose, salt, i);
  }

  /** Uniform in [0, 1) from stream `index` (mulberry32). */
  next(index: number): number {
    const s = (this.state[index] + 0x6d2b79f5) >>> 0;
    this.state[index] = s;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Exponential with the given mean; 1 − u keeps the argument of log in (0, 1]. */
  exponential(index: number, mean: number): number {
    return -mean * Math.log(1 - this.next(index));
  }
}
