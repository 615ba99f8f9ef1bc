// Flat config (ESLint 10). Type-aware rules everywhere TypeScript is; the layering and determinism
// rules of STYLE.md §7 for src/sim.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// src/sim is pure and runs the same in Node and in the browser: no view, store or Node-only code.
const SIM_FORBIDDEN_PACKAGES = ['react', 'react-dom', 'zustand', 'd3', 'framer-motion', 'motion'].map(
  (name) => ({ name, message: 'src/sim must not depend on view or state libraries (STYLE.md §7).' }),
);
const SIM_FORBIDDEN_PATTERNS = [
  {
    regex: '^(react|react-dom|zustand|d3|framer-motion|motion)/|^d3-',
    message: 'src/sim must not depend on view or state libraries (STYLE.md §7).',
  },
  { regex: '^/?src/(?!sim/)', message: 'Dependencies point one way: src/sim imports nothing from the app (STYLE.md §7).' },
];
const NODE_ONLY_PATTERN = {
  regex: '^node:|^(fs|path|os|child_process|perf_hooks|worker_threads|crypto)(/|$)',
  message: 'src/sim runs in the browser too: no Node-only modules.',
};

/**
 * One block per folder depth below src/sim, so a relative import that climbs out of src/sim (to
 * ../ui, ../../state, …) is caught exactly, whatever the folder it lands in is called.
 */
function simImportBlocks({ tests }) {
  const base = [...SIM_FORBIDDEN_PATTERNS, ...(tests ? [] : [NODE_ONLY_PATTERN])];
  const anyDepth = {
    files: tests ? ['src/sim/**/*.test.ts'] : ['src/sim/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: SIM_FORBIDDEN_PACKAGES, patterns: base }] },
  };
  const byDepth = [0, 1, 2, 3, 4, 5].map((depth) => {
    const dirs = '*/'.repeat(depth);
    const escapesSim = {
      regex: `^(\\./)?(\\.\\./){${String(depth)}}\\.\\.(/|$)`,
      message: 'Dependencies point one way: src/sim imports nothing from the app (STYLE.md §7).',
    };
    return {
      files: tests ? [`src/sim/${dirs}*.test.ts`] : [`src/sim/${dirs}*.ts`],
      rules: {
        'no-restricted-imports': ['error', { paths: SIM_FORBIDDEN_PACKAGES, patterns: [...base, escapesSim] }],
      },
    };
  });
  return [anyDepth, ...byDepth];
}

const NONDETERMINISM = 'src/sim is deterministic: time comes from the scheduler, randomness from the seeded RNG (STYLE.md §2, §4).';
const SIM_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'self',
  'globalThis',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'process',
  'crypto',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
].map((name) => ({ name, message: NONDETERMINISM }));
const SIM_FORBIDDEN_PROPERTIES = [
  { object: 'Math', property: 'random' },
  { object: 'Date', property: 'now' },
  { object: 'performance', property: 'now' },
].map((p) => ({ ...p, message: NONDETERMINISM }));
const SIM_FORBIDDEN_SYNTAX = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: NONDETERMINISM },
  { selector: "CallExpression[callee.name='Date']", message: NONDETERMINISM },
];

export default defineConfig([
  globalIgnores(['dist/', 'dist-*/', 'test-results-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers in template literals read naturally (`${latencyMs} ms`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `xs.forEach((x) => visit(x))` is idiomatic even when visit returns void.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}', 'src/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },

  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...SIM_FORBIDDEN_GLOBALS],
      'no-restricted-properties': ['error', ...SIM_FORBIDDEN_PROPERTIES],
      'no-restricted-syntax': ['error', ...SIM_FORBIDDEN_SYNTAX],
    },
  },

  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      // Tests may assert on data they just built and on parsed JSON.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  ...simImportBlocks({ tests: false }),
  // Engine tests stay deterministic but may read fixtures from disk with Node's modules.
  ...simImportBlocks({ tests: true }),
]);
