import type { Scenario } from '../scenario/types.ts';
import { RandomStreams, Stream } from '../core/rng.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';
import { TCP_REFUSED_WIRE_BYTES, segmentsOf, tcpPayloadBytes, tlsRecordOverheadBytes, wireBytesOfWrite } from '../protocol/wire.ts';

// The path between each client and the server (DESIGN.md §5): one-way latency d, uniform jitter in
// [0, jitterMs], serialisation on the client's access link when bandwidth is limited, and packet
// loss repaired by TCP retransmission. A TCP connection delivers in order, so a message never
// overtakes an earlier one on the same connection in the same direction (head-of-line blocking is
// part of the model); separate connections do not wait for each other.
//
// Loss recovery (each segment of MSS 1,448 B is lost with probability lossRate):
// - a SYN or SYN-ACK waits the initial RTO of 1 s, doubling on each repeat: no RTT is known yet
//   (RFC 6298 §2.1; Linux TCP_TIMEOUT_INIT);
// - a lost segment with more segments of the same write behind it is repaired in about one RTT:
//   the later segments' (selective) ACKs reveal the hole and it is retransmitted at once (fast
//   retransmit, RFC 5681 §3.2; RACK, RFC 8985);
// - the last segment of a write has nothing behind it to reveal its loss: it waits the RTO,
//   SRTT + max(4·RTTVAR, rtoMs) as Linux computes it (RFC 6298 §2.3 with Linux's 200 ms floor on
//   the variance term), doubling on each repeat (§5.5) up to 120 s. With uniform jitter J each
//   way, SRTT = 2d + J and RTTVAR, the mean deviation of the RTT, is J/3.

/** Pass as `connection` for packets that belong to no ordered stream (a refused SYN and its RST). */
export const UNORDERED = -1;

/** RFC 6298 §2.1: the RTO before any RTT has been measured (Linux TCP_TIMEOUT_INIT). */
export const INITIAL_RTO_MS = 1000;
/** Linux TCP_RTO_MAX; RFC 6298 §2.5 allows an upper bound of at least 60 s. */
const RTO_MAX_MS = 120_000;
/** Entries of the wire-cost cache (a power of two). */
const WIRE_CACHE_SIZE = 1024;
const WIRE_CACHE_MASK = WIRE_CACHE_SIZE - 1;

export class Network {
  private readonly rng: RandomStreams;
  private readonly linkFreeMs: Float64Array;
  private readonly lastArrivalMs: Float64Array;
  private readonly latencyMs: number;
  private readonly jitterMs: number;
  private readonly lossRate: number;
  private readonly msPerByte: number;
  /** The data retransmission timeout (see above). */
  readonly rtoMs: number;
  /** Smoothed RTT: what fast recovery costs. */
  readonly srttMs: number;
  private readonly recordOverhead: number;
  /** Wire bytes and segments of a write, by its size (direct-mapped on the low bits of the size). */
  private readonly wireCacheKey = new Float64Array(WIRE_CACHE_SIZE).fill(-1);
  private readonly wireCacheBytes = new Float64Array(WIRE_CACHE_SIZE);
  private readonly wireCacheSegments = new Float64Array(WIRE_CACHE_SIZE);

  constructor(scenario: Scenario, salt: number, private readonly metrics: MetricsRecorder) {
    const { network, clients, seed } = scenario;
    this.rng = new RandomStreams(seed, Stream.network, clients, salt);
    this.linkFreeMs = new Float64Array(clients * 2);
    this.lastArrivalMs = new Float64Array(clients * 4); // two connection slots per client
    this.latencyMs = network.latencyMs;
    this.jitterMs = network.jitterMs;
    this.lossRate = network.lossRate;
    this.msPerByte = network.bandwidthKbps > 0 ? 8 / network.bandwidthKbps : 0;
    this.srttMs = 2 * network.latencyMs + network.jitterMs;
    this.rtoMs = Math.min(RTO_MAX_MS, this.srttMs + Math.max((4 * network.jitterMs) / 3, network.rtoMs));
    this.recordOverhead = tlsRecordOverheadBytes(network.tls);
  }

  /** RTT without jitter or loss: the figure the closed forms use. */
  get baseRttMs(): number {
    return 2 * this.latencyMs;
  }

