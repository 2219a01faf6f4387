import type { BeatKind } from './beat';

/**
 * The words of the story, as data: our text, and `{ slot }` where the beat's values go (several
 * values read "a, b and c"). `many` is used when beats of one kind were merged. Short words and
 * short clauses keep the story readable for someone who does not work in AWS.
 */
export type TemplatePart = string | { slot: string };

export interface BeatTemplate {
  one: TemplatePart[];
  many?: TemplatePart[];
}

export const beatTemplates: Record<BeatKind, BeatTemplate> = {
  signIn: { one: ['signed in to the console from ', { slot: 'ip' }] },
  signInNoMfa: { one: ['signed in to the console without MFA from ', { slot: 'ip' }] },
  signInFailed: { one: ['failed to sign in to the console from ', { slot: 'ip' }] },
  createKey: { one: ['created a new access key ', { slot: 'key' }], many: ['created the access keys ', { slot: 'key' }] },
  createKeySecond: { one: ['created a second access key (', { slot: 'key' }, ')'] },
  createKeyFor: { one: ['created the access key ', { slot: 'key' }, ' for ', { slot: 'user' }] },
  grantSelf: { one: ['gave themselves ', { slot: 'policy' }] },
  grantOther: { one: ['gave ', { slot: 'target' }, ' the policy ', { slot: 'policy' }] },
  inlinePolicy: { one: ['wrote the policy ', { slot: 'policy' }, ' for ', { slot: 'target' }] },
  stopLogging: { one: ['stopped the ', { slot: 'trail' }, ' trail'], many: ['stopped the trails ', { slot: 'trail' }] },
  deleteTrail: { one: ['deleted the ', { slot: 'trail' }, ' trail'], many: ['deleted the trails ', { slot: 'trail' }] },
  changeTrail: { one: ['changed what the ', { slot: 'trail' }, ' trail records'] },
  openPortWorld: {
    one: ['opened port ', { slot: 'port' }, ' to the whole internet'],
    many: ['opened ports ', { slot: 'port' }, ' to the whole internet'],
  },
  openPort: { one: ['opened port ', { slot: 'port' }, ' to ', { slot: 'range' }] },
  assumeRole: { one: ['took on the role ', { slot: 'role' }], many: ['took on the roles ', { slot: 'role' }] },
  sessionToken: { one: ['got a session token'], many: ['got session tokens'] },
  readSecret: { one: ['read the secret ', { slot: 'secret' }], many: ['read the secrets ', { slot: 'secret' }] },
  createUser: { one: ['created the user ', { slot: 'user' }], many: ['created the users ', { slot: 'user' }] },
  deleteUser: { one: ['deleted the user ', { slot: 'user' }], many: ['deleted the users ', { slot: 'user' }] },
  setPassword: { one: ['set a console password for ', { slot: 'user' }] },
  removeMfa: { one: ['removed the MFA device of ', { slot: 'user' }] },
  roleTrust: { one: ['changed who may use the role ', { slot: 'role' }] },
  bucketPolicy: {
    one: ['changed who may read the bucket ', { slot: 'bucket' }],
    many: ['changed who may read the buckets ', { slot: 'bucket' }],
  },
  publicAccess: { one: ['removed the public access block of ', { slot: 'bucket' }] },
  kmsDelete: { one: ['set the key ', { slot: 'kms' }, ' to be deleted'] },
  detectorOff: { one: ['turned off the threat detector ', { slot: 'detector' }] },
  startServers: { one: ['started ', { slot: 'count' }, ' servers of type ', { slot: 'type' }] },
  startServersRefused: { one: ['tried to start ', { slot: 'count' }, ' large servers (AWS refused)'] },
  denied: { one: ['were refused ', { slot: 'count' }, ' times while looking around'] },
  recon: { one: ['listed what the account holds (', { slot: 'count' }, ' calls in a few minutes)'] },
  newAddress: { one: ['made calls from ', { slot: 'ip' }], many: ['made calls from ', { slot: 'ip' }] },
  flagged: { one: ['called ', { slot: 'event' }], many: ['called ', { slot: 'event' }] },
  // Told from the action's own label (what the person did in the console).
  consoleAction: { one: [] },
  looked: { one: ['looked at ', { slot: 'service' }], many: ['looked at ', { slot: 'service' }] },
};

/** Kinds that may be merged when they follow each other (their values are listed together). */
export const mergeable: ReadonlySet<BeatKind> = new Set(
  (Object.keys(beatTemplates) as BeatKind[]).filter((kind) => beatTemplates[kind].many !== undefined),
);

/** The title's words for a kind, most telling first (the title keeps the first few, in time order). */
export const titlePhrases: Partial<Record<BeatKind, string>> = {
  grantSelf: 'admin granted',
  grantOther: 'policy attached',
  inlinePolicy: 'policy written',
  stopLogging: 'logging stopped',
  deleteTrail: 'logging deleted',
  changeTrail: 'logging changed',
  createKey: 'access key created',
  createKeySecond: 'access key created',
  createKeyFor: 'access key created',
  readSecret: 'secrets read',
  openPortWorld: 'port opened to the internet',
  createUser: 'user created',
  removeMfa: 'MFA removed',
  publicAccess: 'bucket opened',
  bucketPolicy: 'bucket policy changed',
  kmsDelete: 'key deletion scheduled',
  detectorOff: 'threat detection off',
};
