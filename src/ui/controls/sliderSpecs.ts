// The scenario's sliders, declared once: the name people see (and assistive technology reads),
// the scenario field it edits, its range and scale, and how its value reads.

export type Scale = 'linear' | 'log';

export interface SliderSpec {
  name: string;
  path: string;
  min: number;
  max: number;
  scale: Scale;
  /** Unit shown after the value. */
  unit: string;
  /** Field value → the number shown (e.g. 0.01 → 1 for a percentage). */
  toDisplay?: (value: number) => number;
  fromDisplay?: (display: number) => number;
  /** Step in display units for linear sliders; log sliders use 2–3 significant digits. */
  step?: number;
  integer?: boolean;
  hint?: string;
}

export interface SliderGroup {
  legend: string;
  sliders: SliderSpec[];
}

const percent = { toDisplay: (v: number) => v * 100, fromDisplay: (d: number) => d / 100 };
const seconds = { toDisplay: (v: number) => v / 1000, fromDisplay: (d: number) => d * 1000 };

export const SLIDER_GROUPS: SliderGroup[] = [
  {
    legend: 'Workload',
    sliders: [
      { name: 'Clients', path: 'clients', min: 1, max: 10_000, scale: 'log', unit: '', integer: true,
        hint: 'The lanes draw five; the numbers cover all of them.' },
      { name: 'Event rate', path: 'events.ratePerSec', min: 0.01, max: 50, scale: 'log', unit: 'events/s',
        hint: 'News per client (per stream with Broadcast on). Rare news makes most polls come back empty.' },
      { name: 'Payload size', path: 'events.payloadBytes', min: 10, max: 1_000_000, scale: 'log', unit: 'B', integer: true,
        hint: 'Bytes of news per event; headers come on top of it.' },
      { name: 'Duration', path: 'durationSec', min: 10, max: 3600, scale: 'log', unit: 's', integer: true,
        hint: 'Simulated time of the whole run.' },
    ],
  },
  {
    legend: 'Network',
    sliders: [
      { name: 'Latency', path: 'network.latencyMs', min: 0, max: 1000, scale: 'linear', step: 5, unit: 'ms one way' },
      { name: 'Jitter', path: 'network.jitterMs', min: 0, max: 500, scale: 'linear', step: 5, unit: 'ms',
        hint: 'Random extra delay per message, so trips vary.' },
      { name: 'Packet loss', path: 'network.lossRate', min: 0, max: 0.2, scale: 'linear', step: 0.5, unit: '%', ...percent,
        hint: 'TCP repairs each loss after a retransmission timeout: it delays, it does not lose.' },
      { name: 'Proxy idle timeout', path: 'proxy.idleTimeoutSec', min: 0, max: 300, scale: 'linear', step: 5, unit: 's',
        hint: '0 = no proxy timeout. A proxy cuts connections that carry no bytes for this long.' },
    ],
  },
  {
    legend: 'Server',
    sliders: [
      { name: 'Workers', path: 'server.workers', min: 1, max: 64, scale: 'log', unit: '', integer: true },
      { name: 'Service time', path: 'server.serviceMs', min: 0.1, max: 100, scale: 'log', unit: 'ms per request' },
    ],
  },
  {
    legend: 'Polling',
    sliders: [
      { name: 'Polling interval', path: 'polling.intervalMs', min: 100, max: 60_000, scale: 'log', unit: 's', ...seconds,
        hint: 'Time between polls. Longer: fewer requests, but news waits half of it on average.' },
    ],
  },
  {
    legend: 'Long polling',
    sliders: [
      { name: 'Long-poll timeout', path: 'longPolling.timeoutMs', min: 1000, max: 120_000, scale: 'log', unit: 's', ...seconds,
        hint: 'The server answers empty after holding a request this long.' },
    ],
  },
  {
    legend: 'SSE',
    sliders: [
      { name: 'SSE retry', path: 'sse.retryMs', min: 100, max: 30_000, scale: 'log', unit: 's', ...seconds,
        hint: 'How long the browser waits before reconnecting after a drop.' },
    ],
  },
  {
    legend: 'WebSockets',
    sliders: [
      { name: 'WebSocket heartbeat', path: 'websocket.heartbeatSec', min: 0, max: 120, scale: 'linear', step: 5, unit: 's',
        hint: '0 = no pings. Pings keep idle proxies from cutting the socket.' },
    ],
  },
  {
    legend: 'Webhooks',
    sliders: [
      { name: 'Webhook retry base', path: 'webhook.retry.baseMs', min: 100, max: 60_000, scale: 'log', unit: 's', ...seconds,
        hint: 'Retry k waits base × 2^(k−1) after a failure.' },
      { name: 'Webhook attempts', path: 'webhook.retry.maxAttempts', min: 1, max: 20, scale: 'linear', step: 1, unit: '', integer: true,
        hint: 'Counts the first attempt. After the last failure the event is dead-lettered.' },
    ],
  },
];

export const ALL_SLIDERS: SliderSpec[] = SLIDER_GROUPS.flatMap((g) => g.sliders);

/** Positions of a log slider: 1,000 steps between min and max. */
export const LOG_STEPS = 1000;

/** Field value → slider position (display units for linear, 0…LOG_STEPS for log). */
export function toPosition(spec: SliderSpec, value: number): number {
  const display = spec.toDisplay ? spec.toDisplay(value) : value;
  if (spec.scale === 'linear') return display;
  const lo = Math.log(displayOf(spec, spec.min));
  const hi = Math.log(displayOf(spec, spec.max));
  const clamped = Math.min(Math.max(display, displayOf(spec, spec.min)), displayOf(spec, spec.max));
  return Math.round(((Math.log(clamped) - lo) / (hi - lo)) * LOG_STEPS);
}

/** Slider position → field value, rounded so the value reads cleanly. */
export function fromPosition(spec: SliderSpec, position: number): number {
  let display: number;
  if (spec.scale === 'linear') {
    display = position;
  } else {
    const lo = Math.log(displayOf(spec, spec.min));
    const hi = Math.log(displayOf(spec, spec.max));
    display = roundNice(Math.exp(lo + (position / LOG_STEPS) * (hi - lo)));
  }
  let value = spec.fromDisplay ? spec.fromDisplay(display) : display;
  value = Number(value.toPrecision(12)); // undo binary noise from ×/÷ 1000 and 100
  if (spec.integer) value = Math.round(value);
  return Math.min(spec.max, Math.max(spec.min, value));
}

function displayOf(spec: SliderSpec, value: number): number {
  return spec.toDisplay ? spec.toDisplay(value) : value;
}

/** Two significant digits below 100 of a decade's leading digits, e.g. 1,234 → 1,200; 0.0347 → 0.035. */
export function roundNice(x: number): number {
  if (x <= 0) return 0;
  return Number(x.toPrecision(2));
}

/** The value as shown beside the slider. */
export function formatValue(spec: SliderSpec, value: number): string {
  const display = displayOf(spec, value);
  const text = display >= 1000 ? Math.round(display).toLocaleString('en-US') : String(Number(display.toPrecision(3)));
  return spec.unit ? `${text} ${spec.unit}` : text;
}
