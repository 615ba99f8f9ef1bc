/** The keyboard shortcuts, as the help dialog lists them. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['Space'], action: 'Play or pause' },
  { keys: ['→'], action: 'Step to the next message (in every lane, or in the lane in focus or chosen beside Step)' },
  { keys: ['R'], action: 'Restart from 0 s' },
  { keys: ['End'], action: 'Skip to the end of the run' },
  { keys: ['+'], action: 'Next speed step up (0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100×)' },
  { keys: ['−'], action: 'Next speed step down' },
  { keys: ['?'], action: 'Show or hide these shortcuts' },
  { keys: ['Esc'], action: 'Close this help' },
];
