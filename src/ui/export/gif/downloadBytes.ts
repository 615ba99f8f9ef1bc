/** Saves bytes as a file through the browser's download (nothing leaves the page). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the next task; keeping it longer only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
