import type { CustomerOverview, CustomerRef } from '../../src/app/customer-overview.js';
import type { Contact } from '../../src/domain/records/contact.js';
import type { Customer } from '../../src/domain/records/customer.js';
import { formatDate, formatDateTime, t, tn, type Locale } from '../../src/i18n/messages.js';
import { CUSTOMER_CARD_PLACES, CUSTOMER_OWN_PLACES, LATEST_ENTRIES } from '../../src/app/customer-overview.js';
import { agreementBlock } from './agreement-card.js';
import { firstPlaces, notShownLine, openPlaceLine } from './open-places-card.js';
import {
  actionExecute,
  actionSet,
  adaptiveCard,
  container,
  factSet,
  linkText,
  markdownTextBlock,
  textBlock,
  warningText,
  type AdaptiveCard,
  type CardElement,
} from './elements.js';

/** Free text on the card is a summary: the record itself keeps the whole text. */
export const SHORT_TEXT = 140;

/** One line, at most `max` characters, an ellipsis when cut. */
export function shortText(text: string, max = SHORT_TEXT): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * At most this many of each list: with the entries (five) and a page of places the card stays under
 * 28 KB whatever the customer has (Teams refuses a message over its size limit); the rest are counted.
 */
export const CARD_LIST_MAX = { contacts: 10, agreements: 5, complaints: 5 } as const;

/** The first `max` of a list as card elements, then "…and N more" when it had more. */
function bounded<T>(locale: Locale, items: readonly T[], max: number, render: (item: T) => CardElement[]): CardElement[] {
  const shown = items.slice(0, max).flatMap(render);
  return items.length > max ? [...shown, textBlock(tn(locale, 'customerCard.listMore', items.length - max), { isSubtle: true, size: 'small' })] : shown;
}

const heading = (text: string): CardElement => textBlock(text, { weight: 'bolder', spacing: 'medium', separator: true });
const line = (text: string, opts: Parameters<typeof textBlock>[1] = {}): CardElement => textBlock(text, { spacing: 'small', ...opts });

/**
 * The customer card (`asiakas <nimi>`): who the customer is, who we deal with, the agreements, what
 * happened lately and how long ago, what is open, what comes next, and what sales can offer in the
 * customer's region (thesis 5.2, 6.1, 6.2; seed 002 for the two-week silence).
 */
