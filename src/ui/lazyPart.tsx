import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

// A part of the page that is not needed for the first screen, loaded by dynamic import() the first
// time it renders (a same-origin chunk, so the content security policy holds). Each part has a small
// wrapper file of its own (e.g. export/LazyExportPanel.tsx) so the page imports it like any view.
// While the chunk loads, the part's place shows a one-line status (or nothing, for overlays).
// Not React.lazy: a suspended part is retried at React's lowest priority, and while the lab plays
// (an update every frame) that retry can wait for seconds; here the loaded part arrives as an
// ordinary state update. A chunk that fails to load is thrown to the nearest PanelBoundary.

/** A part loaded on demand; `preload` fetches its code without drawing it (WhenNeeded.tsx). */
export type LazyPart<P extends object> = ComponentType<P> & { preload: () => Promise<unknown> };

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, loading: ReactNode): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const get = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (part) => (loaded = part),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  function LazyPart(props: P) {
    const [state, setState] = useState<{ Part: ComponentType<P> } | { error: unknown } | null>(() => (loaded ? { Part: loaded } : null));
    useEffect(() => {
      if (state !== null) return;
      let live = true;
      get().then(
        (Part) => live && setState({ Part }),
        (error: unknown) => live && setState({ error }),
      );
      return () => {
        live = false;
      };
    }, [state]);
    if (state === null) return loading;
    if ('error' in state) throw state.error;
    return <state.Part {...props} />;
  }
  return Object.assign(LazyPart, { preload: get });
}

/** The status shown where a part is still loading. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="lazy-loading" role="status">
      Loading {what}…
    </p>
  );
}
