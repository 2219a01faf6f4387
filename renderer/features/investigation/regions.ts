/** Regions offered in the form; the analyst can also type any other valid region. */
export const knownRegions = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1',
  'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'me-south-1', 'af-south-1',
] as const;

/** Why us-east-1 matters: global services record their events there. */
export const usEast1Reason =
  'Global services (IAM, the STS global endpoint, CloudFront, console sign-in) record their events in us-east-1: keep it to see them.';
