import { describe, expect, it } from 'vitest';
import {
  LINGER_MS,
  SpanIndex,
  handshakePosition,
  COMPACT_ROW_HEIGHT,
  laneLayout,
  lingerOpacity,
  snapProgress,
  tripProgress,
  visibleLabels,
  type LabelCandidate,
} from './laneGeometry.ts';

describe('tripProgress', () => {
  it('is 0 at send time, 0.5 half-way and 1 on arrival', () => {
    expect(tripProgress(1000, 1050, 1000)).toBe(0);
    expect(tripProgress(1000, 1050, 1025)).toBe(0.5);
    expect(tripProgress(1000, 1050, 1050)).toBe(1);
  });

  it('stays within [0, 1] before the send and after the arrival', () => {
    expect(tripProgress(1000, 1050, 900)).toBe(0);
    expect(tripProgress(1000, 1050, 2000)).toBe(1);
  });

  it('treats a zero-length trip as done from its send time', () => {
    expect(tripProgress(500, 500, 499)).toBe(0);
    expect(tripProgress(500, 500, 500)).toBe(1);
  });
});

describe('snapProgress (reduced motion)', () => {
  it('puts a message at the start, the middle or the end of its trip', () => {
    expect([0, 0.2, 0.34, 0.5, 0.66, 0.7, 1].map(snapProgress)).toEqual([0, 0, 0.5, 0.5, 0.5, 1, 1]);
  });
});

describe('handshakePosition', () => {
  it('goes from the client to the server and back once per round trip', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => handshakePosition(p, 1, false))).toEqual([0, 0.5, 1, 0.5, 0]);
    expect([0.25, 0.5, 0.75].map((p) => handshakePosition(p, 2, false))).toEqual([1, 0, 1]);
  });

  it('starts at the server end when the server side opens the connection (webhooks)', () => {
    expect([0, 0.5, 1].map((p) => handshakePosition(p, 1, true))).toEqual([1, 0, 1]);
  });
});

describe('lingerOpacity', () => {
  it('fades a message out after it arrives, or keeps it solid with reduced motion, then hides it', () => {
    expect(lingerOpacity(-10, false)).toBe(1);
    expect(lingerOpacity(LINGER_MS / 2, false)).toBeCloseTo(0.65);
    expect(lingerOpacity(LINGER_MS / 2, true)).toBe(1);
    expect(lingerOpacity(LINGER_MS + 1, false)).toBe(0);
    expect(lingerOpacity(LINGER_MS + 1, true)).toBe(0);
  });
});

describe('SpanIndex', () => {
  const span = (startMs: number, endMs: number, name: string) => ({ startMs, endMs, name });
  // Out of order on purpose: the trace is only nearly sorted by send time.
  const index = new SpanIndex([
    span(1000, 1050, 'b'),
    span(0, 200, 'a'),
    span(1020, 1070, 'c'),
    span(5000, 35_000, 'long'),
    span(30_000, 30_050, 'd'),
  ]);
  const names = (items: { name: string }[]) => items.map((item) => item.name);

  it('returns the spans in flight at a moment, in start order', () => {
    expect(names(index.at(1030))).toEqual(['b', 'c']);
    expect(names(index.at(1060))).toEqual(['c']);
  });

  it('leaves out spans that ended before the moment or start after it', () => {
    expect(names(index.at(500))).toEqual([]);
    expect(names(index.at(999))).toEqual([]);
    expect(names(index.at(1071))).toEqual([]);
  });

  it('keeps spans that ended less than the grace period ago', () => {
    expect(names(index.at(1100, 50))).toEqual(['b', 'c']);
    expect(names(index.at(1100, 40))).toEqual(['c']);
    expect(names(index.at(1100, 20))).toEqual([]);
  });

  it('finds a long span that started far before the moment', () => {
    expect(names(index.at(30_010))).toEqual(['long', 'd']);
  });

  it('counts a state as over at its end time', () => {
    expect(names(index.activeAt(1050))).toEqual(['c']);
    expect(names(index.at(1050))).toEqual(['b', 'c']);
  });
});

describe('visibleLabels', () => {
  const label = (x: number, overrides: Partial<LabelCandidate> = {}): LabelCandidate => ({
    x,
    row: 0,
    above: true,
    text: 'GET',
    inFlight: true,
    ...overrides,
  });

  it('drops a label that would overlap another on the same side of the same row', () => {
    expect(visibleLabels([label(100), label(110), label(160)])).toEqual([true, false, true]);
  });

  it('keeps labels on different rows or on opposite sides of a row', () => {
    expect(visibleLabels([label(100), label(100, { row: 1 }), label(100, { above: false })])).toEqual([true, true, true]);
  });

  it('gives way to a message still in flight over one that just arrived', () => {
    expect(visibleLabels([label(100, { inFlight: false }), label(105)])).toEqual([false, true]);
  });
});

describe('laneLayout', () => {
  it('puts the client end left of the server column and one row per client', () => {
    const layout = laneLayout(400, 3);
    expect(layout.serverX + layout.serverWidth).toBe(400);
    expect(layout.x(0)).toBeLessThan(layout.x(1));
    expect(layout.x(0)).toBeGreaterThan(layout.clientX);
    expect(layout.x(1)).toBeLessThan(layout.serverX);
    expect(layout.rowY(1) - layout.rowY(0)).toBe(layout.rowHeight);
    expect(layout.rowY(2) + layout.rowHeight / 2).toBeLessThanOrEqual(layout.height);
  });

  it('places a message linearly between the client and the server, and each row at its band centre', () => {
    const layout = laneLayout(400, 3);
    // 80 px of labels + 8 px to the client end; the server column is 66 px wide, 8 px clear of it.
    expect([layout.x(0), layout.x(0.25), layout.x(1)]).toEqual([88, 88 + 0.25 * 238, 326]);
    expect([layout.rowY(0), layout.rowY(2)]).toEqual([layout.top + 23, layout.top + 2 * 46 + 23]);
  });

  it('makes thin rows for the bench, with less room above the first row, still inside the lane', () => {
    const tall = laneLayout(400, 3);
    const thin = laneLayout(400, 3, COMPACT_ROW_HEIGHT);
    expect(thin.rowY(1) - thin.rowY(0)).toBe(COMPACT_ROW_HEIGHT);
    expect(thin.top).toBeLessThan(tall.top);
    expect(thin.height).toBeLessThan(tall.height - 3 * (tall.rowHeight - COMPACT_ROW_HEIGHT));
    expect(thin.rowY(2) + COMPACT_ROW_HEIGHT / 2).toBeLessThanOrEqual(thin.height);
  });
});
