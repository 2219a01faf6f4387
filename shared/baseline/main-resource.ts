import type { NormalizedEvent } from '../records/types';

/** Request parameters that name what a call acts on, most specific first. */
const namingParameters = [
  'functionName',
  'bucketName',
  'secretId',
  'keyId',
  'roleName',
  'userName',
  'groupName',
  'policyArn',
  'name',
  'trailName',
  'groupId',
  'instanceId',
  'tableName',
  'repositoryName',
  'stackName',
  'clusterName',
  'topicArn',
  'queueUrl',
  'parameterName',
  'logGroupName',
] as const;

const maxLength = 200;

/**
 * The one resource a call is mainly about, as its ARN or name: the record's first `resources`
 * entry, else the first naming request parameter, else '' (a list call acts on nothing named).
 */
export function mainResourceOf(event: NormalizedEvent): string {
  if (event.resources.length > 0) return event.resources[0]!.slice(0, maxLength);
  const parameters = event.record?.requestParameters;
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) return '';
  const values = parameters as Record<string, unknown>;
  for (const key of namingParameters) {
    const value = values[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, maxLength);
  }
  const instances = (values.instancesSet as { items?: Array<{ instanceId?: unknown }> } | undefined)?.items;
  const instance = Array.isArray(instances) ? instances[0]?.instanceId : undefined;
  return typeof instance === 'string' ? instance.slice(0, maxLength) : '';
}

/** A resource's short name for lines of text: `arn:aws:lambda:…:function:billing-sync` → `billing-sync`. */
export function shortResourceName(resource: string): string {
  if (!resource.startsWith('arn:')) return resource;
  const rest = resource.split(':').slice(5).join(':');
  const name = rest.split(/[/:]/).filter(Boolean).pop();
  return name || resource;
}
