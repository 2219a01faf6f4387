/** The kinds of risky permission, as DESIGN 2.2 names them. */
export type RiskCategory = 'admin' | 'privilege-escalation' | 'credential-exposure' | 'resource-exposure' | 'data-access';

/**
 * One risky permission: the actions that together make it (all are needed), what it lets the
 * holder do, and where the field documents it.
 */
export interface RiskEntry {
  id: string;
  category: RiskCategory;
  severity: 'medium' | 'high' | 'critical';
  actions: string[];
  title: string;
  /** Only a grant on every resource counts (data access without resource limits). */
  anyResourceOnly?: boolean;
  /** A grant limited to the caller's own user (`${aws:username}`) does not count. */
  othersOnly?: boolean;
  references: string[];
}

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const GLOSSARY = 'https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/';
const CLOUDSPLAINING_ESC = `${GLOSSARY}privilege-escalation.md`;
const ATTACK_ACCOUNT = 'https://attack.mitre.org/techniques/T1098/';
const ATTACK_CREDS = 'https://attack.mitre.org/techniques/T1552/';

const escalation = (id: string, actions: string[], title: string, extra: Partial<RiskEntry> = {}): RiskEntry => ({
  id: `privesc-${id}`,
  category: 'privilege-escalation',
  severity: 'critical',
  actions,
  title,
  references: [RHINO, CLOUDSPLAINING_ESC, ATTACK_ACCOUNT],
  ...extra,
});

/** Privilege-escalation methods as Cloudsplaining lists them (after Rhino Security Labs' research). */
export const ESCALATIONS: RiskEntry[] = [
  escalation('create-policy-version', ['iam:CreatePolicyVersion'], 'Can write a new default version of a managed policy it holds, granting itself anything'),
  escalation('set-default-policy-version', ['iam:SetDefaultPolicyVersion'], 'Can switch a managed policy to an older, broader version'),
  escalation('create-access-key', ['iam:CreateAccessKey'], "Can create access keys for other users and act as them", { othersOnly: true }),
  escalation('create-login-profile', ['iam:CreateLoginProfile'], 'Can give other users a console password and sign in as them', { othersOnly: true }),
  escalation('update-login-profile', ['iam:UpdateLoginProfile'], "Can change other users' console passwords and sign in as them", { othersOnly: true }),
  escalation('attach-user-policy', ['iam:AttachUserPolicy'], 'Can attach any managed policy (AdministratorAccess) to a user'),
  escalation('attach-group-policy', ['iam:AttachGroupPolicy'], 'Can attach any managed policy to a group it is in'),
  escalation('attach-role-policy', ['iam:AttachRolePolicy', 'sts:AssumeRole'], 'Can attach any managed policy to a role and assume it'),
  escalation('put-user-policy', ['iam:PutUserPolicy'], 'Can write an inline policy granting anything to a user'),
  escalation('put-group-policy', ['iam:PutGroupPolicy'], 'Can write an inline policy granting anything to a group it is in'),
  escalation('put-role-policy', ['iam:PutRolePolicy', 'sts:AssumeRole'], 'Can write an inline policy on a role and assume it'),
  escalation('add-user-to-group', ['iam:AddUserToGroup'], 'Can add itself to a more privileged group'),
  escalation('update-assume-role-policy', ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], "Can rewrite a role's trust policy to let itself assume it"),
  escalation('pass-role-ec2', ['iam:PassRole', 'ec2:RunInstances'], 'Can start an instance with a more privileged role and use its credentials'),
  escalation('pass-role-lambda-invoke', ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], 'Can create a function with a more privileged role and run it'),
  escalation('pass-role-lambda-event-source', ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], 'Can create a function with a privileged role and trigger it from an event source'),
  escalation('update-lambda-code', ['lambda:UpdateFunctionCode'], "Can replace an existing function's code and run as its role", { severity: 'high' }),
  escalation('pass-role-cloudformation', ['iam:PassRole', 'cloudformation:CreateStack'], 'Can create a stack that runs with a more privileged role'),
  escalation('pass-role-glue', ['iam:PassRole', 'glue:CreateDevEndpoint'], 'Can create a Glue development endpoint with a privileged role and log in to it'),
  escalation('update-glue-endpoint', ['glue:UpdateDevEndpoint'], "Can add its SSH key to an existing Glue endpoint and use its role", { severity: 'high' }),
  escalation('pass-role-datapipeline', ['iam:PassRole', 'datapipeline:CreatePipeline'], 'Can create a data pipeline that runs commands with a privileged role'),
  escalation('pass-role-codebuild', ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'], 'Can create and start a build project that runs with a privileged role'),
  escalation('pass-role-sagemaker', ['iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'], 'Can open a SageMaker notebook running with a privileged role'),
];

const exposure = (action: string, title: string, severity: RiskEntry['severity'] = 'high'): RiskEntry => ({
  id: `credentials-${action.replace(':', '-').toLowerCase()}`,
  category: 'credential-exposure',
  severity,
  actions: [action],
  title,
  references: [`${GLOSSARY}credentials-exposure.md`, ATTACK_CREDS],
});

