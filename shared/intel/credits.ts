import type { DatasetId } from './types';

/**
 * What each data set is and the credit its licence asks for: shown in the app's About and the
 * README, and carried by every DatasetInfo so that a view can say where an answer came from.
 */
export const datasetCredits: Record<DatasetId, { name: string; credit: string }> = {
  'ip-country': {
    name: 'ip-location-db geo-whois-asn-country',
    credit: 'Country data: ip-location-db (github.com/sapics/ip-location-db), geo-whois-asn-country, built from GeoFeeds and the five RIRs\' WHOIS and ASN data, CC BY 4.0 by the NRO (nro.net).',
  },
  'ip-asn': {
    name: 'ip-location-db asn',
    credit: 'ASN data: ip-location-db (github.com/sapics/ip-location-db), asn, CC BY 4.0: IP to AS Number by RouteViews (routeviews.org), RIR statistics by the NRO (nro.net), and IP Geolocation by DB-IP (db-ip.com), IP to ASN Lite.',
  },
  'aws-ip-ranges': {
    name: 'AWS ip-ranges.json',
    credit: 'AWS IP address ranges: published by Amazon Web Services at ip-ranges.amazonaws.com.',
  },
  'tor-exits': {
    name: 'Tor exit list',
    credit: 'Tor exit addresses: published by the Tor Project at check.torproject.org.',
  },
};
