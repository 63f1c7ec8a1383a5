import { randomUUID } from "node:crypto";
import { ROLES, type Role } from "../server/domain/roles.js";

/**
 * The Office and Teams clients that may ask for a Redress token without a consent prompt (Microsoft's SSO docs:
 * the first covers every Microsoft 365 host of an Office add-in; the other two are Teams desktop/mobile and web).
 */
export const PRE_AUTHORISED_CLIENTS = [
  "ea5a67f6-b6f3-4338-b240-c655ddc3cc8e",
  "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
];

const ROLE_TEXT: Record<Role, string> = {
  "Complaints.Log": "Staff: log emails as complaints and see the status of cases they logged.",
  "Complaints.Handle": "Handler: acknowledge, investigate and write the outcome of cases assigned to them.",
  "Complaints.Triage": "Operations Director: decide the course of action on receipt.",
  "Complaints.Direct": "Director: see every case, be consulted on serious ones, record minutes.",
  "Complaints.Board": "Board member: informed of outcomes; decides appeals assigned to them.",
  "Complaints.Admin": "Admin: procedure settings, SharePoint location, board channel.",
};

export interface AppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
}

export interface DesiredApp {
  displayName: string;
  signInAudience: string;
  identifierUris: string[];
  appRoles: AppRole[];
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: Array<Record<string, unknown>>;
    preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
  };
  spa: { redirectUris: string[] };
  requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
}

type Existing = {
  appRoles?: Array<{ id: string; value?: string }>;
  api?: { oauth2PermissionScopes?: Array<{ id: string; value?: string }> };
} | null;

/**
 * The registration Redress needs, keeping the ids an existing registration already has (ids of roles and scopes
 * must never change: assignments and consents point at them), so a second run asks for no change.
 */
export function desiredApp(options: {
  appName: string;
  host: string;
  clientId: string;
  existing: Existing;
  graphRoles: Map<string, string>;
  graphScopes: Map<string, string>;
}): DesiredApp {
  const hostName = new URL(options.host).host;
  const roleId = (value: string) => options.existing?.appRoles?.find((r) => r.value === value)?.id ?? randomUUID();
  const scopeId =
    options.existing?.api?.oauth2PermissionScopes?.find((s) => s.value === "access_as_user")?.id ?? randomUUID();
  const appRole = (r: string) => options.graphRoles.get(r);
  const graphAccess = [
    ...[
      "Sites.Selected",
      "Mail.Send",
      "Mail.ReadBasic",
      "TeamsActivity.Send",
      "Application.Read.All",
      "User.ReadBasic.All",
    ]
      .map((r) => appRole(r))
      .filter((id): id is string => Boolean(id))
      .map((id) => ({ id, type: "Role" })),
    ...[options.graphScopes.get("User.Read")]
      .filter((id): id is string => Boolean(id))
      .map((id) => ({ id, type: "Scope" })),
  ];
  return {
    displayName: options.appName,
    signInAudience: "AzureADMyOrg",
    identifierUris: [`api://${hostName}/${options.clientId}`],
    appRoles: ROLES.map((value) => ({
      id: roleId(value),
      value,
      displayName: value,
      description: ROLE_TEXT[value],
      allowedMemberTypes: ["User"],
      isEnabled: true,
    })),
    api: {
      // Redress accepts only v2 tokens (iss …/{tid}/v2.0).
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [
        {
          id: scopeId,
          value: "access_as_user",
          type: "User",
          isEnabled: true,
          adminConsentDisplayName: "Use Redress as the signed-in person",
          adminConsentDescription: "Lets Outlook and Teams call Redress as the signed-in person.",
          userConsentDisplayName: "Use Redress as you",
          userConsentDescription: "Lets Outlook and Teams call Redress as you.",
        },
      ],
      preAuthorizedApplications: PRE_AUTHORISED_CLIENTS.map((appId) => ({ appId, delegatedPermissionIds: [scopeId] })),
    },
    // Nested App Authentication (Outlook, Teams) asks for this broker redirect; the pages themselves for MSAL.js.
    spa: { redirectUris: [`brk-multihub://${hostName}`, `${options.host}/taskpane.html`, `${options.host}/tab`] },
    requiredResourceAccess: [{ resourceAppId: "00000003-0000-0000-c000-000000000000", resourceAccess: graphAccess }],
  };
}

/** The parts of a registration set-up manages, in a form where equal means "nothing to change". */
export function comparable(app: Record<string, unknown>): string {
  const api = (app.api ?? {}) as Record<string, unknown>;
  const sortBy = <T>(list: T[] | undefined, key: (t: T) => string) =>
    [...(list ?? [])].sort((a, b) => key(a).localeCompare(key(b)));
  return JSON.stringify({
    identifierUris: [...((app.identifierUris as string[]) ?? [])].sort(),
    appRoles: sortBy(app.appRoles as Array<{ value: string }>, (r) => r.value).map((r) =>
      pick(r, ["id", "value", "allowedMemberTypes", "isEnabled", "description"]),
    ),
    requestedAccessTokenVersion: api.requestedAccessTokenVersion ?? null,
    scopes: sortBy(api.oauth2PermissionScopes as Array<{ value: string }>, (s) => s.value).map((s) =>
      pick(s, ["id", "value", "isEnabled"]),
    ),
    pre: sortBy(api.preAuthorizedApplications as Array<{ appId: string }>, (p) => p.appId),
    spa: [...(((app.spa ?? {}) as { redirectUris?: string[] }).redirectUris ?? [])].sort(),
    rra: app.requiredResourceAccess ?? [],
  });
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const r = o as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k] ?? null]));
}
