import { lazyPart, Loading } from '../lazyPart.tsx';

/** The live charts, loaded when they first render. */
export const Charts = lazyPart(() => import('./Charts.tsx').then((m) => m.Charts), <Loading what="charts" />);
