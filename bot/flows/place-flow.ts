import { MessageFactory } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { listCareHomes, listOpenPlaces } from '../../src/app/list-open-places.js';
import { recordPlaceFreed } from '../../src/app/record-place-freed.js';
import { reservePlace } from '../../src/app/reserve-place.js';
import { formatDate, formatDateTime, t } from '../../src/i18n/messages.js';
import { cardAttachment } from '../cards/elements.js';
import { openPlacesCard } from '../cards/open-places-card.js';
import { placeFreedFormCard } from '../cards/place-freed-form-card.js';
import type { BotFlow, FlowContext } from './flow.js';

/** Places: record a freed or freeing place (the home director's daily occupancy update), list open places. */
export const placeFlow: BotFlow = {
  commands: [
    { id: 'freePlace', fi: 'vapaa paikka', en: 'free place', aliases: ['vapautuva paikka', 'freeing place'], help: 'help.cmd.freePlace' },
    { id: 'places', fi: 'paikat', en: 'places', aliases: ['vapaat paikat', 'free places'], help: 'help.cmd.places' },
  ],
  submitActions: ['placeFreed.submit', 'place.reserve'],

  async onCommand(id, _argument, { turn, app, locale }) {
    if (id === 'freePlace') {
      const homes = await listCareHomes(app);
      await turn.sendActivity(MessageFactory.attachment(cardAttachment(placeFreedFormCard(locale, { homes, requestId: randomUUID() }))));
    } else {
      const groups = await listOpenPlaces(app);
      await turn.sendActivity(MessageFactory.attachment(cardAttachment(openPlacesCard(locale, groups))));
    }
  },

  async onSubmit(action, envelope, values, ctx) {
    if (action === 'place.reserve') return reserveFromCard(values, ctx);
    const { turn, app, locale, actor } = ctx;
    const result = await recordPlaceFreed(app, actor, values);
    if (result.ok) {
      const { place, careHomeName } = result.value;
      await turn.sendActivity(
        MessageFactory.text(
          t(locale, result.duplicate ? 'placeFreed.savedAlready' : 'placeFreed.saved', {
            label: place.label,
            home: careHomeName,
            status: t(locale, `status.${place.status}`),
            date: formatDate(locale, place.freeFrom ?? ''),
          }),
        ),
      );
    } else if (result.reason === 'invalid') {
      const homes = await listCareHomes(app);
      const card = placeFreedFormCard(locale, { homes, requestId: envelope.requestId, values, errors: result.errors });
      await turn.sendActivity(MessageFactory.attachment(cardAttachment(card)));
    } else {
      await turn.sendActivity(MessageFactory.text(t(locale, 'placeFreed.conflict')));
    }
  },
};

/**
 * "Varaa alustavasti" submitted from the card in the channel. The card itself updates for everyone
 * through the outbox; the answer in the thread says who reserved, or who was first.
 */
async function reserveFromCard(values: Record<string, unknown>, { turn, app, locale, actor }: FlowContext): Promise<void> {
  const result = await reservePlace(app, actor, values);
  if (!result.ok) {
    const message = result.reason === 'invalid' ? t(locale, result.errors[0]?.key ?? 'error.generic') : t(locale, 'error.generic');
    await turn.sendActivity(MessageFactory.text(message));
    return;
  }
  const outcome = result.value;
  if (outcome.reserved) {
    await turn.sendActivity(MessageFactory.text(t(locale, 'reserve.done', { name: actor.name, label: outcome.place.label, customer: outcome.customerName })));
  } else if (outcome.reservedBy && outcome.reservedAt) {
    await turn.sendActivity(
      MessageFactory.text(
        t(locale, 'reserve.firstWas', {
          name: outcome.reservedBy.name,
          label: outcome.place.label,
          customer: outcome.customerName ?? '?',
          when: formatDateTime(locale, outcome.reservedAt),
        }),
      ),
    );
  } else {
    await turn.sendActivity(MessageFactory.text(t(locale, 'reserve.notOpen', { label: outcome.place.label, status: t(locale, `status.${outcome.place.status}`) })));
  }
}
