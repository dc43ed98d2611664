/** The 15 routes of shared/contract.md §1. Ids are part of the contract: add, never rename. */
export const ROUTE_IDS = [
  "signature-reissue-after-change",
  "certificate-reissue-after-expiry",
  "certificate-renewal",
  "certificate-renewal-not-yet",
  "card-renewal",
  "foreign-resident-extension",
  "pin-reset-kiosk",
  "pin-reset-counter",
  "pin-retry-guidance",
  "card-lost",
  "wait-after-issuance",
  "no-signature-certificate",
  "which-pin",
  "contact-city",
  "etax-password",
] as const;
export type RouteId = (typeof ROUTE_IDS)[number];
