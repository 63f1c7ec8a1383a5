import { formatUkLong, londonDateTime } from "./calendar/plain-date.js";
import type { ComplaintCase, OutcomeResult } from "./case.js";
import { DEFAULT_LETTER_TEMPLATES, fillLetterBlock, type LetterBlock } from "./letter-templates.js";

/** A letter's words. Rendering (a .docx, by the LetterRenderer port) and sending are someone else's job. */
export interface Letter {
  kind: "acknowledgement" | "outcome" | "appeal-decision";
  /** The document name in the case folder, without extension (the renderer adds its own). */
  baseName: string;
  /** The lines of the letter; an empty line separates paragraphs. */
  text: string;
  /** Lines that are headings within the letter (e.g. "If you are not satisfied"). */
  headings?: readonly string[];
  /** The letterhead: the organisation's name in the settings the case was received under. */
  organisationName?: string;
}

/** The heading above the appeal route in an outcome letter. */
export const APPEAL_ROUTE_HEADING = "If you are not satisfied";

const RESULT_WORDS: Record<OutcomeResult, string> = {
  upheld: "We have upheld your complaint.",
  "partly-upheld": "We have partly upheld your complaint.",
  "not-upheld": "We have not upheld your complaint.",
};

const APPEAL_RESULT_WORDS: Record<OutcomeResult, string> = {
  upheld: "The appeal has been upheld.",
  "partly-upheld": "The appeal has been partly upheld.",
  "not-upheld": "The appeal has not been upheld: the original outcome stands.",
};

const greeting = (c: ComplaintCase) => `Dear ${c.complainant.name?.trim() || "Sir or Madam"},`;
const signOff = (c: ComplaintCase) => ["Yours sincerely,", "", c.policy.organisationName];

/** A block of the case's own letter templates (settings version it was received under), filled in. */
function block(c: ComplaintCase, name: LetterBlock, values: Record<string, string | number>): string {
  const text = c.policy.letterTemplates?.[name] ?? DEFAULT_LETTER_TEMPLATES[name];
  return fillLetterBlock(text, {
    reference: c.reference,
    organisationName: c.policy.organisationName,
    complaintsEmail: c.policy.complaintsEmail,
    ...values,
  });
}

/** Policy 3.1: the next step after us, with the awarding organisation's own complaints contact where we know it. */
function awardingOrganisationRoute(c: ComplaintCase): string {
  const name = c.triage?.awardingOrganisation;
  const known = name ? c.policy.awardingOrganisations.find((ao) => ao.name === name) : undefined;
  if (known) {
    return `${known.name} (${known.complaintsContact}), and follow its appeals and/or complaints policy`;
  }
  return name
    ? `${name}, the awarding organisation for your qualification, and follow its appeals and/or complaints policy`
    : "the awarding organisation for your qualification, and follow its appeals and/or complaints policy";
}

/** Policy 1.3: the complaint will be investigated and answered within 10 working days — with the actual date. */
export function acknowledgementLetter(c: ComplaintCase, sentAt: Date): Letter {
  const text = [
    formatUkLong(londonDateTime(sentAt).date),
    `Our reference: ${c.reference}`,
    "",
    greeting(c),
    "",
    block(c, "acknowledgementBody", {
      receivedDate: formatUkLong(c.deemedReceivedOn),
      responseDueDate: formatUkLong(c.responseDueDate),
      responseWorkingDays: c.policy.responseWorkingDays,
    }),
    "",
    ...signOff(c),
  ].join("\n");
  return {
    kind: "acknowledgement",
    baseName: `${c.reference} acknowledgement`,
    text,
    organisationName: c.policy.organisationName,
  };
}

/** Policy 1.3 and 2.2: the final outcome, the appeal route with its actual deadline, and the awarding organisation. */
export function outcomeLetter(c: ComplaintCase, options: { surveyUrl?: string } = {}): Letter {
  const outcome = c.outcome;
  if (!outcome) throw new Error("An outcome letter needs an outcome");
  const text = [
    formatUkLong(londonDateTime(new Date(outcome.sentAt)).date),
    `Our reference: ${c.reference}`,
    "",
    greeting(c),
    "",
    block(c, "outcomeOpening", { receivedDate: formatUkLong(c.deemedReceivedOn) }),
    "",
    RESULT_WORDS[outcome.result],
    "",
    outcome.reasons,
    ...(outcome.remedy ? ["", `What we will do: ${outcome.remedy}`] : []),
    "",
    APPEAL_ROUTE_HEADING,
    block(c, "outcomeAppealRoute", {
      appealDeadline: formatUkLong(outcome.appealDeadline),
      appealWindowWorkingDays: c.policy.appealWindowWorkingDays,
      appealResponseWorkingDays: c.policy.appealResponseWorkingDays,
    }),
    "",
    block(c, "outcomeAwardingOrganisation", { awardingOrganisationRoute: awardingOrganisationRoute(c) }),
    "",
    // Policy aim 6: a short survey about how the complaint was handled (not about the outcome itself).
    ...(options.surveyUrl
      ? [
          `Please tell us how we handled your complaint: a short survey of four questions, which takes a minute, at ${options.surveyUrl}`,
          "",
        ]
      : []),
    ...signOff(c),
  ].join("\n");
  return {
    kind: "outcome",
    baseName: `${c.reference} outcome`,
    text,
    headings: [APPEAL_ROUTE_HEADING],
    organisationName: c.policy.organisationName,
  };
}

/** Policy 2.2 and 3.1: the appeal decision; the awarding organisation is the next step. */
export function appealDecisionLetter(c: ComplaintCase): Letter {
  const decision = c.appealDecision;
  if (!decision || !c.appeal) throw new Error("An appeal decision letter needs a decision");
  const text = [
    formatUkLong(londonDateTime(new Date(decision.sentAt)).date),
    `Our reference: ${c.reference}`,
    "",
    greeting(c),
    "",
    block(c, "appealDecisionOpening", {
      appealReceivedDate: formatUkLong(londonDateTime(new Date(c.appeal.receivedAt)).date),
    }),
    "",
    APPEAL_RESULT_WORDS[decision.result],
    "",
    decision.reasons,
    "",
    block(c, "appealDecisionClosing", { awardingOrganisationRoute: awardingOrganisationRoute(c) }),
    "",
    ...signOff(c),
  ].join("\n");
  return {
    kind: "appeal-decision",
    baseName: `${c.reference} appeal decision`,
    text,
    organisationName: c.policy.organisationName,
  };
}
