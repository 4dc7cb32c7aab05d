import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { complaintDetailSchema } from '../../../../src/api/schemas/complaints';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import { hrefOf } from '../../route';
import { useTab } from '../../tab-context';
import { nextStepText, OverdueMark } from './complaint-card';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap' },
});

/**
 * One complaint (`#/complaints/<id>`): its facts, its free text — or, for a role that may not read it, a note
 * saying why it is hidden — and every handling step with who and when. The steps are taken on the bot's card.
 */
export function ComplaintDetailView({ complaintId }: { complaintId: string }) {
  const { api, tr } = useTab();
  const styles = useStyles();
  const detail = useLoad(() => api.get(complaintDetailSchema, `/complaints/${encodeURIComponent(complaintId)}`), [api, complaintId]);
  const back = <Link href={hrefOf('complaints')}>{tr.t('tab.complaints.detail.back')}</Link>;
  if (detail.error !== undefined)
    return (
      <div className={styles.root}>
        {back}
        <ApiErrorBar error={detail.error} tr={tr} />
      </div>
    );
  if (!detail.value) return <Spinner label={tr.t('tab.loading')} />;
  const { complaint, history, mayAdvance } = detail.value;
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );
  const text = (value: string | undefined) => (value ? value : <Text italic>{tr.t('tab.complaints.detail.none')}</Text>);
  return (
    <article className={styles.root} data-testid="complaint-detail">
      {back}
      <h2>{tr.t('tab.complaints.detail.title', { home: complaint.careHomeName })}</h2>
      <section aria-labelledby="complaint-facts">
        <h3 id="complaint-facts">{tr.t('tab.complaints.detail.facts')}</h3>
        <dl className={styles.facts}>
          {fact(tr.t('tab.complaints.detail.customer'), complaint.customerName)}
          {fact(tr.t('tab.complaints.detail.home'), complaint.careHomeName)}
          {fact(tr.t('tab.complaints.detail.region'), tr.t(`region.${complaint.region}`))}
          {fact(tr.t('tab.complaints.detail.received'), tr.date(complaint.receivedDate))}
          {fact(tr.t('tab.complaints.detail.channel'), tr.t(`complaint.channel.${complaint.channel}`))}
          {fact(tr.t('tab.complaints.detail.severity'), tr.t(`complaint.severity.${complaint.severity}`))}
          {fact(tr.t('tab.complaints.detail.status'), tr.t(`complaint.status.${complaint.status}`))}
          {fact(
            tr.t('tab.complaints.detail.next'),
            <>
              <span data-testid="detail-next-step">{nextStepText(tr, complaint)}</span> {complaint.overdue && <OverdueMark tr={tr} />}
            </>,
          )}
        </dl>
      </section>
      <section aria-labelledby="complaint-text">
        <h3 id="complaint-text">{tr.t('tab.complaints.detail.text')}</h3>
        {complaint.textHidden ? (
          <MessageBar intent="info" data-testid="text-hidden">
            <MessageBarBody>
              <MessageBarTitle>{tr.t('tab.complaints.detail.hiddenTitle')}</MessageBarTitle>
              {tr.t('tab.complaints.detail.hidden')}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <dl className={styles.facts} data-testid="complaint-text">
            {fact(tr.t('tab.complaints.detail.matter'), text(complaint.matter))}
            {fact(tr.t('tab.complaints.detail.actions'), text(complaint.correctiveActions))}
            {fact(tr.t('tab.complaints.detail.reply'), text(complaint.replyText))}
          </dl>
        )}
      </section>
      <section aria-labelledby="complaint-history">
        <h3 id="complaint-history">{tr.t('tab.complaints.detail.history')}</h3>
        <ol data-testid="complaint-history">
          {history.map((step) => (
            <li key={step.status}>{tr.t('tab.complaints.detail.historyEntry', { status: tr.t(`complaint.status.${step.status}`), name: step.by.name, when: tr.dateTime(step.at) })}</li>
          ))}
        </ol>
        {mayAdvance && <Text>{tr.t('tab.complaints.detail.mayAdvance')}</Text>}
      </section>
    </article>
  );
}
