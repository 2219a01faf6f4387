import type { LocalPathPick } from '../../shared/api/local-path-contract';
import type { StreamMessage } from '../../shared/api/stream';
import type { ConfirmJiraSite } from '../services/jira/connection-store';
import type { SecretStore } from '../services/secrets/secret-store';

/**
 * What differs between the three hosts (Electron, web host, CLI), handed to services as a
 * parameter so that no service imports `electron` or knows which host it runs in.
 */
export interface HostContext {
  kind: 'electron' | 'web' | 'cli';
  env: NodeJS.ProcessEnv;
  /** Investigations, drafts, pending submissions, Jira settings. */
  dataDir: string;
  /** Fetched pages and cursors (safe to delete; they are re-fetched). */
  cacheDir: string;
  /** Pushes a stream message to every connected renderer (a no-op in the CLI). */
  emit(message: StreamMessage): void;
  /** Asks the analyst for an MFA code (dialog in the app, prompt in a terminal). */
  askMfaCode(request: { profile: string; mfaSerial: string }, signal?: AbortSignal): Promise<string>;
  secrets: SecretStore;
  /** Opens a link that already passed `checkExternalUrl`; false where the host cannot. */
  openExternal(url: string): Promise<boolean>;
  /**
   * Asks the analyst outside the page before a new Jira site is saved (the desktop's dialog).
   * Absent where the page is the only UI (web host) or nothing is saved (CLI).
   */
  confirmJiraSite?: ConfirmJiraSite;
  /**
   * Shows the desktop's own open dialog for the log-files source and resolves to the chosen
   * absolute path, or null when the analyst cancelled. Absent where no native dialog exists
   * (web host: a browser never hands a page a local path; CLI: the path is an option).
   */
  chooseLocalPath?: (pick: LocalPathPick) => Promise<string | null>;
  /** The query string of a deep link waiting to fill the investigation form, if any. */
  takePendingDeepLink(): string | null;
}
