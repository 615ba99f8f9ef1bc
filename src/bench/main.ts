import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { printBrowserFigures, runBrowserBench } from './browser.ts';
import { INITIAL_JS_BUDGET_BYTES, initialJs, kB } from './bundleSize.ts';
import { runEngineBench } from './run.ts';

// `npm run bench [-- --quick] [-- --runs N --clients N --duration SEC]`, built by Vite for Node
// (so the engine is bundled as the browser's worker bundles it, and the functions handed to the
// page stay plain): the engine benchmark (run.ts), the production build's initial JavaScript, then
// the browser benchmark (browser.ts). Any step that fails ends the benchmark with a non-zero exit,
// so CI, which runs --quick, notices a broken benchmark.

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const vite = join('node_modules', 'vite', 'bin', 'vite.js');

function step(what: string, command: string[]): void {
  const result = spawnSync(process.execPath, command, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${String(result.status ?? result.signal)})`);
}

async function main(): Promise<void> {
  runEngineBench(args);
  step('building the site', [vite, 'build', '--logLevel', 'error']);

  const js = initialJs('dist');
  console.log('');
  const files = js.files.length === 1 ? '1 file' : `${String(js.files.length)} files`;
  console.log(`initial JavaScript (${files}, gzip -9):   ${kB(js.gzipBytes)}   (goal ≤ ${kB(INITIAL_JS_BUDGET_BYTES)})`);

  printBrowserFigures(await runBrowserBench(quick), quick);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
