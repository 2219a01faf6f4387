/** A principal whose policies IAM lists: a user, a role or a group. */
export type PrincipalKind = 'user' | 'role' | 'group';

export interface Tag {
  key: string;
  value: string;
}

export interface IamUserRecord {
  name: string;
  id: string;
  arn: string;
  path: string;
  createDate: string | null;
  passwordLastUsed: string | null;
  permissionsBoundaryArn: string | null;
  tags: Tag[];
}

export interface IamRoleRecord extends Omit<IamUserRecord, 'passwordLastUsed'> {
  assumeRolePolicy: unknown;
  description: string | null;
  maxSessionDuration: number | null;
  lastUsed: { date: string | null; region: string | null } | null;
}

export interface ManagedPolicyRecord {
  name: string;
  arn: string;
  versionId: string | null;
  document: unknown;
}

export interface LastAccessedPage {
  status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  completedAt: string | null;
  error: string | null;
  services: {
    serviceName: string;
    serviceNamespace: string;
    lastAuthenticated: string | null;
    lastAuthenticatedEntity: string | null;
    lastAuthenticatedRegion: string | null;
  }[];
}

/**
 * The IAM reads Trailcase makes, in our own types (never the SDK's objects). The SDK version
 * sends the real calls; the demo answers in process. A failure is thrown as the service names it
 * (`name`: NoSuchEntityException, AccessDenied…), so one reader handles both the same way.
 */
export interface IamReads {
  getUser(name: string): Promise<IamUserRecord>;
  getRole(name: string): Promise<IamRoleRecord>;
  listGroupsForUser(name: string): Promise<{ name: string; arn: string; id: string }[]>;
  listAttachedPolicies(kind: PrincipalKind, name: string): Promise<{ name: string; arn: string }[]>;
  listInlinePolicyNames(kind: PrincipalKind, name: string): Promise<string[]>;
  getInlinePolicy(kind: PrincipalKind, name: string, policyName: string): Promise<unknown>;
  /** GetPolicy, then GetPolicyVersion of its default version. */
  getManagedPolicy(arn: string): Promise<ManagedPolicyRecord>;
  listAccessKeys(userName: string): Promise<{ accessKeyId: string; status: string; createDate: string | null }[]>;
  getAccessKeyLastUsed(accessKeyId: string): Promise<{ date: string; serviceName: string | null; region: string | null } | null>;
  /** The user a long-term key (AKIA…) belongs to, from GetAccessKeyLastUsed's UserName. */
  accessKeyOwner(accessKeyId: string): Promise<string | null>;
  listMfaDevices(userName: string): Promise<{ serialNumber: string; enableDate: string | null }[]>;
  /** The console password; NoSuchEntity means the user has none. */
  getLoginProfile(userName: string): Promise<{ createDate: string | null; passwordResetRequired: boolean | null }>;
  generateServiceLastAccessedDetails(arn: string): Promise<string>;
  getServiceLastAccessedDetails(jobId: string): Promise<LastAccessedPage>;
  /** GenerateCredentialReport's state: STARTED, INPROGRESS or COMPLETE. */
  generateCredentialReport(): Promise<string>;
  /** The report's CSV text and when IAM generated it. */
  getCredentialReport(): Promise<{ csv: string; generatedAt: string | null }>;
}

/** The IAM action each read makes first, for "not allowed for this profile: iam:X". */
export const actionOf: Record<keyof IamReads, string> = {
  getUser: 'GetUser',
  getRole: 'GetRole',
  listGroupsForUser: 'ListGroupsForUser',
  listAttachedPolicies: 'ListAttached*Policies',
  listInlinePolicyNames: 'List*Policies',
  getInlinePolicy: 'Get*Policy',
  getManagedPolicy: 'GetPolicy',
  listAccessKeys: 'ListAccessKeys',
  getAccessKeyLastUsed: 'GetAccessKeyLastUsed',
  accessKeyOwner: 'GetAccessKeyLastUsed',
  listMfaDevices: 'ListMFADevices',
  getLoginProfile: 'GetLoginProfile',
  generateServiceLastAccessedDetails: 'GenerateServiceLastAccessedDetails',
  getServiceLastAccessedDetails: 'GetServiceLastAccessedDetails',
  generateCredentialReport: 'GenerateCredentialReport',
  getCredentialReport: 'GetCredentialReport',
};

/** A policy document as IAM sends it (URL-encoded JSON) decoded; null when it is not JSON. */
export function decodeDocument(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(decodeURIComponent(text)) as unknown;
  } catch {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }
}
