import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { CaseFullView } from "../../contracts/views.js";
import { londonToday, RELATIONSHIP_LABELS } from "../format.js";
import { useSession } from "../shell/session.js";
import { DayField, instantFor } from "./common.js";
import { StepDialog } from "./StepDialog.js";

export interface PostalComplaintDialogProps {
  open: boolean;
  onClose(): void;
  onLogged(caseId: string): void;
}

/** Policy 1.1: a complaint in writing, typed in, with the scanned letter kept on the case. */
export function PostalComplaintDialog({ open, onClose, onLogged }: PostalComplaintDialogProps) {
  const { api } = useSession();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [relationship, setRelationship] = useState("unknown");
  const [subject, setSubject] = useState("");
  const [summary, setSummary] = useState("");
  const [day, setDay] = useState(londonToday());
  const [file, setFile] = useState<File | null>(null);
  const [logged, setLogged] = useState<string | null>(null);

  return (
    <StepDialog
      open={open}
      title="Log a complaint in writing"
      next="The case is logged as received with its reference; the Operations Director then triages it."
      submitLabel={logged ? "Upload the scanned letter" : "Log complaint"}
      onClose={onClose}
      submitDisabled={file === null}
      onSubmit={async () => {
        // Logged once: if the upload then fails, pressing again retries only the upload.
        let caseId = logged;
        if (!caseId) {
          const created = await api.post<{ case: CaseFullView }>("/api/cases", {
            channel: "post",
            subject,
            summary: summary || null,
            complainant: { name, email: email || null, relationship },
            receivedAt: instantFor(day),
          });
          caseId = created.case.id;
          setLogged(caseId);
        }
        if (file) {
          await api.request(`/api/cases/${caseId}/documents`, {
            method: "POST",
            body: file,
            contentType: file.type || "application/octet-stream",
            query: { name: file.name, kind: "attachment" },
          });
        }
        setLogged(null);
        onLogged(caseId);
      }}
    >
      <Field label="Complainant's name" required>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label="Complainant's email" hint="If the letter gives one.">
        <Input type="email" value={email} onChange={(_, d) => setEmail(d.value)} />
      </Field>
      <Field label="Relationship to CMS">
        <Select value={relationship} onChange={(_, d) => setRelationship(d.value)}>
          {Object.entries(RELATIONSHIP_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Subject" required>
        <Input value={subject} onChange={(_, d) => setSubject(d.value)} />
      </Field>
      <Field label="Summary of the letter">
        <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} resize="vertical" />
      </Field>
      <DayField label="Received on" value={day} onChange={setDay} />
      <Field label="Scanned letter (PDF or image)" required>
        <input
          type="file"
          aria-label="Scanned letter (PDF or image)"
          accept="application/pdf,image/*"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </Field>
    </StepDialog>
  );
}
