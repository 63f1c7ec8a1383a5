/**
 * The Content-Security-Policy of every HTML page Redress serves.
 *
 * Scripts run only when they carry the response's nonce (a fresh one per response) or were loaded by one that
 * does (`'strict-dynamic'`: the bundle's lazy chunks, Office.js and what it loads). An injected `<script>` — inline
 * or not — has no nonce and does not run. `'self'` and the extra hosts stay only for browsers without CSP 3, which
 * ignore `'strict-dynamic'` (CSP 3 browsers ignore them in turn). `frame-ancestors` lets the Microsoft 365 hosts
 * (Teams, Outlook on the web, the Microsoft 365 app) frame the tab and the task pane, and no one else.
 */
import { randomBytes } from "node:crypto";

/** The hosts that may frame Redress's pages (Teams tab and Outlook add-in requirements). */
export const FRAME_ANCESTORS: readonly string[] = [
  "'self'",
  "*.cloud.microsoft",
  "teams.microsoft.com",
  "*.teams.microsoft.com",
  "*.microsoft365.com",
  "*.office.com",
  "outlook.office.com",
  "outlook.office365.com",
];

/**
 * The hash of an empty `<style>` element. Fluent UI (Griffel) adds empty `<style>` elements and fills them through
 * the CSSOM (`insertRule`), which CSP does not govern; allowing only *empty* inline styles keeps `'unsafe-inline'`
 * out of the policy.
 */
export const EMPTY_INLINE_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** A fresh nonce: 128 random bits, base64 (CSP asks for at least 128 bits, never reused). */
export const newNonce = (): string => randomBytes(16).toString("base64");

/** Adds the nonce to every `<script>` and `<style>` tag of a page Redress built itself (never of user content). */
export function addNonce(html: string, nonce: string): string {
  return html.replace(/<(script|style)(?=[\s>])/gi, (_tag, name: string) => `<${name} nonce="${nonce}"`);
}

export interface ContentSecurityPolicyOptions {
  /** This response's nonce: scripts (and styles) carrying it run; nothing else inline does. */
  nonce?: string;
  /** Extra script sources, e.g. Office.js's host for the task pane. */
  scriptSrc?: readonly string[];
  /** Extra style sources, e.g. `'sha256-…'` of a page's inline `<style>` block. */
  styleSrc?: readonly string[];
  /** Extra fetch/XHR targets, e.g. the Entra ID sign-in endpoints. */
  connectSrc?: readonly string[];
}

/** Builds the header value; the same options always give the same string. */
export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const directives: [string, readonly string[]][] = [
    ["default-src", ["'self'"]],
    [
      "script-src",
      options.nonce
        ? [`'nonce-${options.nonce}'`, "'strict-dynamic'", "'self'", ...(options.scriptSrc ?? [])]
        : ["'self'", ...(options.scriptSrc ?? [])],
    ],
    ["style-src", ["'self'", ...(options.nonce ? [`'nonce-${options.nonce}'`] : []), ...(options.styleSrc ?? [])]],
    ["connect-src", ["'self'", ...(options.connectSrc ?? [])]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["object-src", ["'none'"]],
    // No <base> at all: an injected one could point every relative script and link elsewhere.
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", FRAME_ANCESTORS],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}
