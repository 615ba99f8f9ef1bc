import { describe, expect, it } from 'vitest';
import { initialScriptPaths } from './bundleSize.ts';

describe('initialScriptPaths', () => {
  it('counts the entry module and its preloaded chunks, not styles or the icon', () => {
    const html = `<head>
      <link rel="icon" type="image/svg+xml" href="data:image/svg+xml,x" />
      <script type="module" crossorigin src="./assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/react-def.js">
      <link rel="stylesheet" crossorigin href="./assets/index-ghi.css">
    </head>`;
    expect(initialScriptPaths(html)).toEqual(['assets/index-abc.js', 'assets/react-def.js']);
  });

  it('finds nothing in a page without module scripts', () => {
    expect(initialScriptPaths('<html><body><script src="a.js"></script></body></html>')).toEqual([]);
  });
});
