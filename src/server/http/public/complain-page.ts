/**
 * The public page at /complain: how to complain (policy aim 2, "publicise the existence of our complaints
 * procedure"), worded from the settings in force, with a form that works without JavaScript. Everything that
 * comes from settings or from the visitor is escaped.
 */
import { createHash } from "node:crypto";
import { PUBLIC_FORM_LIMITS } from "../../../contracts/settings.js";
import { formatUkLong } from "../../domain/calendar/plain-date.js";
import type { Settings } from "../../domain/settings.js";
import { buildContentSecurityPolicy } from "../content-security-policy.js";

const STYLE = `
  body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; line-height: 1.5;
    color: #242424; background: #fafafa; }
  main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
  h1 { font-size: 2rem; font-weight: 600; margin: 0 0 0.5rem; }
  h2 { font-size: 1.35rem; font-weight: 600; margin: 2rem 0 0.5rem; }
  ol, ul { padding-left: 1.4rem; }
  li { margin: 0.25rem 0; }
  form { display: grid; gap: 1rem; background: #fff; border: 1px solid #d1d1d1; border-radius: 8px; padding: 1.25rem; }
  label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  .hint { display: block; font-weight: 400; color: #424242; font-size: 0.9rem; }
  input, select, textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 0.4rem 0.5rem;
    border: 1px solid #616161; border-radius: 4px; background: #fff; color: #242424; }
  textarea { min-height: 8rem; resize: vertical; }
  input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, a:focus-visible {
    outline: 2px solid #0f6cbd; outline-offset: 2px; }
  button { justify-self: start; font: inherit; font-weight: 600; color: #fff; background: #0f6cbd; border: 0;
    border-radius: 4px; padding: 0.5rem 1.25rem; cursor: pointer; }
  button:hover { background: #115ea3; }
  a { color: #0f6cbd; }
  .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  .problem { border-left: 4px solid #c50f1f; background: #fdf3f4; padding: 0.75rem 1rem; }
  .done { border-left: 4px solid #107c10; background: #f1faf1; padding: 0.75rem 1rem; }
  .field-error { color: #b10e1c; font-weight: 600; display: block; }
`;

export const COMPLAIN_PAGE_CSP = buildContentSecurityPolicy({
  styleSrc: [`'sha256-${createHash("sha256").update(STYLE, "utf8").digest("base64")}'`],
});

const RELATIONSHIPS: ReadonlyArray<[string, string]> = [
  ["learner", "I am a learner (or was one)"],
  ["employer", "I am an employer"],
  ["parent-or-guardian", "I am a learner's parent or guardian"],
  ["awarding-body", "I represent an awarding body"],
  ["other", "Other"],
];

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface FormState {
  values: Record<string, string>;
  /** Field → what is wrong with it. */
  fieldErrors: Record<string, string>;
  /** A problem with the whole form. */
  problem: string | null;
}

const EMPTY_FORM: FormState = { values: {}, fieldErrors: {}, problem: null };

/** The procedure in plain words, from the settings in force. */
function procedureHtml(s: Settings): string {
  const email = escapeHtml(s.complaintsEmail);
  const organisations = s.awardingOrganisations
    .map((ao) => `<li>${escapeHtml(ao.name)}: ${escapeHtml(ao.complaintsContact)}</li>`)
    .join("");
  return `
<p>${escapeHtml(s.organisationName)} wants to hear when something has gone wrong: every complaint is a chance to put
things right and to improve. Anyone with a legitimate interest in us may complain — a learner, an employer, a parent
or guardian, an awarding body or anyone else. (Our staff use the Discipline and Grievance policy instead.)</p>
<h2>How to complain</h2>
<ul>
<li>By email to <a href="mailto:${email}">${email}</a>,</li>
<li>in writing, by letter to our office, or</li>
<li>with the form on this page.</li>
</ul>
<h2>What happens next</h2>
<ol>
<li>Our Operations Director decides who is the right person to look into your complaint.</li>
<li>We acknowledge it within ${s.acknowledgeWorkingDays} working days and tell you when to expect our answer.</li>
<li>We investigate and respond in writing with our final outcome within ${s.responseWorkingDays} working days.</li>
<li>If you disagree with the outcome, you may appeal by letter or email within ${s.appealWindowWorkingDays} working
days of receiving it. A member of our Board considers it and responds within ${s.appealResponseWorkingDays} working
days.</li>
<li>If you are still not satisfied, you may contact the awarding organisation for your qualification and follow its
appeals or complaints policy.${organisations ? ` <ul>${organisations}</ul>` : ""}</li>
</ol>
<p>Working days are Monday to Friday, except bank holidays and the days our office is closed. We handle every
complaint sensitively, telling only those who need to know, and follow data protection law.</p>`;
}

