import { ApiError } from '../../../../shared/api/errors';
import { TRAIL_FOLDER } from '../../../../shared/athena/trail-folder';
import { athenaName } from './athena-sql';

/**
 * The columns of the CloudTrail table as AWS documents it ("Create the table for CloudTrail logs
 * in Athena using partition projection", Athena User Guide), in its order and spelling. The
 * record mapping (record-columns.ts) and the fake read this same text.
 */
export const CLOUDTRAIL_COLUMNS = `    eventversion STRING,
    useridentity STRUCT<
        type: STRING,
        principalid: STRING,
        arn: STRING,
        accountid: STRING,
        invokedby: STRING,
        accesskeyid: STRING,
        username: STRING,
        onbehalfof: STRUCT<
             userid: STRING,
             identitystorearn: STRING>,
        sessioncontext: STRUCT<
            attributes: STRUCT<
                mfaauthenticated: STRING,
                creationdate: STRING>,
            sessionissuer: STRUCT<
                type: STRING,
                principalid: STRING,
                arn: STRING,
                accountid: STRING,
                username: STRING>,
            ec2roledelivery:string,
            webidfederationdata: STRUCT<
                federatedprovider: STRING,
                attributes: map<string,string>>
        >
    >,
    eventtime STRING,
    eventsource STRING,
    eventname STRING,
    awsregion STRING,
    sourceipaddress STRING,
    useragent STRING,
    errorcode STRING,
    errormessage STRING,
    requestparameters STRING,
    responseelements STRING,
    additionaleventdata STRING,
    requestid STRING,
    eventid STRING,
    readonly STRING,
    resources ARRAY<STRUCT<
        arn: STRING,
        accountid: STRING,
        type: STRING>>,
    eventtype STRING,
    apiversion STRING,
    recipientaccountid STRING,
    serviceeventdetails STRING,
    sharedeventid STRING,
    vpcendpointid STRING,
    vpcendpointaccountid STRING,
    eventcategory STRING,
    addendum STRUCT<
      reason:STRING,
      updatedfields:STRING,
      originalrequestid:STRING,
      originaleventid:STRING>,
    sessioncredentialfromconsole STRING,
    edgedevicedetails STRING,
    tlsdetails STRUCT<
      tlsversion:STRING,
      ciphersuite:STRING,
      clientprovidedhostheader:STRING>`;

/**
 * The first day the projection covers: CloudTrail's launch (November 2013), so every log a trail
 * ever wrote is inside it. Only a query's bound on `timestamp` limits what is scanned.
 */
export const PROJECTION_START = '2013/11/01';

/** The location, with its trailing slash; refused (BAD_INPUT) when it is not a trail's region folder (shared/athena/trail-folder.ts). */
export function trailLocation(location: string): string {
  const withSlash = location.endsWith('/') ? location : `${location}/`;
  if (!TRAIL_FOLDER.test(withSlash))
    throw new ApiError(
      'BAD_INPUT',
      `${JSON.stringify(location)} is not a trail's region folder: give s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/REGION/ (with o-ORG/ before the account for an organisation trail).`,
    );
  return withSlash;
}

/**
 * The CREATE EXTERNAL TABLE statement AWS documents for one account and region: partition
 * projection on `timestamp` (yyyy/MM/dd, one partition a day) and the storage template under the
 * trail's folder. Names and location are checked before they are put in the text.
 */
export function cloudtrailTableDdl(target: { database: string; table: string; location: string }): string {
  const location = trailLocation(target.location);
  if (location.includes("'")) throw new ApiError('BAD_INPUT', 'The table location may not contain a quote.');
  return `CREATE EXTERNAL TABLE \`${athenaName(target.database)}\`.\`${athenaName(target.table)}\`(
${CLOUDTRAIL_COLUMNS}
  )
PARTITIONED BY (
   \`timestamp\` string)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION
  '${location}'
TBLPROPERTIES (
  'projection.enabled'='true',
  'projection.timestamp.format'='yyyy/MM/dd',
  'projection.timestamp.interval'='1',
  'projection.timestamp.interval.unit'='DAYS',
  'projection.timestamp.range'='${PROJECTION_START},NOW',
  'projection.timestamp.type'='date',
  'storage.location.template'='${location}\${timestamp}')`;
}
