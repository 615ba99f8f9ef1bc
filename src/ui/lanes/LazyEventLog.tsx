import { lazyPart, Loading } from '../lazyPart.tsx';

/** The event log at the foot of the page, loaded when it first renders. */
export const EventLog = lazyPart(() => import('./EventLog.tsx').then((m) => m.EventLog), <Loading what="the event log" />);
