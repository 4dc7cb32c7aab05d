import { Badge, Card, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { z } from 'zod';
import type { boardComplaintSchema } from '../../../../src/api/schemas/complaints';
import { hrefOf } from '../../route';
import type { Translate } from '../../i18n/translate';

export type BoardComplaint = z.infer<typeof boardComplaintSchema>;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const severityColor = { vakava: 'danger', kohtalainen: 'warning', vahainen: 'informative' } as const;

/** The words and the icon of "past its target date": never colour alone. */
export function OverdueMark({ tr }: { tr: Translate }) {
  const styles = useStyles();
  return (
    <Text className={styles.overdue} data-testid="overdue">
      <span aria-hidden="true">⚠ </span>
      {tr.t('tab.complaints.card.overdue')}
    </Text>
  );
}

/** What is due next, by when (or that nothing is: closed). */
export function nextStepText(tr: Translate, complaint: Pick<BoardComplaint, 'nextStep' | 'nextStepDue'>): string {
  if (!complaint.nextStep) return tr.t('tab.complaints.card.closed');
  // The bot card's words for a step that is due ("Toimenpiteet sovittava", "Actions to agree by").
  if (complaint.nextStepDue) return tr.t('tab.complaints.card.next', { step: tr.t(`complaint.next.${complaint.nextStep}`), date: tr.date(complaint.nextStepDue) });
  return tr.t('tab.complaints.card.nextNoDate', { step: tr.t(`complaint.status.${complaint.nextStep}`) });
}

/** One complaint on the board: customer, home, severity, when received, the next step and its date. */
export function ComplaintCard({ tr, complaint }: { tr: Translate; complaint: BoardComplaint }) {
  const styles = useStyles();
  const received = tr.date(complaint.receivedDate);
  return (
    <Card className={styles.card} size="small" data-testid="complaint-card" data-complaint-id={complaint.id}>
      <Text weight="semibold">{complaint.customerName}</Text>
      <Text>{complaint.careHomeName}</Text>
      <div className={styles.line}>
        <Badge appearance="tint" color={severityColor[complaint.severity]} shape="rounded">
          {tr.t('tab.complaints.card.severity', { severity: tr.t(`complaint.severity.${complaint.severity}`) })}
        </Badge>
        <Text size={200}>{tr.t('tab.complaints.card.received', { date: received })}</Text>
      </div>
      <Text data-testid="next-step">{nextStepText(tr, complaint)}</Text>
      {complaint.overdue && <OverdueMark tr={tr} />}
      {complaint.textHidden && (
        <Text size={200} italic>
          {tr.t('tab.complaints.hiddenNote')}
        </Text>
      )}
      <Link href={hrefOf('complaints', complaint.id)} aria-label={tr.t('tab.complaints.card.openLabel', { home: complaint.careHomeName, customer: complaint.customerName, date: received })}>
        {tr.t('tab.complaints.card.open')}
      </Link>
    </Card>
  );
}
