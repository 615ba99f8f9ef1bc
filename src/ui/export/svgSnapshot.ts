// Turns drawn SVGs (a chart, or every lane) into one standalone SVG document. The page paints its
// SVGs through classes and CSS variables, which a file opened elsewhere (or an SVG drawn into a
// canvas as an image) never sees, so each element's computed paint and font are written onto the
// clone as presentation attributes. Attributes rather than style="": the page's content security
// policy refuses inline style attributes, and attributes are what every SVG tool reads.

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING_PX = 16;
const TITLE_PX = 16;
const HEADING_PX = 13;
const LEGEND_PX = 12;
const GAP_PX = 12;
/** Narrowest picture area: room for a title of a few words. */
const MIN_CONTENT_PX = 320;
/** Width of an average character as a share of the font size: enough to keep a title from clipping. */
const CHAR_EM = 0.6;

/** Properties a child takes from its parent: written only where they change. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'visibility',
] as const;

/** Properties that do not inherit, with the value that needs no attribute (display: only none matters). */
const OWN: Record<string, (value: string) => boolean> = {
  opacity: (value) => value === '1',
  'dominant-baseline': (value) => value === 'auto',
  display: (value) => value !== 'none',
};

export interface SvgSnapshot {
  svg: string;
  width: number;
  height: number;
}

export interface LegendEntry {
  label: string;
  color: string;
  /** An SVG dash pattern such as "6 3", or "none". */
  dash: string;
}

export interface SnapshotOptions {
  title: string;
  /** Any CSS colour; the nearest painted background of the root when absent. */
  background?: string;
  /** A key drawn under the title (the charts' legend sits outside each chart on the page). */
  legend?: readonly LegendEntry[];
}

/** Copies the computed look of `original` onto `clone`, and of their children, recursively. */
function inlinePaint(original: Element, clone: Element, parent: CSSStyleDeclaration | null): void {
  const style = getComputedStyle(original);
  for (const property of INHERITED) {
    const value = style.getPropertyValue(property);
    // An own attribute may say var(--x) or currentColor, which mean nothing outside the page.
    if (value !== '' && (parent === null || clone.hasAttribute(property) || value !== parent.getPropertyValue(property))) {
      clone.setAttribute(property, value);
    }
  }
  for (const [property, needsNoAttribute] of Object.entries(OWN)) {
    const value = style.getPropertyValue(property);
    if (value !== '' && (!needsNoAttribute(value) || clone.hasAttribute(property))) clone.setAttribute(property, value);
  }
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  for (let i = 0; i < original.children.length; i++) inlinePaint(original.children[i], clone.children[i], style);
}

function isTransparent(colour: string): boolean {
  return colour === '' || colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);
}

/** The colour the root is seen on: its own background or the nearest painted ancestor's. */
function backgroundOf(root: Element): string {
  for (let node: Element | null = root; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (!isTransparent(colour)) return colour;
  }
  return '#ffffff';
}

function textNode(content: string, x: number, y: number, sizePx: number, weight: string, fill: string, font: string): SVGTextElement {
  const node = document.createElementNS(SVG_NS, 'text');
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  node.setAttribute('font-family', font);
  node.setAttribute('font-size', String(sizePx));
  node.setAttribute('font-weight', weight);
  node.setAttribute('fill', fill);
  node.textContent = content;
  return node;
}

/** The visible heading of the lane or chart an SVG belongs to, inside the exported root. */
function headingOf(svg: Element, root: Element): string | null {
  const holder = svg.closest('[data-lane], [data-chart]');
  if (!holder || holder === root || !root.contains(holder)) return null;
  const text = holder.querySelector('h3')?.textContent.replace(/\s+/g, ' ').trim();
  return text === undefined || text === '' ? null : text;
}

/** The pictures inside the root: decorative icons (hidden from assistive technology) are not. */
function picturesIn(root: Element): SVGSVGElement[] {
  if (root instanceof SVGSVGElement) return [root];
  return [...root.querySelectorAll('svg')].filter(
    (svg) => svg.getAttribute('aria-hidden') !== 'true' && !svg.parentElement?.closest('svg') && svg.getBoundingClientRect().width > 0,
  );
}

