import { expect, test } from 'vitest';
import { gifFileName } from './gifFileName.ts';

test('the file name carries the scenario, the element and the window in seconds', () => {
  expect(gifFileName('Stock ticker', 'lanes', 12_000, 17_000)).toBe('stock-ticker-lanes-t12s-17s.gif');
  expect(gifFileName('Default', 'latency', 2500, 4750)).toBe('default-latency-t2.5s-4.75s.gif');
});

test('a video export has the same name with its own extension', () => {
  expect(gifFileName('Stock ticker', 'lanes', 12_000, 17_000, 'mp4')).toBe('stock-ticker-lanes-t12s-17s.mp4');
});
