import type { Scenario, TlsVersion } from '../scenario/types.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';
import { ACCEPT_MS, handshakeCpuMs, tlsHandshake } from '../protocol/tls.ts';
import { SYN_BYTES, TCP_SETUP_WIRE_BYTES } from '../protocol/wire.ts';
import { AcceptQueue } from './acceptQueue.ts';
import type { Network } from './network.ts';
import type { Server } from './server.ts';

// Opening a connection (DESIGN.md §5): SYN, SYN-ACK, then the TLS handshake, whose first server
// flight waits for a worker to accept the connection and do the handshake's CPU work
// (`server.tlsHandshakeMs`, half for a resumed one; only an accept cost with tls "none"). Until a
// worker picks it up the connection holds a place in the accept queue; a SYN that finds the queue
// full is dropped (the world retransmits it). A client resumes TLS when it holds a session ticket
// from an earlier connection to the same server process (`network.tlsResumption`; a restarted
// Node server has new ticket keys, so the first handshakes after a restart are full ones).
//
// The worker pool must see its jobs in time order, so the server's part runs as a world event at
// the time the ClientHello (with tls "none", the handshake's last ACK) reaches the server.

/** `start` returns this when the SYN was dropped at a full accept queue. */
export const SYN_DROPPED = -2;
/** `start` returns this when the server's part is due at `serverPartMs`. */
export const AT_SERVER_NEXT = -3;

export class Handshakes {
  /** When the pending server part of the last `start` is due. */
  serverPartMs = 0;
  private readonly queue: AcceptQueue;
  /** Restarts begun when the client got its ticket; −1 = no ticket. */
  private readonly ticket: Int32Array;
  /** Per slot: the handshake under way resumes a session. */
  private readonly resumed: Uint8Array;
  private readonly tls: TlsVersion;
  private readonly resumption: boolean;
  private readonly tlsHandshakeMs: number;

  constructor(
    scenario: Scenario,
    private readonly net: Network,
    private readonly server: Server,
    private readonly metrics: MetricsRecorder,
  ) {
    this.queue = new AcceptQueue(scenario.server.acceptBacklog);
    this.ticket = new Int32Array(scenario.clients).fill(-1);
    this.resumed = new Uint8Array(scenario.clients * 2);
    this.tls = scenario.network.tls;
    this.resumption = scenario.network.tlsResumption;
    this.tlsHandshakeMs = scenario.server.tlsHandshakeMs;
  }

  /**
   * A SYN sent at tMs for connection slot `slot`. Returns SYN_DROPPED, or AT_SERVER_NEXT (call
   * `serverPart` at `serverPartMs`), or — with tls "none" — when the client may send, the accept
   * still being due at `serverPartMs` (call `accept` then).
   */
  start(client: number, slot: number, tMs: number): number {
    const net = this.net;
    net.resetOrder(slot);
    const synArrives = net.transmitSyn(client, slot, true, tMs);
    if (!this.queue.hasRoom(synArrives)) {
      this.metrics.wire(tMs, SYN_BYTES);
      return SYN_DROPPED;
    }
    this.queue.admit();
    this.metrics.wire(tMs, TCP_SETUP_WIRE_BYTES);
    const synAckArrives = net.transmitSyn(client, slot, false, synArrives);
    const resumed = this.resumption && this.ticket[client] === this.server.restartsBegunBy(tMs);
    this.resumed[slot] = resumed ? 1 : 0;
    const tls = tlsHandshake(this.tls, resumed);
    if (tls.roundTrips === 0) {
      // The client sends at once; the server accepts when the handshake's last ACK arrives.
      this.serverPartMs = net.transmit(client, slot, true, 0, 0, synAckArrives);
      return synAckArrives;
    }
    this.serverPartMs = net.transmit(client, slot, true, tls.up, 0, synAckArrives, true);
    return AT_SERVER_NEXT;
  }

  /** With tls "none": a worker accepts the connection at tMs. */
  accept(tMs: number): void {
    this.queue.started(this.server.serve(tMs, ACCEPT_MS) - ACCEPT_MS);
  }

  /** The ClientHello reached the server at tMs: a worker does the handshake; returns when the client may send. */
  serverPart(client: number, slot: number, tMs: number): number {
    const net = this.net;
    const resumed = this.resumed[slot] === 1;
    const cpuMs = handshakeCpuMs(this.tls, resumed, this.tlsHandshakeMs);
    const done = this.server.serve(tMs, cpuMs);
    this.queue.started(done - cpuMs);
    const tls = tlsHandshake(this.tls, resumed);
    let ready = net.transmit(client, slot, false, tls.down, 0, done, true);
    for (let i = 1; i < tls.roundTrips; i++) {
      ready = net.transmit(client, slot, false, 0, 0, net.transmit(client, slot, true, 0, 0, ready));
    }
    if (this.resumption) this.ticket[client] = this.server.restartsBegunBy(tMs);
    return ready;
  }

  /** The connection was cut before its handshake reached the server. */
  abandon(): void {
    this.queue.abandoned();
  }

  /**
   * A connection to a peer that is not our server (a webhook receiver): no accept queue, no
   * worker time here. Returns when the client may send.
   */
  openToPeer(client: number, tMs: number, resumed: boolean): number {
    const net = this.net;
    this.metrics.wire(tMs, TCP_SETUP_WIRE_BYTES);
    let t = net.transmitSyn(client, -1, false, net.transmitSyn(client, -1, true, tMs));
    const tls = tlsHandshake(this.tls, this.resumption && resumed);
    for (let i = 0; i < tls.roundTrips; i++) {
      const up = i === 0 ? tls.up : 0;
      const down = i === 0 ? tls.down : 0;
      t = net.transmit(client, -1, false, down, 0, net.transmit(client, -1, true, up, 0, t, true), true);
    }
    return t;
  }
}
