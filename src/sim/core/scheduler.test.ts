import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler.ts';

// The scheduler against the simplest correct queue: a list searched for the least (time, order of
// scheduling). Delays come from a small set so that equal times are common, within one kind and
// across kinds, between ring events and heap events (an event earlier than the last one of its
// ring falls back to the heap, and kind 0 always goes there).

const KINDS = 4;
const HEAP_KINDS = [0];

interface Pending {
  time: number;
  order: number;
  kind: number;
}

type Op =
  | { op: 'push'; delay: number; kind: number }
  | { op: 'pushAtPending'; pick: number; kind: number }
  | { op: 'pop'; within: number };

const delay = fc.constantFrom(0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 100, 1000, 65_536);
const kind = fc.integer({ min: 0, max: KINDS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('push' as const), delay, kind }), weight: 5 },
  // The same time as an event already waiting: a tie, possibly between the heap and a ring.
  { arbitrary: fc.record({ op: fc.constant('pushAtPending' as const), pick: fc.nat(), kind }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('pop' as const), within: fc.constantFrom(0, 1, 4, 1000, Infinity) }), weight: 4 },
);

/** Runs `ops` on a Scheduler and on the reference; returns both pop sequences. */
function replay(ops: readonly Op[]): { got: string[]; expected: string[] } {
  const sched = new Scheduler(KINDS, HEAP_KINDS);
  const pending: Pending[] = [];
  const got: string[] = [];
  const expected: string[] = [];
  let order = 0;
  let now = 0;
  const push = (time: number, k: number) => {
    sched.push(time, k, order, 1000 + order);
    pending.push({ time, order, kind: k });
    order++;
  };
  const popReference = (until: number): Pending | null => {
    let best = -1;
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i];
      if (p.time > until) continue;
      if (best < 0 || p.time < pending[best].time || (p.time === pending[best].time && p.order < pending[best].order)) best = i;
    }
    return best < 0 ? null : pending.splice(best, 1)[0];
  };
  const pop = (until: number) => {
    const reference = popReference(until);
    expected.push(reference ? `${reference.time}/${reference.kind}/${reference.order}` : 'none');
    if (sched.popUntil(until)) {
      got.push(`${sched.now}/${sched.kind}/${sched.a}`);
      expect(sched.b).toBe(1000 + sched.a);
      now = sched.now;
    } else {
      got.push('none');
    }
  };
  for (const o of ops) {
    if (o.op === 'push') push(now + o.delay, o.kind);
    else if (o.op === 'pushAtPending') {
      const later = pending.filter((p) => p.time >= now);
      push(later.length > 0 ? later[o.pick % later.length].time : now, o.kind);
    } else pop(now + o.within);
  }
  while (pending.length > 0) pop(Infinity);
  pop(Infinity);
  expect(sched.size).toBe(0);
  return { got, expected };
}

describe('the scheduler', () => {
  it('pops in (time, order of scheduling) order for any mix of ring and heap events, ties included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const { got, expected } = replay(ops);
        expect(got).toEqual(expected);
      }),
      { numRuns: 400, seed: 8_008 },
    );
  });

  it('runs events scheduled for the same instant first in, first out, whichever store holds them', () => {
    const sched = new Scheduler(KINDS, HEAP_KINDS);
    sched.push(6, 1, 0, 0); // ring of kind 1, delay octave [4, 8)
    sched.push(5, 1, 1, 0); // earlier than that ring's last: the heap
    sched.push(5, 2, 2, 0); // ring of kind 2
    sched.push(5, 0, 3, 0); // a heap-only kind
    sched.push(5, 2, 4, 0); // ring of kind 2 again
    const popped: number[] = [];
    while (sched.popUntil(Infinity)) popped.push(sched.a);
    expect(popped).toEqual([1, 2, 3, 4, 0]);
  });

  it('leaves an event later than the limit in the queue', () => {
    const sched = new Scheduler(KINDS, HEAP_KINDS);
    sched.push(10, 1, 7, 0);
    expect(sched.popUntil(9.999)).toBe(false);
    expect(sched.size).toBe(1);
    expect(sched.popUntil(10)).toBe(true);
    expect([sched.now, sched.kind, sched.a]).toEqual([10, 1, 7]);
  });
});
