import { scenarioSlug } from '../fileNames.ts';

// Exports are named after the scenario, the element and the time window, so a folder of them sorts
// and reads sensibly: "payment-webhooks-with-an-outage-lanes-t12s-17s.gif".

/** Seconds with at most three decimals and no trailing zeros: 12000 → "12", 2500 → "2.5". */
function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

export function gifFileName(scenarioName: string, element: string, startMs: number, endMs: number, extension = 'gif'): string {
  return `${scenarioSlug(scenarioName)}-${element}-t${seconds(startMs)}s-${seconds(endMs)}s.${extension}`;
}
