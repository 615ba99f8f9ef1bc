import { lazyPart, Loading } from '../../lazyPart.tsx';

/** The animated export, loaded when it first renders. */
export const GifExport = lazyPart(() => import('./GifExport.tsx').then((m) => m.GifExport), <Loading what="animated export" />);
