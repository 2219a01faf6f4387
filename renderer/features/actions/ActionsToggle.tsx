import { setEventViewMode, useEventViewMode } from './view-mode';

/** The toolbar's "Actions / Events" switch of the event table. */
export function ActionsToggle() {
  const mode = useEventViewMode();
  return (
    <div className="segmented" role="group" aria-label="Show actions or events">
      <button type="button" aria-pressed={mode === 'actions'} onClick={() => setEventViewMode('actions')}>
        Actions
      </button>
      <button type="button" aria-pressed={mode === 'events'} onClick={() => setEventViewMode('events')}>
        Events
      </button>
    </div>
  );
}
