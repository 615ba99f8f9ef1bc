import type { Scenario } from '../scenario/types.ts';
import { chunkFramingBytes, WS_UPGRADE_EXTRA_REQUEST_BYTES } from './sizes.ts';
import { h2DataFrameBytes, h2RequestHeadBytes, h2ResponseHeadBytes } from './http2.ts';

// The bytes of HTTP requests and answers on a connection slot, under HTTP/1.1 or HTTP/2
// (protocol/http2.ts): under HTTP/2 a connection's first request and first answer carry their
// full heads, later ones the small HPACK-indexed blocks. `epochOf(slot)` names the slot's current
// connection, so a new connection starts with an empty header table again.

export class MessageSizes {
  /** Connection epoch on which a request / an answer has already gone out (HPACK table filled). */
  private readonly requestPrimed: Int32Array;
  private readonly responsePrimed: Int32Array;

  constructor(
    private readonly scenario: Scenario,
    readonly h2: boolean,
    private readonly epochOf: (slot: number) => number,
  ) {
    this.requestPrimed = new Int32Array(scenario.clients * 2).fill(-1);
    this.responsePrimed = new Int32Array(scenario.clients * 2).fill(-1);
  }

  /** The head of a request about to go out on `slot`. */
  requestHeadBytes(slot: number, upgrade: boolean): number {
    const full = this.scenario.http.requestHeaderBytes;
    if (upgrade) return full + WS_UPGRADE_EXTRA_REQUEST_BYTES;
    if (!this.h2) return full;
    const epoch = this.epochOf(slot);
    const first = this.requestPrimed[slot] !== epoch;
    this.requestPrimed[slot] = epoch;
    return h2RequestHeadBytes(first, full);
  }

  /** A whole request on `slot` with a body of `bodyBytes`: head, body and (HTTP/2) its DATA frame. */
  requestBytes(slot: number, bodyBytes: number, upgrade: boolean): number {
    return this.requestHeadBytes(slot, upgrade) + bodyBytes + (this.h2 ? h2DataFrameBytes(bodyBytes) : 0);
  }

  /** A whole answer on `slot` with a body of `bodyBytes`: head, body and (HTTP/2) its framing. */
  responseBytes(slot: number, bodyBytes: number): number {
    const full = this.scenario.http.responseHeaderBytes;
    if (!this.h2) return full + bodyBytes;
    const epoch = this.epochOf(slot);
    const first = this.responsePrimed[slot] !== epoch;
    this.responsePrimed[slot] = epoch;
    // The head already counts the header of the DATA frame that ends the stream.
    const extraFrames = bodyBytes > 0 ? h2DataFrameBytes(bodyBytes) - h2DataFrameBytes(1) : 0;
    return h2ResponseHeadBytes(first, full) + bodyBytes + extraFrames;
  }

  /** The head of an answer whose body is a stream of writes (SSE): under HTTP/2 a HEADERS frame. */
  streamHeadBytes(slot: number): number {
    if (!this.h2) return this.scenario.http.responseHeaderBytes;
    return this.responseBytes(slot, 0) - h2DataFrameBytes(1);
  }

  /** One write of `bytes` on an open response stream (an SSE event): a DATA frame, or a chunk. */
  streamWriteBytes(bytes: number): number {
    return bytes + (this.h2 ? h2DataFrameBytes(bytes) : chunkFramingBytes(bytes));
  }
}
