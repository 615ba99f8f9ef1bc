import { useState } from 'react';
import { useLab } from '../../state/store.ts';
import { lazyPart } from '../lazyPart.tsx';

// The shortcuts dialog is loaded the first time it opens (`?` or the ? button), then stays mounted
// so closing it hands focus back as usual.

const Dialog = lazyPart(() => import('./ShortcutsHelp.tsx').then((m) => m.ShortcutsHelp), null);

export function ShortcutsHelp() {
  const open = useLab((s) => s.helpOpen);
  const [needed, setNeeded] = useState(false);
  if (open && !needed) setNeeded(true);
  return needed ? <Dialog /> : null;
}
