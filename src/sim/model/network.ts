import type { Scenario } from '../scenario/types.ts';
import { RandomStreams, Stream } from '../core/rng.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';
import { MSS_BYTES, TLS_HANDSHAKE_BYTES } from '../protocol/sizes.ts';

// The path between each client and the server (DESIGN.md §5): one-way latency d, uniform jitter in
// [0, jitterMs], serialisation on the client's access link when bandwidth is limited, and packet
// loss repaired by TCP retransmission. A TCP connection delivers in order, so a message never
// overtakes an earlier one on the same connection in the same direction (head-of-line blocking is
// part of the model); separate connections do not wait for each other.

/** Pass as `connection` for packets that belong to no ordered stream (a refused SYN and its RST). */
export const UNORDERED = -1;

export class Network {
  private readonly rng: RandomStreams;
  private readonly linkFreeMs: Float64Array;
  private readonly lastArrivalMs: Float64Array;
  private readonly latencyMs: number;
  private readonly jitterMs: number;
  private readonly lossRate: number;
  private readonly msPerByte: number;
  /** Linux arms its retransmission timer at roughly the smoothed RTT plus TCP_RTO_MIN. */
  private readonly rtoMs: number;
  private readonly tlsVersion: Scenario['network']['tls'];

  constructor(scenario: Scenario, salt: number, private readonly metrics: MetricsRecorder) {
    const { network, clients, seed } = scenario;
    this.rng = new RandomStreams(seed, Stream.network, clients, salt);
    this.linkFreeMs = new Float64Array(clients * 2);
    this.lastArrivalMs = new Float64Array(clients * 4); // two connection slots per client
    this.latencyMs = network.latencyMs;
    this.jitterMs = network.jitterMs;
    this.lossRate = network.lossRate;
    this.msPerByte = network.bandwidthKbps > 0 ? 8 / network.bandwidthKbps : 0;
    this.rtoMs = network.rtoMs + 2 * network.latencyMs;
    this.tlsVersion = network.tls;
  }

  /** RTT without jitter or loss: the figure the closed forms use. */
  get baseRttMs(): number {
    return 2 * this.latencyMs;
  }

  /**
   * Send `bytes` (of which `payloadBytes` are payload) at tMs on connection slot `connection` (or
   * UNORDERED); returns when the last byte arrives. Counts the bytes. `up` = client → server.
   */
  transmit(client: number, connection: number, up: boolean, bytes: number, payloadBytes: number, tMs: number): number {
    if (bytes > 0) this.metrics.bytes(tMs, up, bytes, payloadBytes);
    const link = client * 2 + (up ? 1 : 0);
    let start = tMs;
    if (this.msPerByte > 0) {
      if (this.linkFreeMs[link] > start) start = this.linkFreeMs[link];
      start += bytes * this.msPerByte;
      this.linkFreeMs[link] = start;
    }
    let arrival = start + this.latencyMs;
    if (this.jitterMs > 0) arrival += this.rng.next(client) * this.jitterMs;
    if (this.lossRate > 0) arrival += this.retransmissionDelayMs(client, bytes);
    if (connection >= 0) {
      const stream = connection * 2 + (up ? 1 : 0);
      if (arrival < this.lastArrivalMs[stream]) arrival = this.lastArrivalMs[stream];
      this.lastArrivalMs[stream] = arrival;
    }
    return arrival;
  }

  /** A new connection in slot `connection` starts with nothing in flight. */
  resetOrder(connection: number): void {
    this.lastArrivalMs[connection * 2] = 0;
    this.lastArrivalMs[connection * 2 + 1] = 0;
  }

  /** Extra delay from lost segments: each loss waits one RTO, doubling per repeat (RFC 6298 §5.5). */
  private retransmissionDelayMs(client: number, bytes: number): number {
    const packets = Math.max(1, Math.ceil(bytes / MSS_BYTES));
    const anyLost = 1 - Math.pow(1 - this.lossRate, packets);
    if (this.rng.next(client) >= anyLost) return 0;
    let rto = this.rtoMs;
    let extra = rto;
    while (this.rng.next(client) < this.lossRate) {
      rto *= 2;
      extra += rto;
    }
    return extra;
  }

  /**
   * Open a TCP connection (+ TLS) starting at tMs: 1 RTT for TCP, +1 for TLS 1.3, +2 for TLS 1.2.
   * Returns when the client may send its first request. TLS handshake bytes are counted.
   */
  handshake(client: number, connection: number, tMs: number): number {
    const tls = TLS_HANDSHAKE_BYTES[this.tlsVersion];
    const c = connection;
    let t = this.transmit(client, c, false, 0, 0, this.transmit(client, c, true, 0, 0, tMs)); // SYN, SYN-ACK
    for (let i = 0; i < tls.roundTrips; i++) {
      const up = i === 0 ? tls.up : 0;
      const down = i === 0 ? tls.down : 0;
      t = this.transmit(client, c, false, down, 0, this.transmit(client, c, true, up, 0, t));
    }
    return t;
  }

  /** When a reply sent at tMs to a message that left the client reaches it back (RST, FIN, 503). */
  controlRoundTrip(client: number, tMs: number): number {
    return this.transmit(client, UNORDERED, false, 0, 0, this.transmit(client, UNORDERED, true, 0, 0, tMs));
  }
}
