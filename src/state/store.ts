import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabState } from './labState.ts';
import type { RunReply, SimulationRunner } from './runTypes.ts';
import { createRunSlice } from './slices/runSlice.ts';
import { createPlaybackSlice } from './slices/playbackSlice.ts';
import { createScenarioSlices } from './slices/scenarioSlices.ts';
import { createCompareSlice } from './slices/compareSlice.ts';

// The lab's one store (STYLE.md §5), made of slices by a factory (issue 11, item 8). Creating a
// store does no work: the page's first run starts from main.tsx (startLab.ts) once the address has
// been read, and every unit test gets a fresh store with its own runner (src/test/setupStore.ts).
// `useLab` is the hook every view uses; it reads the store that is installed.

export type { LabState, RunStatus } from './labState.ts';
export { TRACE_CLIENTS } from './slices/runSlice.ts';
export { nextMessageTime } from './slices/playbackSlice.ts';

export interface LabStoreOptions {
  /** Makes the runner that carries out runs; it reports back through `onReply`. */
  createRunner: (onReply: (reply: RunReply) => void) => SimulationRunner;
}

export type LabStore = StoreApi<LabState>;

export function createLabStore({ createRunner }: LabStoreOptions): LabStore {
  return createStore<LabState>()((set, get, api) => {
    const { slice: runSlice, control } = createRunSlice(set, get, createRunner);
    const { slice: compareSlice, control: compare } = createCompareSlice(set, get, createRunner);
    const runBoth = {
      run: (scenario: Parameters<typeof control.run>[0]) => {
        control.run(scenario);
        compare.sync(scenario);
      },
      syncCompare: compare.sync,
      started: control.started,
    };
    // Run B waits while run A runs (compareSlice.ts): A stopping lets it start.
    api.subscribe((state, previous) => {
      if (previous.status === 'running' && state.status !== 'running') compare.resume();
    });
    return {
      ...createScenarioSlices(set, get, runBoth),
      ...runSlice,
      ...compareSlice,
      ...createPlaybackSlice(set, get, api),
    };
  });
}

let installed: LabStore | null = null;

/** Make `store` the one the views read (the page once; a test before each test). */
export function installLabStore(store: LabStore): void {
  installed = store;
}

function current(): LabStore {
  if (installed === null) throw new Error('the lab store has not been started (startLab in main.tsx, or installLabStore)');
  return installed;
}

type UseLab = {
  <T>(selector: (state: LabState) => T): T;
  getState: () => LabState;
  setState: LabStore['setState'];
  subscribe: LabStore['subscribe'];
};

/** The lab's state in a view: `useLab((s) => s.playing)`; outside React, `useLab.getState()`. */
export const useLab: UseLab = Object.assign(<T>(selector: (state: LabState) => T): T => useStore(current(), selector), {
  getState: (): LabState => current().getState(),
  setState: ((...args: Parameters<LabStore['setState']>) => current().setState(...args)) as LabStore['setState'],
  subscribe: (listener: (state: LabState, previous: LabState) => void) => current().subscribe(listener),
});
