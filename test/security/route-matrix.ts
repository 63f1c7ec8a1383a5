/**
 * THE NEED-TO-KNOW MATRIX: one entry per route the server registers (method + Fastify path). The test reads the
 * running server's routes (GET /api/dev/routes) and fails for any route missing here — classify a new route by
 * adding ONE entry below:
 *
 *   "GET /api/things/:id": caseRoute({ view: "full" }),            // per-case read: full view only, else 404
 *   "POST /api/things": signedIn({ request: () => ({ ... }) }),    // anyone signed in; answers scanned for canaries
 *   "GET /api/reports/x": roles(DIRECTORS, req, { aggregatesOnly: true }), // only these; counts, never a case's data
 *   "GET /healthz": publicRoute(),                                 // no token; must carry no case data at all
 *
 * Who may see a case (DESIGN.md §1) is `viewOf` below, written from the design, not from the code under test.
 */

import { PERSONA_NAMES } from "../../src/contracts/personas.js";
import type { Persona } from "../integration/api-client.js";
import type { PlantedCase } from "./planted-cases.js";

export type Caller = Persona | null;
export type View = "full" | "status" | "none";

export const PERSONAS: readonly Persona[] = PERSONA_NAMES;

type RoleName = "log" | "handle" | "triage" | "direct" | "board" | "admin";
const ROLES: Record<Persona, readonly RoleName[]> = {
  staff: ["log"],
  "staff-2": ["log"],
  handler: ["log", "handle"],
  "handler-2": ["log", "handle"],
  "ops-director": ["log", "triage"],
  director: ["log", "direct"],
  "director-2": ["log", "direct"],
  "board-member": ["log", "board"],
  "board-member-2": ["log", "board"],
  admin: ["log", "admin"],
};
export const has = (p: Persona, role: RoleName): boolean => ROLES[p].includes(role);

/** DESIGN.md §1: directors and the Operations Director see all; handler and board member their own; staff status. */
export function viewOf(p: Persona, c: PlantedCase): View {
  if (has(p, "direct") || has(p, "triage")) return "full";
  if (has(p, "handle") && c.handlerId === p) return "full";
  if (has(p, "board") && c.boardMemberId === p) return "full";
  if (c.loggedBy === p) return "status";
  return "none";
}

export interface Request {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
}

/** What a caller must get: `ok` (one of the route's success statuses), `status` (200, status view only), 403, 404. */
export type Expected = "ok" | "status" | "forbidden" | "hidden" | "unauthenticated";

export interface RouteRule {
  /** How the route is reached: not at all with no token (`token`), or open (`public`, `dev`). */
  kind: "public" | "dev" | "token";
  /** Why a `dev` route is exempt from the scan (it does not exist in Microsoft 365 mode or production). */
  reason?: string;
  /** Requests to make; `c` is each planted case for case routes, undefined for the others. */
  requests?: (c: PlantedCase | undefined, all: readonly PlantedCase[]) => Request[];
  /** Per case: true for routes under /api/cases/:id. */
  perCase?: boolean;
  expect?: (p: Persona, c: PlantedCase | undefined) => Expected;
  /** Success statuses (a procedure step may be refused for its stage: 409/422 still prove the caller got through). */
  okStatuses?: readonly number[];
  /** Changes a case: relations are re-read after a success. */
  mutates?: boolean;
  /**
   * DESIGN.md §1's deliberate exception: anyone holding an email may learn if it is logged, with reference, stage and
   * due date. Hidden cases may then appear as status views, never with content.
   */
  statusException?: boolean;
  /**
   * Reports and dashboards: aggregates only. No case's canary, reference or id may appear, whoever asks — even a
   * director who may open every case.
   */
  aggregatesOnly?: boolean;
}

export const publicRoute = (requests?: RouteRule["requests"]): RouteRule => ({ kind: "public", requests });
export const devRoute = (reason: string): RouteRule => ({ kind: "dev", reason });

/** Anyone signed in may call it; what it returns is scanned against each caller's views. */
export const signedIn = (requests: RouteRule["requests"], extra: Partial<RouteRule> = {}): RouteRule => ({
  kind: "token",
  requests,
  expect: () => "ok",
  ...extra,
});

/** Only these personas; everyone else 403. */
export const roles = (
  allowed: readonly Persona[],
  requests: RouteRule["requests"],
  extra: Partial<RouteRule> = {},
): RouteRule => ({
  kind: "token",
  requests,
  expect: (p) => (allowed.includes(p) ? "ok" : "forbidden"),
  ...extra,
});

