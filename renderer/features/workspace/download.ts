/**
 * Saves text as a file through the browser's download: a Blob and a temporary link. No path
 * crosses the api and nothing is written by the host; the analyst picks where it goes.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every system: `trailcase-alice-2026-11-25T10-00-00.json`. */
export function exportFileName(identity: string, extension: 'json' | 'csv', now = new Date()): string {
  const safe = identity.replace(/[^\w.-]+/g, '_').slice(0, 64) || 'events';
  return `trailcase-${safe}-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.${extension}`;
}
