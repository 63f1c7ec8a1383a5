/**
 * The satisfaction survey about the handling of a complaint (policy aims 1, 4 and 5; results on the Reports view).
 * Short on purpose: three scores and one yes/no, no free text, so a response holds no personal data.
 */
export const SURVEY_QUESTIONS = [
  { id: "easeOfComplaining", kind: "score", text: "How easy was it to make your complaint?" },
  { id: "keptInformed", kind: "score", text: "How well did we keep you informed while we looked into it?" },
  { id: "fairness", kind: "score", text: "How fairly do you feel your complaint was handled?" },
  { id: "onTime", kind: "yes-no", text: "Did we reply by the date we promised?" },
] as const;

/** 1 to 5, from worst to best, in the words the survey page shows. */
export const SCORE_LABELS: Record<number, string> = {
  1: "Very poor",
  2: "Poor",
  3: "Neither good nor poor",
  4: "Good",
  5: "Very good",
};
