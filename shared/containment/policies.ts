/** AWS's managed policy that denies every action (`"Effect": "Deny", "Action": "*"`). */
export const DENY_ALL_POLICY_ARN = 'arn:aws:iam::aws:policy/AWSDenyAll';

/**
 * The inline policy revoke-sessions puts on the identity. AWS's console names its own
 * `AWSRevokeOlderSessions`; ours has its own name so undo never removes one the console wrote.
 */
export const REVOKE_POLICY_NAME = 'TrailcaseRevokeOlderSessions';

/**
 * The policy document of AWS's console "Revoke active sessions": deny everything to credentials
 * issued before `at`. Long-term access keys carry no `aws:TokenIssueTime`, so they are not denied.
 * Written compactly, as sent in PutUserPolicy/PutRolePolicy's PolicyDocument.
 */
export function revokeSessionsDocument(at: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: ['*'],
        Resource: ['*'],
        Condition: { DateLessThan: { 'aws:TokenIssueTime': at } },
      },
    ],
  });
}

/** The actions SimulatePrincipalPolicy is asked about to verify a deny: a read, a write, an escalation. */
export const VERIFY_ACTIONS = ['iam:CreateAccessKey', 's3:GetObject', 'ec2:DescribeInstances'] as const;

/** Default quota of managed policies attached to one user or role (AttachUserPolicy fails past it). */
export const MANAGED_POLICY_QUOTA = 10;
