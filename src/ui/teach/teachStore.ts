import { create } from 'zustand';

// What the teaching features show (issue 13): the open challenge and which panels are open. Kept
// apart from the lab's store; the teaching views drive the lab through its public actions.

export type TeachPanel = 'challenges' | 'decide' | 'table' | 'transcript';

export interface TeachState {
  /** The challenge on screen; its panel loads the scenario. */
  challengeId: string | null;
  /** Counts openings, so opening the same challenge again starts it over. */
  challengeOpenings: number;
  open: Record<TeachPanel, boolean>;
  openChallenge: (id: string) => void;
  closeChallenge: () => void;
  setOpen: (panel: TeachPanel, open: boolean) => void;
}

export const useTeach = create<TeachState>()((set) => ({
  challengeId: null,
  challengeOpenings: 0,
  open: { challenges: false, decide: false, table: false, transcript: false },
  openChallenge: (id) =>
    set((s) => ({ challengeId: id, challengeOpenings: s.challengeOpenings + 1, open: { ...s.open, challenges: false } })),
  closeChallenge: () => set({ challengeId: null }),
  setOpen: (panel, open) => set((s) => ({ open: { ...s.open, [panel]: open } })),
}));
