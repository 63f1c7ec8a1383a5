import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { RecordedEffect } from "../../adapters/local/dev-outbox-recorder.js";
import { buildContentSecurityPolicy } from "../content-security-policy.js";
import type { HttpContext } from "../context.js";

const STYLE = `
  body { margin: 0; font-family: "Segoe UI", system-ui, sans-serif; color: #242424; background: #fafafa; }
  main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.5rem; }
  article { background: #fff; border: 1px solid #d1d1d1; border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
  h2 { font-size: 1.1rem; margin: 0 0 0.5rem; } .meta { color: #616161; font-size: 0.875rem; }
  pre { white-space: pre-wrap; background: #f5f5f5; padding: 0.75rem; border-radius: 4px; overflow-x: auto; }
  dt { font-weight: 600; } dd { margin: 0 0 0.25rem; }
`;
const CSP = buildContentSecurityPolicy({
  styleSrc: [`'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`],
});

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

function renderCard(card: Record<string, unknown>): string {
  const body = (card.body as Array<Record<string, unknown>> | undefined) ?? [];
  const parts = body.map((block) => {
    if (block.type === "TextBlock") return `<p>${esc(String(block.text ?? ""))}</p>`;
    if (block.type === "FactSet") {
      const facts = (block.facts as Array<{ title: string; value: string }> | undefined) ?? [];
      return `<dl>${facts.map((f) => `<dt>${esc(f.title)}</dt><dd>${esc(f.value)}</dd>`).join("")}</dl>`;
    }
    return "";
  });
  const actions = ((card.actions as Array<{ title?: string; url?: string }> | undefined) ?? [])
    .map((a) => `<a href="${esc(a.url ?? "#")}">${esc(a.title ?? "Open")}</a>`)
    .join(" ");
  return `${parts.join("")}${actions}<details><summary>Card JSON</summary><pre>${esc(JSON.stringify(card, null, 2))}</pre></details>`;
}

function renderEffect(e: RecordedEffect): string {
  const when = `<p class="meta">${esc(e.at)} · marker ${esc(e.marker)}</p>`;
  if (e.channel === "board") return `<article><h2>Board channel post</h2>${when}${renderCard(e.card)}</article>`;
  if (e.channel === "activity") {
    return `<article><h2>Activity feed: ${esc(e.notice.kind)} for ${esc(e.notice.userId)}</h2>${when}<p>${esc(e.notice.previewText)}</p><a href="${esc(e.notice.caseUrl)}">Open the case</a></article>`;
  }
  const to = e.to.map((r) => esc(r.name ? `${r.name} <${r.address}>` : r.address)).join(", ");
  const files = e.attachments
    .map(
      (a, i) =>
        `<li><a download="${esc(a.name)}" href="data:${esc(a.contentType)};base64,${a.base64}">${esc(a.name)}</a> (${a.size} bytes)${i === 0 ? "" : ""}</li>`,
    )
    .join("");
  return `<article><h2>Email: ${esc(e.subject)}</h2>${when}<p>To: ${to}</p><pre>${esc(e.text)}</pre><ul>${files}</ul></article>`;
}

/**
 * GET /dev/outbox — embedded mode only: exactly what would have been posted to the board channel, sent by email
 * (with the attachments) or put in activity feeds. Like Mailpit: nothing leaves the machine.
 */
export function registerDevOutboxRoute(app: FastifyInstance, ctx: HttpContext): void {
  const recorder = ctx.devOutbox;
  if (!recorder) return;
  app.get("/dev/outbox", async (_request, reply) => {
    const effects = await recorder.list();
    const list = effects.length
      ? effects.map(renderEffect).join("")
      : "<p>Nothing yet. Cards, emails and notices appear here as the outbox delivers them.</p>";
    return reply
      .header("content-type", "text/html; charset=utf-8")
      .header("content-security-policy", CSP)
      .header("cache-control", "no-store")
      .send(
        `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Redress — development outbox</title><style>${STYLE}</style></head><body><main><h1>Development outbox</h1><p>What Redress would have posted to the board channel, emailed from the shared mailbox or put in activity feeds. In Microsoft 365 mode these go to Teams and Exchange instead.</p>${list}</main></body></html>`,
      );
  });
  app.get("/api/dev/outbox", async () => ({ effects: await recorder.list() }));
}
