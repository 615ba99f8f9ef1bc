import type { RasterizeFn, SnapshotFn } from './captureFrames.ts';

// Turns the drawn lanes or chart into a picture. The page styles its SVGs with classes and CSS
// variables, which an SVG drawn as an image does not see, so every element's computed paint and
// font are copied onto the clone as presentation attributes (attributes rather than style="":
// the page's content security policy refuses inline styles). The SVGs are stacked top to bottom
// under a caption, each under the heading of its lane or chart.

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 12;
const CAPTION_PX = 16;
const HEADING_PX = 13;
const GAP = 10;

const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

function inlinePaint(original: Element, clone: Element): void {
  const style = getComputedStyle(original);
  for (const property of PROPERTIES) {
    const value = style.getPropertyValue(property);
    if (value !== '') clone.setAttribute(property, value);
  }
  clone.removeAttribute('class');
  for (let i = 0; i < original.children.length; i++) inlinePaint(original.children[i], clone.children[i]);
}

function text(content: string, x: number, y: number, sizePx: number, fill: string, font: string): SVGTextElement {
  const node = document.createElementNS(SVG_NS, 'text');
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  node.setAttribute('font-size', String(sizePx));
  node.setAttribute('font-weight', '600');
  node.setAttribute('font-family', font);
  node.setAttribute('fill', fill);
  node.textContent = content;
  return node;
}

/** The heading of the lane or chart an SVG belongs to, if it has one. */
function headingOf(svg: Element, root: Element): string | null {
  const holder = svg.closest('[data-lane], [data-chart]');
  if (!holder || !root.contains(holder)) return null;
  return holder.querySelector('h3')?.textContent.trim() ?? null;
}

export const snapshot: SnapshotFn = (root, { title, background }) => {
  // Decorative icons (legend swatches) are hidden from assistive technology; the pictures are not.
  const svgs = [...root.querySelectorAll('svg')].filter((svg) => svg.getAttribute('aria-hidden') !== 'true' && svg.getBoundingClientRect().width > 0);
  const page = getComputedStyle(root);
  const ink = page.color;
  const font = page.fontFamily;
  const out = document.createElementNS(SVG_NS, 'svg');
  let y = PADDING + CAPTION_PX;
  const caption = text(title, PADDING, y, CAPTION_PX, ink, font);
  y += GAP;
  let width = 0;
  const placed: Element[] = [];
  for (const svg of svgs) {
    const box = svg.getBoundingClientRect();
    const heading = headingOf(svg, root);
    if (heading) {
      y += HEADING_PX + 4;
      placed.push(text(heading, PADDING, y, HEADING_PX, ink, font));
      y += 4;
    }
    const clone = svg.cloneNode(true) as Element;
    inlinePaint(svg, clone);
    clone.setAttribute('x', String(PADDING));
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(box.width));
    clone.setAttribute('height', String(box.height));
    placed.push(clone);
    y += box.height + GAP;
    width = Math.max(width, box.width);
  }
  const totalWidth = Math.ceil(width + 2 * PADDING);
  const totalHeight = Math.ceil(y - GAP + PADDING);
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(totalWidth));
  out.setAttribute('height', String(totalHeight));
  out.setAttribute('viewBox', `0 0 ${String(totalWidth)} ${String(totalHeight)}`);
  const ground = document.createElementNS(SVG_NS, 'rect');
  ground.setAttribute('width', '100%');
  ground.setAttribute('height', '100%');
  ground.setAttribute('fill', background ?? page.backgroundColor);
  out.append(ground, caption, ...placed);
  return { svg: new XMLSerializer().serializeToString(out), width: totalWidth, height: totalHeight };
};

export const rasterize: RasterizeFn = async (svg, width, height, scale = 1) => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw to a canvas.');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
};
