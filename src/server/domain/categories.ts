/**
 * The nature of a complaint, as the Operations Director classifies it at triage (policy 1.2). A starting list: the
 * admin settings make it the organisation's own; triage also accepts any other words.
 */
export const DEFAULT_CATEGORIES: readonly string[] = [
  "Assessment and marking",
  "Teaching and training",
  "Apprenticeship and employer",
  "Certification and results",
  "Communication",
  "Staff conduct",
  "Fees and funding",
  "Facilities and equipment",
  "Data protection",
  "Other",
];
