import type { TPublicComplaint } from "../../contracts/settings.js";
import type { ComplaintCase } from "../domain/case.js";
import type { Actor } from "../domain/roles.js";
import type { AppDeps } from "./deps.js";
import { logComplaint } from "./log-complaint.js";
import { SEND_NOTICE_EMAIL } from "./send-notice-email.js";

/**
 * Who logs a complaint made on the public page: no person is signed in, so the form itself is the logger. Its id
 * belongs to no one, so no member of staff sees the case as "logged by me".
 */
export const PUBLIC_FORM_ACTOR: Actor = {
  id: "public-web-form",
  name: "Public complaint form",
  roles: ["Complaints.Log"],
};

const SUBJECT_LENGTH = 80;

/**
 * Policy aim 2 ("publicise … so that people know how to contact us"): a complaint from the public page, logged as a
 * case from the web like one typed in from a letter, with the confirmation email (its reference) queued in the
 * same transaction.
 */
export async function logPublicComplaint(options: {
  deps: AppDeps;
  form: Pick<TPublicComplaint, "name" | "email" | "relationship" | "whatHappened" | "whatTheyWant">;
}): Promise<ComplaintCase> {
  const { form } = options;
  const firstLine =
    form.whatHappened
      .split(/\r?\n/)
      .find((l) => l.trim())
      ?.trim() ?? "Complaint";
  const subject = firstLine.length > SUBJECT_LENGTH ? `${firstLine.slice(0, SUBJECT_LENGTH - 1)}…` : firstLine;
  const summary = [
    "What happened:",
    form.whatHappened,
    ...(form.whatTheyWant ? ["", "What they would like us to do:", form.whatTheyWant] : []),
  ].join("\n");
  return logComplaint({
    deps: options.deps,
    actor: PUBLIC_FORM_ACTOR,
    input: {
      channel: "web",
      subject,
      summary,
      complainant: { name: form.name, email: form.email, relationship: form.relationship },
    },
    effects: [{ kind: SEND_NOTICE_EMAIL, payload: { purpose: "web-confirmation" } }],
  });
}
