// The browser's next idle period, with no deadline: work queued here (a part of the page drawn
// after the first figures, a chunk fetched in the background) never pushes in while the page is
// busy. Where requestIdleCallback is missing (Safari), a short timer stands in.

export function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run);
  else setTimeout(run, 200);
}