/** Actions that hand out credentials or secrets (Cloudsplaining's credentials exposure, and secret stores). */
export const CREDENTIAL_EXPOSURES: RiskEntry[] = [
  exposure('iam:CreateAccessKey', 'Creates long-term access keys'),
  exposure('iam:UpdateAccessKey', 'Re-activates access keys that were turned off', 'medium'),
  exposure('iam:CreateServiceSpecificCredential', 'Creates service passwords (CodeCommit, Keyspaces)', 'medium'),
  exposure('secretsmanager:GetSecretValue', 'Reads secret values from Secrets Manager'),
  exposure('ssm:GetParameter', 'Reads parameters, SecureString ones decrypted'),
  exposure('ssm:GetParameters', 'Reads parameters in bulk, SecureString ones decrypted'),
  exposure('ssm:GetParametersByPath', 'Reads every parameter under a path'),
  exposure('sts:GetFederationToken', 'Mints federated session credentials that outlive a key deactivation'),
  exposure('sts:GetSessionToken', 'Mints session credentials from its keys', 'medium'),
  exposure('ecr:GetAuthorizationToken', 'Gets registry credentials for pulling and pushing images', 'medium'),
  exposure('ec2:GetPasswordData', 'Reads Windows instances\' administrator passwords'),
  exposure('redshift:GetClusterCredentials', 'Gets database credentials for Redshift clusters'),
  exposure('lightsail:GetInstanceAccessDetails', 'Gets SSH keys and passwords of Lightsail instances'),
];

const resourcePolicy = (action: string, title: string): RiskEntry => ({
  id: `resource-${action.replace(':', '-').toLowerCase()}`,
  category: 'resource-exposure',
  severity: 'high',
  actions: [action],
  title,
  references: [`${GLOSSARY}resource-exposure.md`, 'https://attack.mitre.org/techniques/T1537/'],
});

/** Actions that change who else may use a resource (resource policies), so data can be shared out. */
export const RESOURCE_EXPOSURES: RiskEntry[] = [
  resourcePolicy('s3:PutBucketPolicy', 'Rewrites bucket policies (can open a bucket to another account or to everyone)'),
  resourcePolicy('s3:PutBucketAcl', 'Changes bucket ACLs'),
  resourcePolicy('s3:PutObjectAcl', 'Makes objects readable by others'),
  resourcePolicy('s3:DeleteBucketPolicy', 'Removes bucket policies'),
  resourcePolicy('kms:PutKeyPolicy', 'Rewrites key policies (can hand a key to another account)'),
  resourcePolicy('kms:CreateGrant', 'Grants others the use of a key'),
  resourcePolicy('lambda:AddPermission', 'Lets other accounts or services invoke a function'),
  resourcePolicy('sns:SetTopicAttributes', "Rewrites a topic's access policy"),
  resourcePolicy('sns:AddPermission', 'Lets other accounts publish or subscribe to a topic'),
  resourcePolicy('sqs:SetQueueAttributes', "Rewrites a queue's access policy"),
  resourcePolicy('sqs:AddPermission', 'Lets other accounts use a queue'),
  resourcePolicy('secretsmanager:PutResourcePolicy', "Rewrites a secret's resource policy"),
  resourcePolicy('ecr:SetRepositoryPolicy', "Rewrites an image repository's policy"),
  resourcePolicy('ec2:ModifySnapshotAttribute', 'Shares EBS snapshots with other accounts'),
  resourcePolicy('rds:ModifyDBSnapshotAttribute', 'Shares database snapshots with other accounts'),
  resourcePolicy('glacier:SetVaultAccessPolicy', "Rewrites a vault's access policy"),
];

const dataAccess = (action: string, title: string): RiskEntry => ({
  id: `data-${action.replace(':', '-').toLowerCase()}`,
  category: 'data-access',
  severity: 'medium',
  actions: [action],
  title,
  anyResourceOnly: true,
  references: [`${GLOSSARY}data-exfiltration.md`, 'https://attack.mitre.org/techniques/T1530/'],
});

/** Reads of stored data granted on every resource, not on named buckets, tables or queues. */
export const DATA_ACCESS: RiskEntry[] = [
  dataAccess('s3:GetObject', 'Reads every object in every bucket'),
  dataAccess('dynamodb:Scan', 'Reads whole DynamoDB tables'),
  dataAccess('dynamodb:Query', 'Queries every DynamoDB table'),
  dataAccess('dynamodb:GetItem', 'Reads items of every DynamoDB table'),
  dataAccess('rds-data:ExecuteStatement', 'Runs SQL on every Aurora cluster with the Data API'),
  dataAccess('sqs:ReceiveMessage', 'Reads messages of every queue'),
  dataAccess('kinesis:GetRecords', 'Reads every Kinesis stream'),
  dataAccess('logs:GetLogEvents', 'Reads every log group'),
  dataAccess('athena:GetQueryResults', 'Reads the results of every Athena query'),
  dataAccess('ebs:GetSnapshotBlock', 'Reads the blocks of every EBS snapshot'),
];

/** Every entry, most severe categories first. */
export const RISK_CATALOGUE: RiskEntry[] = [...ESCALATIONS, ...CREDENTIAL_EXPOSURES, ...RESOURCE_EXPOSURES, ...DATA_ACCESS];
