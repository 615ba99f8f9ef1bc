import { Loading, lazyPart } from '../lazyPart.tsx';

// The comparison of two runs is a secondary feature: its picker and view load on first use.

export const CompareDialog = lazyPart(() => import('./CompareDialog.tsx').then((m) => m.CompareDialog), null);
export const CompareView = lazyPart(() => import('./CompareView.tsx').then((m) => m.CompareView), <Loading what="the comparison of two runs" />);
