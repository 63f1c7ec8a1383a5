import {
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from "@fluentui/react-components";
import { useState } from "react";
import { RELATIONSHIP_LABELS } from "../format.js";
import { useSession } from "../shell/session.js";
import type { StepProps } from "./common.js";
import { StepDialog } from "./StepDialog.js";

/** Policy 1.2: the Operations Director decides the nature, the seriousness and who handles it. */
export function TriageDialog({ c, open, onClose, onDone }: StepProps) {
  const { api, people, settings } = useSession();
  const [category, setCategory] = useState("");
  const [nature, setNature] = useState("");
  const [serious, setSerious] = useState(false);
  const [handlerId, setHandlerId] = useState("");
  const [aboutId, setAboutId] = useState("");
  const [loggerNamed, setLoggerNamed] = useState(false);
  const [interest, setInterest] = useState(false);
  const [relationship, setRelationship] = useState<string>(c.complainant.relationship);
  const [ao, setAo] = useState("");
  const [notes, setNotes] = useState("");

  const conflict =
    handlerId !== "" && (handlerId === aboutId || (loggerNamed && handlerId === c.loggedBy))
      ? handlerId === aboutId
        ? "The complaint is about this person, so they cannot handle it."
        : "This person logged the complaint and is named in it, so they cannot handle it."
      : null;

  return (
    <StepDialog
      open={open}
      title={`Triage ${c.reference}`}
      next="The handler is told the case is theirs and acknowledges it; serious complaints also go to the directors."
      submitLabel="Record triage"
      onClose={onClose}
      submitDisabled={conflict !== null}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/triage`, {
          category,
          nature,
          serious,
          handlerId,
          aboutPersonIds: aboutId ? [aboutId] : [],
          loggerNamedInComplaint: loggerNamed,
          interestConfirmed: interest,
          relationship,
          awardingOrganisation: ao || null,
          notes: notes || null,
        });
        onDone();
      }}
    >
      <Field label="Category" required>
        <Select value={category} onChange={(_, d) => setCategory(d.value)}>
          <option value="">Choose a category</option>
          {(settings?.categories ?? []).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Nature of the complaint" required hint="In a sentence or two, what is the complaint about?">
        <Textarea value={nature} onChange={(_, d) => setNature(d.value)} resize="vertical" />
      </Field>
      <Checkbox
        label="Serious complaint: the directors must be consulted before the outcome"
        checked={serious}
        onChange={(_, d) => setSerious(d.checked === true)}
      />
      <Field label="The complaint is about" hint="A member of staff named in the complaint cannot handle it.">
        <Select value={aboutId} onChange={(_, d) => setAboutId(d.value)}>
          <option value="">Nobody in particular</option>
          {people.everyone.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label="The person who logged it is named in the complaint"
        checked={loggerNamed}
        onChange={(_, d) => setLoggerNamed(d.checked === true)}
      />
      <Field
        label="Handler"
        required
        validationState={conflict ? "error" : "none"}
        validationMessage={conflict ?? undefined}
      >
        <Select value={handlerId} onChange={(_, d) => setHandlerId(d.value)}>
          <option value="">Choose who handles it</option>
          {people.handlers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Complainant's relationship to CMS">
        <Select value={relationship} onChange={(_, d) => setRelationship(d.value)}>
          {Object.entries(RELATIONSHIP_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label="The complainant has a legitimate interest in CMS"
        checked={interest}
        onChange={(_, d) => setInterest(d.checked === true)}
      />
      <Field label="Awarding organisation" hint="Named in the outcome letter as the next step after CMS.">
        <Select value={ao} onChange={(_, d) => setAo(d.value)}>
          <option value="">Not known</option>
          {(settings?.awardingOrganisations ?? []).map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Notes for the handler">
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
      </Field>
    </StepDialog>
  );
}

/** Not a complaint, or a staff grievance (the Discipline and Grievance policy): closed with the reason. */
export function RedirectDialog({ c, open, onClose, onDone }: StepProps) {
  const { api } = useSession();
  const [redirectAs, setRedirectAs] = useState<"not-a-complaint" | "staff-grievance">("staff-grievance");
  const [reason, setReason] = useState("");
  return (
    <StepDialog
      open={open}
      title={`Redirect ${c.reference}`}
      next="The case closes with this reason; nobody handles it under the complaints procedure."
      submitLabel="Redirect and close"
      onClose={onClose}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/redirect`, { redirectAs, reason });
        onDone();
      }}
    >
      <Field label="Redirect as" required>
        <RadioGroup value={redirectAs} onChange={(_, d) => setRedirectAs(d.value as typeof redirectAs)}>
          <Radio value="staff-grievance" label="A staff grievance (Discipline and Grievance policy)" />
          <Radio value="not-a-complaint" label="Not a complaint" />
        </RadioGroup>
      </Field>
      <Field label="Reason" required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      {redirectAs === "staff-grievance" && (
        <MessageBar intent="info">
          <MessageBarBody>
            Tell the member of staff to raise it under the Discipline and Grievance policy.
          </MessageBarBody>
        </MessageBar>
      )}
    </StepDialog>
  );
}
