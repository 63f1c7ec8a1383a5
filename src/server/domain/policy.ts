import type { CalendarSettings, PlainDate } from "./calendar/types.js";
import type { LetterTemplates } from "./letter-templates.js";

/**
 * The procedure settings in force when a case is received. Each case keeps a copy (its policy version), so changing
 * the settings never silently moves an open case's deadlines.
 */
export interface PolicySettings extends CalendarSettings {
  /** Increases by one each time an admin changes the settings. */
  version: number;
  /** Working days to acknowledge a complaint. The policy does not fix this; 2 is the default. */
  acknowledgeWorkingDays: number;
  /** Policy 1.3: "investigated and responded to within 10 working days". */
  responseWorkingDays: number;
  /**
   * Policy 1.3 can be read as counting the 10 days from receipt or from the acknowledgement. `receipt` is the
   * stricter reading and the default.
   */
  responseClockStartsAt: "receipt" | "acknowledgement";
  /** Policy 2.2: appeals "within 10 working days of receipt of a final outcome". */
  appealWindowWorkingDays: number;
  /** Policy 2.2: the board member responds "within 10 working days of receipt" of the appeal. */
  appealResponseWorkingDays: number;
  /** An outcome sent by post is taken to reach the complainant this many working days after posting. */
  postalDeliveryWorkingDays: number;
  /** Named in letters. */
  organisationName: string;
  /** Policy 1.1: where complaints and appeals are sent. */
  complaintsEmail: string;
  /** Policy 3.1: the awarding organisations and how to complain to each; letters signpost the one for the case. */
  awardingOrganisations: ReadonlyArray<{ name: string; complaintsContact: string }>;
  /**
   * The admin settings (domain/settings.ts) add these; cases received before settings were versioned lack them,
   * and then the defaults apply.
   */
  categories?: readonly string[];
  letterTemplates?: Readonly<LetterTemplates>;
  policyReviewDate?: PlainDate;
  retention?: { years: number; action: "delete" | "anonymise" };
}

export const DEFAULT_POLICY: PolicySettings = {
  version: 1,
  division: "england-and-wales",
  closureDays: [],
  officeOpens: "09:00",
  officeCloses: "17:00",
  acknowledgeWorkingDays: 2,
  responseWorkingDays: 10,
  responseClockStartsAt: "receipt",
  appealWindowWorkingDays: 10,
  appealResponseWorkingDays: 10,
  postalDeliveryWorkingDays: 2,
  organisationName: "CMS Vocational Training Ltd",
  complaintsEmail: "info@cmsvoc.co.uk",
  // A starting list of the awarding organisations CMS works with; the admin settings make it the organisation's own.
  awardingOrganisations: [
    // Contacts are each organisation's website; an admin replaces them with the exact complaints address.
    { name: "City & Guilds", complaintsContact: "its complaints team, via cityandguilds.com" },
    { name: "Pearson", complaintsContact: "its complaints team, via qualifications.pearson.com" },
    { name: "NCFE", complaintsContact: "its complaints team, via ncfe.org.uk" },
    { name: "Highfield Qualifications", complaintsContact: "its complaints team, via highfieldqualifications.com" },
  ],
};
