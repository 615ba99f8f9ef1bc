import { lazyPart, Loading } from '../lazyPart.tsx';

/** The export panel (pictures, data, scenario files), loaded when it first renders. */
export const ExportPanel = lazyPart(() => import('./ExportPanel.tsx').then((m) => m.ExportPanel), <Loading what="export" />);
