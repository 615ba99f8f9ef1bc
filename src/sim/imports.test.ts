import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The engine's modules import one another without a cycle (issue 8, item 5): mechanisms program
// against mechanisms/host.ts, which the world implements, never against world.ts. Type-only
// imports count too, since a cycle of types still ties the modules into one.

const SIM = dirname(fileURLToPath(import.meta.url));

/** Every .ts file under `dir`, as paths relative to it. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => file.split('\\').join('/'));
}

// `import … from 'x'`, `export … from 'x'` (over several lines too), `import 'x'` and `import('x')`.
const SPECIFIERS = [
  /(?:^|[\n;])\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The files under SIM that `file` imports (imports from outside src/sim are left out). */
function importsOf(file: string, text: string, files: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1];
      if (!specifier.startsWith('.')) continue;
      const target = relative(SIM, resolve(SIM, dirname(file), specifier)).split('\\').join('/');
      if (files.has(target)) found.add(target);
    }
  }
  return [...found].sort();
}

/** The first import cycle found (as the list of files around it, first repeated last), or null. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const DONE = 2;
  const state = new Map<string, number>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 1);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) return [...path.slice(path.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(node, DONE);
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.get(node) !== undefined) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function simGraph(): Map<string, string[]> {
  const files = sourceFiles(SIM);
  const known = new Set(files);
  return new Map(files.map((file) => [file, importsOf(file, readFileSync(join(SIM, file), 'utf8'), known)]));
}

describe('imports among the engine modules', () => {
  it('form no cycle, type-only imports included', () => {
    expect(findCycle(simGraph())).toBeNull();
  });

  it('are read from the files: the world imports the mechanisms’ host interface and no mechanism imports the world', () => {
    const graph = simGraph();
    expect(graph.get('world.ts')).toContain('mechanisms/host.ts');
    expect(graph.get('engine.ts')).toContain('world.ts');
    for (const [file, imports] of graph) {
      if (file.startsWith('mechanisms/')) expect(imports, file).not.toContain('world.ts');
    }
  });

  it('finds a cycle when one exists, through type imports and multi-line imports alike', () => {
    const files = new Set(['a.ts', 'b.ts', 'c.ts', 'd.ts']);
    const a = importsOf('a.ts', "import type {\n  B,\n  C,\n} from './b.ts';\nexport { d } from './d.ts';", files);
    const b = importsOf('b.ts', "import { c } from './c.ts';\nconst x = await import('./d.ts');", files);
    const c = importsOf('c.ts', "import type { A } from './a.ts';", files);
    expect([a, b, c]).toEqual([['b.ts', 'd.ts'], ['c.ts', 'd.ts'], ['a.ts']]);
    const graph = new Map([['a.ts', a], ['b.ts', b], ['c.ts', c], ['d.ts', []]]);
    expect(findCycle(graph)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    graph.set('c.ts', []);
    expect(findCycle(graph)).toBeNull();
  });
});