export function customerCard(locale: Locale, o: CustomerOverview, requestId: string, notice?: string): AdaptiveCard {
  const { customer } = o;
  const places = firstPlaces(o.openPlaces, CUSTOMER_CARD_PLACES);
  const facts: [string, string][] = [
    [t(locale, 'customerCard.purchaserKind'), t(locale, `purchaserKind.${customer.kind}`)],
    [t(locale, 'customerCard.region'), t(locale, `region.${customer.region}`)],
    [t(locale, 'customerCard.segment'), t(locale, `customerCard.segment.${customer.segment}`)],
    [t(locale, 'customerCard.phase'), t(locale, `customerCard.phase.${customer.lifecyclePhase}`)],
  ];
  if (customer.businessId) facts.push([t(locale, 'customerCard.businessId'), customer.businessId]);
  const body: CardElement[] = [
    // What was just done (an agreement saved from this card's form), above the card it changed.
    // A tick and bold, not green: Teams' good colour is 2.1:1 on white (test/bot/cards/contrast.spec.ts).
    ...(notice ? [textBlock(`✓ ${notice}`, { weight: 'bolder' })] : []),
    textBlock(customer.name, { size: 'large', weight: 'bolder' }),
    factSet(facts),
    ...reachOf(customer),
    ...silence(locale, o),
    // What the overview left out for this reader (src/app/customer-overview.ts), the card says it did.
    ...(o.audience === 'channel'
      ? [textBlock(t(locale, 'customerCard.channelVariant'), { isSubtle: true, size: 'small' })]
      : o.redacted
        ? [textBlock(t(locale, 'customerCard.summaryVariant'), { isSubtle: true, size: 'small' })]
        : []),
    heading(t(locale, 'customerCard.contacts')),
    ...(o.contacts.length > 0 ? bounded(locale, o.contacts, CARD_LIST_MAX.contacts, (c) => [contactBlock(locale, c)]) : [line(t(locale, 'customerCard.contactsNone'), { isSubtle: true })]),
    heading(t(locale, 'customerCard.agreements')),
    ...(o.agreements.length > 0 ? bounded(locale, o.agreements, CARD_LIST_MAX.agreements, (a) => [agreementBlock(locale, a)]) : [line(t(locale, 'customerCard.agreementsNone'), { isSubtle: true })]),
    ...ownPlaces(locale, o),
    heading(t(locale, 'customerCard.entries')),
    ...(o.latestEntries.length > 0
      ? o.latestEntries.slice(0, LATEST_ENTRIES).map((e) =>
          line(
            t(locale, 'customerCard.entry', {
              date: formatDate(locale, e.date),
              kind: t(locale, `customerCard.kind.${e.kind}`),
              text: e.textHidden ? '–' : shortText(e.summary),
              who: e.recordedBy.name,
            }),
          ),
        )
      : [line(t(locale, 'customerCard.entriesNone'), { isSubtle: true })]),
    heading(t(locale, 'customerCard.complaints')),
    ...(o.openComplaints.length > 0
      ? bounded(locale, o.openComplaints, CARD_LIST_MAX.complaints, ({ complaint: c, careHomeName, overdue, textHidden }) => [
          line(
            t(locale, 'customerCard.complaint', {
              received: formatDate(locale, c.receivedDate),
              home: careHomeName,
              status: t(locale, `customerCard.complaintStatus.${c.status}`),
              matter: textHidden ? '–' : shortText(c.matter),
            }),
          ),
          ...(c.nextStepDue
            ? [
                overdue
                  ? warningText(t(locale, 'customerCard.complaintOverdue', { date: formatDate(locale, c.nextStepDue) }), { spacing: 'none', size: 'small' })
                  : textBlock(t(locale, 'customerCard.complaintDue', { date: formatDate(locale, c.nextStepDue) }), { spacing: 'none', size: 'small', isSubtle: true }),
              ]
            : []),
        ])
      : [line(t(locale, 'customerCard.complaintsNone'), { isSubtle: true })]),
    heading(t(locale, 'customerCard.nextContact')),
    o.nextContact
      ? line(t(locale, 'customerCard.nextContactLine', { date: formatDate(locale, o.nextContact.date), topic: shortText(o.nextContact.topic), who: o.nextContact.by.name }))
      : line(t(locale, 'customerCard.nextContactNone'), { isSubtle: true }),
    ...planSection(locale, o),
    heading(t(locale, 'customerCard.places', { region: t(locale, `region.${customer.region}`) })),
    ...(o.openPlaces.total > 0
      ? [
          ...places.groups.map((group) =>
            container({
              spacing: 'small',
              items: [textBlock(group.home.name, { weight: 'bolder' }), ...group.places.map((p) => openPlaceLine(locale, p, 'none'))],
            }),
          ),
          ...(places.notShown > 0 ? [notShownLine(locale, places.notShown)] : []),
        ]
      : [line(t(locale, 'customerCard.placesNone'), { isSubtle: true })]),
  ];
  return adaptiveCard({
    body,
    actions: [
      // Handled by the contact-log flow: its form, with this customer chosen, in place of this card for the one who pressed.
      actionExecute({ title: t(locale, 'customerCard.logAction'), verb: 'contactLog.open', data: { requestId, customerId: customer.id, topic: '' }, style: 'positive' }),
      // Handled by the agreement flow (bot/flows/agreement-flow.ts): the agreement form for this customer.
      ...(o.mayRecordAgreement ? [actionExecute({ title: t(locale, 'agreement.recordAction'), verb: 'agreement.open', data: { requestId, customerId: customer.id } })] : []),
      // Handled by the plan flow (bot/flows/plan-flow.ts): this year's plan and annual clock.
      actionExecute({ title: t(locale, 'plan.showAction'), verb: 'plan.show', data: { requestId, customerId: customer.id } }),
    ],
  });
}

