import type { RunFailure } from './runTypes.ts';

// Errors in plain words (issue 10, item 4). The engine's own messages (the watchdog's, a
// validation message) are already sentences about the scenario; what the browser throws when
// memory runs out is not, and is replaced by what the user can do about it.

export const MEMORY_MESSAGE = 'This run needs more memory than the browser allows; reduce clients or duration.';
export const UNRESPONSIVE_MESSAGE = 'The simulation stopped responding.';
export const CRASHED_MESSAGE = 'The simulation stopped unexpectedly.';

const OUT_OF_MEMORY = /array buffer allocation failed|invalid array length|invalid typed array length|out of memory|allocation size overflow|maximum call stack/i;

/** Turn whatever a run threw into a failure the page can show. */
export function describeRunError(error: unknown): RunFailure {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  if (OUT_OF_MEMORY.test(message) || (name === 'RangeError' && /length|size|memory/i.test(message))) {
    return { kind: 'memory', message: MEMORY_MESSAGE };
  }
  if (name === 'SimulationStalledError') return { kind: 'stalled', message: upperFirst(message) };
  return { kind: 'failed', message: upperFirst(message.trim() || 'the simulation failed without saying why') };
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
