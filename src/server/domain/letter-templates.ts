/**
 * The editable paragraphs of the three letters. An admin words them in the organisation's own voice; the structure
 * around them (date, reference, greeting, the outcome's reasons, sign-off) stays fixed, and the facts the policy
 * requires in a letter (the response date, the appeal deadline, the awarding organisation's route) are required
 * placeholders, so no wording can leave them out.
 */

export const LETTER_BLOCKS = [
  "acknowledgementBody",
  "outcomeOpening",
  "outcomeAppealRoute",
  "outcomeAwardingOrganisation",
  "appealDecisionOpening",
  "appealDecisionClosing",
] as const;
export type LetterBlock = (typeof LETTER_BLOCKS)[number];
export type LetterTemplates = Record<LetterBlock, string>;

export interface LetterBlockRule {
  /** What the admin sees above the text box. */
  label: string;
  /** Placeholders that may appear in the block, written `{name}`. */
  placeholders: readonly string[];
  /** Placeholders that must appear: the facts the policy says the letter states. */
  required: readonly string[];
}

export const LETTER_BLOCK_RULES: Record<LetterBlock, LetterBlockRule> = {
  acknowledgementBody: {
    label: "Acknowledgement letter",
    placeholders: [
      "reference",
      "receivedDate",
      "responseDueDate",
      "responseWorkingDays",
      "complaintsEmail",
      "organisationName",
    ],
    // Policy 1.3: the complainant is told the complaint will be answered within 10 working days.
    required: ["responseDueDate"],
  },
  outcomeOpening: {
    label: "Outcome letter: opening",
    placeholders: ["reference", "receivedDate", "organisationName"],
    required: [],
  },
  outcomeAppealRoute: {
    label: "Outcome letter: how to appeal",
    placeholders: [
      "reference",
      "appealDeadline",
      "appealWindowWorkingDays",
      "appealResponseWorkingDays",
      "complaintsEmail",
      "organisationName",
    ],
    // Policy 2.2: the appeal route with the actual deadline date.
    required: ["appealDeadline"],
  },
  outcomeAwardingOrganisation: {
    label: "Outcome letter: the awarding organisation",
    placeholders: ["awardingOrganisationRoute", "organisationName"],
    // Policy 3.1: the awarding organisation is signposted.
    required: ["awardingOrganisationRoute"],
  },
  appealDecisionOpening: {
    label: "Appeal decision letter: opening",
    placeholders: ["reference", "appealReceivedDate", "organisationName"],
    required: [],
  },
  appealDecisionClosing: {
    label: "Appeal decision letter: next step",
    placeholders: ["awardingOrganisationRoute", "organisationName"],
    required: ["awardingOrganisationRoute"],
  },
};

/** The wording Redress shipped with; the letters read exactly as before any admin edits them. */
export const DEFAULT_LETTER_TEMPLATES: LetterTemplates = {
  acknowledgementBody: [
    "Thank you for your complaint, which we received on {receivedDate}. We take every complaint seriously.",
    "",
    "Your complaint will be investigated and we will respond to you in writing by {responseDueDate}, within {responseWorkingDays} working days.",
    "",
    "If you have anything to add, please reply quoting {reference}, or write to {complaintsEmail}.",
  ].join("\n"),
  outcomeOpening:
    "We have now investigated your complaint received on {receivedDate}. This letter is our final outcome.",
  outcomeAppealRoute:
    "You may appeal against this outcome by letter or by email to {complaintsEmail}. Your appeal must reach us by {appealDeadline} ({appealWindowWorkingDays} working days from your receipt of this outcome). An appropriate member of our Board will consider it and respond within {appealResponseWorkingDays} working days of receiving it.",
  outcomeAwardingOrganisation: "If you remain unsatisfied after that, you may contact {awardingOrganisationRoute}.",
  appealDecisionOpening: "A member of our Board has considered your appeal received on {appealReceivedDate}.",
  appealDecisionClosing:
    "This completes our complaints procedure. If you continue to find the outcome unsatisfactory, you may contact {awardingOrganisationRoute}.",
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** What is wrong with a block's wording: unknown placeholders, required ones missing. Empty when it is fine. */
export function letterBlockProblems(block: LetterBlock, text: string): string[] {
  const rule = LETTER_BLOCK_RULES[block];
  const used = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
  const problems: string[] = [];
  const unknown = [...new Set(used.filter((name) => !rule.placeholders.includes(name)))];
  if (unknown.length > 0) {
    problems.push(
      `Unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `{${u}}`).join(", ")}: use ${rule.placeholders.map((p) => `{${p}}`).join(", ")}.`,
    );
  }
  for (const name of rule.required) {
    if (!used.includes(name)) problems.push(`The letter must state {${name}}.`);
  }
  return problems;
}

/** Fills a block's placeholders; a value not given leaves the placeholder as written (never silently blank). */
export function fillLetterBlock(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
