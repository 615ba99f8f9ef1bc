import type { MessageKind, MessageStatus, TraceMessage } from './types.ts';

// Keeps the messages of the first `clients` clients only: the lanes draw a few sampled clients,
// the metrics cover all of them. A cap bounds memory on very long runs.

const MAX_MESSAGES = 200_000;

export class TraceRecorder {
  readonly messages: TraceMessage[] = [];
  truncated = false;

  constructor(readonly clients: number) {}

  wants(client: number): boolean {
    return client < this.clients;
  }

  record(
    kind: MessageKind,
    client: number,
    up: boolean,
    sendMs: number,
    arriveMs: number,
    events: number,
    bytes: number,
    status: MessageStatus = 'ok',
    attempt = 0,
  ): void {
    if (client >= this.clients) return;
    if (this.messages.length >= MAX_MESSAGES) {
      this.truncated = true;
      return;
    }
    this.messages.push({ kind, client, up, sendMs, arriveMs, events, bytes, status, attempt });
  }

  /** A connection of `client` was cut at tMs: what was still in flight on it never arrives. */
  markDropped(client: number, tMs: number): void {
    if (client >= this.clients) return;
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i];
      if (m.sendMs < tMs - 3_600_000) break;
      if (m.client === client && m.arriveMs > tMs && m.status === 'ok') m.status = 'dropped';
    }
  }
}
