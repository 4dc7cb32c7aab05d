import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { complaintSummarySchema, type ComplaintSummary, type ComplaintSummaryRow } from '../../../../src/api/schemas/complaints';
import { complaintSeverities } from '../../../../src/domain/records/complaint';
import { TabApiError } from '../../api/api-client';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import type { Translate } from '../../i18n/translate';
import { useTab } from '../../tab-context';

const PAGE = 50;
// Most serious first, as the quality manager reads them.
const severities = [...complaintSeverities].reverse();

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto' },
  total: { fontWeight: tokens.fontWeightSemibold },
  pager: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

function medianText(tr: Translate, time: ComplaintSummaryRow['toCorrected']): string {
  // A median of whole days is whole or a half: "2,5 päivää" / "2.5 days" (the plural by the number itself).
  return time.medianDays === null ? tr.t('tab.complaints.summary.noMedian') : tr.tn('tab.complaints.summary.median', time.medianDays, { n: time.count });
}

function monthLabel(tr: Translate, month: string): string {
  return new Intl.DateTimeFormat(tr.tag, { month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));
}

/**
 * The quality manager's per-home summary (thesis 4.4.3): complaints of the last twelve months by severity and month,
 * and the median days from receipt to correction and to the customer informed, one row per home and the total
 * (the company row for a company-wide reader). Tables, not a chart: the numbers are what is read. The API decides
 * who may see it; anyone else is told who may.
 */
export function ComplaintSummaryView() {
  const { api, tr } = useTab();
  const styles = useStyles();
  const [skip, setSkip] = useState(0);
  const summary = useLoad(() => api.get(complaintSummarySchema, '/complaints/summary', { months: 12, skip, limit: PAGE }), [api, skip]);
  const refused = summary.error instanceof TabApiError && summary.error.code === 'forbidden' ? summary.error : undefined;
  return (
    <section aria-labelledby="complaint-summary" className={styles.root} data-testid="complaint-summary">
      <h2 id="complaint-summary">{tr.t('tab.complaints.summary.title')}</h2>
      {refused ? (
        <MessageBar intent="info" data-testid="summary-refused">
          <MessageBarBody>{refused.message}</MessageBarBody>
        </MessageBar>
      ) : summary.error !== undefined ? (
        <ApiErrorBar error={summary.error} tr={tr} />
      ) : !summary.value ? (
        <Spinner label={tr.t('tab.loading')} />
      ) : (
        <SummaryTables tr={tr} summary={summary.value} onPage={setSkip} />
      )}
    </section>
  );
}

function SummaryTables({ tr, summary, onPage }: { tr: Translate; summary: ComplaintSummary; onPage(skip: number): void }) {
  const styles = useStyles();
  const scopeName = tr.t(`tab.complaints.summary.scope.${summary.scope}`);
  const rows = [...summary.homes.map((h) => ({ key: h.careHomeId, name: h.careHomeName, region: tr.t(`region.${h.region}`), row: h as ComplaintSummaryRow, total: false })), { key: 'total', name: scopeName, region: '', row: summary.total, total: true }];
  const first = summary.homes.length === 0 ? 0 : summary.skip + 1;
  const last = summary.skip + summary.homes.length;
  return (
    <>
      <Text>{tr.t('tab.complaints.summary.period', { from: tr.date(summary.from), to: tr.date(summary.to), months: summary.months.length })}</Text>
      <h3 id="summary-handling">{tr.t('tab.complaints.summary.handling')}</h3>
      <div className={styles.scroll}>
        <Table aria-labelledby="summary-handling" aria-describedby="summary-handling-caption" size="small" data-testid="summary-handling">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.home')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.region')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.count')}</TableHeaderCell>
              {severities.map((s) => (
                <TableHeaderCell key={s} scope="col">
                  {tr.t(`complaint.severity.${s}`)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.toCorrected')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.toInformed')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ key, name, region, row, total }) => (
              <TableRow key={key} className={total ? styles.total : undefined} data-testid={total ? 'summary-total' : 'summary-home'}>
                <TableHeaderCell scope="row">{name}</TableHeaderCell>
                <TableCell>{region}</TableCell>
                <TableCell>{tr.number(row.complaints)}</TableCell>
                {severities.map((s) => (
                  <TableCell key={s}>{tr.number(row.bySeverity[s])}</TableCell>
                ))}
                <TableCell>{medianText(tr, row.toCorrected)}</TableCell>
                <TableCell>{medianText(tr, row.toInformed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text id="summary-handling-caption" size={200}>
        {tr.t('tab.complaints.summary.handlingCaption')}
      </Text>

      <h3 id="summary-months">{tr.t('tab.complaints.summary.byMonth')}</h3>
      <div className={styles.scroll}>
        <Table aria-labelledby="summary-months" size="small" data-testid="summary-months">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.home')}</TableHeaderCell>
              {summary.months.map((m) => (
                <TableHeaderCell key={m} scope="col">
                  {monthLabel(tr, m)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ key, name, row, total }) => (
              <TableRow key={key} className={total ? styles.total : undefined}>
                <TableHeaderCell scope="row">{name}</TableHeaderCell>
                {row.byMonth.map((m) => (
                  <TableCell key={m.month}>{tr.number(m.total)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <h3 id="summary-total-months">{tr.t('tab.complaints.summary.totalByMonth', { scope: scopeName })}</h3>
      <div className={styles.scroll}>
        <Table aria-labelledby="summary-total-months" size="small" data-testid="summary-total-months">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.month')}</TableHeaderCell>
              {severities.map((s) => (
                <TableHeaderCell key={s} scope="col">
                  {tr.t(`complaint.severity.${s}`)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{tr.t('tab.complaints.summary.count')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.total.byMonth.map((m) => (
              <TableRow key={m.month}>
                <TableHeaderCell scope="row">{monthLabel(tr, m.month)}</TableHeaderCell>
                {severities.map((s) => (
                  <TableCell key={s}>{tr.number(m[s])}</TableCell>
                ))}
                <TableCell>{tr.number(m.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      {summary.homesTotal > summary.homes.length && (
        <nav aria-label={tr.t('tab.complaints.summary.page', { first, last, total: summary.homesTotal })} className={styles.pager}>
          <Text>{tr.t('tab.complaints.summary.page', { first, last, total: summary.homesTotal })}</Text>
          <Button disabled={summary.skip === 0} onClick={() => onPage(Math.max(0, summary.skip - PAGE))}>
            {tr.t('tab.complaints.summary.previous')}
          </Button>
          <Button disabled={last >= summary.homesTotal} onClick={() => onPage(summary.skip + PAGE)}>
            {tr.t('tab.complaints.summary.next')}
          </Button>
        </nav>
      )}
    </>
  );
}
