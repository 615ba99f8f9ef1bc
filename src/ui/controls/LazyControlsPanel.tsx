import { lazyPart, Loading } from '../lazyPart.tsx';

/** The scenario's settings (the drawer's contents), loaded when the drawer first draws them. */
export const ControlsPanel = lazyPart(() => import('./ControlsPanel.tsx').then((m) => m.ControlsPanel), <Loading what="the settings" />);
