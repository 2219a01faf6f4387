import { countryPoints, defaultRadiusKm } from './country-points';

const earthRadiusKm = 6371;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two points (haversine), in km. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRadians(lat2 - lat1);
  const dLon = toRadians(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The least distance the data allows between two places in two countries: centre to centre,
 * minus each country's radius (0 when they may touch); null when a country is not in the table.
 */
export function leastDistanceKm(countryA: string, countryB: string): number | null {
  // Own keys only: a country code comes from a data set the analyst may have imported.
  if (!Object.hasOwn(countryPoints, countryA) || !Object.hasOwn(countryPoints, countryB)) return null;
  const a = countryPoints[countryA]!;
  const b = countryPoints[countryB]!;
  const centres = greatCircleKm(a[0], a[1], b[0], b[1]);
  return Math.max(0, centres - (a[2] ?? defaultRadiusKm) - (b[2] ?? defaultRadiusKm));
}
