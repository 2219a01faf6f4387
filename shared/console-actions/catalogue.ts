import type { ConsoleSignature } from './signature';
import { accountSignatures } from './signatures/account';
import { cloudTrailSignatures } from './signatures/cloudtrail';
import { ec2Signatures } from './signatures/ec2';
import { iamSignatures } from './signatures/iam';
import { lambdaSignatures } from './signatures/lambda';
import { operationsSignatures } from './signatures/operations';
import { s3Signatures } from './signatures/s3';
import { secretSignatures } from './signatures/secrets';

/** Every console-action signature Trailcase knows, in the order ties are broken. */
export const consoleSignatures: readonly ConsoleSignature[] = [
  ...accountSignatures,
  ...iamSignatures,
  ...ec2Signatures,
  ...s3Signatures,
  ...cloudTrailSignatures,
  ...lambdaSignatures,
  ...secretSignatures,
  ...operationsSignatures,
];
