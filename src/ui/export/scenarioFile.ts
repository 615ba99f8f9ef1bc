import { formatErrors, parseScenarioJson } from '../../sim/scenario/validate.ts';
import { decodeScenarioBytes } from '../../sim/scenario/decodeText.ts';
import type { Scenario } from '../../sim/scenario/types.ts';

// Scenario files in and out. Export writes the whole normalised scenario as pretty JSON; import
// takes any text a person may drop on the page and either yields a scenario or one readable
// message naming what is wrong (the size, the JSON position, or each bad field). It never throws:
// whatever the file holds, the lab keeps its state and shows the message as text.

/** A scenario is a few kB; anything far larger is not one and is not worth parsing. */
export const MAX_SCENARIO_FILE_BYTES = 256 * 1024;

export type ScenarioFileResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

export function scenarioToFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} kB`;
const bytesText = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/**
 * The message for a file too large to read, or null when its size is fine. When both sizes round
 * to the same kilobytes ("256 kB; at most 256 kB"), they are given in bytes.
 */
export function fileSizeProblem(sizeBytes: number, fileName = 'The file'): string | null {
  if (sizeBytes <= MAX_SCENARIO_FILE_BYTES) return null;
  const same = kilobytes(sizeBytes) === kilobytes(MAX_SCENARIO_FILE_BYTES);
  const size = same ? bytesText(sizeBytes) : kilobytes(sizeBytes);
  const limit = same ? bytesText(MAX_SCENARIO_FILE_BYTES) : kilobytes(MAX_SCENARIO_FILE_BYTES);
  return `${fileName}: too large to be a scenario file (${size}; at most ${limit}).`;
}

/** A file's bytes, decoded as the CLI decodes them (decodeText.ts), then read as a scenario. */
export function parseScenarioFileBytes(bytes: Uint8Array, fileName = 'The file'): ScenarioFileResult {
  const sizeProblem = fileSizeProblem(bytes.length, fileName);
  if (sizeProblem !== null) return { ok: false, message: sizeProblem };
  const decoded = decodeScenarioBytes(bytes);
  return decoded.ok ? parseScenarioFile(decoded.text, fileName) : { ok: false, message: `${fileName}: ${decoded.error}.` };
}

export function parseScenarioFile(text: string, fileName?: string): ScenarioFileResult {
  try {
    const sizeProblem = fileSizeProblem(new TextEncoder().encode(text).length, fileName);
    if (sizeProblem !== null) return { ok: false, message: sizeProblem };
    if (text.trim() === '') return { ok: false, message: `${fileName ?? 'The file'}: is empty; a scenario file holds a JSON object.` };
    const parsed = parseScenarioJson(text);
    if (parsed.ok) return parsed;
    const errors = parsed.errors.length > 0 ? parsed.errors : ['not a valid scenario'];
    return { ok: false, message: formatErrors(errors, fileName) };
  } catch (error) {
    // The parsers do not throw; this keeps the promise should a browser's JSON.parse ever do so.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${fileName ?? 'The file'}: could not be read (${reason}).` };
  }
}