function field(options: {
  id: string;
  label: string;
  hint?: string;
  state: FormState;
  control: (describedBy: string) => string;
}): string {
  const error = options.state.fieldErrors[options.id];
  const ids = [options.hint ? `${options.id}-hint` : "", error ? `${options.id}-error` : ""].filter(Boolean).join(" ");
  return `<div>
<label for="${options.id}">${options.label}${options.hint ? `<span class="hint" id="${options.id}-hint">${options.hint}</span>` : ""}</label>
${error ? `<span class="field-error" id="${options.id}-error">${escapeHtml(error)}</span>` : ""}
${options.control(ids ? ` aria-describedby="${ids}"${error ? ' aria-invalid="true"' : ""}` : "")}
</div>`;
}

function formHtml(formToken: string, state: FormState): string {
  const v = (name: string) => escapeHtml(state.values[name] ?? "");
  const relationship = state.values.relationship ?? "";
  return `<form method="post" action="/api/public/complaints" accept-charset="utf-8" novalidate>
${state.problem ? `<p class="problem" role="alert">${escapeHtml(state.problem)}</p>` : ""}
<input type="hidden" name="formToken" value="${escapeHtml(formToken)}">
<div class="trap" aria-hidden="true"><label for="website">Leave this empty</label>
<input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
${field({
  id: "name",
  label: "Your name",
  state,
  control: (a) =>
    `<input id="name" name="name" type="text" autocomplete="name" required maxlength="${PUBLIC_FORM_LIMITS.name}" value="${v("name")}"${a}>`,
})}
${field({
  id: "email",
  label: "Your email address",
  hint: "We send our acknowledgement and answer here.",
  state,
  control: (a) =>
    `<input id="email" name="email" type="email" autocomplete="email" required maxlength="${PUBLIC_FORM_LIMITS.email}" value="${v("email")}"${a}>`,
})}
${field({
  id: "relationship",
  label: "Who you are",
  state,
  control: (a) => `<select id="relationship" name="relationship" required${a}>
<option value=""${relationship ? "" : " selected"}>Choose one</option>
${RELATIONSHIPS.map(([value, label]) => `<option value="${value}"${relationship === value ? " selected" : ""}>${label}</option>`).join("\n")}
</select>`,
})}
${field({
  id: "whatHappened",
  label: "What happened",
  hint: "What went wrong, when, and who was involved, if you know.",
  state,
  control: (a) =>
    `<textarea id="whatHappened" name="whatHappened" required maxlength="${PUBLIC_FORM_LIMITS.whatHappened}"${a}>${v("whatHappened")}</textarea>`,
})}
${field({
  id: "whatTheyWant",
  label: "What you would like us to do",
  hint: "Optional.",
  state,
  control: (a) =>
    `<textarea id="whatTheyWant" name="whatTheyWant" maxlength="${PUBLIC_FORM_LIMITS.whatTheyWant}"${a}>${v("whatTheyWant")}</textarea>`,
})}
<button type="submit">Send complaint</button>
</form>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The page: the procedure, then the form (with what the visitor typed and what is wrong, after a refusal). */
export function renderComplainPage(settings: Settings, formToken: string, state: FormState = EMPTY_FORM): string {
  return page(
    `How to complain — ${settings.organisationName}`,
    `<h1>How to complain</h1>
${procedureHtml(settings)}
<h2 id="form">Complain online</h2>
${formHtml(formToken, state)}`,
  );
}

/** After a complaint sent without JavaScript: its reference and when to expect what. */
export function renderThanksPage(
  settings: Settings,
  c: { reference: string; acknowledgeDueDate: string; responseDueDate: string },
): string {
  return page(
    `Complaint received — ${settings.organisationName}`,
    `<h1>Thank you — we have your complaint</h1>
<p class="done" role="status">Your reference is <strong>${escapeHtml(c.reference)}</strong>. We have emailed you a
confirmation.</p>
<p>We will acknowledge your complaint by ${formatUkLong(c.acknowledgeDueDate)} and respond in writing by
${formatUkLong(c.responseDueDate)}. If you have anything to add, email
<a href="mailto:${escapeHtml(settings.complaintsEmail)}">${escapeHtml(settings.complaintsEmail)}</a> quoting your
reference.</p>`,
  );
}
