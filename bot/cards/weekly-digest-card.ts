import type { WeeklyDigestEvent } from '../../src/domain/events/digest-events.js';
import { formatDate, t, tn, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, container, factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';

/** A card stays readable in a channel: the longest lists are cut here and the rest counted. */
const MAX_ROWS = 10;

/**
 * The Monday digest in the management channel: three lists of what has been left undone, each in the
 * attention style when it has something in it, "none" in the good style when it has not.
 */
export function weeklyDigestCard(event: WeeklyDigestEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  // A digest composed from the store carries the first rows and each list's total (src/app/weekly-digest-content.ts).
  const section = (title: string, rows: [string, string][], total = rows.length): CardElement =>
    container({
      style: total > 0 ? 'attention' : 'good',
      spacing: 'medium',
      items: [
        textBlock(title, { weight: 'bolder' }),
        // Not subtle on the coloured backgrounds: subtle text there is below 4.5:1 in Teams' high-contrast theme.
        ...(rows.length > 0 ? [factSet(rows.slice(0, MAX_ROWS))] : [textBlock(t(locale, 'digest.none'))]),
        ...(total > Math.min(rows.length, MAX_ROWS) ? [textBlock(tn(locale, 'digest.more', total - Math.min(rows.length, MAX_ROWS)), { size: 'small' })] : []),
      ],
    });
  const totals = d.totals ?? { quietCustomers: d.quietCustomers.length, longFreePlaces: d.longFreePlaces.length, overdueComplaints: d.overdueComplaints.length };
  const body: CardElement[] = [
    textBlock(t(locale, 'digest.title', { week: d.weekNumber }), { size: 'large', weight: 'bolder' }),
    textBlock(t(locale, 'digest.intro', { date: formatDate(locale, d.today), count: d.entriesLastWeek }), { isSubtle: true }),
    section(
      t(locale, 'digest.quiet.title', { count: totals.quietCustomers }),
      d.quietCustomers.map((c) => [
        c.name,
        c.lastEntryDate && c.daysSince !== undefined
          ? tn(locale, 'digest.quiet.days', c.daysSince, { date: formatDate(locale, c.lastEntryDate) })
          : t(locale, 'digest.quiet.never'),
      ]),
      totals.quietCustomers,
    ),
    section(
      t(locale, 'digest.places.title', { count: totals.longFreePlaces }),
      d.longFreePlaces.map((p) => [`${p.careHomeName} ${p.label}`, tn(locale, 'digest.places.item', p.daysFree, { date: formatDate(locale, p.freeFrom) })]),
      totals.longFreePlaces,
    ),
    section(
      t(locale, 'digest.complaints.title', { count: totals.overdueComplaints }),
      d.overdueComplaints.map((c) => [
        `${c.careHomeName} – ${c.customerName}`,
        tn(locale, 'digest.complaints.item', c.daysOverdue, { status: t(locale, `digest.status.${c.status}`), date: formatDate(locale, c.nextStepDue) }),
      ]),
      totals.overdueComplaints,
    ),
  ];
  return adaptiveCard({ body });
}
