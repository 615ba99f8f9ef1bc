/** The keyboard shortcuts, as the help dialog lists them. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['Space'], action: 'Play or pause' },
  { keys: ['→'], action: 'Step to the next message in any lane' },
  { keys: ['R'], action: 'Restart from 0 s' },
  { keys: ['+'], action: 'Play twice as fast' },
  { keys: ['−'], action: 'Play half as fast' },
  { keys: ['?'], action: 'Show or hide these shortcuts' },
  { keys: ['Esc'], action: 'Close this help' },
];
