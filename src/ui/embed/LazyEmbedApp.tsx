import { lazyPart, Loading } from '../lazyPart.tsx';

/** The `?embed` page, loaded only by embedded frames (the lab's own page never needs it). */
export const EmbedApp = lazyPart(() => import('./EmbedApp.tsx').then((m) => m.EmbedApp), <Loading what="the lab" />);
