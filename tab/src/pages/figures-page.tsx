import { Field, makeStyles, Select, Text, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { regions, type Region } from '../../../src/domain/records/common';
import type { Route } from '../route';
import { useTab } from '../tab-context';
import { CustomerReport } from './figures/customer-report';
import { ProcessMeasures } from './figures/process-measures';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  intro: { maxWidth: '80ch' },
});

/**
 * Luvut / Figures (issue 13): the customer report of thesis 6.2 and the process measures of seed 002, each table
 * with its chart and CSV. What the reader's role reaches (readFigures) the API decides; the region filter
 * narrows both parts to one region's homes and customers.
 */
export function FiguresPage(_props: { route: Route }) {
  const { tr, me } = useTab();
  const styles = useStyles();
  const [region, setRegion] = useState<Region | undefined>();
  // The regions the filter offers: the reader's own (the server refuses any other and the page would say so).
  const ownRegions = me.scope === 'company' ? regions : regions.filter((r) => r === me.region || me.careHomes.some((h) => h.region === r));
  return (
    <div data-testid="figures-page">
      <Title2 as="h1">{tr.t('tab.nav.figures')}</Title2>
      <div className={styles.head}>
        <Text as="p" className={styles.intro}>
          {tr.t('tab.figures.intro')}
        </Text>
        {ownRegions.length > 1 && (
          <Field label={tr.t('tab.figures.region')}>
            <Select value={region ?? ''} onChange={(_e, d) => setRegion((d.value || undefined) as Region | undefined)} data-testid="figures-region">
              <option value="">{tr.t('tab.figures.region.all')}</option>
              {ownRegions.map((r) => (
                <option key={r} value={r}>
                  {tr.t(`region.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <CustomerReport region={region} />
      <ProcessMeasures region={region} />
    </div>
  );
}
