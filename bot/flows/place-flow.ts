import { randomUUID } from 'node:crypto';
import { careHomeChoices, ownCareHomeId } from '../../src/app/care-home-choices.js';
import { listOpenPlaces, placesFilterFor } from '../../src/app/list-open-places.js';
import { placeView } from '../../src/app/place-view.js';
import { recordPlaceFreed } from '../../src/app/record-place-freed.js';
import { reservePlace } from '../../src/app/reserve-place.js';
import { settlePlace } from '../../src/app/settle-place.js';
import type { UseCaseResult } from '../../src/app/result.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { formatDate, formatDateTime, t } from '../../src/i18n/messages.js';
import { notice, type Notice } from '../cards/notice.js';
import { openPlacesCard, placesFilterUnknownCard } from '../cards/open-places-card.js';
import { placeCard, type PlaceCardView } from '../cards/place-freed-card.js';
import { placeFreedFormCard } from '../cards/place-freed-form-card.js';
import { answerSaved } from '../forms/entry-form.js';
import { failureText } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/**
 * Places: record a freed or freeing place (the home director's daily occupancy update), list open places, and
 * the place card's buttons. A press on the card (Action.Execute) is answered to the one who pressed with
 * their own view of the card: what happened (or who was first), and the buttons their role allows there. The
 * card itself changes for everyone through the outbox (place.changed updates every posted card).
 */
export const placeFlow: BotFlow = {
  commands: [
    { id: 'freePlace', fi: 'vapaa paikka', en: 'free place', aliases: ['vapautuva paikka', 'freeing place'], help: 'help.cmd.freePlace' },
    // `paikat etelä`, `paikat koivu`: one region, or the homes whose name has the text (src/app/list-open-places.ts).
    { id: 'places', fi: 'paikat', en: 'places', aliases: ['vapaat paikat', 'free places'], help: 'help.cmd.places', takesArgument: true },
  ],
  submitActions: [
    'placeFreed.submit',
    'place.reserve',
    'place.sell',
    'place.release',
    'place.sellConfirmed',
    'place.releaseConfirmed',
    'place.view',
    'place.open',
  ],

  async onCommand(id, argument, { reply, app, locale, actor }) {
    if (id === 'freePlace') {
      const [homes, own] = await Promise.all([careHomeChoices(app, actor), ownCareHomeId(app, actor)]);
      // A home director records for her own home nearly always: it is chosen already.
      await reply.card(placeFreedFormCard(locale, { homes, requestId: randomUUID(), ...(own ? { values: { careHomeId: own } } : {}) }));
    } else {
      const filter = await placesFilterFor(app, argument);
      if (!filter.ok) {
        await reply.card(placesFilterUnknownCard(locale, filter.unknown));
        return;
      }
      await reply.card(openPlacesCard(locale, await listOpenPlaces(app, filter.filter)));
    }
  },

  async onSubmit(action, envelope, values, ctx) {
    switch (action) {
      case 'place.reserve':
        return reserveFromCard(values, ctx);
      case 'place.sell':
      case 'place.release':
        // A press on a card answers a question first; an Action.Submit from a card posted before Universal
        // Actions cannot be answered privately, so it settles as it always did.
        if (ctx.via === 'execute') return answerWithPlace(ctx, String(values.placeId ?? ''), { confirm: action === 'place.sell' ? 'sell' : 'release' });
        return settleFromCard(action === 'place.sell' ? 'sell' : 'release', values, ctx);
      case 'place.sellConfirmed':
      case 'place.releaseConfirmed':
        return settleFromCard(action === 'place.sellConfirmed' ? 'sell' : 'release', values, ctx);
      case 'place.view':
      case 'place.open':
        return answerWithPlace(ctx, String(values.placeId ?? ''), {});
      default:
        return recordFromForm(envelope.requestId, values, ctx);
    }
  },
};

async function recordFromForm(requestId: string, values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const { app, locale, actor } = ctx;
  const result = await recordPlaceFreed(app, actor, values);
  if (result.ok) {
    const { place, careHomeName } = result.value;
    const saved = t(locale, result.duplicate ? 'placeFreed.savedAlready' : 'placeFreed.saved', {
      label: place.label,
      home: careHomeName,
      status: t(locale, `status.${place.status}`),
      date: formatDate(locale, place.freeFrom ?? ''),
    });
    // The form turns into its receipt: what was saved, Muokkaa and Kirjaa uusi (bot/forms/receipt-card.ts).
    await answerSaved(ctx, { kind: 'place', recordId: place.id, saved });
    return;
  }
  const homes = await careHomeChoices(app, actor);
  if (result.reason === 'invalid') {
    await ctx.reply.card(placeFreedFormCard(locale, { homes, requestId, values, errors: result.errors }));
    return;
  }
  let refusal: string;
  if (result.reason === 'conflict') {
    const first = result.changedFirst;
    refusal = first
      ? t(locale, 'placeFreed.changedFirst', { name: first.by, label: first.label, when: formatDateTime(locale, first.at), status: t(locale, `status.${first.status}`) })
      : t(locale, 'placeFreed.conflict');
  } else {
    refusal = failureText(ctx, result);
  }
  // A refusal keeps what was typed: the form comes back with it and the reason on top.
  if (ctx.via === 'execute') await ctx.reply.card(placeFreedFormCard(locale, { homes, requestId, values, refusal }));
  else await ctx.reply.text(refusal);
}

