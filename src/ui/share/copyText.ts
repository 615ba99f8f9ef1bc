// Clipboard writes need a secure context and permission; where either is missing the text is put
// in a field and selected, and the caller tells the user to press Ctrl+C.

export async function copyText(text: string, fallbackField?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallbackField?.focus();
    fallbackField?.select();
    return false;
  }
}
