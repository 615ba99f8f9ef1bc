import { useState } from 'react';
import { useCompareUi } from './compareUi.ts';
import { CompareDialog } from './LazyCompare.tsx';

// "Compare with…" on the bench (issue 13, item 4): opens the picker for run B. The picker's code
// loads the first time it is opened, and stays mounted after that so closing it can hand focus back.

export function CompareButton() {
  const open = useCompareUi((s) => s.dialogOpen);
  const setOpen = useCompareUi((s) => s.setDialogOpen);
  const [loaded, setLoaded] = useState(open);
  if (open && !loaded) setLoaded(true);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Compare with…
      </button>
      {loaded && <CompareDialog />}
    </>
  );
}
