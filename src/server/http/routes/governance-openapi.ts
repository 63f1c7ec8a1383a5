/** The OpenAPI paths of the settings, data protection and public form routes, from the schemas that validate them. */
import { z } from "zod";
import {
  ZErasureRequest,
  ZPublicComplaint,
  ZSaveSettingsRequest,
  ZSubjectAccessRequest,
} from "../../../contracts/settings.js";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const errors = { default: { $ref: "#/components/responses/Error" } };
const ok = (description: string) => ({ 200: { description }, ...errors });

export const GOVERNANCE_PATHS: Record<string, Record<string, unknown>> = {
  "/api/admin/settings": {
    get: { summary: "Admins: the settings in force and every earlier version.", responses: ok("{ current, history }") },
    put: {
      summary:
        "Admins: save the settings as a new version (complaints already received keep theirs). 409 VERSION_CONFLICT when basedOnVersion is not the version in force.",
      requestBody: body(ZSaveSettingsRequest),
      responses: ok("{ current, history, saved }"),
    },
  },
  "/api/settings/policy-review": {
    get: {
      summary: "Admins and directors: whether the policy review is due (null for other roles).",
      responses: ok("{ reminder }"),
    },
  },
  "/api/data-protection/erasure": {
    post: {
      summary:
        "Admins: erase one complainant's details (by email or case) from their closed cases; procedural facts kept.",
      requestBody: body(ZErasureRequest),
      responses: ok("{ erased: [references] }"),
    },
  },
  "/api/data-protection/subject-access": {
    post: {
      summary: "Directors: everything held about one person as one zip (recorded in each case's audit).",
      requestBody: body(ZSubjectAccessRequest),
      responses: {
        200: {
          description: "The zip",
          content: { "application/zip": { schema: { type: "string", format: "binary" } } },
        },
        ...errors,
      },
    },
  },
  "/api/data-protection/retention": {
    post: { summary: "Admins: apply the retention schedule now.", responses: ok("{ retention }") },
  },
  "/api/data-protection/log": {
    get: { summary: "Admins: what retention, erasure and exports did.", responses: ok("{ entries }") },
  },
  "/api/public/complaint-form": {
    get: {
      summary: "No sign-in: a signed form token and the timescales, for the public complaint form.",
      security: [],
      responses: ok("{ formToken, limits, procedure }"),
    },
  },
  "/api/public/complaints": {
    post: {
      summary:
        "No sign-in: log a complaint from the public form (JSON or form-encoded). Rate-limited per address (429), 64 KB at most (413); a filled honeypot or a form sent too soon is refused (422 FORM_NOT_ACCEPTED).",
      security: [],
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: json(ZPublicComplaint) },
          "application/x-www-form-urlencoded": { schema: json(ZPublicComplaint) },
        },
      },
      responses: {
        201: { description: "{ complaint: { reference, acknowledgeDueDate, responseDueDate } }" },
        ...errors,
      },
    },
  },
};
