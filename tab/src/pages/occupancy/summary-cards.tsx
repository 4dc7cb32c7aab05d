import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Occupancy, PlaceTotals } from '../../../../src/api/schemas/occupancy';
import type { Translate } from '../../i18n/translate';
import { countsText, rateText } from './format';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: tokens.spacingHorizontalM, listStyleType: 'none', padding: 0, margin: 0 },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  rate: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

/** The company's and each region's totals: the figures management steers by, above the homes. */
export function SummaryCards({ tr, board, selectedRegion }: { tr: Translate; board: Occupancy; selectedRegion: string | undefined }) {
  const styles = useStyles();
  const card = (key: string, title: string, totals: PlaceTotals, selected: boolean) => (
    <li key={key}>
      <Card className={selected ? styles.selected : undefined} data-testid={`totals-${key}`}>
        <CardHeader header={<Text as="h3" weight="semibold">{title}</Text>} />
        <Text className={styles.rate} data-testid="rate">
          {rateText(tr, totals.rate)}
        </Text>
        <Text size={200}>{countsText(tr, totals)}</Text>
      </Card>
    </li>
  );
  return (
    <ul className={styles.cards}>
      {card('company', tr.t('tab.occupancy.company'), board.company, false)}
      {board.regions.map((r) => card(r.region, tr.t(`region.${r.region}`), r, r.region === selectedRegion))}
    </ul>
  );
}
