import { nextStep, type ComplaintStep } from '../../src/domain/complaints/complaint-lifecycle.js';
import { localDate } from '../../src/domain/dates.js';
import type { ComplaintCardData, ComplaintEvent } from '../../src/domain/events/complaint-events.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { formatDate, formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import type { NotificationVariant } from '../../src/store/store-port.js';
import {
  actionShowCard,
  actionExecute,
  adaptiveCard,
  container,
  factSet,
  inputDate,
  inputText,
  textBlock,
  warningText,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ContainerStyle,
  type RefreshDefinition,
} from './elements.js';
import { noticeBlock, type Notice } from './notice.js';

const severityStyles: Record<ComplaintCardData['severity'], ContainerStyle> = { vakava: 'attention', kohtalainen: 'warning', vahainen: 'emphasis' };

/**
 * The complaint card (thesis 4.4.3). `full` (management, the quality manager): the matter, the actions,
 * the reply, every step with who and when, the next step's target date, and only the next step's action.
 * `summary` (sales): customer, home, severity, received date and status — no free text, because what
 * happened in a care home is not the sales channel's to read (DOMAIN.md, Privacy). Later steps update
 * every posted card in place, each in its own variant.
 */
export interface ComplaintCardView {
  /** Show the next step's action (everyone's posted card in shared mode; a person's view when they may). */
  nextStep: boolean;
  refresh?: RefreshDefinition | undefined;
  /** The answer to what this person pressed (their own view only). */
  notice?: Notice | undefined;
  /** What they typed into the step, kept when it was refused. */
  values?: Record<string, unknown> | undefined;
}

export function complaintCard(event: ComplaintEvent, locale: Locale, variant: NotificationVariant, view: ComplaintCardView = { nextStep: true }): AdaptiveCard {
  const card = variant === 'summary' ? summaryCard(event.data, locale) : fullCard(event, locale, view);
  return adaptiveCard({
    ...card,
    body: [...(view.notice ? [noticeBlock(view.notice)] : []), ...leftOver(event.data, locale, variant, view), ...card.body],
    ...(view.refresh ? { refresh: view.refresh } : {}),
  });
}

/** The inputs each step asks for (nextStepAction). */
const stepInputs: Partial<Record<ComplaintStep, readonly string[]>> = {
  'toimenpiteet-sovittu': ['correctiveActions', 'correctionDue'],
  'asiakas-informoitu': ['replyText'],
};

/**
 * What the person typed that the card they now see has no input for (someone else took the step first, or
 * the step was refused): shown back to them, so a written text is never simply lost.
 */
function leftOver(d: ComplaintCardData, locale: Locale, variant: NotificationVariant, view: ComplaintCardView): CardElement[] {
  const step = nextStep(d.status);
  const offered = new Set(variant === 'full' && view.nextStep && step ? (stepInputs[step] ?? []) : []);
  const texts = ['correctiveActions', 'replyText']
    .filter((id) => !offered.has(id) && typeof view.values?.[id] === 'string' && (view.values[id] as string) !== '')
    .map((id) => (view.values![id] as string).slice(0, 4000));
  if (texts.length === 0) return [];
  return [container({ items: [textBlock(t(locale, 'view.yourText'), { weight: 'bolder', size: 'small' }), ...texts.map((text) => textBlock(text))] })];
}

function header(d: ComplaintCardData, locale: Locale): CardElement {
  const style: ContainerStyle = d.status === 'suljettu' ? 'good' : severityStyles[d.severity];
  return container({
    style,
    items: [
      textBlock(t(locale, 'card.complaint.title', { home: d.careHomeName }), { size: 'large', weight: 'bolder' }),
      textBlock(`${t(locale, `complaint.status.${d.status}`)} · ${t(locale, `complaint.severity.${d.severity}`)}`, { spacing: 'none' }),
    ],
  });
}

function summaryCard(d: ComplaintCardData, locale: Locale): AdaptiveCard {
  return adaptiveCard({
    body: [
      header(d, locale),
      factSet([
        [t(locale, 'card.complaint.customer'), d.customerName],
        [t(locale, 'card.complaint.home'), d.careHomeName],
        [t(locale, 'card.complaint.severity'), t(locale, `complaint.severity.${d.severity}`)],
        [t(locale, 'card.complaint.received'), formatDate(locale, d.receivedDate)],
        [t(locale, 'card.complaint.status'), t(locale, `complaint.status.${d.status}`)],
      ]),
      textBlock(t(locale, 'card.complaint.summaryNote'), { isSubtle: true, size: 'small' }),
    ],
  });
}

