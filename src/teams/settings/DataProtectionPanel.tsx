import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { DataProtectionLogView } from "../../contracts/settings-views.js";
import { ApiError } from "../../web/api/client.js";
import { ukDateTime } from "../format.js";
import { useSession } from "../shell/session.js";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Result = { intent: "success" | "error"; text: string } | null;

const words = (error: unknown) => (error instanceof ApiError ? error.userMessage : "That did not work. Try again.");

/** Data protection requests: a subject access export in one action, an erasure on request, and the log. */
export function DataProtectionPanel() {
  const styles = useStyles();
  const { api, hasRole } = useSession();
  const [person, setPerson] = useState("");
  const [eraseEmail, setEraseEmail] = useState("");
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<Result>(null);
  const [log, setLog] = useState<DataProtectionLogView["entries"] | null>(null);
  const [busy, setBusy] = useState(false);

  const exportZip = async () => {
    setBusy(true);
    setResult(null);
    try {
      const query = person.includes("@") ? { email: person.trim() } : { name: person.trim() };
      const response = await api.fetchRaw("/api/data-protection/subject-access", { method: "POST", json: query });
      const blob = await response.blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "export.zip";
      link.click();
      URL.revokeObjectURL(link.href);
      const refs = response.headers.get("x-case-references") ?? "";
      setResult({
        intent: "success",
        text: `Export downloaded: ${refs.split(",").filter(Boolean).length} case(s), ${refs}.`,
      });
    } catch (error) {
      setResult({ intent: "error", text: words(error) });
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setBusy(true);
    setResult(null);
    try {
      const { erased } = await api.post<{ erased: string[] }>("/api/data-protection/erasure", {
        email: eraseEmail.trim(),
        reason: reason.trim(),
      });
      setResult({ intent: "success", text: `Details erased from ${erased.join(", ")}.` });
      setEraseEmail("");
      setReason("");
    } catch (error) {
      setResult({ intent: "error", text: words(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="data-protection-heading">
      <Title3 as="h2" id="data-protection-heading" className={styles.heading}>
        Data protection requests
      </Title3>
      {result && (
        <MessageBar intent={result.intent}>
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="Subject access: the person's email address or full name"
        hint="Downloads one zip of every case where they are the complainant, with documents, history and read audit."
      >
        <div className={styles.row}>
          <Input value={person} onChange={(_, d) => setPerson(d.value)} />
          <Button disabled={busy || person.trim().length < 2} onClick={() => void exportZip()}>
            Download export
          </Button>
        </div>
      </Field>
      {hasRole("Complaints.Admin") && (
        <>
          <Field
            label="Erasure: the complainant's email address"
            hint="Their name, address, words and documents are removed from their closed cases; dates and results stay."
          >
            <Input type="email" value={eraseEmail} onChange={(_, d) => setEraseEmail(d.value)} />
          </Field>
          <Field label="The request being met" hint="For the log, e.g. “emailed request of 3 March”. No names.">
            <Input value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button disabled={busy || !eraseEmail.trim() || !reason.trim()} onClick={() => void erase()}>
              Erase this person's details
            </Button>
            <Button
              appearance="subtle"
              onClick={() =>
                void api
                  .get<DataProtectionLogView>("/api/data-protection/log")
                  .then((v) => setLog(v.entries))
                  .catch((error: unknown) => setResult({ intent: "error", text: words(error) }))
              }
            >
              Show the data protection log
            </Button>
          </div>
          {log &&
            (log.length === 0 ? (
              <Text>Nothing has been deleted, erased or exported yet.</Text>
            ) : (
              <ul className={styles.list} aria-label="Data protection log">
                {log.map((e) => (
                  <li key={`${e.at}${e.reference}${e.action}`}>
                    {ukDateTime(e.at)} — {e.by}: {e.action.replace(/-/g, " ")}
                    {e.reference ? ` ${e.reference}` : ""}. {e.detail}
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
    </section>
  );
}
