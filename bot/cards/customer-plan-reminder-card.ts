import type { EncounterDueEvent } from '../../src/domain/events/plan-events.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import { encounterWhen } from './customer-plan-card.js';
import { actionExecute, adaptiveCard, factSet, textBlock, type AdaptiveCard } from './elements.js';

/**
 * The owner's reminder 30 days before a planned encounter (issue 12). Its button opens the form to act on it
 * in place of the reminder: the `kokous` form for a development meeting (verb meeting.new, pre-filled with
 * the customer and the date), the `kirjaa` form for any other kind (contactLog.open, the topic pre-filled).
 * One request id per encounter and date, so pressing twice makes one meeting or entry.
 */
export function encounterReminderCard(event: EncounterDueEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  const kind = t(locale, `plan.kind.${d.kind}`);
  const when = encounterWhen(locale, d);
  const facts: [string, string][] = [
    [t(locale, 'plan.reminder.customer'), d.customerName],
    [t(locale, 'plan.reminder.owner'), d.ownerName],
  ];
  if (d.note) facts.push([t(locale, 'plan.reminder.note'), d.note]);
  const requestId = stableIdFor(`plan-reminder:${d.planId}:${d.encounterId}:${d.date}`);
  const action =
    d.kind === 'kehityskokous'
      ? actionExecute({ title: t(locale, 'plan.reminder.meetingAction'), verb: 'meeting.new', data: { requestId, customerId: d.customerId, date: d.date }, style: 'positive' })
      : actionExecute({ title: t(locale, 'plan.reminder.logAction'), verb: 'contactLog.open', data: { requestId, customerId: d.customerId, topic: d.note ? `${kind}: ${d.note}`.slice(0, 200) : kind }, style: 'positive' });
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'plan.reminder.title', { kind, when }), { size: 'large', weight: 'bolder' }),
      textBlock(t(locale, 'plan.reminder.intro'), { isSubtle: true }),
      factSet(facts),
    ],
    actions: [action],
  });
}
