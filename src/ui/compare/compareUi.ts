import { create } from 'zustand';

// Whether the "Compare with…" picker is open. Run B itself lives in the lab's store (it is part of
// what a share link carries); only this dialog state is the view's own.

interface CompareUi {
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
}

export const useCompareUi = create<CompareUi>()((set) => ({
  dialogOpen: false,
  setDialogOpen: (dialogOpen) => set({ dialogOpen }),
}));
