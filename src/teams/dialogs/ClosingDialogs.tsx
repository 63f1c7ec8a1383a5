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
import { GUARD_WORDS, londonToday, RESULT_LABELS, ukDate } from "../format.js";
import { useSession } from "../shell/session.js";
import { DayField, instantFor, LetterPreview, type StepProps } from "./common.js";
import { StepDialog } from "./StepDialog.js";
import { useLetterStep } from "./use-letter-step.js";

/** Policy 2.1: the Board informed of the final outcome (the appeal decision when there was one). */
export function BoardInformedDialog({ c, open, onClose, onDone }: StepProps) {
  const { api } = useSession();
  const [day, setDay] = useState(londonToday());
  const [note, setNote] = useState("");
  const of = c.stage === "appeal-decided" ? "appeal decision" : "outcome";
  return (
    <StepDialog
      open={open}
      title="Record that the Board was informed"
      next={`Records that the Board was told of the ${of}. Closing also needs an Operations Meeting record.`}
      submitLabel="Record"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/board-informed`, { on: day, note: note || null });
        onDone();
      }}
    >
      <DayField label="Informed on" value={day} onChange={setDay} />
      <Field label="Note">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
    </StepDialog>
  );
}

/** Policy 2.1: discussed at an Operations Meeting; serious complaints in full in the minutes. */
export function MeetingDialog({ c, open, onClose, onDone }: StepProps) {
  const { api } = useSession();
  const [day, setDay] = useState(londonToday());
  const [notes, setNotes] = useState("");
  const minutes = c.documents.filter((d) => d.kind === "minutes");
  const [minutesId, setMinutesId] = useState(minutes[0]?.id ?? "");
  return (
    <StepDialog
      open={open}
      title="Record the Operations Meeting discussion"
      next="The discussion is kept on the case; closing needs it."
      submitLabel="Record meeting"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/meeting`, {
          meetingDate: day,
          notes,
          minutesDocumentId: minutesId || null,
        });
        onDone();
      }}
    >
      <DayField label="Meeting date" value={day} onChange={setDay} />
      <Field label="What the meeting said" required>
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
      </Field>
      <Field
        label="Minutes"
        hint={
          c.triage?.serious
            ? "A serious complaint needs its full details in the minutes: upload them as a document of kind Meeting minutes first."
            : "Optional."
        }
      >
        <Select value={minutesId} onChange={(_, d) => setMinutesId(d.value)}>
          <option value="">No minutes document</option>
          {minutes.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
    </StepDialog>
  );
}