function fullCard(event: ComplaintEvent, locale: Locale, view: ComplaintCardView): AdaptiveCard {
  const d = event.data;
  const step = nextStep(d.status);
  const facts: [string, string][] = [
    [t(locale, 'card.complaint.customer'), d.customerName],
    [t(locale, 'card.complaint.home'), d.careHomeName],
    [t(locale, 'card.complaint.region'), t(locale, `region.${d.region}`)],
    [t(locale, 'card.complaint.received'), formatDate(locale, d.receivedDate)],
    [t(locale, 'card.complaint.channel'), t(locale, `complaint.channel.${d.channel}`)],
    [t(locale, 'card.complaint.severity'), t(locale, `complaint.severity.${d.severity}`)],
    [t(locale, 'card.complaint.status'), t(locale, `complaint.status.${d.status}`)],
  ];
  if (step && d.nextStepDue) facts.push([t(locale, `complaint.next.${step}`), formatDate(locale, d.nextStepDue)]);
  const body: CardElement[] = [
    header(d, locale),
    factSet(facts),
    textBlock(t(locale, 'card.complaint.matter'), { weight: 'bolder', spacing: 'medium' }),
    textBlock(d.matter),
  ];
  if (d.correctiveActions) body.push(textBlock(t(locale, 'card.complaint.correctiveActions'), { weight: 'bolder' }), textBlock(d.correctiveActions));
  if (d.replyText) body.push(textBlock(t(locale, 'card.complaint.reply'), { weight: 'bolder' }), textBlock(d.replyText));
  body.push(
    textBlock(t(locale, 'card.complaint.history'), { weight: 'bolder', spacing: 'medium' }),
    factSet(d.history.map((h) => [t(locale, `complaint.status.${h.status}`), t(locale, 'card.complaint.historyEntry', { name: h.by.name, when: formatDateTime(locale, h.at) })])),
  );
  if (!step) {
    body.push(textBlock(`✓ ${t(locale, 'card.complaint.closed')}`, { weight: 'bolder' }));
    return adaptiveCard({ body });
  }
  if (!view.nextStep) return adaptiveCard({ body });
  return adaptiveCard({ body, actions: [nextStepAction(d, step, locale, localDate(new Date(event.occurredAt)), view.values ?? {})] });
}

/**
 * Only the next step's action: a ShowCard with what that step needs, then the submit. One request id per
 * shown version, so a double click moves the complaint once and a second person is told who was first.
 */
function nextStepAction(d: ComplaintCardData, step: ComplaintStep, locale: Locale, shownOn: string, typed: Record<string, unknown>): CardAction {
  const kept = (id: string) => (typeof typed[id] === 'string' ? { value: (typed[id] as string).slice(0, 4000) } : {});
  const inputs: CardElement[] = [textBlock(t(locale, `complaint.step.intro.${step}`))];
  if (step === 'toimenpiteet-sovittu') {
    inputs.push(
      inputText({
        id: 'correctiveActions',
        label: t(locale, 'complaint.step.correctiveActions'),
        ...kept('correctiveActions'),
        isMultiline: true,
        maxLength: 4000,
        isRequired: true,
        errorMessage: t(locale, 'validation.required'),
      }),
      inputDate({ id: 'correctionDue', label: t(locale, 'complaint.step.correctionDue'), ...(typeof typed.correctionDue === 'string' && typed.correctionDue.length <= 40 ? { value: typed.correctionDue } : {}), min: shownOn, isRequired: true, errorMessage: t(locale, 'validation.invalidDate') }),
    );
  }
  if (step === 'asiakas-informoitu') {
    inputs.push(inputText({ id: 'replyText', label: t(locale, 'complaint.step.replyText'), ...kept('replyText'), isMultiline: true, maxLength: 4000 }));
  }
  if (step === 'toimenpiteet-sovittu' || step === 'asiakas-informoitu') {
    inputs.push(warningText(t(locale, 'form.privacyHint'), { size: 'small' }));
  }
  return actionShowCard({
    title: t(locale, `complaint.step.${step}`),
    card: {
      body: inputs,
      actions: [
        actionExecute({
          title: t(locale, `complaint.step.${step}`),
          style: 'positive',
          verb: 'complaint.advance',
          data: {
            requestId: stableIdFor(`complaint.advance:${d.complaintId}:${d.version}`),
            complaintId: d.complaintId,
            version: d.version,
            step,
          },
        }),
      ],
    },
  });
}