/** Size of a drawn SVG in whole pixels (its own attributes when they are plain numbers). */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const attribute = (name: string, fallback: number) => {
    const value = Number(svg.getAttribute(name));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { width: Math.ceil(attribute('width', box.width)), height: Math.ceil(attribute('height', box.height)) };
}

/** Splits text into lines of at most `maxChars` characters at spaces (a longer word keeps its line). */
function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= maxChars) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Lays legend entries out in rows; returns the elements and the height used. */
function legendRows(entries: readonly LegendEntry[], top: number, maxWidth: number, ink: string, font: string) {
  const nodes: Element[] = [];
  let x = 0;
  let row = 0;
  const rowHeight = LEGEND_PX + 8;
  for (const entry of entries) {
    const itemWidth = 30 + Math.ceil(entry.label.length * LEGEND_PX * CHAR_EM) + 16;
    if (x > 0 && x + itemWidth > maxWidth) {
      x = 0;
      row += 1;
    }
    const y = top + row * rowHeight + LEGEND_PX;
    const line = document.createElementNS(SVG_NS, 'line');
    line.setAttribute('x1', String(PADDING_PX + x));
    line.setAttribute('x2', String(PADDING_PX + x + 24));
    line.setAttribute('y1', String(y - 4));
    line.setAttribute('y2', String(y - 4));
    line.setAttribute('stroke', entry.color);
    line.setAttribute('stroke-width', '2.5');
    if (entry.dash !== 'none') line.setAttribute('stroke-dasharray', entry.dash);
    nodes.push(line, textNode(entry.label, PADDING_PX + x + 30, y, LEGEND_PX, '400', ink, font));
    x += itemWidth;
  }
  return { nodes, height: (row + 1) * rowHeight };
}

/**
 * One standalone SVG of the root: a title line, then every picture inside it stacked top to bottom
 * (each under its lane's or chart's heading), on a solid background. Same page, same bytes.
 */
export function snapshotSvg(root: Element, options: SnapshotOptions): SvgSnapshot {
  const pictures = picturesIn(root);
  const page = getComputedStyle(root);
  const ink = page.color;
  const font = page.fontFamily;
  const sizes = pictures.map(sizeOf);
  // The pictures set the width; a long title wraps under it rather than widening the image.
  const contentWidth = Math.max(...sizes.map((size) => size.width), MIN_CONTENT_PX);
  const titleLines = wrapWords(options.title, Math.floor(contentWidth / (TITLE_PX * CHAR_EM)));
  const width = contentWidth + 2 * PADDING_PX;

  const placed: Element[] = [];
  let y = PADDING_PX;
  for (const line of titleLines) {
    y += TITLE_PX;
    placed.push(textNode(line, PADDING_PX, y, TITLE_PX, '700', ink, font));
    y += TITLE_PX * 0.3;
  }
  y += GAP_PX;
  if (options.legend && options.legend.length > 0) {
    const legend = legendRows(options.legend, y, contentWidth, ink, font);
    placed.push(...legend.nodes);
    y += legend.height + GAP_PX / 2;
  }
  pictures.forEach((svg, i) => {
    const heading = headingOf(svg, root);
    if (heading !== null) {
      y += HEADING_PX;
      placed.push(textNode(heading, PADDING_PX, y, HEADING_PX, '600', ink, font));
      y += 6;
    }
    const clone = svg.cloneNode(true) as Element;
    inlinePaint(svg, clone, null);
    for (const attribute of ['role', 'aria-label', 'aria-labelledby', 'focusable']) clone.removeAttribute(attribute);
    // Chart labels may reach past the plot's edge; the page lets them show, so does the file.
    if (getComputedStyle(svg).overflow === 'visible') clone.setAttribute('overflow', 'visible');
    clone.setAttribute('x', String(PADDING_PX));
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(sizes[i].width));
    clone.setAttribute('height', String(sizes[i].height));
    placed.push(clone);
    y += sizes[i].height + GAP_PX;
  });
  const height = Math.ceil(y - GAP_PX + PADDING_PX);

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${String(width)} ${String(height)}`);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = options.title;
  const ground = document.createElementNS(SVG_NS, 'rect');
  ground.setAttribute('width', String(width));
  ground.setAttribute('height', String(height));
  ground.setAttribute('fill', options.background ?? backgroundOf(root));
  out.append(title, ground, ...placed);
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}
