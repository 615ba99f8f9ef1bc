import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The JavaScript a first visit downloads before the lab can start: the entry script of the built
// index.html and every module it preloads (Vite lists each static import chunk as a modulepreload).
// Chunks loaded later by dynamic import() (export, GIF, video, presenter) are not counted.
// Sizes are gzip level 9, as `gzip -9` reports them.

/** The budget for pages embedded in slide decks (issue 12). */
export const INITIAL_JS_BUDGET_BYTES = 160_000;

export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

/** The `src`/`href` of the entry scripts and module preloads in a built index.html. */
export function initialScriptPaths(html: string): string[] {
  const paths: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith('<script') && /\btype="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && url !== undefined) paths.push(url.replace(/^\.\//, ''));
  }
  return paths;
}

export function initialJs(distDir = 'dist'): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = initialScriptPaths(html).map((path) => {
    const code = readFileSync(join(distDir, path));
    return { path, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  });
  if (files.length === 0) throw new Error(`${distDir}/index.html loads no module script`);
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
