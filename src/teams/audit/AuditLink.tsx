import { Button, tokens } from "@fluentui/react-components";
import { useSession } from "../shell/session.js";

// Its own file so the board carries the link without the audit view itself (loaded when opened).
/** The way in from the board, for directors only. */
export function AuditLink({ onOpen }: { onOpen(): void }) {
  const { hasRole } = useSession();
  if (!hasRole("Complaints.Direct")) return null;
  return (
    <nav aria-label="Oversight" style={{ padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0` }}>
      <Button appearance="secondary" onClick={onOpen}>
        Audit trail
      </Button>
    </nav>
  );
}
