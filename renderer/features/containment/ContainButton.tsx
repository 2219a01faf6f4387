import { useState } from 'react';

import { ContainDialog } from './ContainDialog';

export interface ContainButtonProps {
  /** The investigation's profile (preselected; the analyst may pick another one to act with). */
  profile: string;
  kind: 'user' | 'role';
  name: string;
  /** The ticket draft that "Add to ticket" adds to (the investigation's fetch id, or `scratch`). */
  draftKey: string;
}

/** "Contain…" for one identity: opens the dialog that previews, runs and undoes containment. */
export function ContainButton(props: ContainButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="contain-open" onClick={() => setOpen(true)}>
        Contain…
      </button>
      <ContainDialog {...props} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