  /**
   * Send `bytes` (of which `payloadBytes` are payload) at tMs on connection slot `connection` (or
   * UNORDERED); returns when the last byte arrives. Counts the bytes, and on the wire their TLS
   * record (unless `handshake`: TLS handshake messages), TCP/IP headers and ACKs. `up` = client →
   * server.
   */
  transmit(
    client: number,
    connection: number,
    up: boolean,
    bytes: number,
    payloadBytes: number,
    tMs: number,
    handshake = false,
  ): number {
    let segments = 1;
    if (bytes > 0) {
      if (handshake) {
        this.metrics.bytes(tMs, up, bytes, payloadBytes, wireBytesOfWrite(bytes));
        segments = segmentsOf(bytes);
      } else {
        // Most writes repeat a few sizes (heads, polls, events): their wire cost is looked up.
        const entry = (bytes | 0) & WIRE_CACHE_MASK;
        if (this.wireCacheKey[entry] !== bytes) this.fillWireCache(entry, bytes);
        this.metrics.bytes(tMs, up, bytes, payloadBytes, this.wireCacheBytes[entry]);
        segments = this.wireCacheSegments[entry];
      }
    }
    const link = client * 2 + (up ? 1 : 0);
    let start = tMs;
    if (this.msPerByte > 0) {
      if (this.linkFreeMs[link] > start) start = this.linkFreeMs[link];
      start += bytes * this.msPerByte;
      this.linkFreeMs[link] = start;
    }
    let arrival = start + this.latencyMs;
    if (this.jitterMs > 0) arrival += this.rng.next(client) * this.jitterMs;
    if (this.lossRate > 0) arrival += this.retransmissionDelayMs(client, segments);
    return this.inOrder(connection, up, arrival);
  }

  /** Remember the wire cost of an application write of `bytes` (not a handshake message) in `entry`. */
  private fillWireCache(entry: number, bytes: number): void {
    const tcp = tcpPayloadBytes(bytes, this.recordOverhead);
    this.wireCacheKey[entry] = bytes;
    this.wireCacheBytes[entry] = wireBytesOfWrite(tcp);
    this.wireCacheSegments[entry] = segmentsOf(tcp);
  }

  /** A SYN (up) or SYN-ACK (down) sent at tMs; a loss waits the initial RTO of 1 s, doubling. */
  transmitSyn(client: number, connection: number, up: boolean, tMs: number): number {
    let arrival = tMs + this.latencyMs;
    if (this.jitterMs > 0) arrival += this.rng.next(client) * this.jitterMs;
    if (this.lossRate > 0) {
      let rto = INITIAL_RTO_MS;
      while (this.rng.next(client) < this.lossRate) {
        arrival += rto;
        rto = Math.min(RTO_MAX_MS, 2 * rto);
      }
    }
    return this.inOrder(connection, up, arrival);
  }

  /** Keep a connection's order: nothing overtakes what was sent before it the same way. */
  private inOrder(connection: number, up: boolean, arrival: number): number {
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

  /**
   * Extra delay of a write of `segments` segments from losses (rules above): a loss among the
   * first segments − 1 costs an RTT, a loss of the last an RTO; repeats of a retransmission wait
   * the RTO, doubling. The write is complete when its slowest segment is.
   */
  private retransmissionDelayMs(client: number, segments: number): number {
    const p = this.lossRate;
    let extra = 0;
    if (segments > 1 && this.rng.next(client) < 1 - Math.pow(1 - p, segments - 1)) {
      extra = this.srttMs + this.repeatsMs(client, this.rtoMs);
    }
    if (this.rng.next(client) < p) {
      const tail = this.rtoMs + this.repeatsMs(client, Math.min(RTO_MAX_MS, 2 * this.rtoMs));
      if (tail > extra) extra = tail;
    }
    return extra;
  }

  /** Time lost to retransmissions that are lost again: the timer starts at `rto` and doubles. */
  private repeatsMs(client: number, rto: number): number {
    let extra = 0;
    while (this.rng.next(client) < this.lossRate) {
      extra += rto;
      rto = Math.min(RTO_MAX_MS, 2 * rto);
    }
    return extra;
  }

  /** When a reply sent at tMs to a message that left the client reaches it back (RST, FIN, 503). */
  controlRoundTrip(client: number, tMs: number): number {
    return this.transmit(client, UNORDERED, false, 0, 0, this.transmit(client, UNORDERED, true, 0, 0, tMs));
  }

  /** A SYN sent at tMs that the server answers with a RST: when the client learns of it. */
  refusedSyn(client: number, tMs: number): number {
    this.metrics.wire(tMs, TCP_REFUSED_WIRE_BYTES);
    return this.transmit(client, UNORDERED, false, 0, 0, this.transmitSyn(client, UNORDERED, true, tMs));
  }
}
