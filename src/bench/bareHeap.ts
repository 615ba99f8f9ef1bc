// The reference the engine is measured against: a bare binary-heap event loop (struct of arrays,
// Float64Array times + Int32Array ids) in the hold model — pop the earliest event, push one a
// random exponential time later — with the same number of pending events as the engine's
// workload. Nothing else happens per event, so this is the ceiling of any heap-based engine.

export function bareHeapEventsPerSec(pending: number, events: number, seed = 1): number {
  const times = new Float64Array(pending + 1);
  const ids = new Int32Array(pending + 1);
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let size = 0;
  const push = (time: number, id: number): void => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] <= time) break;
      times[i] = times[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  };
  const popMin = (): number => {
    const top = ids[0];
    const time = times[--size];
    const id = ids[size];
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      if (child + 1 < size && times[child + 1] < times[child]) child++;
      if (time <= times[child]) break;
      times[i] = times[child];
      ids[i] = ids[child];
      i = child;
    }
    times[i] = time;
    ids[i] = id;
    return top;
  };
  for (let i = 0; i < pending; i++) push(-Math.log(1 - uniform()), i);
  let checksum = 0;
  const start = performance.now();
  for (let n = 0; n < events; n++) {
    const now = times[0];
    const id = popMin();
    checksum += id;
    push(now - Math.log(1 - uniform()), id);
  }
  const elapsedMs = performance.now() - start;
  if (checksum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return events / (elapsedMs / 1000);
}
