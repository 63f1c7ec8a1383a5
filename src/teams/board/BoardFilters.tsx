import { Button, Checkbox, Field, Input, makeStyles, SearchBox, Select, tokens } from "@fluentui/react-components";
import type { PersonView } from "../../contracts/views.js";
import { STAGE_LABELS, STAGES } from "../format.js";
import { type BoardFilters as Filters, NO_FILTERS } from "./filter-cards.js";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  search: { minWidth: "260px" },
  narrow: { minWidth: "150px" },
  checks: { display: "flex", alignItems: "center", paddingBottom: "2px" },
});

export interface BoardFiltersProps {
  filters: Filters;
  onChange(filters: Filters): void;
  handlers: PersonView[];
  categories: string[];
  /** Staff see only their own cases' status: no content filters. */
  contentFilters: boolean;
}

/** Search and filters: stage, handler, category, overdue, serious, date range. */
export function BoardFilters({ filters, onChange, handlers, categories, contentFilters }: BoardFiltersProps) {
  const styles = useStyles();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <search className={styles.bar} aria-label="Search and filter cases">
      <Field label="Search" className={styles.search}>
        <SearchBox
          placeholder="Reference, complainant, subject"
          value={filters.q}
          onChange={(_, data) => set("q", data.value)}
        />
      </Field>
      <Field label="Stage" className={styles.narrow}>
        <Select value={filters.stage} onChange={(_, data) => set("stage", data.value as Filters["stage"])}>
          <option value="">All stages</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </Select>
      </Field>
      {contentFilters && (
        <>
          <Field label="Handler" className={styles.narrow}>
            <Select value={filters.handlerId} onChange={(_, data) => set("handlerId", data.value)}>
              <option value="">Anyone</option>
              {handlers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Category" className={styles.narrow}>
            <Select value={filters.category} onChange={(_, data) => set("category", data.value)}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      <Field label="Received from">
        <Input type="date" value={filters.receivedFrom} onChange={(_, data) => set("receivedFrom", data.value)} />
      </Field>
      <Field label="Received to">
        <Input type="date" value={filters.receivedTo} onChange={(_, data) => set("receivedTo", data.value)} />
      </Field>
      <div className={styles.checks}>
        <Checkbox
          label="Overdue"
          checked={filters.overdue}
          onChange={(_, data) => set("overdue", data.checked === true)}
        />
        {contentFilters && (
          <Checkbox
            label="Serious"
            checked={filters.serious}
            onChange={(_, data) => set("serious", data.checked === true)}
          />
        )}
      </div>
      <Button appearance="subtle" onClick={() => onChange({ ...NO_FILTERS, mine: filters.mine })}>
        Clear filters
      </Button>
    </search>
  );
}
