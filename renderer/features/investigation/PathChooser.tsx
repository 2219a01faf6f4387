import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useState } from 'react';

import type { LocalPathPick } from '../../../shared/api/local-path-contract';
import { api } from '../../api/bridge';

/** Whether the host can show a native chooser (asked once; false until it answers, and on any error). */
export function useCanChooseLocalPath(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void api.canChooseLocalPath({}).then(
      (result) => live && setAvailable(result.ok && result.data.available),
      () => live && setAvailable(false),
    );
    return () => {
      live = false;
    };
  }, []);
  return available;
}

export interface PathChooserProps {
  /** The chosen path, to fill the field with (the field stays editable). */
  onChoose(path: string): void;
  /** What went wrong with a choice (shown under the path field), or null once a new one starts. */
  onProblem(message: string | null): void;
}

/**
 * "Choose…" beside the log-files path: the desktop's own open dialog, for a folder or one file
 * (Windows and Linux cannot offer both in one dialog). Drawn only where the host has the dialog;
 * in a browser the analyst types the path. The path that comes back is the host's, checked there.
 */
export function PathChooser({ onChoose, onProblem }: PathChooserProps) {
  const available = useCanChooseLocalPath();
  if (!available) return null;
  const choose = async (pick: LocalPathPick) => {
    onProblem(null);
    const result = await api.chooseLocalPath({ pick });
    if (!result.ok) onProblem(result.error.message);
    else if (result.data.path !== null) onChoose(result.data.path);
  };
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="path-chooser">
          Choose…
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="popover path-chooser-menu" align="start" sideOffset={4} aria-label="Choose log files">
          <DropdownMenu.Item className="path-chooser-item" onSelect={() => void choose('folder')}>
            A folder…
          </DropdownMenu.Item>
          <DropdownMenu.Item className="path-chooser-item" onSelect={() => void choose('file')}>
            A file (.json, .json.gz)…
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
