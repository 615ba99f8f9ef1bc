import { useEffect, useRef, useState } from 'react';

// Progress moves smoothly (issue 10, item 3): the worker reports every 100 ms at best and, in a
// heavy run, once per simulated second; between reports the bar moves on at the pace of the last
// reports, never past the next report's likely value nor the end, and never backwards.

const TICK_MS = 100;

export function useSmoothProgress(reportedMs: number, endMs: number): number {
  const [shownMs, setShownMs] = useState(reportedMs);
  const last = useRef({ ms: reportedMs, at: 0, rate: 0 });

  useEffect(() => {
    const now = performance.now();
    const previous = last.current;
    const rate = previous.at > 0 && reportedMs > previous.ms ? (reportedMs - previous.ms) / (now - previous.at) : previous.rate;
    const restarted = reportedMs < previous.ms;
    last.current = { ms: reportedMs, at: now, rate: restarted ? 0 : rate };
    setShownMs((shown) => (restarted ? reportedMs : Math.max(shown, reportedMs)));
  }, [reportedMs]);

  useEffect(() => {
    const timer = setInterval(() => {
      const { ms, at, rate } = last.current;
      if (rate <= 0 || at === 0) return;
      const elapsed = Math.min(performance.now() - at, 2000);
      setShownMs((shown) => Math.max(shown, Math.min(endMs, ms + rate * elapsed)));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [endMs]);

  return Math.min(endMs, shownMs);
}
