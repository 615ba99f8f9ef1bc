import { useLab } from '../../state/store.ts';
import { fileSizeProblem, parseScenarioFileBytes } from './scenarioFile.ts';
import { useLastImport, type LastImport } from './importMessage.ts';

// Reads a picked or dropped scenario file into the lab, or keeps the lab as it is and says why.

const KEPT = 'The file was not loaded; the lab kept its scenario.';

async function readScenarioFile(files: readonly File[]) {
  if (files.length !== 1) {
    return { ok: false as const, message: `Drop one scenario file at a time (got ${files.length} files).` };
  }
  const [file] = files;
  const tooLarge = fileSizeProblem(file.size, file.name);
  if (tooLarge !== null) return { ok: false as const, message: tooLarge };
  try {
    return parseScenarioFileBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch {
    return { ok: false as const, message: `${file.name}: could not be read.` };
  }
}

/** Loads the one file given, and records the answer as the last import (useLastImport). */
export async function importScenarioFiles(files: readonly File[], from: LastImport['from']): Promise<void> {
  useLastImport.setState({ last: null });
  const result = await readScenarioFile(files);
  if (result.ok) {
    useLab.getState().loadScenario(result.scenario);
    useLastImport.setState({ last: { from, message: { kind: 'saved', text: `Loaded the scenario “${result.scenario.name}” from ${files[0].name}.` } } });
  } else {
    useLastImport.setState({ last: { from, message: { kind: 'error', text: `${KEPT}\n${result.message}` } } });
  }
}
