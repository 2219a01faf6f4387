import { useCallback, useEffect, useState } from 'react';

import { countWords } from '../../../shared/display/count-words';
import './export-notice.css';

/** How long the confirmation of an export stays on screen. */
const noticeMs = 6000;

/** The confirmation of the last export, shown for a few seconds. */
export function useExportNotice() {
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), noticeMs);
    return () => clearTimeout(timer);
  }, [notice]);
  /** Says that `count` events went to the download `fileName`. */
  const say = useCallback((count: number, fileName: string) => setNotice({ text: `Exported ${countWords(count, 'event')} to ${fileName} (your downloads)`, at: Date.now() }), []);
  return { notice: notice?.text ?? null, say };
}

/** A brief status line after an export, read out by screen readers; the page does not move. */
export function ExportNotice({ notice }: { notice: string | null }) {
  return (
    <div className="export-notice" aria-live="polite" data-shown={notice !== null || undefined}>
      {notice}
    </div>
  );
}
