import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { recordRun } from '../sim/recording.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { SNAPSHOT_CHUNK, TRACE_CHUNK, runInWorker } from './runInWorker.ts';
import type { RunReply, RunRequest, WorkerReply } from './runTypes.ts';
import { SimSupervisor, splitMechanisms, type WorkerLike } from './supervisor.ts';

// Stand-in workers: they run the real worker code a macrotask later and copy every message with
// structuredClone, as postMessage does; `mode` makes one go silent or die.
type Mode = 'works' | 'silent' | 'closedWhenIdle';

class FakeWorker implements WorkerLike {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  requests = 0;

  constructor(public mode: Mode) {
    FakeWorker.made.push(this);
  }

  postMessage(message: RunRequest): void {
    this.requests += 1;
    if (this.mode === 'silent' || (this.mode === 'closedWhenIdle' && this.requests > 1)) return;
    const request = structuredClone(message);
    setTimeout(() => {
      runInWorker(request, (reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(): void {
    this.onerror?.({ preventDefault: () => undefined, message: 'boom' } as unknown as ErrorEvent);
  }
}

const scenario: Scenario = { ...DEFAULT_SCENARIO, clients: 20, durationSec: 20 };
let supervisor: SimSupervisor | null = null;

function supervise(modes: Mode[], parallelism = 1) {
  const replies: RunReply[] = [];
  let next = 0;
  supervisor = new SimSupervisor((reply) => replies.push(reply), {
    createWorker: () => new FakeWorker(modes[Math.min(next++, modes.length - 1)]),
    parallelism,
    silenceMs: 300,
    ackMs: 150,
  });
  const settled = (runId: number) =>
    new Promise<RunReply>((resolve) => {
      const poll = setInterval(() => {
        const last = replies.filter((r) => r.runId === runId && r.type !== 'progress').pop();
        if (last) {
          clearInterval(poll);
          resolve(last);
        }
      }, 5);
    });
  return { replies, settled, supervisor };
}

afterEach(() => {
  supervisor?.dispose();
  FakeWorker.made = [];
});

describe('the simulation supervisor', () => {
  it('spreads mechanisms round robin over the workers', () => {
    expect(splitMechanisms(['polling', 'longPolling', 'sse', 'websocket', 'webhook'], 2)).toEqual([
      ['polling', 'sse', 'webhook'],
      ['longPolling', 'websocket'],
    ]);
    expect(splitMechanisms(['sse'], 4)).toEqual([['sse']]);
  });

  it('assembles the same bytes of results from three parallel workers as from one run', async () => {
    const { settled, supervisor: s } = supervise(['works'], 3);
    s.request(1, scenario, 5);
    const reply = await settled(1);
    expect(reply.type).toBe('done');
    if (reply.type !== 'done') return;
    expect(FakeWorker.made).toHaveLength(3);
    expect(JSON.stringify(reply.recording)).toBe(JSON.stringify(recordRun(scenario, 5)));
  });

  it('sends a long run in chunks no bigger than the page decodes in one go, and reassembles the same bytes', async () => {
    const long: Scenario = { ...DEFAULT_SCENARIO, clients: 3, durationSec: 2 * SNAPSHOT_CHUNK + 30, mechanisms: ['polling', 'sse'] };
    const posted: WorkerReply[] = [];
    runInWorker({ runId: 7, scenario: long, traceClients: 3, mechanisms: long.mechanisms }, (reply) => posted.push(reply));
    const chunks = posted.filter((r) => r.type === 'snapshots');
    expect(chunks.filter((r) => r.id === 'polling').length).toBeGreaterThanOrEqual(3);
    expect(chunks.every((r) => r.totalsAt.length <= SNAPSHOT_CHUNK && r.cdfAt.length === r.totalsAt.length)).toBe(true);
    expect(posted.every((r) => r.type !== 'trace' || r.messages.length <= TRACE_CHUNK)).toBe(true);
    expect(posted.every((r) => r.type !== 'part' || (r.recording.totalsAt.length === 0 && r.recording.trace.length === 0))).toBe(true);

    const { settled, supervisor: s } = supervise(['works'], 2);
    s.request(1, long, 3);
    const reply = await settled(1);
    expect(reply.type).toBe('done');
    if (reply.type !== 'done') return;
    expect(JSON.stringify(reply.recording)).toBe(JSON.stringify(recordRun(long, 3)));
  });

  it('reports a worker that goes silent as stopped responding, and runs the next request in a new worker', async () => {
    const { settled, supervisor: s } = supervise(['silent', 'works']);
    s.request(1, scenario, 5);
    expect(await settled(1)).toEqual({ type: 'error', runId: 1, kind: 'unresponsive', message: 'The simulation stopped responding.' });
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    s.request(2, scenario, 5);
    expect((await settled(2)).type).toBe('done');
  });

  it('reports a crash of the running worker against that run only', async () => {
    const { replies, settled, supervisor: s } = supervise(['silent', 'works']);
    s.request(1, scenario, 5);
    FakeWorker.made[0]?.crash();
    expect(await settled(1)).toMatchObject({ type: 'error', runId: 1, kind: 'crashed' });
    s.request(2, scenario, 5);
    expect((await settled(2)).type).toBe('done');
    // The idle worker of run 2 dies later: nothing is blamed on run 2's results.
    const count = replies.length;
    FakeWorker.made[1]?.crash();
    expect(replies).toHaveLength(count);
  });

  it('moves a request from an idle worker that was closed to a new one, without an error', async () => {
    const { replies, settled, supervisor: s } = supervise(['closedWhenIdle', 'works']);
    s.request(1, scenario, 5);
    expect((await settled(1)).type).toBe('done');
    s.request(2, { ...scenario, clients: 21 }, 5);
    const second = await settled(2);
    expect(second.type).toBe('done');
    expect(FakeWorker.made).toHaveLength(2);
    expect(replies.some((r) => r.type === 'error')).toBe(false);
  });

  it('never passes on a reply about an older run', async () => {
    const { replies, settled, supervisor: s } = supervise(['works']);
    s.request(1, scenario, 5);
    s.request(2, { ...scenario, clients: 22 }, 5);
    await settled(2);
    expect(replies.every((r) => r.runId === 2)).toBe(true);
  });

  it('says nothing more about a cancelled run', async () => {
    const { replies, supervisor: s } = supervise(['works']);
    s.request(1, scenario, 5);
    s.cancel();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(replies.filter((r) => r.type !== 'progress')).toEqual([]);
  });
});
