import { useState } from 'react';

import { draftFile } from '../../../shared/ticket/draft-export';
import type { DraftFormat } from '../../../shared/ticket/draft-export';
import type { TicketDraft } from '../../../shared/ticket/draft';
import { downloadText } from '../workspace/download';

const formatName: Record<DraftFormat, string> = { markdown: 'Markdown', text: 'plain text' };

/**
 * The draft without Jira: copied, or downloaded as a file, in Markdown or plain text, from the
 * same blocks as the preview (event data in code spans, nothing made a link or a mention).
 * Downloads are a Blob link, as the workspace's exports: it works under the existing CSP in the
 * browser and in Electron (which shows its own save dialog), and no path crosses the api.
 */
export function DraftExport({ draft }: { draft: TicketDraft }) {
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);

  const copy = (format: DraftFormat) => {
    const { content } = draftFile(draft, format, new Date());
    navigator.clipboard.writeText(content).then(
      () => setNote({ text: `The draft was copied as ${formatName[format]}.`, failed: false }),
      () => setNote({ text: 'Copying is not allowed here: download the draft instead.', failed: true }),
    );
  };
  const download = (format: DraftFormat) => {
    const file = draftFile(draft, format, new Date());
    downloadText(file.name, file.content, file.type);
    setNote({ text: `Downloaded ${file.name}.`, failed: false });
  };

  return (
    <div className="ticket-export" role="group" aria-label="Take the draft elsewhere">
      <div className="ticket-actions">
        <button type="button" onClick={() => copy('markdown')}>
          Copy as Markdown
        </button>
        <button type="button" onClick={() => copy('text')}>
          Copy as text
        </button>
        <button type="button" onClick={() => download('markdown')}>
          Download .md
        </button>
        <button type="button" onClick={() => download('text')}>
          Download .txt
        </button>
      </div>
      <div role="status" className={note?.failed ? 'ticket-field-error' : 'ticket-help'}>
        {note?.text ?? ''}
      </div>
    </div>
  );
}
