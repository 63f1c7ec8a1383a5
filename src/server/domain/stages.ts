/** The stages of the procedure, in order. Names are part of the API and never change. */
export const STAGES = [
  "received",
  "triaged",
  "investigating",
  "outcome-sent",
  "appeal",
  "appeal-decided",
  "closed",
] as const;
export type Stage = (typeof STAGES)[number];

export const OPEN_STAGES: readonly Stage[] = STAGES.filter((s) => s !== "closed");