/**
 * The places reserved for this customer (with who reserved, and when) and those sold to it (thesis 6.1:
 * "sold places"), reserved first; the counts say how many there are of each, the rest counted.
 */
function ownPlaces(locale: Locale, o: CustomerOverview): CardElement[] {
  // Bounded here too, whatever the overview was handed: the card stays within Teams' limit.
  const { reserved, sold } = o.ownPlaces;
  const places = o.ownPlaces.places.slice(0, CUSTOMER_OWN_PLACES);
  const heading_ = heading(t(locale, 'customerPlaces.title', { reserved, sold }));
  if (places.length === 0) return [heading_, line(t(locale, 'customerPlaces.none'), { isSubtle: true })];
  const rows = places.map(({ place: p, careHomeName }) => {
    const what = t(locale, 'customerPlaces.line', { home: careHomeName, label: p.label, serviceType: t(locale, `serviceType.${p.serviceType}`), status: t(locale, p.status === 'kaytossa' ? 'customerPlaces.sold' : `status.${p.status}`) });
    const who = p.reservedBy && p.reservedAt ? t(locale, 'customerPlaces.reservedBy', { who: p.reservedBy.name, when: formatDateTime(locale, p.reservedAt) }) : undefined;
    return container({ spacing: 'small', items: [textBlock(what), ...(who ? [textBlock(who, { spacing: 'none', isSubtle: true, size: 'small' })] : [])] });
  });
  const more = reserved + sold - places.length;
  return [heading_, ...rows, ...(more > 0 ? [textBlock(tn(locale, 'customerCard.listMore', more), { isSubtle: true, size: 'small' })] : [])];
}

/** A phone number and an e-mail address as tel: and mailto: links (elements.ts `linkText`), joined by a dot. */
function reachLine(phone: string | undefined, email: string | undefined): string | undefined {
  const links = [...(phone ? [linkText(phone, { tel: phone })] : []), ...(email ? [linkText(email, { mailto: email })] : [])];
  return links.length > 0 ? links.join(' · ') : undefined;
}

/** The customer's own phone and e-mail under its facts, when recorded. */
function reachOf(customer: Customer): CardElement[] {
  const reach = reachLine(customer.phone, customer.email);
  return reach ? [markdownTextBlock(reach, { spacing: 'small' })] : [];
}

/**
 * Days since the last entry; from two weeks on (seed 002) with the warning sign and the question what is wrong. Not
 * green and red: Teams' good colour is 2.1:1 on white and attention 3.2:1 on dark, and colour alone says nothing
 * to a colour-blind reader.
 */
function silence(locale: Locale, o: CustomerOverview): CardElement[] {
  const text = !o.lastEntry
    ? t(locale, 'customerCard.lastEntryNone')
    : o.lastEntry.daysSince === 0
      ? t(locale, 'customerCard.lastEntryToday')
      : tn(locale, 'customerCard.lastEntry', o.lastEntry.daysSince, { date: formatDate(locale, o.lastEntry.date) });
  return [
    o.quiet ? warningText(text) : textBlock(text, { weight: 'bolder' }),
    ...(o.quiet ? [textBlock(t(locale, 'customerCard.quiet'), { spacing: 'none', size: 'small' })] : []),
  ];
}

/** A contact's personal notes are on it only when the overview kept them for this reader. */
function contactBlock(locale: Locale, c: Contact): CardElement {
  const role = t(locale, `customerCard.role.${c.role}`);
  // The person's own title only when it says more than the role: "Social worker, Sosiaalityöntekijä" is one title twice.
  const sameAsRole = (['fi', 'en'] as const).some((l) => t(l, `customerCard.role.${c.role}`).toLocaleLowerCase('fi') === c.title?.trim().toLocaleLowerCase('fi'));
  const reach = reachLine(c.phone, c.email);
  return container({
    spacing: 'small',
    items: [
      textBlock(`${c.name} – ${c.title && !sameAsRole ? `${role}, ${c.title}` : role}`),
      ...(reach ? [markdownTextBlock(reach, { spacing: 'none', isSubtle: true })] : []),
      ...(c.personalNotes ? [textBlock(t(locale, 'customerCard.contactNote', { text: shortText(c.personalNotes) }), { spacing: 'none', isSubtle: true, size: 'small' })] : []),
    ],
  });
}

