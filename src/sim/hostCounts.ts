import type { MetricsRecorder } from './metrics/recorder.ts';

// The counting part of MechanismHost (mechanisms/host.ts): what a mechanism reports to its run's
// metrics. The world extends it, so a mechanism still sees one host object.

export class HostCounts {
  constructor(readonly metrics: MetricsRecorder) {}

  countConnectionAttempt(tMs: number): void {
    this.metrics.connectionAttempt(tMs);
  }

  countErrorResponse(tMs: number): void {
    this.metrics.errorResponse(tMs);
  }

  countSseClosed(tMs: number): void {
    this.metrics.sseClosed(tMs);
  }

  countRequest(tMs: number): void {
    this.metrics.request(tMs);
  }

  countResponse(tMs: number, empty: boolean): void {
    this.metrics.response(tMs, empty);
  }

  countCarrier(tMs: number): void {
    this.metrics.carrier(tMs);
  }

  countLost(tMs: number, createdMs: number): void {
    this.metrics.eventLost(tMs, createdMs);
  }

  countDuplicate(tMs: number, createdMs: number): void {
    this.metrics.duplicate(tMs, createdMs);
  }

  countConnectionOpened(tMs: number): void {
    this.metrics.connectionOpened(tMs);
  }

  countConnectionClosed(tMs: number): void {
    this.metrics.connectionClosed(tMs);
  }
}
