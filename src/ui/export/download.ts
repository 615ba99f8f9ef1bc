/** Saves a blob as a file through the browser's download: nothing leaves the page. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the URL by the next task; keeping it longer only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
