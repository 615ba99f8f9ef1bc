import { lazyPart, Loading } from '../lazyPart.tsx';

/** "How each one works", loaded when it first renders. */
export const Explainers = lazyPart(() => import('./Explainers.tsx').then((m) => m.Explainers), <Loading what="explanations" />);
