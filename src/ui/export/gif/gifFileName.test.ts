import { expect, test } from 'vitest';
import { gifFileName, scenarioSlug } from './gifFileName.ts';

test('a scenario name becomes a lower-case slug with one hyphen per run of other characters', () => {
  expect(scenarioSlug('Payment webhooks — receiver outage (5 min)!')).toBe('payment-webhooks-receiver-outage-5-min');
  expect(scenarioSlug('Default')).toBe('default');
});

test('a name with no letters or digits still gives a file name', () => {
  expect(scenarioSlug('—!?')).toBe('scenario');
});

test('the file name carries the scenario, the element and the window in seconds', () => {
  expect(gifFileName('Stock ticker', 'lanes', 12_000, 17_000)).toBe('stock-ticker-lanes-t12s-17s.gif');
  expect(gifFileName('Default', 'latency', 2500, 4750)).toBe('default-latency-t2.5s-4.75s.gif');
});
