import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Settings20Regular, ShieldPerson20Regular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { PolicyReviewView } from "../../contracts/settings-views.js";
import { useSession } from "../shell/session.js";
import { ReviewReminder } from "./ReviewReminder.js";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0`,
  },
});

/**
 * Above the board: the policy review reminder for admins and directors when it is due ("this policy is reviewed
 * regularly"), the way into the settings for admins and to the subject access export for directors. Nothing at
 * all for everyone else.
 */
export function AdminBar({ onOpen }: { onOpen(view: "settings" | "data-protection"): void }) {
  const styles = useStyles();
  const { api, hasRole, generation } = useSession();
  const [reminder, setReminder] = useState<PolicyReviewView["reminder"]>(null);
  const isAdmin = hasRole("Complaints.Admin");
  const seesReminder = isAdmin || hasRole("Complaints.Direct");

  useEffect(() => {
    void generation;
    if (!seesReminder) {
      setReminder(null);
      return;
    }
    let live = true;
    api
      .get<PolicyReviewView>("/api/settings/policy-review")
      .then((v) => live && setReminder(v.reminder))
      .catch(() => live && setReminder(null));
    return () => {
      live = false;
    };
  }, [api, seesReminder, generation]);

  const isDirector = hasRole("Complaints.Direct");
  if (!isAdmin && !isDirector && !reminder?.due) return null;
  return (
    <div className={styles.bar}>
      {reminder?.due && <ReviewReminder message={reminder.message} overdue={reminder.overdue} />}
      {isAdmin ? (
        <div>
          <Button icon={<Settings20Regular />} onClick={() => onOpen("settings")}>
            Procedure settings and data protection
          </Button>
        </div>
      ) : (
        isDirector && (
          <div>
            <Button icon={<ShieldPerson20Regular />} onClick={() => onOpen("data-protection")}>
              Subject access export
            </Button>
          </div>
        )
      )}
    </div>
  );
}
