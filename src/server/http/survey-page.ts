/**
 * The public survey page: plain HTML, no script, one form that posts back to itself, so it works on any phone or
 * screen reader and needs nothing but the link in the letter. Nothing of the case is shown.
 */
import { createHash } from "node:crypto";
import { SCORE_LABELS, SURVEY_QUESTIONS } from "../domain/governance/survey.js";

const STYLE = `
  body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; line-height: 1.5; color: #242424; background: #fafafa; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.5rem; }
  h1 { font-size: 1.75rem; font-weight: 600; margin: 0 0 1rem; }
  fieldset { border: 1px solid #d1d1d1; border-radius: 8px; margin: 0 0 1rem; padding: 0.75rem 1rem; background: #fff; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  label { display: block; padding: 0.25rem 0; }
  button { font: inherit; font-weight: 600; color: #fff; background: #0f6cbd; border: 0; border-radius: 4px; padding: 0.5rem 1.25rem; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 2px solid #242424; outline-offset: 2px; }
  .error { border-left: 4px solid #c50f1f; background: #fdf3f4; padding: 0.75rem 1rem; margin: 0 0 1rem; }
`;

const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

/** Only the page's own stylesheet; no script at all; the form posts only to this origin; never framed. */
export const SURVEY_PAGE_CSP = `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

export function surveyFormPage(options: { organisationName: string; action: string; error?: string }): string {
  const questions = SURVEY_QUESTIONS.map((q) => {
    const choices =
      q.kind === "score"
        ? [5, 4, 3, 2, 1].map((n) => [String(n), `${n} — ${SCORE_LABELS[n]}`] as const)
        : ([
            ["yes", "Yes"],
            ["no", "No"],
            ["not-sure", "Not sure"],
          ] as const);
    return `<fieldset>
<legend>${escapeHtml(q.text)}</legend>
${choices.map(([value, label]) => `<label><input type="radio" name="${q.id}" value="${value}" required> ${escapeHtml(label)}</label>`).join("\n")}
</fieldset>`;
  }).join("\n");
  return page(
    "How did we handle your complaint?",
    `<h1>How did we handle your complaint?</h1>
<p>${escapeHtml(options.organisationName)} would like to learn from your experience. Four questions; your answers are counted together with everyone else's and never added to your complaint.</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ""}
<form method="post" action="${escapeHtml(options.action)}">
${questions}
<button type="submit">Send my answers</button>
</form>`,
  );
}

export function surveyMessagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
