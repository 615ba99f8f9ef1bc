import type { ChartId } from '../../charts/ChartCard.tsx';

// What a GIF can record: the lanes, or one of the six charts. The id names the file; the selector
// finds it on the page (the data attributes exist for exports and presenter highlights).

export type GifElementId = 'lanes' | ChartId;

export interface GifElement {
  id: GifElementId;
  label: string;
  selector: string;
}

const chart = (id: ChartId, label: string): GifElement => ({ id, label, selector: `[data-chart="${id}"]` });

export const GIF_ELEMENTS: readonly GifElement[] = [
  { id: 'lanes', label: 'Lanes (messages on the wire)', selector: '[data-region="lanes"]' },
  chart('requests', 'Chart: requests per second'),
  chart('empty', 'Chart: empty responses'),
  chart('latency', 'Chart: latency distribution'),
  chart('bytes', 'Chart: bytes, overhead and payload'),
  chart('connections', 'Chart: open connections and memory'),
  chart('load', 'Chart: server load'),
];
