// Where things are in a lane at a playhead. Every position is a function of simulated time
// (STYLE.md §9): a message sits at (playhead − sendMs) / (arriveMs − sendMs) along its row, so
// pause, seek and speed need no code of their own here.

/** Simulated time a message stays drawn at its destination after arriving, fading out. */
export const LINGER_MS = 250;

/** Anything drawn for a span of simulated time: a message's trip, a held request, a retry wait. */
export interface Span {
  startMs: number;
  endMs: number;
}

/** Fraction of the trip done at `playheadMs`, in [0, 1]; a zero-length trip is done at once. */
export function tripProgress(startMs: number, endMs: number, playheadMs: number): number {
  if (endMs <= startMs) return playheadMs >= startMs ? 1 : 0;
  return Math.min(1, Math.max(0, (playheadMs - startMs) / (endMs - startMs)));
}

/** With reduced motion a message jumps between three places instead of gliding. */
export function snapProgress(progress: number): number {
  if (progress < 1 / 3) return 0;
  if (progress < 2 / 3) return 0.5;
  return 1;
}

/**
 * Where a handshake marker is, as a fraction from the client (0) to the server (1): it bounces
 * `roundTrips` times between the two ends, starting from the side that opens the connection.
 */
export function handshakePosition(progress: number, roundTrips: number, startsAtServer: boolean): number {
  const trips = Math.max(1, Math.round(roundTrips));
  const phase = (progress * trips) % 1;
  const out = progress >= 1 ? 0 : phase < 0.5 ? phase * 2 : 2 - phase * 2;
  return startsAtServer ? 1 - out : out;
}

/** Opacity of a message after it arrived: it fades out over LINGER_MS, or stays solid then vanishes. */
export function lingerOpacity(sinceArrivalMs: number, reducedMotion: boolean): number {
  if (sinceArrivalMs <= 0) return 1;
  if (sinceArrivalMs > LINGER_MS) return 0;
  return reducedMotion ? 1 : 1 - (0.7 * sinceArrivalMs) / LINGER_MS;
}

/**
 * Spans sorted by start with the longest duration known, so the spans alive at a moment are found
 * by a binary search and a short scan back, not a pass over the whole run.
 */
export class SpanIndex<T extends Span> {
  readonly items: readonly T[];
  private readonly maxSpanMs: number;

  constructor(items: readonly T[]) {
    // The trace is recorded in event order, which is only nearly send order: sort a copy.
    this.items = [...items].sort((a, b) => a.startMs - b.startMs);
    let longest = 0;
    for (const item of this.items) longest = Math.max(longest, item.endMs - item.startMs);
    this.maxSpanMs = longest;
  }

  /** Number of spans that start at or before `ms`. */
  private startedBy(ms: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid].startMs <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Spans with startMs ≤ ms ≤ endMs + graceMs, in start order. */
  at(ms: number, graceMs = 0): T[] {
    const found: T[] = [];
    const earliest = ms - this.maxSpanMs - graceMs;
    for (let i = this.startedBy(ms) - 1; i >= 0; i--) {
      const item = this.items[i];
      if (item.startMs < earliest) break;
      if (item.endMs + graceMs >= ms) found.push(item);
    }
    return found.reverse();
  }

  /** Spans alive at `ms` in the half-open sense startMs ≤ ms < endMs (a state, not a trip). */
  activeAt(ms: number): T[] {
    return this.at(ms).filter((item) => ms < item.endMs);
  }
}

/** A label that wants to be drawn beside a message, above or below its row. */
export interface LabelCandidate {
  x: number;
  row: number;
  above: boolean;
  text: string;
  /** Labels of messages still in flight win over those of messages that just arrived. */
  inFlight: boolean;
}

/** Width of a label's text at the lanes' 11 px font, close enough to keep labels apart. */
const CHAR_WIDTH_PX = 6.2;
const LABEL_GAP_PX = 4;

/**
 * Which labels to draw so that none overlaps another on the same side of the same row: messages
 * in flight first, then in order along the row; a label that would collide is left out (its
 * shape still shows, and the event log has every message in words).
 */
export function visibleLabels(candidates: readonly LabelCandidate[]): boolean[] {
  const order = candidates.map((_, i) => i).sort((a, b) => {
    const p = candidates[a];
    const q = candidates[b];
    return Number(q.inFlight) - Number(p.inFlight) || p.x - q.x;
  });
  const taken = new Map<string, [number, number][]>();
  const shown = candidates.map(() => false);
  for (const i of order) {
    const { x, row, above, text } = candidates[i];
    const half = (text.length * CHAR_WIDTH_PX) / 2;
    const span: [number, number] = [x - half - LABEL_GAP_PX / 2, x + half + LABEL_GAP_PX / 2];
    const key = `${row}:${above}`;
    const spans = taken.get(key) ?? [];
    if (spans.some(([from, to]) => span[0] < to && from < span[1])) continue;
    spans.push(span);
    taken.set(key, spans);
    shown[i] = true;
  }
  return shown;
}

/** Pixel layout of a lane: rows of clients at left, the server column at right. */
export interface LaneLayout {
  width: number;
  height: number;
  /** x of the client end of every row. */
  clientX: number;
  /** x of the server end of every row (the server column's left edge). */
  serverX: number;
  serverWidth: number;
  top: number;
  rowHeight: number;
  /** x for a position along a row: 0 = client end, 1 = server end. */
  x: (position: number) => number;
  /** y of the middle of row `row`. */
  rowY: (row: number) => number;
}

const LABEL_WIDTH = 80;
const SERVER_WIDTH = 66;
const FULL_HEADER = 26;
/** Room above the first row for the server's name; less in the bench's thin lanes. */
const COMPACT_HEADER = 18;
const ROW_HEIGHT = 46;
/** Thin rows for the one-screen bench: labels above and below a row still clear the next row's. */
export const COMPACT_ROW_HEIGHT = 34;
const BOTTOM = 4;

export function laneLayout(width: number, rows: number, rowHeight = ROW_HEIGHT): LaneLayout {
  const header = rowHeight < ROW_HEIGHT ? COMPACT_HEADER : FULL_HEADER;
  const clientX = LABEL_WIDTH;
  const serverX = Math.max(clientX + 40, width - SERVER_WIDTH);
  const height = header + Math.max(1, rows) * rowHeight + BOTTOM;
  // A linear position between the client's node and the server's box, and one row band per client
  // (written out: d3-scale would put d3 in the first load, which only the charts need).
  const left = clientX + 8;
  const span = serverX - 8 - left;
  const rowCount = Math.max(1, rows);
  const rowTop = (row: number): number => (Number.isInteger(row) && row >= 0 && row < rowCount ? header + row * rowHeight : header);
  return {
    width,
    height,
    clientX,
    serverX,
    serverWidth: width - serverX,
    top: header,
    rowHeight,
    x: (position) => left + position * span,
    rowY: (row) => rowTop(row) + rowHeight / 2,
  };
}
