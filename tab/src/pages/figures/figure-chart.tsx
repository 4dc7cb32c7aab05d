import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  chart: { minWidth: 0, margin: 0, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
});

/**
 * A chart as decoration (issue 13: "a chart always has a table beside it"): a figure named by `label`, which
 * says the table beside it has the same figures. Not role="img": the chart's bars take focus (their callouts),
 * and an image's children are presentational, so axe refuses focusable parts inside one (nested-interactive).
 */
export function FigureChart({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  const styles = useStyles();
  return (
    <figure aria-label={label} className={styles.chart} data-testid={testId}>
      {children}
    </figure>
  );
}