/** A read of one case: `full` view only (else 404), or `status` too (the logger gets the status view). */
export const caseRead = (
  path: (c: PlantedCase) => string,
  options: { status: "status" | "ok" | "hidden"; method?: string; body?: unknown; okStatuses?: number[] },
): RouteRule => ({
  kind: "token",
  perCase: true,
  requests: (c) => (c ? [{ method: options.method ?? "GET", path: path(c), body: options.body }] : []),
  expect: (p, c) => {
    const v = c ? viewOf(p, c) : "none";
    if (v === "full") return "ok";
    if (v === "status") return options.status;
    return "hidden";
  },
  okStatuses: options.okStatuses,
});

/**
 * A change to one case: a role that may never take the action → 403; a case the caller may not see → 404; seen but
 * not theirs to act on → 403; else through to the procedure (200, or 409/422 when the stage refuses).
 */
export const caseChange = (
  mayEver: (p: Persona) => boolean,
  mayOnCase: (p: Persona, c: PlantedCase) => boolean,
  request: (c: PlantedCase) => Request,
): RouteRule => ({
  kind: "token",
  perCase: true,
  mutates: true,
  requests: (c) => (c ? [request(c)] : []),
  expect: (p, c) => {
    if (!mayEver(p)) return "forbidden";
    if (!c || viewOf(p, c) === "none") return "hidden";
    return mayOnCase(p, c) ? "ok" : "forbidden";
  },
  okStatuses: [200, 201, 409, 422],
});

/** The procedure's roles per action (DESIGN.md §1): oversight acts on any case, others only on their own. */
const assignedHandler = (p: Persona, c: PlantedCase) => has(p, "handle") && c.handlerId === p;
const assignedBoard = (p: Persona, c: PlantedCase) => has(p, "board") && c.boardMemberId === p;
type Who = "triage" | "direct" | "handle" | "board";
function actionRule(who: readonly Who[], path: (c: PlantedCase) => string, body: unknown): RouteRule {
  return caseChange(
    (p) => who.some((w) => has(p, w)),
    (p, c) =>
      who.some(
        (w) =>
          has(p, w) &&
          (w === "triage" || w === "direct" || (w === "handle" ? assignedHandler(p, c) : assignedBoard(p, c))),
      ),
    (c) => ({ method: "POST", path: path(c), body }),
  );
}
const action = (name: string, who: readonly Who[], body: unknown) =>
  actionRule(who, (c) => `/api/cases/${c.id}/${name}`, body);

export const DIRECTORS: readonly Persona[] = ["director", "director-2"];
const unknownId = "00000000-0000-4000-8000-000000000000";

/** Searches that must find nothing a caller may not see: by name, address, reference, canary subject. */
const searches = (base: string) => (_c: PlantedCase | undefined, all: readonly PlantedCase[]) => [
  { method: "GET", path: base },
  ...all.flatMap((c) => [
    { method: "GET", path: `${base}?q=${encodeURIComponent(c.complainantName)}` },
    { method: "GET", path: `${base}?q=${encodeURIComponent(c.complainantEmail)}` },
    { method: "GET", path: `${base}?q=${encodeURIComponent(c.reference)}` },
    { method: "GET", path: `${base}?q=${encodeURIComponent(c.canaries[0] ?? "")}` },
  ]),
  { method: "GET", path: `${base}?stage=appeal` },
  { method: "GET", path: `${base}?overdue=true` },
];

/** Policy 2.1: the Operations Meeting, its packs, improvement and the annual report are the directors' and the OD's. */
const GOVERNORS: readonly Persona[] = [...DIRECTORS, "ops-director"];
/** The Reports view (aggregates only): governors and the admin. */
const REPORTERS: readonly Persona[] = [...GOVERNORS, "admin"];

