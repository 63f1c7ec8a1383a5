import type { ComplaintCase, DocumentKind } from "../case.js";
import { requireStage, type Transition, type TransitionContext } from "./transition.js";

/** Policy 1.3: "All documentation related to a complaint should be stored" with the case. */
export function addDocument(
  c: ComplaintCase,
  input: { name: string; kind: DocumentKind },
  _ctx: TransitionContext,
): Transition {
  requireStage(c, "add-document");
  return {
    next: c,
    event: {
      kind: "document-added",
      summary: `Document added (${input.kind}): ${input.name}`,
      data: { kind: input.kind },
    },
  };
}
