/**
 * Categories the pane may suggest. Only a hint for the Operations Director, who decides the real category at
 * triage (policy 1.2); chosen for a training provider's usual complaints.
 */
export const SUGGESTED_CATEGORIES = [
  "Teaching and training",
  "Assessment and results",
  "Certificates and awarding",
  "Fees and invoices",
  "Bookings and scheduling",
  "Communication and administration",
  "Staff conduct",
  "Facilities and equipment",
  "Safeguarding and welfare",
  "Other",
] as const;

export type SuggestedCategory = (typeof SUGGESTED_CATEGORIES)[number];

const CUES: ReadonlyArray<[SuggestedCategory, RegExp]> = [
  ["Safeguarding and welfare", /\b(?:safeguard\w*|unsafe|welfare|bull(?:y|ied|ying)|harass\w*|vulnerable)\b/i],
  ["Staff conduct", /\b(?:rude|unprofessional|attitude|disrespectful|condescending|behaviour|behavior)\b/i],
  ["Assessment and results", /\b(?:assess\w*|exam\w*|marks?|marked|grades?|results?|resit|portfolio|assignment)\b/i],
  ["Certificates and awarding", /\b(?:certificates?|awarding|qualification|city ?& ?guilds|pearson|ncfe)\b/i],
  ["Fees and invoices", /\b(?:invoices?|fees?|refund\w*|charged?|payment|overcharg\w+|£\s?\d)/i],
  ["Bookings and scheduling", /\b(?:book(?:ing|ed)|cancel\w*|reschedul\w*|timetable|dates?|venue)\b/i],
  ["Teaching and training", /\b(?:trainers?|tutors?|teach\w*|course|lessons?|training|instructor)\b/i],
  ["Facilities and equipment", /\b(?:room|building|equipment|parking|heating|facilities|toilets?|wi-?fi)\b/i],
  ["Communication and administration", /\b(?:emails?|phone|calls?|respon\w+|repl\w+|letters?|admin\w*)\b/i],
];

/** The first category whose cue words appear in the email; "Other" when none do. */
export function suggestCategory(text: string): SuggestedCategory {
  for (const [category, cue] of CUES) if (cue.test(text)) return category;
  return "Other";
}
