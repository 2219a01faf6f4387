import { useState } from 'react';

import { visibleText } from '../../../shared/display/visible-text';
import { api } from '../../api/bridge';
import { attackUrl } from './attack-link';

/**
 * MITRE ATT&CK ids as links to their technique pages. A click asks the host to open the page
 * (its allow-list check, then the system browser); the page never navigates itself. An id that
 * is not a technique id is shown as text, never linked.
 */
export function AttackLinks({ ids }: { ids: readonly string[] }) {
  const [note, setNote] = useState<string | null>(null);
  if (ids.length === 0) return null;
  const open = async (url: string) => {
    const result = await api.openExternal({ url }); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    setNote(result.ok && result.data.opened ? null : `This window cannot open links: ${url}`);
  };
  return (
    <span className="attack-links">
      <span className="muted">ATT&amp;CK</span>
      {ids.map((id) => {
        const url = attackUrl(id);
        return url ? (
          <button
            key={id}
            type="button"
            className="attack-link"
            title={url}
            aria-label={`MITRE ATT&CK ${id}`}
            onClick={(e) => {
              e.stopPropagation();
              void open(url);
            }}
          >
            {id}
          </button>
        ) : (
          <span key={id} className="attack-id-invalid">
            {visibleText(id)}
          </span>
        );
      })}
      {note && <span className="muted attack-note">{visibleText(note)}</span>}
    </span>
  );
}
