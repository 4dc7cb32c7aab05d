import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The figures page's sections: a heading, a short explanation, and a table with its chart beside it (the table
 * the wider; on a narrow screen the chart goes below).
 */
export const useFigureStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXXL },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  explain: { maxWidth: '90ch', color: tokens.colorNeutralForeground2, margin: 0 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});