/** Policy 2.2: an appeal, in time or late with a reason, to a board member who did not handle the complaint. */
export function AppealDialog({ c, open, onClose, onDone }: StepProps) {
  const { api, people } = useSession();
  const [day, setDay] = useState(londonToday());
  const [grounds, setGrounds] = useState("");
  const [boardMemberId, setBoardMemberId] = useState("");
  const [lateReason, setLateReason] = useState("");
  const deadline = c.outcome?.appealDeadline ?? null;
  const late = deadline !== null && day > deadline;
  const eligible = people.boardMembers.filter((p) => p.id !== c.triage?.handlerId);
  return (
    <StepDialog
      open={open}
      title={`Record an appeal on ${c.reference}`}
      next={`The board member considers the appeal and responds within ${c.policy.appealResponseWorkingDays} working days of its receipt.${c.stage === "closed" ? " A late appeal reopens this closed case." : ""}`}
      submitLabel="Record appeal"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/appeal`, {
          receivedAt: instantFor(day),
          grounds,
          boardMemberId,
          lateReason: late ? lateReason : null,
        });
        onDone();
      }}
    >
      <DayField
        label="Appeal received on"
        value={day}
        onChange={setDay}
        hint={deadline ? `In time if received by ${ukDate(deadline)}.` : undefined}
      />
      {late && (
        <MessageBar intent="warning">
          <MessageBarBody>
            This appeal is late: the deadline was {ukDate(deadline)}. It can be accepted with a recorded reason.
          </MessageBarBody>
        </MessageBar>
      )}
      {late && (
        <Field label="Why it is accepted late" required>
          <Textarea value={lateReason} onChange={(_, d) => setLateReason(d.value)} resize="vertical" />
        </Field>
      )}
      <Field label="Grounds of the appeal" required>
        <Textarea value={grounds} onChange={(_, d) => setGrounds(d.value)} resize="vertical" />
      </Field>
      <Field label="Board member to decide it" required hint="Not the person who handled the complaint.">
        <Select value={boardMemberId} onChange={(_, d) => setBoardMemberId(d.value)}>
          <option value="">Choose a board member</option>
          {eligible.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
    </StepDialog>
  );
}

/** Policy 2.2 and 3.1: the appeal decision, with its own letter signposting the awarding organisation. */
export function AppealDecisionDialog({ c, open, onClose, onDone }: StepProps) {
  const [result, setResult] = useState<keyof typeof RESULT_LABELS>("not-upheld");
  const [reasons, setReasons] = useState("");
  const [method, setMethod] = useState<"email" | "post">("email");
  const letter = useLetterStep({
    caseId: c.id,
    kind: "appeal-decision",
    step: "appeal-decision",
    body: { result, reasons, method },
    sendLabel: "Send decision letter",
    onDone,
  });
  return (
    <StepDialog
      open={open}
      title={`Decide the appeal on ${c.reference}`}
      next="The decision letter (.docx) is kept on the case; then the Operations Director informs the Board and closes the case."
      submitLabel={letter.submitLabel}
      onClose={onClose}
      onSubmit={letter.submit}
    >
      <Field label="Decision" required>
        <RadioGroup
          value={result}
          onChange={(_, d) => {
            setResult(d.value as typeof result);
            letter.reset();
          }}
        >
          {Object.entries(RESULT_LABELS).map(([value, label]) => (
            <Radio key={value} value={value} label={`Appeal ${label.toLowerCase()}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Reasons" required>
        <Textarea
          value={reasons}
          onChange={(_, d) => {
            setReasons(d.value);
            letter.reset();
          }}
          resize="vertical"
        />
      </Field>
      <Field label="Sent by" required>
        <RadioGroup
          layout="horizontal"
          value={method}
          onChange={(_, d) => {
            setMethod(d.value as typeof method);
            letter.reset();
          }}
        >
          <Radio value="email" label="Email" />
          <Radio value="post" label="Post" />
        </RadioGroup>
      </Field>
      {letter.preview && <LetterPreview {...letter.preview} />}
    </StepDialog>
  );
}

/** Policy 3.1: the complainant pointed to the awarding organisation's own procedure. */
export function SignpostDialog({ c, open, onClose, onDone }: StepProps) {
  const { api, settings } = useSession();
  const aos = settings?.awardingOrganisations ?? [];
  const [name, setName] = useState(c.triage?.awardingOrganisation ?? aos[0]?.name ?? "");
  const [note, setNote] = useState("");
  const contact = aos.find((o) => o.name === name)?.complaintsContact ?? null;
  return (
    <StepDialog
      open={open}
      title="Signpost to the awarding organisation"
      next="Records that the complainant was told how to take the complaint to the awarding organisation."
      submitLabel="Record signpost"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/signpost`, { awardingOrganisation: name, contact, note: note || null });
        onDone();
      }}
    >
      <Field label="Awarding organisation" required hint={contact ? `Complaints: ${contact}` : undefined}>
        <Select value={name} onChange={(_, d) => setName(d.value)}>
          {aos.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Note">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
    </StepDialog>
  );
}

export function WithdrawDialog({ c, open, onClose, onDone }: StepProps) {
  const { api } = useSession();
  const [reason, setReason] = useState("");
  return (
    <StepDialog
      open={open}
      title={`Withdraw ${c.reference}`}
      next="The case closes as withdrawn by the complainant; nothing further is sent."
      submitLabel="Withdraw and close"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/withdraw`, { reason });
        onDone();
      }}
    >
      <Field label="Reason" required hint="For example, how the complainant said they withdraw it.">
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
    </StepDialog>
  );
}

export function CloseDialog({ c, open, onClose, onDone }: StepProps) {
  const { api } = useSession();
  const [note, setNote] = useState("");
  return (
    <StepDialog
      open={open}
      title={`Close ${c.reference}`}
      next="The procedure is complete. A late appeal, with a recorded reason, can still reopen it."
      submitLabel="Close case"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/close`, { note: note || null });
        onDone();
      }}
    >
      {c.closeGuardsUnmet.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Not yet:
            <ul>
              {c.closeGuardsUnmet.map((g) => (
                <li key={g}>{GUARD_WORDS[g] ?? g}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Note">
        <Input value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
    </StepDialog>
  );
}
