import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  Title2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { Add20Regular, ArrowLeft20Regular, Delete20Regular } from "@fluentui/react-icons";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import type { AdminSettingsView } from "../../contracts/settings-views.js";
import { LETTER_BLOCK_RULES, LETTER_BLOCKS } from "../../server/domain/letter-templates.js";
import { ApiError } from "../../web/api/client.js";
import { ukDate, ukDateTime } from "../format.js";
import { useSession } from "../shell/session.js";
import { DataProtectionPanel } from "./DataProtectionPanel.js";
import { draftFrom, fieldErrors, newRowId, type SettingsDraft, settingsFrom } from "./settings-form.js";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: "900px",
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = `settings-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Title3 as="h2" id={id} className={styles.heading}>
        {title}
      </Title3>
      {children}
    </section>
  );
}

/** Admins: the procedure settings as one form; saving makes a new version that cases received from now on keep. */
export function SettingsPage({ onBack, only = "all" }: { onBack(): void; only?: "all" | "data-protection" }) {
  const styles = useStyles();
  const { api, generation } = useSession();
  const [loaded, setLoaded] = useState<AdminSettingsView | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [newClosureDay, setNewClosureDay] = useState("");

  const load = useCallback(async () => {
    setProblem(null);
    try {
      const view = await api.get<AdminSettingsView>("/api/admin/settings");
      setLoaded(view);
      setDraft(draftFrom(view.current.settings));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.userMessage : "The settings could not be loaded.");
    }
  }, [api]);

  useEffect(() => {
    void generation;
    if (only === "all") void load();
  }, [load, generation, only]);

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));

  const save = async () => {
    if (!draft || !loaded) return;
    setSaving(true);
    setErrors({});
    setProblem(null);
    setNotice(null);
    try {
      const view = await api.request<AdminSettingsView>("/api/admin/settings", {
        method: "PUT",
        json: { basedOnVersion: loaded.current.version, settings: settingsFrom(draft) },
      });
      setLoaded(view);
      setDraft(draftFrom(view.current.settings));
      setNotice(
        view.saved
          ? `Saved as version ${view.current.version}. Complaints received from now on follow it; cases already received keep the version they arrived under.`
          : "Nothing had changed, so no new version was made.",
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === "VALIDATION_FAILED") {
        const issues = (error.details as { issues?: Array<{ path: string[]; message: string }> } | undefined)?.issues;
        setErrors(fieldErrors(issues ?? []));
        setProblem("Some settings need a change: see the notes beside them. Nothing was saved.");
      } else {
        setProblem(error instanceof ApiError ? error.userMessage : "The settings could not be saved. Try again.");
      }
    } finally {
      setSaving(false);
    }
  };

  const numberField = (key: keyof SettingsDraft & string, label: string, hint?: string) => (
    <Field label={label} hint={hint} validationMessage={errors[key]}>
      <Input type="number" min={0} value={String(draft?.[key] ?? "")} onChange={(_, d) => set(key, d.value as never)} />
    </Field>
  );

  return (
    <main className={styles.page}>
      <div className={styles.actions}>
        <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={onBack}>
          Back to the board
        </Button>
      </div>
      <Title2 as="h1" className={styles.heading}>
        {only === "all" ? "Procedure settings" : "Data protection"}
      </Title2>
      {only === "all" && (
        <Text>
          Each save is a new version. A complaint keeps the version in force when it was received, so changing a
          timescale never moves the deadlines of cases already open.
        </Text>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {only !== "all" ? null : !draft || !loaded ? (
        problem ? null : (
          <Spinner label="Loading the settings…" />
        )
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className={styles.page} style={{ padding: 0 }}>
            <Text>
              Version {loaded.current.version}, set by {loaded.current.changedBy.name} on{" "}
              {ukDateTime(loaded.current.changedAt)}.
            </Text>
            <Section title="Timescales">
              <div className={styles.grid}>
                {numberField("acknowledgeWorkingDays", "Working days to acknowledge")}
                {numberField("responseWorkingDays", "Working days to respond", "Policy 1.3: 10")}
                <Field label="The response clock starts at">
                  <Select
                    value={draft.responseClockStartsAt}
                    onChange={(_, d) => set("responseClockStartsAt", d.value as SettingsDraft["responseClockStartsAt"])}
                  >
                    <option value="receipt">Receipt of the complaint</option>
                    <option value="acknowledgement">The acknowledgement</option>
                  </Select>
                </Field>
                {numberField("appealWindowWorkingDays", "Appeal window (working days)", "Policy 2.2: 10")}
                {numberField("appealResponseWorkingDays", "Working days to decide an appeal", "Policy 2.2: 10")}
                {numberField("postalDeliveryWorkingDays", "Working days for post to arrive")}
              </div>
            </Section>
            <Section title="Working days">
              <div className={styles.grid}>
                <Field label="UK division (bank holidays)">
                  <Select
                    value={draft.division}
                    onChange={(_, d) => set("division", d.value as SettingsDraft["division"])}
                  >
                    <option value="england-and-wales">England and Wales</option>
                    <option value="scotland">Scotland</option>
                    <option value="northern-ireland">Northern Ireland</option>
                  </Select>
                </Field>
                <Field label="Office opens" validationMessage={errors.officeOpens}>
                  <Input type="time" value={draft.officeOpens} onChange={(_, d) => set("officeOpens", d.value)} />
                </Field>
                <Field label="Office closes" validationMessage={errors.officeCloses}>
                  <Input type="time" value={draft.officeCloses} onChange={(_, d) => set("officeCloses", d.value)} />
                </Field>
              </div>
              <Field
                label="Closure days"
                hint="Days the office is closed besides weekends and bank holidays."
                validationMessage={errors.closureDays}
              >
                <div className={styles.row}>
                  <Input
                    type="date"
                    aria-label="Closure day to add"
                    value={newClosureDay}
                    onChange={(_, d) => setNewClosureDay(d.value)}
                  />
                  <Button
                    icon={<Add20Regular />}
                    disabled={!newClosureDay}
                    onClick={() => {
                      set("closureDays", [...new Set([...draft.closureDays, newClosureDay])].sort());
                      setNewClosureDay("");
                    }}
                  >
                    Add closure day
                  </Button>
                </div>
              </Field>
              {draft.closureDays.length === 0 ? (
                <Text>No closure days.</Text>
              ) : (
                <ul className={styles.list} aria-label="Closure days">
                  {draft.closureDays.map((day) => (
                    <li key={day} className={styles.row}>
                      <Text>{ukDate(day)}</Text>
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<Delete20Regular />}
                        aria-label={`Remove ${ukDate(day)}`}
                        onClick={() =>
                          set(
                            "closureDays",
                            draft.closureDays.filter((d) => d !== day),
                          )
                        }
                      />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title="Categories and awarding organisations">
              <Field
                label="Categories"
                hint="One a line: the Operations Director picks one at triage."
                validationMessage={errors.categories}
              >
                <Textarea
                  resize="vertical"
                  rows={6}
                  value={draft.categories}
                  onChange={(_, d) => set("categories", d.value)}
                />
              </Field>
              <Field
                label="Awarding organisations and their complaints contacts"
                hint="Named in outcome and appeal letters (policy 3.1)."
                validationMessage={errors.awardingOrganisations}
              >
                <div>
                  {draft.awardingOrganisations.map((ao, i) => (
                    <div key={ao.rowId} className={styles.row}>
                      <Input
                        aria-label={`Awarding organisation ${i + 1}: name`}
                        value={ao.name}
                        onChange={(_, d) =>
                          set(
                            "awardingOrganisations",
                            draft.awardingOrganisations.map((x, j) => (j === i ? { ...x, name: d.value } : x)),
                          )
                        }
                      />
                      <Input
                        aria-label={`Awarding organisation ${i + 1}: complaints contact`}
                        value={ao.complaintsContact}
                        onChange={(_, d) =>
                          set(
                            "awardingOrganisations",
                            draft.awardingOrganisations.map((x, j) =>
                              j === i ? { ...x, complaintsContact: d.value } : x,
                            ),
                          )
                        }
                      />
                      <Button
                        appearance="subtle"
                        icon={<Delete20Regular />}
                        aria-label={`Remove ${ao.name || `awarding organisation ${i + 1}`}`}
                        onClick={() =>
                          set(
                            "awardingOrganisations",
                            draft.awardingOrganisations.filter((_, j) => j !== i),
                          )
                        }
                      />
                    </div>
                  ))}
                  <Button
                    icon={<Add20Regular />}
                    onClick={() =>
                      set("awardingOrganisations", [
                        ...draft.awardingOrganisations,
                        { rowId: newRowId(), name: "", complaintsContact: "" },
                      ])
                    }
                  >
                    Add awarding organisation
                  </Button>
                </div>
              </Field>
            </Section>
            <Section title="Letters">
              <div className={styles.grid}>
                <Field label="Organisation name" validationMessage={errors.organisationName}>
                  <Input value={draft.organisationName} onChange={(_, d) => set("organisationName", d.value)} />
                </Field>
                <Field label="Complaints email address" validationMessage={errors.complaintsEmail}>
                  <Input
                    type="email"
                    value={draft.complaintsEmail}
                    onChange={(_, d) => set("complaintsEmail", d.value)}
                  />
                </Field>
              </div>
              {LETTER_BLOCKS.map((block) => {
                const rule = LETTER_BLOCK_RULES[block];
                return (
                  <Field
                    key={block}
                    label={rule.label}
                    hint={`Placeholders: ${rule.placeholders.map((p) => `{${p}}`).join(" ")}${rule.required.length ? ` — must include ${rule.required.map((p) => `{${p}}`).join(", ")}` : ""}`}
                    validationMessage={errors[`letterTemplates.${block}`]}
                  >
                    <Textarea
                      resize="vertical"
                      rows={4}
                      value={draft.letterTemplates[block] ?? ""}
                      onChange={(_, d) => set("letterTemplates", { ...draft.letterTemplates, [block]: d.value })}
                    />
                  </Field>
                );
              })}
            </Section>
            <Section title="Policy review and retention">
              <div className={styles.grid}>
                <Field
                  label="Policy review date"
                  hint="Admins and directors are reminded a month before."
                  validationMessage={errors.policyReviewDate}
                >
                  <Input
                    type="date"
                    value={draft.policyReviewDate}
                    onChange={(_, d) => set("policyReviewDate", d.value)}
                  />
                </Field>
                {numberField("retentionYears", "Keep closed complaints for (years)", "At least 3; 6 is usual.")}
              </div>
              <Field label="When the retention period ends">
                <RadioGroup
                  value={draft.retentionAction}
                  onChange={(_, d) => set("retentionAction", d.value as SettingsDraft["retentionAction"])}
                >
                  <Radio value="delete" label="Delete the case and its documents" />
                  <Radio value="anonymise" label="Anonymise: keep the dates and results, remove the person" />
                </RadioGroup>
              </Field>
            </Section>
            <div className={styles.actions}>
              <Button appearance="primary" type="submit" disabled={saving}>
                {saving ? "Saving…" : "Save as a new version"}
              </Button>
              <Button disabled={saving} onClick={() => void load()}>
                Discard changes
              </Button>
            </div>
            <Section title="History">
              <ol className={styles.list} aria-label="Settings versions">
                {loaded.history.map((v) => (
                  <li key={v.version}>
                    <Text weight="semibold">
                      Version {v.version} — {v.changedBy.name}, {ukDateTime(v.changedAt)}
                    </Text>
                    <ul>
                      {v.changes.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </Section>
          </div>
        </form>
      )}
      <DataProtectionPanel />
    </main>
  );
}
