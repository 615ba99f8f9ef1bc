// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLab } from '../state/store.ts';
import { usePresenter } from './presenter/presenterStore.ts';
import { useOneByOne, WhenNeeded } from './WhenNeeded.tsx';

// The parts below the first screen are drawn one at a time in idle periods, each only once its
// code has arrived, and a part of several pieces (the charts) draws one piece per idle period, so
// no single task after the first figures draws more than one part or piece (issue 12, item 4).
// Idle periods are run by hand here: `idle()` runs the callbacks the page has asked for so far.

let idleCallbacks: (() => void)[] = [];
const idle = async (): Promise<void> => {
  const due = idleCallbacks;
  idleCallbacks = [];
  await act(async () => {
    for (const run of due) run();
    await Promise.resolve();
  });
};

beforeEach(() => {
  idleCallbacks = [];
  globalThis.requestIdleCallback = ((run: () => void) => {
    idleCallbacks.push(run);
    return idleCallbacks.length;
  }) as typeof requestIdleCallback;
  useLab.setState({ status: 'idle' });
});
afterEach(cleanup);

const drawn = (name: string) => screen.queryByText(`${name} drawn`) !== null;

/** A lazy part's `preload`, resolved by the test. */
function code() {
  let arrive = (): void => undefined;
  const loaded = new Promise<void>((resolve) => { arrive = resolve; });
  return { preload: () => loaded, arrive: async () => { await act(async () => { arrive(); await loaded; }); } };
}

function Page({ charts, log }: { charts: () => Promise<unknown>; log: () => Promise<unknown> }) {
  return (
    <>
      <WhenNeeded what="charts" preload={charts}>
        <p>charts drawn</p>
      </WhenNeeded>
      <WhenNeeded what="the event log" preload={log}>
        <p>log drawn</p>
      </WhenNeeded>
    </>
  );
}

describe('WhenNeeded', () => {
  it('draws nothing before the first figures, then one part per idle period once its code is in', async () => {
    const charts = code();
    const log = code();
    render(<Page charts={charts.preload} log={log.preload} />);
    await idle();
    expect(screen.getByText('Loading charts…')).toBeTruthy();
    expect(drawn('charts') || drawn('log')).toBe(false);

    act(() => { useLab.setState({ status: 'ready' }); });
    await idle(); // the charts' code is asked for; not drawn until it arrives
    expect(drawn('charts')).toBe(false);
    await log.arrive(); // the log's code arriving first changes nothing: the charts come first
    await idle();
    expect(drawn('charts') || drawn('log')).toBe(false);

    await charts.arrive();
    expect(drawn('charts')).toBe(false); // drawn in the next idle period, not as the code arrives
    await idle();
    expect(drawn('charts')).toBe(true);
    expect(drawn('log')).toBe(false); // one part per idle period
    await idle(); // the log's code is asked for (already here)
    await idle();
    expect(drawn('log')).toBe(true);
  });

  it('draws every part at once while a talk runs', () => {
    const charts = code();
    const log = code();
    act(() => { usePresenter.setState({ presenting: { presetId: 'first-look', beat: 0 } }); });
    try {
      render(<Page charts={charts.preload} log={log.preload} />);
      expect(drawn('charts') && drawn('log')).toBe(true);
    } finally {
      act(() => { usePresenter.setState({ presenting: null }); });
    }
  });
});

function Pieces({ all }: { all: boolean }) {
  const count = useOneByOne(4, all);
  return <p>{count} pieces</p>;
}

describe('useOneByOne', () => {
  it('draws the first piece at once, then one more per idle period, and stops at the count', async () => {
    render(<Pieces all={false} />);
    expect(screen.getByText('1 pieces')).toBeTruthy();
    for (const expected of [2, 3, 4]) {
      await idle();
      expect(screen.getByText(`${String(expected)} pieces`)).toBeTruthy();
    }
    await idle();
    expect(idleCallbacks).toHaveLength(0);
    expect(screen.getByText('4 pieces')).toBeTruthy();
  });

  it('draws every piece at once when asked to', () => {
    render(<Pieces all />);
    expect(screen.getByText('4 pieces')).toBeTruthy();
  });

  it('draws every piece at once while a talk runs (it may light any of them)', () => {
    act(() => { usePresenter.setState({ presenting: { presetId: 'first-look', beat: 0 } }); });
    try {
      render(<Pieces all={false} />);
      expect(screen.getByText('4 pieces')).toBeTruthy();
    } finally {
      act(() => { usePresenter.setState({ presenting: null }); });
    }
  });
});
