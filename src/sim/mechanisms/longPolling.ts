import type { MechanismHost } from './host.ts';
import { MECHANISM_LABELS } from './labels.ts';
import { MECHANISM_KINDS } from '../kinds.ts';
import { mainSlot } from '../model/connections.ts';
import { Cursors } from './cursors.ts';
import { LongPollClient } from './longPollClient.ts';
import type { Mechanism, MechanismModule } from './mechanism.ts';

class LongPolling implements Mechanism {
  readonly drawsEventsLazily = false;
  readonly sendsClientMessages = true;
  private readonly cursors: Cursors;
  private readonly client: LongPollClient;

  constructor(private readonly world: MechanismHost) {
    this.cursors = new Cursors(world);
    this.client = new LongPollClient(world, this.cursors, {
      send: MECHANISM_KINDS,
      atServer: MECHANISM_KINDS + 1,
      timeout: MECHANISM_KINDS + 2,
      response: MECHANISM_KINDS + 3,
    });
  }

  start(): void {
    // Every client opens its first long poll, unconnected, at its start (DESIGN.md §5).
    for (let c = 0; c < this.world.scenario.clients; c++) this.world.schedule(this.world.startMs(c), MECHANISM_KINDS, c, 0);
  }

  handle(kind: number, a: number, b: number, tMs: number): void {
    this.client.handle(kind, a, b, tMs);
  }

  onEventCreated(source: number, _index: number, tMs: number): void {
    if (!this.world.source.broadcast) {
      this.client.onEvent(source, tMs);
      return;
    }
    for (let c = 0; c < this.world.scenario.clients; c++) this.client.onEvent(c, tMs);
  }

  onConnectionCut(slot: number, tMs: number): void {
    const client = slot >> 1;
    if (slot === mainSlot(client)) this.client.onCut(client, tMs);
  }

  onConnectFailed(slot: number, noticeMs: number): void {
    const client = slot >> 1;
    if (slot === mainSlot(client)) this.client.onFailed(client, noticeMs);
  }

  onErrorAnswer(slot: number, tMs: number): void {
    this.onConnectFailed(slot, tMs);
  }

  onServerDown(): void {}

  sendClientMessage(client: number, tMs: number): void {
    this.world.upstream.send(client, tMs);
  }

  settle(): void {}
}

export const longPollingModule: MechanismModule = {
  id: 'longPolling',
  label: MECHANISM_LABELS.longPolling,
  salt: 2,
  create: (world) => new LongPolling(world),
};
