/** Opens a file the core rendered (base64) in a new tab, as the browser shows PDFs; falls back to a download. */
export function openFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const opened = window.open(url, '_blank', 'noopener');
  if (!opened) {
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.click();
  }
  // Long enough for the new tab to read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
