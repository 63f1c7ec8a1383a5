import {
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from "@fluentui/react-components";
import { useState } from "react";
import { londonToday, RESULT_LABELS } from "../format.js";
import { useSession } from "../shell/session.js";
import { DayField, instantFor, LetterPreview, type StepProps } from "./common.js";
import { EMPTY_LEARNING, LearningFields, learningBody } from "./LearningFields.js";
import { StepDialog } from "./StepDialog.js";
import { useLetterStep } from "./use-letter-step.js";

type Method = "email" | "post";

function MethodField({ value, onChange }: { value: Method; onChange(value: Method): void }) {
  return (
    <Field label="Sent by" required>
      <RadioGroup layout="horizontal" value={value} onChange={(_, d) => onChange(d.value as Method)}>
        <Radio value="email" label="Email" />
        <Radio value="post" label="Post" />
      </RadioGroup>
    </Field>
  );
}

/** Policy 1.3: the complainant is told it will be investigated and answered by the actual date. */
export function AcknowledgeDialog({ c, open, onClose, onDone }: StepProps) {
  const [method, setMethod] = useState<Method>("email");
  const [day, setDay] = useState(londonToday());
  const letter = useLetterStep({
    caseId: c.id,
    kind: "acknowledgement",
    step: "acknowledge",
    body: { method, sentAt: instantFor(day) },
    sendLabel: "Send acknowledgement",
    onDone,
  });
  return (
    <StepDialog
      open={open}
      title={`Acknowledge ${c.reference}`}
      next="The acknowledgement letter is kept on the case; the investigation starts and the outcome is due by the date it states."
      submitLabel={letter.submitLabel}
      onClose={onClose}
      onSubmit={letter.submit}
    >
      <MethodField
        value={method}
        onChange={(m) => {
          setMethod(m);
          letter.reset();
        }}
      />
      <DayField
        label="Sent on"
        value={day}
        onChange={(d) => {
          setDay(d);
          letter.reset();
        }}
      />
      {letter.preview && <LetterPreview {...letter.preview} />}
    </StepDialog>
  );
}

/** Policy 1.3: an agreed future action with its owner and timescale. */
export function AddActionDialog({ c, open, onClose, onDone }: StepProps) {
  const { api, people, me } = useSession();
  const [description, setDescription] = useState("");
  const [picked, setOwnerId] = useState("");
  const ownerId = picked || me?.id || "";
  const [dueDate, setDueDate] = useState("");
  const owners = people.everyone;
  return (
    <StepDialog
      open={open}
      title="Add an agreed action"
      next="The action appears on the case with its owner and due date until it is marked done."
      submitLabel="Add action"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/actions`, { description, ownerId: ownerId || undefined, dueDate });
        onDone();
      }}
    >
      <Field label="What will be done" required>
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} resize="vertical" />
      </Field>
      <Field label="Owner" required>
        <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
          {owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due by" required>
        <Input type="date" value={dueDate} min={londonToday()} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
    </StepDialog>
  );
}

export function CompleteActionDialog({ c, open, onClose, onDone, actionId }: StepProps & { actionId: string }) {
  const { api } = useSession();
  const [note, setNote] = useState("");
  const action = c.actions.find((a) => a.id === actionId);
  return (
    <StepDialog
      open={open}
      title="Mark the action done"
      next={action ? `“${action.description}” is recorded as done, with your note.` : "The action is recorded as done."}
      submitLabel="Mark done"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/actions/${actionId}/complete`, { note: note || null });
        onDone();
      }}
    >
      <Field label="Note">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
    </StepDialog>
  );
}

/** Evidence, minutes or a scanned letter, kept with the case (policy 1.3: all documentation stored). */
export function UploadDialog({
  c,
  open,
  onClose,
  onDone,
  defaultKind = "evidence",
}: StepProps & { defaultKind?: "evidence" | "minutes" | "attachment" | "other" }) {
  const { api } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string>(defaultKind);
  return (
    <StepDialog
      open={open}
      title="Upload a document"
      next="The file is kept on the case and filed in Directors/Complaints with the other documents."
      submitLabel="Upload"
      onClose={onClose}
      onSubmit={async () => {
        if (!file) throw new Error("Choose a file.");
        await api.request(`/api/cases/${c.id}/documents`, {
          method: "POST",
          body: file,
          contentType: file.type || "application/octet-stream",
          query: { name: file.name, kind },
        });
        onDone();
      }}
      submitDisabled={file === null}
    >
      <Field label="File" required>
        <input type="file" aria-label="File" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </Field>
      <Field label="What it is">
        <Select value={kind} onChange={(_, d) => setKind(d.value)}>
          <option value="evidence">Evidence</option>
          <option value="minutes">Meeting minutes</option>
          <option value="attachment">Scanned letter or attachment</option>
          <option value="other">Other</option>
        </Select>
      </Field>
    </StepDialog>
  );
}

