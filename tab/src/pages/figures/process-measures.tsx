import { Badge, makeStyles, Subtitle1, Text, Title3, tokens } from '@fluentui/react-components';
import { GroupedVerticalBarChart, VerticalBarChart } from '@fluentui/react-charts';
import { useState } from 'react';
import { processFiguresSchema, type ContactFiguresRow, type ProcessFigures } from '../../../../src/api/schemas/figures';
import type { Region } from '../../../../src/domain/records/common';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import type { Translate } from '../../i18n/translate';
import { useTab } from '../../tab-context';
import { FigureChart } from './figure-chart';
import { FigureTable, Paging, type FigureColumn } from './figure-table';
import { useFigureStyles } from './figure-styles';

const PAGE = 25;

type FreeRow = ProcessFigures['freePlaces']['homes'][number];
type ComplaintRow = ProcessFigures['complaints'][number];

const useStyles = makeStyles({
  // Red by the theme's palette token (5.2:1 or more on the dark theme's backgrounds, 5.6:1 on the light; white in
  // high contrast, where the system colours rule), never by colour alone:
  // the badge beside it says it in words and with a mark.
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The process measures of seed 002: contact by customer, days a freed place stays free, complaint response times. */
export function ProcessMeasures({ region }: { region: Region | undefined }) {
  const { api, tr } = useTab();
  const styles = { ...useFigureStyles(), ...useStyles() };
  const [skip, setSkip] = useState(0);
  const [homesSkip, setHomesSkip] = useState(0);
  const loaded = useLoad(
    () => api.get(processFiguresSchema, '/figures/process', { top: String(PAGE), skip: String(skip), homesTop: String(PAGE), homesSkip: String(homesSkip), ...(region ? { region } : {}) }),
    [api, skip, homesSkip, region],
  );
  const value = loaded.value;
  const days = (n: number | null) => (n === null ? tr.t('tab.figures.noValue') : tr.number(n, { maximumFractionDigits: 1 }));
  const quarterLabel = (key: string) => tr.t('tab.figures.quarter', { n: key.slice(6), year: key.slice(0, 4) });

  return (
    <section aria-labelledby="figures-process" className={styles.section} data-testid="figures-process">
      <Title3 as="h2" id="figures-process">
        {tr.t('tab.figures.process.title')}
      </Title3>
      {loaded.error !== undefined && <ApiErrorBar error={loaded.error} tr={tr} />}
      {value && (
        <>
          <Text as="p" className={styles.explain}>
            {tr.t('tab.figures.process.explain')}
          </Text>
          <Contacts value={value} tr={tr} today={value.today} overdueClass={styles.overdue} quarterLabel={quarterLabel} onSkip={setSkip} />
          <FreePlaces value={value} tr={tr} days={days} today={value.today} onSkip={setHomesSkip} />
          <ComplaintTimes value={value} tr={tr} days={days} today={value.today} quarterLabel={quarterLabel} />
        </>
      )}
    </section>
  );
}

function Contacts(props: { value: ProcessFigures; tr: Translate; today: string; overdueClass: string; quarterLabel(key: string): string; onSkip(skip: number): void }) {
  const { value, tr } = props;
  const styles = useFigureStyles();
  const limit = value.overdueAfterDays;
  const state = (r: ContactFiguresRow) => (r.lastContact === null ? tr.t('tab.figures.never') : r.overdue ? tr.tn('tab.figures.overdue', limit) : tr.t('tab.figures.onTime'));
  const columns: FigureColumn<ContactFiguresRow>[] = [
    { name: true, key: 'customer', header: tr.t('tab.figures.col.customer'), cell: (r) => r.name, csv: (r) => r.name },
    { key: 'region', header: tr.t('tab.figures.col.region'), cell: (r) => tr.t(`region.${r.region}`), csv: (r) => tr.t(`region.${r.region}`) },
    { key: 'last', header: tr.t('tab.figures.col.lastContact'), cell: (r) => (r.lastContact ? tr.date(r.lastContact) : tr.t('tab.figures.noValue')), csv: (r) => (r.lastContact ? tr.date(r.lastContact) : null) },
    {
      key: 'days',
      header: tr.t('tab.figures.col.daysSince'),
      numeric: true,
      cell: (r) => <span className={r.overdue ? props.overdueClass : undefined}>{r.daysSinceLastContact === null ? tr.t('tab.figures.noValue') : tr.number(r.daysSinceLastContact)}</span>,
      csv: (r) => r.daysSinceLastContact,
    },
    {
      key: 'state',
      header: tr.t('tab.figures.col.state'),
      cell: (r) =>
        r.overdue ? (
          <Badge appearance="tint" color="danger" shape="rounded" icon={<span aria-hidden="true">!</span>} data-testid="figures-overdue">
            {state(r)}
          </Badge>
        ) : (
          <Text size={200}>{state(r)}</Text>
        ),
      csv: state,
    },
    ...value.quarters.map((q, i) => ({
      key: q.key,
      header: props.quarterLabel(q.key),
      numeric: true,
      cell: (r: ContactFiguresRow) => tr.number(r.perQuarter[i] ?? 0),
      csv: (r: ContactFiguresRow) => r.perQuarter[i] ?? 0,
    })),
  ];
  const charted = value.contacts.customers.filter((c) => c.daysSinceLastContact !== null);
  return (
    <div data-testid="figures-contacts" className={styles.block}>
      <Subtitle1 as="h3">{tr.t('tab.figures.contacts.title')}</Subtitle1>
      <Text as="p" className={styles.explain}>
        {tr.tn('tab.figures.contacts.explain', limit)}
      </Text>
      <Text as="p" weight="semibold" data-testid="figures-overdue-count">
        {tr.tn('tab.figures.contacts.overdue', value.contacts.overdue, { total: value.contacts.total })}
      </Text>
      <div className={styles.pair}>
        <FigureTable
          tr={tr}
          caption={tr.t('tab.figures.contacts.title')}
          columns={columns}
          rows={value.contacts.customers}
          rowKey={(r) => r.id}
          fileName={tr.t('tab.figures.file.contacts', { today: props.today })}
          testId="figures-contacts-table"
          tools={<Paging tr={tr} top={value.contacts.top} skip={value.contacts.skip} total={value.contacts.total} onSkip={props.onSkip} testId="figures-contacts" />}
        />
        {charted.length > 0 && (
          <FigureChart label={tr.t('tab.figures.chart', { what: tr.t('tab.figures.chart.contacts') })} testId="figures-contacts-chart">
            <VerticalBarChart
              data={charted.map((c) => ({ x: c.name, y: c.daysSinceLastContact ?? 0, legend: c.name, color: c.overdue ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground }))}
              height={260}
              hideLegend
              wrapXAxisLables
              culture={tr.tag}
            />
          </FigureChart>
        )}
      </div>
    </div>
  );
}

function FreePlaces(props: { value: ProcessFigures; tr: Translate; days(n: number | null): string; today: string; onSkip(skip: number): void }) {
  const { value, tr, days } = props;
  const styles = useFigureStyles();
  const columns: FigureColumn<FreeRow>[] = [
    { name: true, key: 'home', header: tr.t('tab.figures.col.home'), cell: (r) => r.name, csv: (r) => r.name },
    { key: 'region', header: tr.t('tab.figures.col.region'), cell: (r) => (r.careHomeId ? tr.t(`region.${r.region}`) : ''), csv: (r) => (r.careHomeId ? tr.t(`region.${r.region}`) : '') },
    { key: 'taken', header: tr.t('tab.figures.col.taken'), numeric: true, cell: (r) => tr.number(r.taken), csv: (r) => r.taken },
    { key: 'median', header: tr.t('tab.figures.col.medianDays'), numeric: true, cell: (r) => days(r.medianDays), csv: (r) => r.medianDays },
  ];
  const overall: FreeRow = { careHomeId: '', name: tr.t('tab.figures.free.overall'), region: 'etela-suomi', ...value.freePlaces.overall };
  const charted = value.freePlaces.homes.filter((h) => h.medianDays !== null);
  return (
    <div data-testid="figures-free" className={styles.block}>
      <Subtitle1 as="h3">{tr.t('tab.figures.free.title')}</Subtitle1>
      <Text as="p" className={styles.explain}>
        {tr.t('tab.figures.free.explain')}
      </Text>
      <div className={styles.pair}>
        <FigureTable tr={tr} caption={tr.t('tab.figures.free.title')} columns={columns} rows={value.freePlaces.homes}
          rowKey={(r) => r.careHomeId}
          total={overall}
          fileName={tr.t('tab.figures.file.free', { today: props.today })}
          testId="figures-free-table"
          tools={<Paging tr={tr} top={value.freePlaces.top} skip={value.freePlaces.skip} total={value.freePlaces.total} onSkip={props.onSkip} testId="figures-free" />}
        />
        {charted.length > 0 && (
          <FigureChart label={tr.t('tab.figures.chart', { what: tr.t('tab.figures.chart.free') })} testId="figures-free-chart">
            <VerticalBarChart data={charted.map((h) => ({ x: h.name, y: h.medianDays ?? 0, legend: h.name, color: tokens.colorBrandBackground }))} height={220} hideLegend wrapXAxisLables culture={tr.tag} />
          </FigureChart>
        )}
      </div>
    </div>
  );
}

function ComplaintTimes(props: { value: ProcessFigures; tr: Translate; days(n: number | null): string; today: string; quarterLabel(key: string): string }) {
  const { value, tr, days } = props;
  const styles = useFigureStyles();
  const columns: FigureColumn<ComplaintRow>[] = [
    { key: 'quarter', header: tr.t('tab.figures.col.quarter'), cell: (r) => props.quarterLabel(r.quarter), csv: (r) => props.quarterLabel(r.quarter) },
    { key: 'received', header: tr.t('tab.figures.col.received'), numeric: true, cell: (r) => tr.number(r.received), csv: (r) => r.received },
    { key: 'replied', header: tr.t('tab.figures.col.replied'), numeric: true, cell: (r) => tr.number(r.replied), csv: (r) => r.replied },
    { key: 'toReply', header: tr.t('tab.figures.col.toReply'), numeric: true, cell: (r) => days(r.medianDaysToReply), csv: (r) => r.medianDaysToReply },
    { key: 'informed', header: tr.t('tab.figures.col.informed'), numeric: true, cell: (r) => tr.number(r.informed), csv: (r) => r.informed },
    { key: 'toInformed', header: tr.t('tab.figures.col.toInformed'), numeric: true, cell: (r) => days(r.medianDaysToInformed), csv: (r) => r.medianDaysToInformed },
  ];
  const charted = value.complaints.some((c) => c.medianDaysToReply !== null || c.medianDaysToInformed !== null);
  return (
    <div data-testid="figures-complaints" className={styles.block}>
      <Subtitle1 as="h3">{tr.t('tab.figures.complaints.title')}</Subtitle1>
      <Text as="p" className={styles.explain}>
        {tr.t('tab.figures.complaints.explain')}
      </Text>
      <div className={styles.pair}>
        <FigureTable tr={tr} caption={tr.t('tab.figures.complaints.title')} columns={columns} rows={value.complaints} rowKey={(r) => r.quarter} fileName={tr.t('tab.figures.file.complaints', { today: props.today })} testId="figures-complaints-table" />
        {charted && (
          <FigureChart label={tr.t('tab.figures.chart', { what: tr.t('tab.figures.chart.complaints') })} testId="figures-complaints-chart">
            <GroupedVerticalBarChart
              data={value.complaints.map((c) => ({
                name: props.quarterLabel(c.quarter),
                series: [
                  { key: 'reply', data: c.medianDaysToReply ?? 0, legend: tr.t('tab.figures.legend.toReply'), color: tokens.colorBrandBackground },
                  { key: 'informed', data: c.medianDaysToInformed ?? 0, legend: tr.t('tab.figures.legend.toInformed'), color: tokens.colorPaletteMarigoldBorderActive },
                ],
              }))}
              height={240}
              wrapXAxisLables
              culture={tr.tag}
            />
          </FigureChart>
        )}
      </div>
    </div>
  );
}
