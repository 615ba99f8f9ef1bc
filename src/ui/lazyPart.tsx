import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

// A part of the page that is not needed for the first screen, loaded by dynamic import() the first
// time it renders (a same-origin chunk, so the content security policy holds). Each part has a small
// wrapper file of its own (e.g. export/LazyExportPanel.tsx) so the page imports it like any view.
// While the chunk loads, the part's place shows a one-line status (or nothing, for overlays).

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, loading: ReactNode): ComponentType<P> {
  const Part = lazy(async () => ({ default: await load() }));
  function LazyPart(props: P) {
    return (
      <Suspense fallback={loading}>
        <Part {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}

/** The status shown where a part is still loading. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="lazy-loading" role="status">
      Loading {what}…
    </p>
  );
}
