const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The AWS account an access key id belongs to, read from the id itself: after the four-letter
 * prefix (AKIA, ASIA…) the next 48 bits, base32-coded, hold the account number (bits 1–40). This
 * is how `sts:GetAccessKeyInfo` answers, and it needs no call, so two profiles with keys of one
 * account share one rate limiter (CloudTrail counts calls per account and region). Keys of the
 * old format (the fifth character I or J) do not carry it: null.
 */
export function accountOfAccessKey(accessKeyId: string): string | null {
  if (!/^A[A-Z]{3}[A-Z2-7]{16}$/.test(accessKeyId) || 'IJ'.includes(accessKeyId[4]!)) return null;
  let bits = 0n;
  for (const char of accessKeyId.slice(4, 14)) bits = (bits << 5n) | BigInt(alphabet.indexOf(char));
  const first48 = bits >> 2n; // ten characters hold 50 bits; the first 48 are the 6 bytes read
  const account = (first48 & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}
