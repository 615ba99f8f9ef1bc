import { useState } from 'react';
import { lazyPart } from '../lazyPart.tsx';

// The embed dialog is loaded the first time "Embed…" opens it, then stays mounted so closing it
// hands focus back as usual.

interface Props {
  open: boolean;
  onClose: () => void;
}

const Dialog = lazyPart<Props>(() => import('./EmbedDialog.tsx').then((m) => m.EmbedDialog), null);

export function EmbedDialog({ open, onClose }: Props) {
  const [needed, setNeeded] = useState(false);
  if (open && !needed) setNeeded(true);
  return needed ? <Dialog open={open} onClose={onClose} /> : null;
}