/** At most this many buttons: a longer list asks for more of the name instead. */
export const MAX_CHOICES = 8;

export type CustomerChoice =
  | { kind: 'askName'; customers: CustomerRef[] }
  | { kind: 'choose'; typed: string; customers: CustomerRef[] }
  | { kind: 'notFound'; typed: string; closest: CustomerRef[] };

/**
 * No single customer for what was typed: nothing typed (ask, with the customers as examples), several
 * matches (one button each), or none (the closest names as buttons). A button shows that customer's card.
 */
/** What the name buttons lead to: the customer card, or another view of the customer (its history). */
export interface ChoicePurpose {
  action: string;
  askTitle: string;
  askText: string;
  chooseText: string;
}

export const customerCardChoice: ChoicePurpose = {
  action: 'customer.show',
  askTitle: 'customerCard.ask.title',
  askText: 'customerCard.ask.text',
  chooseText: 'customerCard.choose.text',
};

export function customerChoiceCard(locale: Locale, choice: CustomerChoice, requestId: string, purpose: ChoicePurpose = customerCardChoice): AdaptiveCard {
  const [title, text, customers] =
    choice.kind === 'askName'
      ? [t(locale, purpose.askTitle), t(locale, purpose.askText), choice.customers]
      : choice.kind === 'choose'
        ? [t(locale, 'customerCard.choose.title', { typed: choice.typed }), t(locale, purpose.chooseText), choice.customers]
        : [t(locale, 'customerCard.notFound.title', { typed: choice.typed }), t(locale, 'customerCard.notFound.text'), choice.closest];
  const body: CardElement[] = [textBlock(title, { size: 'large', weight: 'bolder' })];
  if (customers.length === 0) {
    body.push(textBlock(t(locale, 'customerCard.noCustomers')));
    return adaptiveCard({ body });
  }
  body.push(textBlock(text));
  // One ActionSet per customer: a list of buttons, not the few card-level actions Teams shows in a row.
  for (const c of customers.slice(0, MAX_CHOICES)) {
    body.push(actionSet({ spacing: 'small', actions: [actionExecute({ title: c.name, verb: purpose.action, data: { requestId, customerId: c.id } })] }));
  }
  if (customers.length > MAX_CHOICES) body.push(textBlock(tn(locale, 'customerCard.more', customers.length - MAX_CHOICES), { isSubtle: true }));
  return adaptiveCard({ body });
}

/** Issue 12: this year's plan, how many encounters were held, and the next (up to 3) with their owners. */
function planSection(locale: Locale, o: CustomerOverview): CardElement[] {
  const year = o.plan?.year ?? Number(o.today.slice(0, 4));
  const title = heading(t(locale, 'plan.customerCard.title', { year: String(year) }));
  if (!o.plan) return [title, line(t(locale, 'plan.customerCard.none', { year: String(year) }), { isSubtle: true })];
  const { status, next } = o.plan;
  return [
    title,
    line(tn(locale, 'plan.card.status', status.total, { done: status.done })),
    ...(next.length > 0
      ? [
          line(t(locale, 'plan.customerCard.next'), { weight: 'bolder' }),
          ...next.map((e) =>
            line(
              [
                e.encounter.day !== undefined ? formatDate(locale, e.date) : `${t(locale, `plan.month.${e.encounter.month}`)} ${e.date.slice(0, 4)}`,
                t(locale, `plan.kind.${e.encounter.kind}`),
                e.ownerName ?? t(locale, 'plan.card.noOwner'),
              ].join(' · '),
              { spacing: 'none' },
            ),
          ),
        ]
      : [line(t(locale, 'plan.customerCard.noneAhead'), { isSubtle: true })]),
  ];
}
