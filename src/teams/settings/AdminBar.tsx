import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Settings20Regular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { PolicyReviewView } from "../../contracts/settings-views.js";
import { useSession } from "../shell/session.js";
import { ReviewReminder } from "./SettingsPage.js";

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
 * regularly"), and the way into the settings for admins. Nothing at all for everyone else.
 */
export function AdminBar({ onOpenSettings }: { onOpenSettings(): void }) {
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

  if (!isAdmin && !reminder?.due) return null;
  return (
    <div className={styles.bar}>
      {reminder?.due && <ReviewReminder message={reminder.message} overdue={reminder.overdue} />}
      {isAdmin && (
        <div>
          <Button icon={<Settings20Regular />} onClick={onOpenSettings}>
            Procedure settings and data protection
          </Button>
        </div>
      )}
    </div>
  );
}
