import { field, observed, region, type ConsoleSignature } from '../signature';
import { keys } from './keys';

const fn = (from: string): ReturnType<typeof field> => field(from, ['requestParameters.functionName'], 'a function');

/** Lambda: the function list, a function's page, and code or configuration edits. */
export const lambdaSignatures: readonly ConsoleSignature[] = [
  {
    id: 'lambda.functions.list',
    service: 'Lambda',
    anchor: keys('lambda', 'ListFunctions'),
    required: keys('lambda', 'ListFunctions'),
    optional: keys('lambda', 'GetAccountSettings'),
    userAgent: 'console',
    label: ['Opened Lambda › Functions in ', region],
    references: [observed('Functions: ListFunctions20150331 and GetAccountSettings20160819')],
  },
  {
    id: 'lambda.function.detail',
    service: 'Lambda',
    anchor: keys('lambda', 'GetFunction'),
    required: keys('lambda', 'GetFunction'),
    optional: keys('lambda', 'GetFunctionCodeSigningConfig', 'GetPolicy', 'ListAliases', 'ListVersionsByFunction', 'GetFunctionConcurrency', 'ListTags', 'GetFunctionUrlConfig', 'ListFunctionUrlConfigs', 'ListEventSourceMappings', 'GetFunctionEventInvokeConfig', 'GetRuntimeManagementConfig', 'GetAccountSettings', 'ListProvisionedConcurrencyConfigs', 'GetFunctionRecursionConfig'),
    userAgent: 'console',
    label: ['Opened Lambda function ', fn('lambda:GetFunction'), ' in ', region],
    references: [observed('Function page: GetFunction20150331v2 and the tabs’ reads')],
  },
  {
    id: 'lambda.function.code-edit',
    service: 'Lambda',
    anchor: keys('lambda', 'UpdateFunctionCode'),
    required: keys('lambda', 'UpdateFunctionCode'),
    optional: keys('lambda', 'GetFunction', 'GetFunctionConfiguration'),
    userAgent: 'console',
    priority: 1,
    label: ['Deployed new code to Lambda function ', fn('lambda:UpdateFunctionCode')],
    references: [observed('Code source › Deploy: UpdateFunctionCode20150331v2')],
  },
  {
    id: 'lambda.function.config-edit',
    service: 'Lambda',
    anchor: keys('lambda', 'UpdateFunctionConfiguration'),
    required: keys('lambda', 'UpdateFunctionConfiguration'),
    optional: keys('lambda', 'GetFunction', 'GetFunctionConfiguration'),
    userAgent: 'console',
    priority: 1,
    label: ['Changed the configuration of Lambda function ', fn('lambda:UpdateFunctionConfiguration')],
    references: [observed('Configuration › Edit: UpdateFunctionConfiguration20150331v2')],
  },
  {
    id: 'lambda.function.create',
    service: 'Lambda',
    anchor: keys('lambda', 'CreateFunction'),
    required: keys('lambda', 'CreateFunction'),
    optional: [...keys('lambda', 'GetFunction', 'ListFunctions'), ...keys('iam', 'CreateRole', 'CreatePolicy', 'AttachRolePolicy', 'ListRoles')],
    window: { before: 10, after: 10 },
    userAgent: 'console',
    priority: 2,
    label: ['Created Lambda function ', fn('lambda:CreateFunction'), ' in ', region],
    references: [observed('Create function: the console creates the execution role first')],
  },
];
