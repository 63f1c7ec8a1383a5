/**
 * The browser-facing pages: the landing page at `/`, the Outlook task pane at `/taskpane.html`, the Teams tab at
 * `/tab`, and the built assets under `/assets/`.
 *
 * The pages are read from the web build (`dist/web`, made by `npm run build:web`) on each request, so a rebuild is
 * served without a restart, and a missing build answers 503 with what to do rather than crashing the server.
 */
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  addNonce,
  buildContentSecurityPolicy,
  type ContentSecurityPolicyOptions,
  EMPTY_INLINE_STYLE_HASH,
  newNonce,
} from "./content-security-policy.js";

export interface WebRoutesOptions {
  /** The directory of the web build: holds `taskpane.html`, `tab.html` and `assets/`. */
  webRoot: string;
}

export const WEB_NOT_BUILT_MESSAGE = "The web front end is not built: run npm run build.";

/** Hashed assets never change under the same name: a year, and the browser need not revalidate. */
const ASSET_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

const LANDING_STYLE = `
  body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; line-height: 1.5;
    color: #242424; background: #fafafa; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.5rem; }
  h1 { font-size: 2rem; font-weight: 600; margin: 0 0 0.25rem; }
  .lead { margin: 0 0 2rem; color: #424242; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
  li { background: #fff; border: 1px solid #d1d1d1; border-radius: 8px; padding: 0.75rem 1rem; }
  a { color: #0f6cbd; font-weight: 600; }
  a:focus-visible { outline: 2px solid #242424; outline-offset: 2px; }
  li p { margin: 0.25rem 0 0; color: #424242; }
  code { font-size: 0.9em; }
  .notice { margin: 0 0 1.5rem; padding: 0.75rem 1rem; border-left: 4px solid #bc4b09; background: #fdf6f3; }
`;

const LINKS: readonly { href: string; label: string; description: string }[] = [
  {
    href: "/taskpane.html",
    label: "Outlook task pane",
    description: "Log as complaint: the pane staff open on an email in Outlook.",
  },
  {
    href: "/tab",
    label: "Teams tab: complaints case board",
    description: "Every case by stage, as handlers and directors see it in Teams.",
  },
  {
    href: "/api/openapi.json",
    label: "API description",
    description: "The OpenAPI description of the Redress API.",
  },
  {
    href: "/healthz",
    label: "Health",
    description: "Whether the service is running.",
  },
];

const renderLanding = (webBuilt: boolean): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Redress — complaints handling</title>
<style>${LANDING_STYLE}</style>
</head>
<body>
<main>
<h1>Redress</h1>
<p class="lead">Complaints handling inside Microsoft 365. In Outlook and Teams these pages open inside the app;
here each opens on its own.</p>
${webBuilt ? "" : `<p class="notice">${WEB_NOT_BUILT_MESSAGE} Until then the task pane and the tab answer 503.</p>`}
<ul>
${LINKS.map(
  (link) => `<li><a href="${link.href}">${link.label}</a> <code>${link.href}</code><p>${link.description}</p></li>`,
).join("\n")}
</ul>
</main>
</body>
</html>
`;

const LANDING_HTML = { built: renderLanding(true), notBuilt: renderLanding(false) };

/** The landing page: its one inline `<style>` carries the nonce. */
const LANDING_CSP: ContentSecurityPolicyOptions = {};
/** The task pane and the tab: Fluent UI's style elements (see EMPTY_INLINE_STYLE_HASH), nothing else inline. */
const APP_CSP: ContentSecurityPolicyOptions = { styleSrc: [EMPTY_INLINE_STYLE_HASH] };
/** The task pane also loads Office.js from Microsoft's CDN, as Office requires (only when opened inside Outlook). */
const TASKPANE_CSP: ContentSecurityPolicyOptions = {
  styleSrc: [EMPTY_INLINE_STYLE_HASH],
  scriptSrc: ["https://appsforoffice.microsoft.com"],
};

/**
 * The sign-in page of the Office dialog: Office.js (messageParent) from Microsoft's CDN, and MSAL's calls to Entra
 * ID's token endpoint after the redirect back.
 */
const AUTH_DIALOG_CSP: ContentSecurityPolicyOptions = {
  scriptSrc: ["https://appsforoffice.microsoft.com"],
  connectSrc: ["https://login.microsoftonline.com"],
};

/** Sends one of Redress's own pages with a fresh nonce on its script and style tags and in its policy. */
function sendHtml(reply: FastifyReply, html: string, policy: ContentSecurityPolicyOptions): FastifyReply {
  const nonce = newNonce();
  return (
    reply
      .header("Content-Security-Policy", buildContentSecurityPolicy({ ...policy, nonce }))
      .header("X-Content-Type-Options", "nosniff")
      .header("Referrer-Policy", "no-referrer")
      // A nonce is for one response only: no cache may keep the page and replay it.
      .header("Cache-Control", "no-store")
      .type("text/html; charset=utf-8")
      .send(addNonce(html, nonce))
  );
}

const isMissingFile = (error: unknown): boolean =>
  error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");

/** Registers `/`, `/taskpane.html`, `/tab` and `/assets/*` on `app`. */
export async function registerWebRoutes(app: FastifyInstance, options: WebRoutesOptions): Promise<void> {
  const webRoot = path.resolve(options.webRoot);

  async function sendBuiltPage(
    reply: FastifyReply,
    fileName: string,
    csp: ContentSecurityPolicyOptions = APP_CSP,
  ): Promise<FastifyReply> {
    let html: string;
    try {
      html = await readFile(path.join(webRoot, fileName), "utf8");
    } catch (error) {
      if (!isMissingFile(error)) throw error;
      return reply
        .code(503)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .type("text/plain; charset=utf-8")
        .send(WEB_NOT_BUILT_MESSAGE);
    }
    return sendHtml(reply, html, csp);
  }

  app.get("/", async (_request, reply) => {
    const webBuilt = await access(path.join(webRoot, "tab.html")).then(
      () => true,
      () => false,
    );
    return sendHtml(reply, webBuilt ? LANDING_HTML.built : LANDING_HTML.notBuilt, LANDING_CSP);
  });
  app.get("/taskpane.html", async (_request, reply) => sendBuiltPage(reply, "taskpane.html", TASKPANE_CSP));
  app.get("/tab", async (_request, reply) => sendBuiltPage(reply, "tab.html"));
  app.get("/auth-dialog.html", async (_request, reply) => sendBuiltPage(reply, "auth-dialog.html", AUTH_DIALOG_CSP));
  // The channel tab's configuration page is the same bundle: it reads its path and shows the configuration view.
  app.get("/tab/config", async (_request, reply) => sendBuiltPage(reply, "tab.html"));

  // `wildcard: true` (one `/assets/*` route) rather than a route per file found at start: a rebuild's new names
  // are served without a restart. The prefix keeps the wildcard away from every other route.
  await app.register(fastifyStatic, {
    root: path.join(webRoot, "assets"),
    prefix: "/assets/",
    wildcard: true,
    index: false,
    list: false,
    dotfiles: "deny",
    // Another plugin may register @fastify/static too; only one may decorate the reply.
    decorateReply: false,
    maxAge: ASSET_MAX_AGE_MS,
    immutable: true,
    // The build writes .br and .gz beside each script (webpack.config.js): sent as they are, with Vary.
    preCompressed: true,
    setHeaders: (response) => {
      response.setHeader("X-Content-Type-Options", "nosniff");
      // The same URL answers compressed or not by Accept-Encoding: caches between must keep them apart.
      response.setHeader("Vary", "Accept-Encoding");
    },
  });
}