/** Policy 2.1: on a serious complaint each director's response is recorded before the outcome. */
export function DirectorConsultedDialog({ c, open, onClose, onDone }: StepProps) {
  const { api, people, me, hasRole } = useSession();
  const [picked, setDirectorId] = useState("");
  // A director records their own response unless they pick someone else (the session may load after the page).
  const directorId = picked || (hasRole("Complaints.Direct") ? (me?.id ?? "") : "");
  const [response, setResponse] = useState("");
  const missing = people.directors.filter((d) => !c.consultations.some((r) => r.directorId === d.id));
  return (
    <StepDialog
      open={open}
      title="Record a director's response"
      next={
        missing.length > 1
          ? `Still to respond after this: ${missing
              .filter((d) => d.id !== directorId)
              .map((d) => d.name)
              .join(", ")}.`
          : "Once every director has responded, the handler can send the outcome."
      }
      submitLabel="Record response"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/directors-consulted`, { directorId, response });
        onDone();
      }}
    >
      <Field label="Director" required>
        <Select value={directorId} onChange={(_, d) => setDirectorId(d.value)}>
          <option value="">Choose a director</option>
          {people.directors.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {c.consultations.some((r) => r.directorId === p.id) ? " (responded)" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Their response" required>
        <Textarea value={response} onChange={(_, d) => setResponse(d.value)} resize="vertical" />
      </Field>
    </StepDialog>
  );
}

/** Policy 1.3 and 2.2: the final outcome in writing, with the appeal route and its deadline date. */
export function OutcomeDialog({ c, open, onClose, onDone }: StepProps) {
  const { people } = useSession();
  const [result, setResult] = useState<keyof typeof RESULT_LABELS>("upheld");
  const [reasons, setReasons] = useState("");
  const [remedy, setRemedy] = useState("");
  const [method, setMethod] = useState<Method>("email");
  const [day, setDay] = useState(londonToday());
  const [learning, setLearning] = useState(EMPTY_LEARNING);
  const letter = useLetterStep({
    caseId: c.id,
    kind: "outcome",
    step: "outcome",
    body: { result, reasons, remedy: remedy || null, method, sentAt: instantFor(day), ...learningBody(learning) },
    sendLabel: "Send outcome letter",
    onDone,
  });
  const { reset } = letter;
  const waitingFor = c.triage?.serious
    ? people.directors.filter((d) => !c.consultations.some((r) => r.directorId === d.id))
    : [];
  return (
    <StepDialog
      open={open}
      title={`Record the outcome of ${c.reference}`}
      next="The outcome letter (.docx) is kept on the case; the complainant may appeal until the date it states. Then the Operations Director informs the Board."
      submitLabel={letter.submitLabel}
      onClose={onClose}
      onSubmit={letter.submit}
    >
      {waitingFor.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            This is a serious complaint: the outcome cannot be sent until every director has been consulted. Still
            waiting for: {waitingFor.map((d) => d.name).join(", ")}.
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Outcome" required>
        <RadioGroup
          value={result}
          onChange={(_, d) => {
            setResult(d.value as typeof result);
            reset();
          }}
        >
          {Object.entries(RESULT_LABELS).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Reasons" required>
        <Textarea
          value={reasons}
          onChange={(_, d) => {
            setReasons(d.value);
            reset();
          }}
          resize="vertical"
        />
      </Field>
      <Field label="Remedy" hint="What CMS will do to put things right, if anything.">
        <Textarea
          value={remedy}
          onChange={(_, d) => {
            setRemedy(d.value);
            reset();
          }}
          resize="vertical"
        />
      </Field>
      <LearningFields value={learning} onChange={setLearning} />
      <MethodField
        value={method}
        onChange={(m) => {
          setMethod(m);
          reset();
        }}
      />
      <DayField
        label="Sent on"
        value={day}
        onChange={(d) => {
          setDay(d);
          reset();
        }}
      />
      {letter.preview && <LetterPreview {...letter.preview} />}
    </StepDialog>
  );
}
