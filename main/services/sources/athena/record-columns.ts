/**
 * How a row of the CloudTrail table becomes a CloudTrail record again (DESIGN 2.1), by a fixed
 * typed mapping: each selected value is one documented column or struct field, read by its dot
 * path so Athena returns it as plain text (a whole struct would come back in Athena's own
 * `{a=b}` notation, which cannot be parsed back).
 *
 * NULL: Athena sends no value for a NULL, and a row cannot tell a key that was absent from one
 * that held JSON null. `requestParameters` and `responseElements` are in every record CloudTrail
 * writes (null when there are none), so NULL there is `null`; any other NULL leaves its key out,
 * and a struct left with no key is left out. What a row cannot carry: fields the table has no
 * column for (`managementEvent`, `eventContext`, `userIdentity.credentialId`,
 * `sessionContext.sourceIdentity`, `insightDetails`…), the key order, and the exact text of
 * numbers inside the JSON columns (Athena re-serialises them); the values themselves survive.
 */
type Kind = 'text' | 'json' | 'boolean' | 'resources' | 'map';

interface Column {
  sql: string;
  alias: string;
  path: string[];
  kind: Kind;
  /** Written as null when the column is NULL (the keys CloudTrail always writes). */
  alwaysPresent?: boolean;
}

const column = (sql: string, path: string, kind: Kind = 'text', alwaysPresent = false): Column => ({
  sql: kind === 'resources' || kind === 'map' ? `json_format(CAST(${sql} AS JSON))` : sql,
  alias: sql.replaceAll('.', '_'),
  path: path.split('.'),
  kind,
  ...(alwaysPresent ? { alwaysPresent } : {}),
});

const issuer = 'useridentity.sessioncontext.sessionissuer';
const session = 'userIdentity.sessionContext';

/** The selected values, in the order of a CloudTrail record's keys. */
export const SELECTED_COLUMNS: readonly Column[] = [
  column('eventversion', 'eventVersion'),
  column('useridentity.type', 'userIdentity.type'),
  column('useridentity.principalid', 'userIdentity.principalId'),
  column('useridentity.arn', 'userIdentity.arn'),
  column('useridentity.accountid', 'userIdentity.accountId'),
  column('useridentity.accesskeyid', 'userIdentity.accessKeyId'),
  column('useridentity.username', 'userIdentity.userName'),
  column('useridentity.onbehalfof.userid', 'userIdentity.onBehalfOf.userId'),
  column('useridentity.onbehalfof.identitystorearn', 'userIdentity.onBehalfOf.identityStoreArn'),
  column(`${issuer}.type`, `${session}.sessionIssuer.type`),
  column(`${issuer}.principalid`, `${session}.sessionIssuer.principalId`),
  column(`${issuer}.arn`, `${session}.sessionIssuer.arn`),
  column(`${issuer}.accountid`, `${session}.sessionIssuer.accountId`),
  column(`${issuer}.username`, `${session}.sessionIssuer.userName`),
  column('useridentity.sessioncontext.webidfederationdata.federatedprovider', `${session}.webIdFederationData.federatedProvider`),
  column('useridentity.sessioncontext.webidfederationdata.attributes', `${session}.webIdFederationData.attributes`, 'map'),
  column('useridentity.sessioncontext.attributes.creationdate', `${session}.attributes.creationDate`),
  column('useridentity.sessioncontext.attributes.mfaauthenticated', `${session}.attributes.mfaAuthenticated`),
  column('useridentity.sessioncontext.ec2roledelivery', `${session}.ec2RoleDelivery`),
  column('useridentity.invokedby', 'userIdentity.invokedBy'),
  column('eventtime', 'eventTime'),
  column('eventsource', 'eventSource'),
  column('eventname', 'eventName'),
  column('awsregion', 'awsRegion'),
  column('sourceipaddress', 'sourceIPAddress'),
  column('useragent', 'userAgent'),
  column('errorcode', 'errorCode'),
  column('errormessage', 'errorMessage'),
  column('requestparameters', 'requestParameters', 'json', true),
  column('responseelements', 'responseElements', 'json', true),
  column('additionaleventdata', 'additionalEventData', 'json'),
  column('requestid', 'requestID'),
  column('eventid', 'eventID'),
  column('readonly', 'readOnly', 'boolean'),
  column('resources', 'resources', 'resources'),
  column('eventtype', 'eventType'),
  column('apiversion', 'apiVersion'),
  column('recipientaccountid', 'recipientAccountId'),
  column('serviceeventdetails', 'serviceEventDetails', 'json'),
  column('sharedeventid', 'sharedEventID'),
  column('vpcendpointid', 'vpcEndpointId'),
  column('vpcendpointaccountid', 'vpcEndpointAccountId'),
  column('eventcategory', 'eventCategory'),
  column('addendum.reason', 'addendum.reason'),
  column('addendum.updatedfields', 'addendum.updatedFields'),
  column('addendum.originalrequestid', 'addendum.originalRequestID'),
  column('addendum.originaleventid', 'addendum.originalEventID'),
  column('sessioncredentialfromconsole', 'sessionCredentialFromConsole'),
  column('edgedevicedetails', 'edgeDeviceDetails', 'json'),
  column('tlsdetails.tlsversion', 'tlsDetails.tlsVersion'),
  column('tlsdetails.ciphersuite', 'tlsDetails.cipherSuite'),
  column('tlsdetails.clientprovidedhostheader', 'tlsDetails.clientProvidedHostHeader'),
];

/** An object or array column's JSON text parsed back; anything else (a plain string) as it came. */
function parseJsonText(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `resources` as CloudTrail writes it: ARN, accountId, type (rows as objects or, on Presto, as arrays). */
function resourcesOf(text: string): unknown {
  const parsed = parseJsonText(text);
  if (!Array.isArray(parsed)) return parsed;
  return parsed.map((item: unknown) => {
    const [arn, accountId, type] = Array.isArray(item) ? (item as unknown[]) : [0, 1, 2].map((index) => (item as Record<string, unknown> | null)?.[['arn', 'accountid', 'type'][index]!]);
    return Object.fromEntries(Object.entries({ ARN: arn, accountId, type }).filter(([, value]) => value !== null && value !== undefined));
  });
}

function valueOf(kind: Kind, text: string): unknown {
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (kind === 'resources') return resourcesOf(text);
  if (kind === 'json' || kind === 'map') return parseJsonText(text);
  return text;
}

/** The record a row's values (in SELECTED_COLUMNS' order, null for NULL) stand for. */
export function rowToRecord(values: readonly (string | null | undefined)[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  SELECTED_COLUMNS.forEach((selected, index) => {
    const text = values[index];
    if (text === null || text === undefined) {
      if (selected.alwaysPresent) record[selected.path[0]!] = null;
      return;
    }
    let target = record;
    for (const key of selected.path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[selected.path.at(-1)!] = valueOf(selected.kind, text);
  });
  return record;
}
