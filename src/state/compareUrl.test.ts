// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/validate.ts';
import { DEFAULT_SHARE_STATE, decodeShareState, encodeShareState } from './shareState.ts';
import { useLab } from './store.ts';
import { readUrlParams } from './urlParams.ts';
import { startUrlSync } from './urlSync.ts';

// The address bar and a comparison: opening a link with `compare` restores both runs, starting a
// comparison is a new history entry (Back leaves it), and leaving it takes `compare` out of the address.

const scenario = (() => {
  const parsed = parseScenario({ durationSec: 20, clients: 3, mechanisms: ['polling', 'sse'] });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();
const lab = () => useLab.getState();
let stop: (() => void) | null = null;

const open = (hash: string) => {
  window.history.replaceState(null, '', `/#${hash}`);
  stop = startUrlSync(readUrlParams(''));
};
const hashState = () => {
  const decoded = decodeShareState(window.location.hash);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.state;
};

afterEach(() => {
  stop?.();
  stop = null;
});

describe('a comparison in the address', () => {
  it('opens from a link with both runs', () => {
    open(encodeShareState({ ...DEFAULT_SHARE_STATE, scenario, compare: { polling: { intervalMs: 10_000 } } }));
    expect(lab().compare).toEqual({ polling: { intervalMs: 10_000 } });
    expect(lab().recording?.scenario.polling.intervalMs).toBe(2000);
    expect(lab().compareRecording?.scenario.polling.intervalMs).toBe(10_000);
  });

  it('is a new history entry when it starts, and leaving it takes it out of the address', () => {
    open(encodeShareState({ ...DEFAULT_SHARE_STATE, scenario }));
    const before = window.history.length;
    lab().startCompare({ clients: 6 });
    expect(window.history.length).toBe(before + 1);
    expect(hashState().compare).toEqual({ clients: 6 });
    lab().leaveCompare();
    expect(hashState().compare).toBeUndefined();
  });
});