/**
 * The person's own view of the place card (a refresh, Back, the answer to a press): the place as it is now
 * and the buttons their role allows at its home. In a message turn (an old Action.Submit) a notice is
 * answered as a reply, not as a second copy of the place card in the thread.
 */
async function answerWithPlace(ctx: FlowContext, placeId: string, extra: Omit<PlaceCardView, 'actions'>): Promise<void> {
  if (ctx.via === 'message' && extra.notice) {
    await ctx.reply.text(extra.notice.text);
    return;
  }
  const view = await placeView(ctx.app, ctx.actor, placeId);
  if (!view) {
    await ctx.reply.text(extra.notice?.text ?? t(ctx.locale, 'view.place.gone'));
    return;
  }
  const requestId = stableIdFor(`reserve:${view.data.placeId}:${view.data.version}`);
  await ctx.reply.card(placeCard(view.data, ctx.locale, requestId, { ...extra, actions: view.can }));
}

function refusal(ctx: FlowContext, result: Exclude<UseCaseResult<unknown>, { ok: true }>): Notice {
  return notice(ctx.locale, 'refused', failureText(ctx, result));
}

/** "Varaa alustavasti" pressed on the place card: who reserved, or who was first, to the one who pressed. */
async function reserveFromCard(values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const { app, locale, actor } = ctx;
  const placeId = String(values.placeId ?? '');
  const result = await reservePlace(app, actor, values);
  // A refused or mistyped reservation keeps the customer they had chosen.
  const typed = typeof values.customerId === 'string' ? values.customerId : undefined;
  if (!result.ok) return answerWithPlace(ctx, placeId, { notice: refusal(ctx, result), customerId: typed });
  const outcome = result.value;
  const label = outcome.place.label;
  let said: Notice;
  if (outcome.reserved) {
    said = notice(locale, 'done', t(locale, 'reserve.done', { name: actor.name, label, customer: outcome.customerName }));
  } else if (outcome.reservedBy && outcome.reservedAt) {
    said = notice(locale, 'refused', t(locale, 'reserve.firstWas', { name: outcome.reservedBy.name, label, customer: outcome.customerName ?? '?', when: formatDateTime(locale, outcome.reservedAt) }));
  } else if (outcome.changedBy && outcome.changedAt) {
    said = notice(locale, 'refused', t(locale, 'reserve.changedFirst', { name: outcome.changedBy.name, label, when: formatDateTime(locale, outcome.changedAt), status: t(locale, `status.${outcome.place.status}`) }));
  } else {
    said = notice(locale, 'refused', t(locale, 'reserve.notOpen', { label, status: t(locale, `status.${outcome.place.status}`) }));
  }
  return answerWithPlace(ctx, placeId, { notice: said, ...(outcome.reserved ? {} : { customerId: typed }) });
}

/** Sold or released (after the confirmation): what was done, or who changed the place first. */
async function settleFromCard(settlement: 'sell' | 'release', values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const { app, locale, actor } = ctx;
  const placeId = String(values.placeId ?? '');
  const result = await settlePlace(app, actor, { ...values, settlement });
  if (!result.ok) return answerWithPlace(ctx, placeId, { notice: refusal(ctx, result) });
  const outcome = result.value;
  const { place } = outcome;
  const status = t(locale, `status.${place.status}`);
  let said: Notice;
  if (outcome.settled) {
    said = notice(locale, 'done', t(locale, outcome.settlement === 'sell' ? 'settle.sold' : 'settle.released', { name: actor.name, label: place.label, customer: outcome.customerName, status }));
  } else if (outcome.changedBy && outcome.changedAt) {
    const params = { name: outcome.changedBy.name, label: place.label, customer: outcome.customerName ?? '?', when: formatDateTime(locale, outcome.changedAt), status };
    const key = place.status === 'kaytossa' ? 'settle.firstWasSold' : place.status === 'alustavasti-varattu' ? 'reserve.firstWas' : 'settle.firstWasReleased';
    said = notice(locale, 'refused', t(locale, key, params));
  } else {
    said = notice(locale, 'refused', t(locale, 'settle.notReserved', { label: place.label, status }));
  }
  return answerWithPlace(ctx, placeId, { notice: said });
}
