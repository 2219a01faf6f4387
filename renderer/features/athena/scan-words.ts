import type { AthenaScanEstimate } from '../../../shared/api/athena-contract';

const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Bytes in human units, 1024 apiece as Athena bills: "512 bytes", "12.3 MB", "1.50 TB". */
export function sizeWords(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${units[unit]}`;
}

/** Dollars with cents, or two significant digits below a cent ("$0.000048"): a tiny bill is still not free. */
export function usdWords(usd: number): string {
  if (usd >= 0.01) return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return usd === 0 ? '$0.00' : `$${usd.toPrecision(2)}`;
}

/** "40.0 GB in 12 objects over 3 days (billed 40.0 GB)". */
export function scanWords(estimate: AthenaScanEstimate): string {
  const objects = `${estimate.objects.toLocaleString('en-US')} ${estimate.objects === 1 ? 'object' : 'objects'}`;
  const days = `${estimate.days.toLocaleString('en-US')} ${estimate.days === 1 ? 'day' : 'days'}`;
  return `${sizeWords(estimate.bytes)} in ${objects} over ${days} (billed ${sizeWords(estimate.billedBytes)})`;
}
