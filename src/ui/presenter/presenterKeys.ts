// The keys of a talk: what the shortcuts help lists (ShortcutsHelp.tsx) and what the shortcut
// handler acts on (handlePresenterKey) come from this one table. Clickers send Page Down / Page Up.

export type PresenterCommand = 'next' | 'previous' | 'stop';

export interface PresenterKey {
  command: PresenterCommand;
  /** As the help shows them. */
  keys: readonly string[];
  /** KeyboardEvent.key values, in the order of `keys`. */
  eventKeys: readonly string[];
  action: string;
}

export const PRESENTER_KEYS: readonly PresenterKey[] = [
  { command: 'next', keys: ['→', 'Page Down', 'Space'], eventKeys: ['ArrowRight', 'PageDown', ' '], action: 'Next beat of the talk' },
  { command: 'previous', keys: ['←', 'Page Up'], eventKeys: ['ArrowLeft', 'PageUp'], action: 'Previous beat' },
  { command: 'stop', keys: ['Esc'], eventKeys: ['Escape'], action: 'Leave the talk (or leave full screen)' },
];

export function presenterCommandOf(key: string): PresenterCommand | null {
  return PRESENTER_KEYS.find((k) => k.eventKeys.includes(key))?.command ?? null;
}
