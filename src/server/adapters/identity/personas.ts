import type { Role } from "../../domain/roles.js";
import type { Directory, DirectoryUser } from "../../ports/directory.js";

/** The fixed people of embedded mode (DESIGN.md §4): `id` is the persona name. */
export const PERSONAS: readonly DirectoryUser[] = [
  { id: "staff", name: "Priya Shah", email: "priya.shah@cmsvoc.example", roles: ["Complaints.Log"] },
  { id: "staff-2", name: "Tom Evans", email: "tom.evans@cmsvoc.example", roles: ["Complaints.Log"] },
  {
    id: "handler",
    name: "Helen Carter",
    email: "helen.carter@cmsvoc.example",
    roles: ["Complaints.Log", "Complaints.Handle"],
  },
  {
    id: "handler-2",
    name: "David Okafor",
    email: "david.okafor@cmsvoc.example",
    roles: ["Complaints.Log", "Complaints.Handle"],
  },
  {
    id: "ops-director",
    name: "Olivia Bennett",
    email: "olivia.bennett@cmsvoc.example",
    roles: ["Complaints.Log", "Complaints.Triage"],
  },
  {
    id: "director",
    name: "Daniel Morgan",
    email: "daniel.morgan@cmsvoc.example",
    roles: ["Complaints.Log", "Complaints.Direct"],
  },
  {
    id: "director-2",
    name: "Rachel Hughes",
    email: "rachel.hughes@cmsvoc.example",
    roles: ["Complaints.Log", "Complaints.Direct"],
  },
  {
    id: "board-member",
    name: "Bernard Lewis",
    email: "bernard.lewis@cmsvoc.example",
    roles: ["Complaints.Log", "Complaints.Board"],
  },
  {
    id: "board-member-2",
    name: "Fiona Campbell",
    email: "fiona.campbell@cmsvoc.example",
    roles: ["Complaints.Log", "Complaints.Board"],
  },
  { id: "admin", name: "Alex Kim", email: "alex.kim@cmsvoc.example", roles: ["Complaints.Log", "Complaints.Admin"] },
];

export const PERSONA_IDS = PERSONAS.map((p) => p.id);

export class PersonaDirectory implements Directory {
  async getUser(id: string): Promise<DirectoryUser | null> {
    return PERSONAS.find((p) => p.id === id) ?? null;
  }

  async usersWithRole(role: Role): Promise<DirectoryUser[]> {
    return PERSONAS.filter((p) => p.roles.includes(role));
  }
}
