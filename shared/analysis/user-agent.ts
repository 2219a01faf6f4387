/**
 * A user agent reduced to what identifies the client: its family and version (`aws-cli/2.15.30`,
 * `Boto3/1.34.84`, `Chrome/130` for a browser, `console.amazonaws.com`), so a new patch of the
 * OS or a different command does not read as a new client, while a new tool or version does.
 */
const browsers: ReadonlyArray<[family: string, pattern: RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\bOPR\/(\d+)/],
  ['Firefox', /\bFirefox\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

const maxLength = 80;
const metadataToken = /^(?:APN|HashiCorp|md|ua|os|lang|exec-env|cfg|api|m|feat|app|command|exe|prompt)\//i;

/** The client family and version of a user agent, or the trimmed text itself when it has no product token. */
export function userAgentFamily(userAgent: string): string {
  const text = userAgent.trim().replace(/^\[(.*)\]$/s, '$1').trim();
  if (!text) return '';
  if (text.startsWith('Mozilla/')) {
    for (const [family, pattern] of browsers) {
      const match = pattern.exec(text);
      if (match) return `${family}/${match[1]}`;
    }
    return 'browser';
  }
  const tokens = text.split(/[\s,]+/);
  // Partner and metadata parts (`APN/1.0 HashiCorp/1.0 Terraform/1.9.8`, `exec-env/…`, `md/…`, `ua/2.0`) name no client.
  const client = tokens.find((token) => !metadataToken.test(token)) ?? tokens[0]!;
  const product = /^([A-Za-z][\w.-]*)\/(v?\d[\w.-]*)/.exec(client);
  if (product) return `${product[1]}/${product[2]}`.slice(0, maxLength);
  return client.slice(0, maxLength);
}

/** The family alone (`aws-cli` of `aws-cli/2.15.30`, `Chrome` of `Chrome/130`): a new version of a known client is not a new client. */
export function userAgentFamilyName(userAgent: string): string {
  const family = userAgentFamily(userAgent);
  const slash = family.indexOf('/');
  return slash > 0 ? family.slice(0, slash) : family;
}
