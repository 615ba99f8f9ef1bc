import { INITIAL_JS_BUDGET_BYTES, initialJs, kB } from './bundleSize.ts';

// `npm run check:bundle` (part of `npm run test:e2e`, after the build): fails when the JavaScript
// of a first visit to dist/ is above the budget for pages embedded in slides.

const measured = initialJs('dist');
for (const file of measured.files) console.log(`  ${file.path}  ${kB(file.bytes)} → ${kB(file.gzipBytes)} gzip`);
const verdict = measured.gzipBytes <= INITIAL_JS_BUDGET_BYTES ? 'within' : 'OVER';
console.log(`initial JavaScript: ${kB(measured.gzipBytes)} gzip, ${verdict} the ${kB(INITIAL_JS_BUDGET_BYTES)} budget`);
if (measured.gzipBytes > INITIAL_JS_BUDGET_BYTES) process.exit(1);
