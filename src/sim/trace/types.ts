// The trace: every message a sampled client sends or receives, with simulated send and arrival
// times, so a view can place it from (now − sendMs) / (arriveMs − sendMs) (STYLE.md §9).

export type MessageKind =
  | 'connect' // TCP (+ TLS) handshake round trips before a request can be sent
  | 'request' // an HTTP request (poll, long poll, SSE open, client-message POST)
  | 'response' // an HTTP response; `events` = 0 means an empty response
  | 'upgrade' // WebSocket upgrade request (HTTP GET with Upgrade: websocket)
  | 'upgradeResponse' // 101 Switching Protocols, or the proxy's refusal
  | 'sseEvent' // one `data:` event on an open SSE stream
  | 'sseHeartbeat' // an SSE comment line that keeps idle proxies from cutting the stream
  | 'wsFrame' // a WebSocket data frame (either direction)
  | 'ping'
  | 'pong'
  | 'webhookAttempt' // a signed POST from the provider to the receiver
  | 'webhookResponse' // the receiver's answer (2xx, or 503 during an outage)
  | 'close'; // a connection closed or cut (proxy idle timeout, server restart)

export type MessageStatus = 'ok' | 'empty' | 'failed' | 'timedOut' | 'dropped' | 'refused';

export interface TraceMessage {
  kind: MessageKind;
  /** Sampled client index (0-based). */
  client: number;
  /** True when the message travels client → server (receiver → provider for webhooks). */
  up: boolean;
  sendMs: number;
  /** When it arrives; for a dropped message, when it would have arrived. */
  arriveMs: number;
  /** Events carried (0 for empty responses and control messages). */
  events: number;
  bytes: number;
  status: MessageStatus;
  /** Attempt number for webhooks (1-based), else 0. */
  attempt: number;
}
