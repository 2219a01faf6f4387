/**
 * The regions each AWS partition enables for every account, without opting in (AWS's "Regions
 * enabled by default"), as of 2026. Opt-in regions (af-south-1, ap-east-1, eu-south-1,
 * me-south-1, il-central-1 and the others launched since March 2019) are left out: an account
 * that enabled one is read through the account's own API, and this list is only the fallback
 * when that call is denied or fails.
 */
export const partitionDefaultRegions = {
  aws: [
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
    'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
    'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
} as const satisfies Record<string, readonly string[]>;

export type Partition = keyof typeof partitionDefaultRegions;

/** The partition a region belongs to, read from its name (`cn-…`, `us-gov-…`, else `aws`). */
export function partitionOf(region: string | null | undefined): Partition {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The default regions of the partition of `region` (the profile's region), as a new array. */
export function defaultRegionsOf(region: string | null | undefined): string[] {
  return [...partitionDefaultRegions[partitionOf(region)]];
}
