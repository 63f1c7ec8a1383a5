import { makeStyles, tokens } from "@fluentui/react-components";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const useStyles = makeStyles({
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export interface Datum {
  label: string;
  value: number;
}

/**
 * One bar chart in a figure. The chart is a picture to sighted readers; its figures are in the caption's
 * description (aria) so a screen reader hears the same numbers.
 */
export function BarFigure({
  title,
  data,
  horizontal = false,
  unit = "",
}: {
  title: string;
  data: readonly Datum[];
  horizontal?: boolean;
  unit?: string;
}) {
  const styles = useStyles();
  const summary = data.map((d) => `${d.label}: ${d.value}${unit}`).join("; ");
  const height = horizontal ? Math.max(160, data.length * 32 + 40) : 220;
  return (
    <figure className={styles.figure} aria-label={`${title}. ${summary || "No data."}`}>
      <figcaption className={styles.caption}>{title}</figcaption>
      {data.length === 0 || data.every((d) => d.value === 0) ? (
        <p className={styles.empty}>Nothing in this period.</p>
      ) : (
        <div aria-hidden="true" style={{ width: "100%", height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={[...data]}
              layout={horizontal ? "vertical" : "horizontal"}
              margin={{ top: 4, right: 16, bottom: 4, left: horizontal ? 8 : 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" stroke={tokens.colorNeutralStroke2} />
              {horizontal ? (
                <>
                  <XAxis type="number" allowDecimals={false} tick={{ fill: tokens.colorNeutralForeground2 }} />
                  <YAxis
                    type="category"
                    dataKey="label"
                    width={170}
                    tick={{ fill: tokens.colorNeutralForeground1, fontSize: 12 }}
                  />
                </>
              ) : (
                <>
                  <XAxis dataKey="label" tick={{ fill: tokens.colorNeutralForeground1, fontSize: 12 }} />
                  <YAxis allowDecimals={false} tick={{ fill: tokens.colorNeutralForeground2 }} />
                </>
              )}
              <Tooltip />
              <Bar dataKey="value" name={title} fill={tokens.colorBrandBackground} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
