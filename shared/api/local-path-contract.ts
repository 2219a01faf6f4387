import { z } from 'zod';

import { Empty } from './primitives';

/** What the native chooser picks: a folder of log files, or one `.json` / `.json.gz` file. */
export const LocalPathPick = z.enum(['folder', 'file']);
export type LocalPathPick = z.infer<typeof LocalPathPick>;

/**
 * The desktop's own file chooser for the log-files source. The page only learns the path the
 * analyst chose in a dialog it cannot draw or answer; it never reads a file through it. A host
 * without a native dialog (the web host, the CLI) says so, and the analyst types the path.
 */
export const localPathContract = {
  /** Whether this host can show a native chooser (the desktop app: yes; the web host: no). */
  canChooseLocalPath: { input: Empty, output: z.object({ available: z.boolean() }) },
  /** Opens the chooser; `path` is null when the analyst cancelled. */
  chooseLocalPath: {
    input: z.strictObject({ pick: LocalPathPick }),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
