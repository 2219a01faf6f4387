/** Kinds of thing that happened, each told by its template (templates.ts). */
export type BeatKind =
  | 'signIn'
  | 'signInNoMfa'
  | 'signInFailed'
  | 'createKey'
  | 'createKeySecond'
  | 'createKeyFor'
  | 'grantSelf'
  | 'grantOther'
  | 'inlinePolicy'
  | 'stopLogging'
  | 'deleteTrail'
  | 'changeTrail'
  | 'openPortWorld'
  | 'openPort'
  | 'assumeRole'
  | 'sessionToken'
  | 'readSecret'
  | 'createUser'
  | 'deleteUser'
  | 'setPassword'
  | 'removeMfa'
  | 'roleTrust'
  | 'bucketPolicy'
  | 'publicAccess'
  | 'kmsDelete'
  | 'detectorOff'
  | 'startServers'
  | 'startServersRefused'
  | 'denied'
  | 'recon'
  | 'newAddress'
  | 'flagged'
  | 'looked'
  | 'consoleAction';

/** One thing that happened, from one or more events, with the names its template tells. */
export interface Beat {
  kind: BeatKind;
  time: number;
  eventIds: string[];
  /** The names the template places, by slot (`key`, `policy`, `secret`…); several when merged. */
  values: Record<string, string[]>;
  /** For a console action: its label as our words and values (shared/console-actions). */
  label?: ReadonlyArray<{ kind: 'text' | 'value'; text: string }>;
}
