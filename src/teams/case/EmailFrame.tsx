import { Button, MessageBar, MessageBarBody, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { CaseEmailView } from "../../contracts/views.js";
import { ApiError } from "../../web/api/client.js";
import { ukDateTime } from "../format.js";
import { useSession } from "../shell/session.js";

const useStyles = makeStyles({
  meta: { margin: "0 0 8px", color: tokens.colorNeutralForeground2 },
  frame: {
    width: "100%",
    height: "360px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // The email keeps its own colours: white paper, as in Outlook's reading pane.
    backgroundColor: "#ffffff",
  },
  text: {
    whiteSpace: "pre-wrap",
    margin: 0,
    padding: tokens.spacingHorizontalM,
    maxHeight: "360px",
    overflowY: "auto",
    fontFamily: tokens.fontFamilyBase,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * The complaint email as received. Its HTML (already sanitised by the server) is shown in a frame with
 * `sandbox=""`: no scripts, no forms, no navigation, its own opaque origin. Plain text is the fallback.
 */
export function EmailFrame({ caseId }: { caseId: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const [email, setEmail] = useState<CaseEmailView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [asText, setAsText] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .get<{ email: CaseEmailView | null }>(`/api/cases/${caseId}/email`)
      .then((answer) => live && setEmail(answer.email))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.userMessage : "The email could not be shown."));
    return () => {
      live = false;
    };
  }, [api, caseId]);

  if (error) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{error} The original is under Documents.</MessageBarBody>
      </MessageBar>
    );
  }
  if (email === undefined) return <Spinner size="tiny" label="Loading the email…" />;
  if (email === null) return null;
  const showText = asText || !email.html;
  return (
    <div>
      <p className={styles.meta}>
        From {email.from ?? "an unknown sender"}
        {email.date ? `, ${ukDateTime(email.date)}` : ""}
      </p>
      {showText ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        <pre className={styles.text} tabIndex={0}>
          {email.text ?? "This email has no text."}
        </pre>
      ) : (
        <iframe className={styles.frame} title="The complaint email" sandbox="" srcDoc={email.html ?? ""} />
      )}
      {email.html && (
        <Button appearance="subtle" size="small" onClick={() => setAsText(!asText)}>
          {asText ? "Show formatted" : "Show as plain text"}
        </Button>
      )}
    </div>
  );
}
