import { Field, makeStyles, Select, Text, Title3, tokens } from '@fluentui/react-components';
import { VerticalBarChart } from '@fluentui/react-charts';
import { useState } from 'react';
import { customerFiguresSchema, customerFiguresSorts, type CustomerFigures, type CustomerFiguresRow } from '../../../../src/api/schemas/figures';
import type { Region } from '../../../../src/domain/records/common';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import { useTab } from '../../tab-context';
import { FigureChart } from './figure-chart';
import { FigureTable, Paging, type FigureColumn } from './figure-table';
import { useFigureStyles } from './figure-styles';

const PAGE = 25;
/** The years the report offers: this one and the five before it (the large demo holds six years). */
const YEARS_BACK = 5;

type Sort = (typeof customerFiguresSorts)[number];

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalS },
});

/**
 * The customer report of thesis 6.2: residents placed (a count), services bought, revenue by the stated rule,
 * satisfaction when recorded. The table is what the API answered; the chart draws the revenue of its rows.
 */
export function CustomerReport({ region }: { region: Region | undefined }) {
  const { api, tr } = useTab();
  const styles = { ...useFigureStyles(), ...useStyles() };
  // The year is the server's until chosen: this year by its clock (the answer says which, and today).
  const [year, setYear] = useState<number | undefined>();
  const [sort, setSort] = useState<Sort>('revenue');
  const [skip, setSkip] = useState(0);
  const report = useLoad(
    () => api.get(customerFiguresSchema, '/figures/customers', { year: year === undefined ? undefined : String(year), sort, top: String(PAGE), skip: String(skip), ...(region ? { region } : {}) }),
    [api, year, sort, skip, region],
  );
  const value = report.value;
  const thisYear = Number((value?.today ?? '').slice(0, 4));
  const euros = (n: number) => tr.number(n, { minimumFractionDigits: 0, maximumFractionDigits: 2 });

  const columns: FigureColumn<CustomerFiguresRow>[] = [
    { name: true, key: 'customer', header: tr.t('tab.figures.col.customer'), cell: (r) => r.name, csv: (r) => r.name },
    { key: 'region', header: tr.t('tab.figures.col.region'), cell: (r) => (r.id ? tr.t(`region.${r.region}`) : ''), csv: (r) => (r.id ? tr.t(`region.${r.region}`) : '') },
    { key: 'residents', header: tr.t('tab.figures.col.residents'), numeric: true, cell: (r) => tr.number(r.residents), csv: (r) => r.residents },
    {
      key: 'services',
      header: tr.t('tab.figures.col.services'),
      cell: (r) => servicesText(r, tr),
      csv: (r) => servicesText(r, tr),
    },
    { key: 'days', header: tr.t('tab.figures.col.occupiedDays'), numeric: true, cell: (r) => tr.number(r.occupiedDays), csv: (r) => r.occupiedDays },
    { key: 'unpriced', header: tr.t('tab.figures.col.unpricedDays'), numeric: true, cell: (r) => tr.number(r.unpricedDays), csv: (r) => r.unpricedDays },
    { key: 'revenue', header: tr.t('tab.figures.col.revenue'), numeric: true, cell: (r) => euros(r.revenue), csv: (r) => r.revenue },
    {
      key: 'satisfaction',
      header: tr.t('tab.figures.col.satisfaction'),
      cell: (r) => (r.id ? (r.satisfaction === null ? tr.t('tab.figures.notRecorded') : tr.number(r.satisfaction)) : ''),
      csv: (r) => (r.id ? r.satisfaction : null),
    },
  ];
  const total = value && totalRow(value, tr.t('tab.figures.totals'));
  const charted = value?.customers.filter((c) => c.revenue > 0) ?? [];

  return (
    <section aria-labelledby="figures-customers" className={styles.section} data-testid="figures-customers">
      <Title3 as="h2" id="figures-customers">
        {tr.t('tab.figures.customers.title')}
      </Title3>
      <div className={styles.filters}>
        <Field label={tr.t('tab.figures.year')}>
          <Select
            value={String(year ?? value?.year ?? '')}
            onChange={(_e, d) => {
              setYear(Number(d.value));
              setSkip(0);
            }}
            data-testid="figures-year"
          >
            {(value ? Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i) : []).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={tr.t('tab.figures.sort')}>
          <Select
            value={sort}
            onChange={(_e, d) => {
              setSort(d.value as Sort);
              setSkip(0);
            }}
            data-testid="figures-sort"
          >
            {customerFiguresSorts.map((s) => (
              <option key={s} value={s}>
                {tr.t(`tab.figures.sort.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {report.error !== undefined && <ApiErrorBar error={report.error} tr={tr} />}
      {value && (
        <>
          <Text as="p" data-testid="figures-scope">
            {scopeText(value.scope, tr)}
          </Text>
          <Text as="p" className={styles.explain}>
            {tr.t('tab.figures.customers.explain', { from: tr.date(value.from), to: tr.date(value.to) })}
          </Text>
          <Text as="p" className={styles.explain} data-testid="figures-revenue-rule">
            {tr.t('tab.figures.customers.revenueRule')}
          </Text>
          <div className={styles.pair}>
            <FigureTable
              tr={tr}
              caption={tr.t('tab.figures.customers.title')}
              columns={columns}
              rows={value.customers}
              rowKey={(r) => r.id}
              total={total}
              fileName={tr.t('tab.figures.file.customers', { year: String(value.year) })}
              testId="figures-customers-table"
              tools={<Paging tr={tr} top={value.top} skip={value.skip} total={value.total} onSkip={setSkip} testId="figures-customers" />}
            />
            {charted.length > 0 && (
              <FigureChart label={tr.t('tab.figures.chart', { what: tr.t('tab.figures.chart.revenue') })} testId="figures-customers-chart">
                <VerticalBarChart
                  data={charted.map((c) => ({ x: c.name, y: c.revenue, legend: c.name, color: tokens.colorBrandBackground, yAxisCalloutData: `${euros(c.revenue)} €` }))}
                  height={260}
                  hideLegend
                  // Euros in the locale's compact form (50 t. / 50K) with room for them: the default margin cut
                  // "49 892" to "9 892".
                  yAxisTickFormat={(v: number) => tr.number(v, { notation: 'compact', maximumFractionDigits: 1 })}
                  margins={{ left: 56 }}
                  wrapXAxisLables
                  culture={tr.tag}
                />
              </FigureChart>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** Whose figures these are, from the answer: the role's reach as the server decided it. */
function scopeText(scope: CustomerFigures['scope'], tr: ReturnType<typeof useTab>['tr']): string {
  if (scope.kind === 'company') return tr.t('tab.figures.scope.company');
  if (scope.kind === 'region') return tr.t('tab.figures.scope.region', { regions: scope.regions.map((r) => tr.t(`region.${r}`)).join(', ') });
  return tr.t('tab.figures.scope.home', { homes: scope.careHomes.map((h) => h.name).join(', ') });
}

function servicesText(row: CustomerFiguresRow, tr: ReturnType<typeof useTab>['tr']): string {
  return row.services
    .map((s) => tr.t('tab.figures.service', { service: tr.t(`serviceType.${s.serviceType}`), residents: tr.tn('tab.figures.residents', s.residents), occupied: tr.tn('tab.figures.days', s.occupiedDays) }))
    .join('; ');
}

/** The totals of every customer of the report (not only this page's), as a row of the table and the CSV. */
function totalRow(value: CustomerFigures, label: string): CustomerFiguresRow {
  return { id: '', name: label, region: value.customers[0]?.region ?? 'etela-suomi', services: [], satisfaction: null, ...value.totals };
}
