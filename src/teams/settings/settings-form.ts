import type { SettingsView } from "../../contracts/settings-views.js";

/** The form's draft: numbers as typed (strings), so a half-typed value is not lost or coerced while editing. */
export interface SettingsDraft {
  acknowledgeWorkingDays: string;
  responseWorkingDays: string;
  responseClockStartsAt: SettingsView["responseClockStartsAt"];
  appealWindowWorkingDays: string;
  appealResponseWorkingDays: string;
  postalDeliveryWorkingDays: string;
  division: SettingsView["division"];
  officeOpens: string;
  officeCloses: string;
  closureDays: string[];
  organisationName: string;
  complaintsEmail: string;
  categories: string;
  /** `rowId` keeps each row's identity while rows are added and removed (never sent). */
  awardingOrganisations: Array<{ rowId: string; name: string; complaintsContact: string }>;
  letterTemplates: Record<string, string>;
  policyReviewDate: string;
  retentionYears: string;
  retentionAction: "delete" | "anonymise";
}

let rows = 0;
export const newRowId = (): string => `row-${++rows}`;

export function draftFrom(s: SettingsView): SettingsDraft {
  return {
    acknowledgeWorkingDays: String(s.acknowledgeWorkingDays),
    responseWorkingDays: String(s.responseWorkingDays),
    responseClockStartsAt: s.responseClockStartsAt,
    appealWindowWorkingDays: String(s.appealWindowWorkingDays),
    appealResponseWorkingDays: String(s.appealResponseWorkingDays),
    postalDeliveryWorkingDays: String(s.postalDeliveryWorkingDays),
    division: s.division,
    officeOpens: s.officeOpens,
    officeCloses: s.officeCloses,
    closureDays: [...s.closureDays],
    organisationName: s.organisationName,
    complaintsEmail: s.complaintsEmail,
    categories: s.categories.join("\n"),
    awardingOrganisations: s.awardingOrganisations.map((a) => ({ ...a, rowId: newRowId() })),
    letterTemplates: { ...s.letterTemplates },
    policyReviewDate: s.policyReviewDate,
    retentionYears: String(s.retention.years),
    retentionAction: s.retention.action,
  };
}

/** An empty box is sent as null, so the server names the field rather than the form guessing a number. */
const num = (value: string): number | null => (value.trim() === "" ? null : Number(value));

/** The body the server validates: it has the last word on every rule. */
export function settingsFrom(d: SettingsDraft): Record<string, unknown> {
  return {
    acknowledgeWorkingDays: num(d.acknowledgeWorkingDays),
    responseWorkingDays: num(d.responseWorkingDays),
    responseClockStartsAt: d.responseClockStartsAt,
    appealWindowWorkingDays: num(d.appealWindowWorkingDays),
    appealResponseWorkingDays: num(d.appealResponseWorkingDays),
    postalDeliveryWorkingDays: num(d.postalDeliveryWorkingDays),
    division: d.division,
    officeOpens: d.officeOpens,
    officeCloses: d.officeCloses,
    closureDays: d.closureDays,
    organisationName: d.organisationName,
    complaintsEmail: d.complaintsEmail,
    categories: d.categories
      .split("\n")
      .map((c) => c.trim())
      .filter(Boolean),
    awardingOrganisations: d.awardingOrganisations.map(({ name, complaintsContact }) => ({ name, complaintsContact })),
    letterTemplates: d.letterTemplates,
    policyReviewDate: d.policyReviewDate,
    retention: { years: num(d.retentionYears), action: d.retentionAction },
  };
}

/** The server's field issues (`settings.retention.years`) keyed by the form's field names. */
export function fieldErrors(issues: ReadonlyArray<{ path: string[]; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path[0] === "settings" ? issue.path.slice(1) : issue.path;
    let key = path.join(".");
    if (key === "retention.years") key = "retentionYears";
    if (key.startsWith("closureDays.")) key = "closureDays";
    if (key.startsWith("categories")) key = "categories";
    if (key.startsWith("awardingOrganisations")) key = "awardingOrganisations";
    errors[key] = errors[key] ? `${errors[key]} ${issue.message}` : issue.message;
  }
  return errors;
}
