/**
 * What Trailcase knows about one source address, from offline data sets (DESIGN 2.6 `sources`).
 * Enrichment never pretends (PROMISES 22): a value from a missing data set is null ("unknown"),
 * never false or "not AWS"; every answer names the data sets and dates it came from.
 */

/** What kind of value CloudTrail put in `sourceIPAddress`. Only `public` is looked up. */
export type AddressKind =
  | 'public'
  /** RFC 1918, loopback, link-local, CGNAT, ULA, documentation ranges… */
  | 'private'
  /** `AWS Internal`: a call AWS made inside its own network. */
  | 'aws-internal'
  /** A service name such as `signin.amazonaws.com` or `lambda.amazonaws.com`. */
  | 'service'
  /** Empty or not an address at all. */
  | 'invalid';

/** One data set in use: which, where it came from, and how old it is. */
export interface DatasetInfo {
  /** `ip-country`, `ip-asn`, `aws-ip-ranges`, `tor-exits`. */
  id: 'ip-country' | 'ip-asn' | 'aws-ip-ranges' | 'tor-exits';
  /** Human name, for the app and the README's credits (e.g. "ip-location-db geo-whois-asn-country (CC BY 4.0)"). */
  name: string;
  /** `bundled` (from the npm package), `imported` (intel import / Update). */
  origin: 'bundled' | 'imported';
  /** The data set's own date (ISO), or null when it does not say. */
  date: string | null;
  /** Entries loaded (ranges, exits…). */
  entries: number;
  /** Where it came from: the npm package and version, the imported file's name, or the URL downloaded. */
  source?: string;
  /** When it was imported or downloaded (ISO); absent for bundled data. */
  importedAt?: string;
  /** The licence and the credit it asks for, for the app's About and the README. */
  credit?: string;
}

/** The id of a data set. */
export type DatasetId = DatasetInfo['id'];

/** The enrichment of one address at one moment (Tor membership depends on time). */
export interface AddressIntel {
  ip: string;
  kind: AddressKind;
  /** ISO 3166-1 alpha-2, or null when unknown or not looked up. */
  country: string | null;
  asn: number | null;
  asOrg: string | null;
  /** The AWS service of the most specific AWS range holding it (`EC2`, `AMAZON`…), null when unknown or missing data. */
  aws: string | null;
  /** The AWS region of that range (`us-east-1`, `GLOBAL`), null otherwise. */
  awsRegion: string | null;
  /** true / false when the Tor data set covers the time, null when it is missing or does not. */
  tor: boolean | null;
  /**
   * Whether AWS lists the address at all: true / false with the AWS data set loaded, null when it
   * is missing or the address is not public (so "not AWS" is never read from a missing data set).
   */
  inAws?: boolean | null;
}

/** Looks addresses up in the loaded data sets; pure and synchronous once loaded. */
export interface IpEnricher {
  /** `atMs`: the event's time, for data that changes over time (Tor exits). */
  lookup(address: string, atMs: number): AddressIntel;
  /** The data sets behind the answers, for "which data set and date" in every view. */
  datasets(): readonly DatasetInfo[];
}