export const ROUTE_MATRIX: Record<string, RouteRule> = {
  // Pages and public facts: no token, and never any case data.
  "GET /": publicRoute(),
  "GET /tab": publicRoute(),
  "GET /tab/config": publicRoute(),
  "GET /taskpane.html": publicRoute(),
  "GET /assets/*": publicRoute(() => [{ method: "GET", path: "/assets/does-not-exist.js" }]),
  "GET /addin/icon-:size.png": publicRoute(() => [{ method: "GET", path: "/addin/icon-32.png" }]),
  "GET /healthz": publicRoute(),
  "GET /readyz": publicRoute(),
  "GET /auth-dialog.html": publicRoute(),
  "GET /api/openapi.json": publicRoute(),
  "GET /api/client-config": publicRoute(),
  "POST /api/dev/token": publicRoute(() => [{ method: "POST", path: "/api/dev/token", body: { persona: "staff" } }]),
  "GET /api/dev/routes": publicRoute(),
  // The public complaint form and the satisfaction survey (no sign-in by design): never any case data.
  "GET /complain": publicRoute(),
  "GET /api/public/complaint-form": publicRoute(),
  "POST /api/public/complaints": publicRoute(() => [{ method: "POST", path: "/api/public/complaints", body: {} }]),
  "GET /survey/:token": publicRoute(() => [{ method: "GET", path: "/survey/not-a-token" }]),
  "GET /api/public/survey/:token": publicRoute(() => [{ method: "GET", path: "/api/public/survey/not-a-token" }]),
  "POST /survey/:token": publicRoute(() => [
    {
      method: "POST",
      path: "/survey/not-a-token",
      body: "fairness=5",
      contentType: "application/x-www-form-urlencoded",
    },
  ]),
  "POST /api/public/survey/:token": publicRoute(() => [
    { method: "POST", path: "/api/public/survey/not-a-token", body: {} },
  ]),
  // Development only (embedded mode, like Mailpit): what would have been emailed, so it names complainants.
  "GET /dev/outbox": devRoute("embedded mode's outbox viewer; not registered in Microsoft 365 mode"),
  "GET /api/dev/outbox": devRoute("embedded mode's outbox viewer; not registered in Microsoft 365 mode"),

  // Anyone signed in.
  "GET /api/me": signedIn(() => [{ method: "GET", path: "/api/me" }]),
  "GET /api/people": signedIn(() => [{ method: "GET", path: "/api/people" }]),
  "GET /api/settings/procedure": signedIn(() => [{ method: "GET", path: "/api/settings/procedure" }]),
  "GET /api/cases": signedIn(searches("/api/cases")),
  "GET /api/cases/board": signedIn(searches("/api/cases/board")),
  // The same cards as columns, compressed (the tab's board): scanned decompressed, as a browser reads it.
  "GET /api/board": signedIn(searches("/api/board")),
  "GET /api/board/head": signedIn(() => [{ method: "GET", path: "/api/board/head" }]),
  "GET /api/intake/complainant-cases": signedIn((_c, all) =>
    all.map((c) => ({
      method: "GET",
      path: `/api/intake/complainant-cases?from=${encodeURIComponent(c.complainantEmail)}`,
    })),
  ),
  "GET /api/intake/lookup": signedIn(
    (_c, all) =>
      all.map((c) => ({ method: "GET", path: `/api/intake/lookup?messageId=${encodeURIComponent(c.messageId)}` })),
    { statusException: true },
  ),
  "POST /api/cases": signedIn(
    () => [
      {
        method: "POST",
        path: "/api/cases",
        body: { channel: "post", subject: "A letter", complainant: { name: "Pat Writer" } },
      },
    ],
    { okStatuses: [201] },
  ),
  // The same email again answers with the case it belongs to: the intake's side of the lookup exception.
  "POST /api/intake/email": signedIn(
    (_c, all) =>
      all.map((c) => ({ method: "POST", path: "/api/intake/email", body: c.eml, contentType: "message/rfc822" })),
    { statusException: true, okStatuses: [200, 201] },
  ),
  "POST /api/intake/email-parts": signedIn(
    (_c, all) =>
      all.map((c) => ({
        method: "POST",
        path: "/api/intake/email-parts",
        body: {
          internetMessageId: c.messageId,
          subject: "Re: my complaint",
          from: { address: "x@example.org" },
          body: { type: "text", content: "Hello" },
        },
      })),
    { statusException: true, okStatuses: [200, 201, 422] },
  ),

  // The .eml read through Graph (Microsoft 365 mode; NOT_AVAILABLE in embedded mode): the intake's exception.
  "POST /api/intake/outlook-item": signedIn(
    () => [{ method: "POST", path: "/api/intake/outlook-item", body: { itemId: "AAMkADprobe" } }],
    { statusException: true, okStatuses: [200, 201, 404] },
  ),

  // Procedure settings: the admin only.
  "GET /api/admin/settings": roles(["admin"], () => [{ method: "GET", path: "/api/admin/settings" }]),
  "PUT /api/admin/settings": roles(["admin"], () => [{ method: "PUT", path: "/api/admin/settings", body: {} }], {
    okStatuses: [200, 409, 422],
  }),

  // Governance (policy 2.1): the Operations Meeting and improvement; governors see every case anyway.
  "GET /api/meetings": roles(GOVERNORS, () => [{ method: "GET", path: "/api/meetings" }]),
  "POST /api/meetings": roles(
    GOVERNORS,
    () => [{ method: "POST", path: "/api/meetings", body: { meetingDate: "2026-11-20", notes: "Probe." } }],
    // The date may already have its meeting (one per date): 409/422 still prove the caller got through.
    { okStatuses: [200, 201, 409, 422] },
  ),
  "GET /api/meetings/pack": roles(GOVERNORS, () => [{ method: "GET", path: "/api/meetings/pack" }]),
  "POST /api/meetings/:id/agenda": roles(
    GOVERNORS,
    () => [{ method: "POST", path: `/api/meetings/${unknownId}/agenda` }],
    { okStatuses: [404] },
  ),
  "GET /api/governance-documents/:id/content": roles(
    GOVERNORS,
    () => [{ method: "GET", path: `/api/governance-documents/${unknownId}/content` }],
    { okStatuses: [404] },
  ),
  // Everyone sees the improvement actions they own (none here); governors see all.
  "GET /api/improvement-actions": signedIn(() => [{ method: "GET", path: "/api/improvement-actions" }]),
  "POST /api/improvement-actions": roles(
    GOVERNORS,
    () => [
      {
        method: "POST",
        path: "/api/improvement-actions",
        body: { description: "Probe.", ownerId: "handler", dueDate: "2030-01-01" },
      },
    ],
    { okStatuses: [200, 201] },
  ),
  "POST /api/improvement-actions/:id/complete": signedIn(
    () => [{ method: "POST", path: `/api/improvement-actions/${unknownId}/complete`, body: {} }],
    { okStatuses: [404] },
  ),
  // Reports: aggregates only, whoever asks.
  "GET /api/reports/dashboard": roles(REPORTERS, () => [{ method: "GET", path: "/api/reports/dashboard" }], {
    aggregatesOnly: true,
  }),
  "GET /api/reports/dashboard.csv": roles(REPORTERS, () => [{ method: "GET", path: "/api/reports/dashboard.csv" }], {
    aggregatesOnly: true,
  }),
  "POST /api/reports/annual": roles(GOVERNORS, () => [{ method: "POST", path: "/api/reports/annual", body: {} }], {
    aggregatesOnly: true,
    okStatuses: [200, 201],
  }),
  "GET /api/reports/documents": roles(GOVERNORS, () => [{ method: "GET", path: "/api/reports/documents" }], {
    aggregatesOnly: true,
  }),
  "GET /api/settings/policy-review": signedIn(() => [{ method: "GET", path: "/api/settings/policy-review" }]),

  // Data protection: erasure, retention and their log are the admin's (no case content comes back); the subject
  // access export holds case content, so it is the directors'.
  "POST /api/data-protection/erasure": roles(
    ["admin"],
    () => [
      {
        method: "POST",
        path: "/api/data-protection/erasure",
        body: { email: "nobody-at-all@example.org", reason: "Probe." },
      },
    ],
    { okStatuses: [200, 404, 409] },
  ),
  "POST /api/data-protection/subject-access": roles(
    DIRECTORS,
    (_c, all) => [
      { method: "POST", path: "/api/data-protection/subject-access", body: { email: "nobody-at-all@example.org" } },
      ...all.map((c) => ({
        method: "POST",
        path: "/api/data-protection/subject-access",
        body: { email: c.complainantEmail },
      })),
    ],
    { okStatuses: [200, 404] },
  ),
  "POST /api/data-protection/retention": roles(["admin"], () => [
    { method: "POST", path: "/api/data-protection/retention" },
  ]),
  "GET /api/data-protection/log": roles(["admin"], () => [{ method: "GET", path: "/api/data-protection/log" }]),

  // Oversight lists.
  "GET /api/outbox/attention": roles([...DIRECTORS, "admin"], () => [{ method: "GET", path: "/api/outbox/attention" }]),
  "POST /api/outbox/:jobId/retry": roles(
    [...DIRECTORS, "admin"],
    () => [{ method: "POST", path: `/api/outbox/${unknownId}/retry` }],
    { okStatuses: [404] },
  ),
  "GET /api/audit": roles(DIRECTORS, () => [
    { method: "GET", path: "/api/audit" },
    { method: "GET", path: "/api/audit?actor=staff&type=read" },
  ]),
  "GET /api/audit/people": roles(DIRECTORS, () => [{ method: "GET", path: "/api/audit/people" }]),

  // One case.
  "GET /api/cases/:id": caseRead((c) => `/api/cases/${c.id}`, { status: "status" }),
  "GET /api/cases/:id/email": caseRead((c) => `/api/cases/${c.id}/email`, { status: "hidden" }),
  "GET /api/cases/:id/deliveries": caseRead((c) => `/api/cases/${c.id}/deliveries`, { status: "ok" }),
  "GET /api/cases/:id/documents/:documentId/content": caseRead(
    (c) => `/api/cases/${c.id}/documents/${c.documentId}/content`,
    { status: "hidden" },
  ),
  "GET /api/cases/:id/audit": {
    ...roles(DIRECTORS, (c) => (c ? [{ method: "GET", path: `/api/cases/${c.id}/audit` }] : [])),
    perCase: true,
  },
  "POST /api/cases/:id/letters/preview": actionRule(["handle"], (c) => `/api/cases/${c.id}/letters/preview`, {
    kind: "acknowledgement",
    method: "email",
  }),
  "POST /api/cases/:id/emails": caseChange(
    () => true,
    () => true,
    (c) => ({
      method: "POST",
      path: `/api/cases/${c.id}/emails`,
      body: Buffer.from(
        `From: a@example.org\r\nSubject: more\r\nMessage-ID: <${crypto.randomUUID()}@x>\r\n\r\nMore.\r\n`,
      ),
      contentType: "message/rfc822",
    }),
  ),
  "POST /api/cases/:id/documents": actionRule(
    ["handle", "triage", "direct", "board"],
    (c) => `/api/cases/${c.id}/documents?name=probe.txt`,
    "probe",
  ),
  "POST /api/cases/:id/triage": action("triage", ["triage"], {
    category: "Teaching",
    nature: "Probe.",
    serious: false,
    handlerId: "handler",
    interestConfirmed: true,
  }),
  "POST /api/cases/:id/redirect": action("redirect", ["triage"], { redirectAs: "not-a-complaint", reason: "Probe." }),
  "POST /api/cases/:id/acknowledge": action("acknowledge", ["handle"], { method: "post" }),
  "POST /api/cases/:id/actions": action("actions", ["handle", "triage"], {
    description: "Probe.",
    dueDate: "2030-01-01",
  }),
  "POST /api/cases/:id/actions/:actionId/complete": {
    ...actionRule(["handle", "triage", "direct"], (c) => `/api/cases/${c.id}/actions/${c.actionId}/complete`, {}),
    // Only cases with an agreed action: on the others an allowed caller's 404 would mean "no such action".
    requests: (c) =>
      c?.actionId ? [{ method: "POST", path: `/api/cases/${c.id}/actions/${c.actionId}/complete`, body: {} }] : [],
  },
  "POST /api/cases/:id/outcome": action("outcome", ["handle"], {
    result: "upheld",
    reasons: "Probe.",
    method: "post",
    rootCause: "other",
    lessonsLearned: "Probe.",
  }),
  "POST /api/cases/:id/directors-consulted": action("directors-consulted", ["direct", "triage"], {
    response: "Probe.",
  }),
  "POST /api/cases/:id/board-informed": action("board-informed", ["triage", "direct"], {}),
  "POST /api/cases/:id/meeting": action("meeting", ["triage", "direct"], {
    meetingDate: "2026-11-20",
    notes: "Probe.",
  }),
  "POST /api/cases/:id/appeal": action("appeal", ["triage", "direct"], {
    grounds: "Probe.",
    boardMemberId: "board-member",
  }),
  "POST /api/cases/:id/appeal-decision": action("appeal-decision", ["board"], {
    result: "not-upheld",
    reasons: "Probe.",
    method: "post",
  }),
  "POST /api/cases/:id/signpost": action("signpost", ["handle", "triage", "direct", "board"], {
    awardingOrganisation: "Probe AO",
  }),
  "POST /api/cases/:id/withdraw": action("withdraw", ["triage", "handle"], { reason: "Probe." }),
  "POST /api/cases/:id/close": action("close", ["triage", "direct"], {}),
};
