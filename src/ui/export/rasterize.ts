// Draws a standalone SVG document into a canvas, and a canvas into PNG bytes. The SVG is loaded as
// an image from a blob: URL (the page's content security policy allows blob: images and nothing
// from the network), so it must already carry its own paint: see svgSnapshot.ts.

/** A canvas of (width × scale) by (height × scale) pixels holding the drawn SVG. */
export async function svgToCanvas(svg: string, width: number, height: number, scale = 1): Promise<HTMLCanvasElement> {
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
}

export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error('The picture could not be encoded as PNG (it may be too large).'));
    }, 'image/png');
  });
}
