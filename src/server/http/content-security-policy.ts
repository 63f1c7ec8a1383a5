/**
 * The Content-Security-Policy of every HTML page Redress serves.
 *
 * The pages load scripts and styles from this origin only. `frame-ancestors` lets the Microsoft 365 hosts (Teams,
 * Outlook on the web, the Microsoft 365 app) frame the tab and the task pane, and no one else.
 */

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

export interface ContentSecurityPolicyOptions {
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
    ["script-src", ["'self'", ...(options.scriptSrc ?? [])]],
    ["style-src", ["'self'", ...(options.styleSrc ?? [])]],
    ["connect-src", ["'self'", ...(options.connectSrc ?? [])]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", FRAME_ANCESTORS],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}
