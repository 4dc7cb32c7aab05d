import { z } from 'zod';
import { entryToChange, listMyEntries, type MyEntry } from '../../src/app/my-entries.js';
import { withdrawEntry } from '../../src/app/withdraw-entry.js';
import { t } from '../../src/i18n/messages.js';
import { recordedEntryKinds, type RecordedEntryKind } from '../../src/store/record-queries.js';
import type { RecordOf } from '../../src/store/record-kinds.js';
import { entryTitle, mineCard, withdrawConfirmCard } from '../cards/mine-card.js';
import { textBlock } from '../cards/elements.js';
import { SAVE_COMPLAINT, saveComplaint } from '../forms/complaint-edit-form.js';
import type { EntryForm } from '../forms/entry-form.js';
import { SAVE_PLACE, savePlace } from '../forms/place-edit-form.js';
import { entryForms, openFreshForm } from '../forms/entry-forms.js';
import { refusalText } from '../forms/refusal.js';
import type { BotFlow, FlowContext } from './flow.js';

/** Which entry a Muokkaa, Peru or Kirjaa uusi button names; only the envelope, the use cases check the rest. */
const entryRef = z.object({ kind: z.enum(recordedEntryKinds), recordId: z.string().optional() });

/**
 * `omat` / `mine` (issue 11): your latest entries, each with Muokkaa (the same form, prefilled, saved by the
 * same use case; the posted cards update in place; a place's and a complaint's under `mine.*` verbs) and Peru (after a confirmation: kept in the audit trail,
 * gone from the views, the posted cards say "peruttu"). The receipts' Muokkaa and Kirjaa uusi land here too.
 * Every answer replaces the pressed card for the one who pressed it: nothing is posted to the thread.
 */
export const mineFlow: BotFlow = {
  commands: [{ id: 'mine', fi: 'omat', en: 'mine', aliases: ['omat kirjaukset', 'my entries'], help: 'help.cmd.mine' }],
  submitActions: ['mine.list', 'mine.edit', 'mine.new', 'mine.withdraw', 'mine.withdrawConfirm', SAVE_PLACE, SAVE_COMPLAINT],

  async onCommand(_id, _argument, ctx) {
    await sendList(ctx);
  },

  async onSubmit(action, envelope, values, ctx) {
    if (action === 'mine.list') return sendList(ctx);
    // A place's or a complaint's edit form (their own flows' forms stay as they are).
    if (action === SAVE_PLACE) return savePlace(envelope, values, ctx);
    if (action === SAVE_COMPLAINT) return saveComplaint(envelope, values, ctx);
    const ref = entryRef.safeParse(envelope);
    if (!ref.success) return ctx.reply.text(t(ctx.locale, 'mine.gone'));
    const { kind, recordId } = ref.data;
    if (action === 'mine.new') return openFreshForm(ctx, kind);
    if (!recordId) return ctx.reply.text(t(ctx.locale, 'mine.gone'));

    if (action === 'mine.withdrawConfirm') {
      const result = await withdrawEntry(ctx.app, ctx.actor, { kind, recordId, expectedVersion: values.expectedVersion, requestId: envelope.requestId });
      if (!result.ok) return ctx.reply.text(refusalText(ctx.locale, result));
      const { date } = result.value;
      return sendList(ctx, t(ctx.locale, result.duplicate ? 'mine.withdrawnAlready' : 'mine.withdrawn', { entry: entryTitle(ctx.locale, kind, date) }));
    }

    const found = await entryToChange(ctx.app, ctx.actor, kind, recordId);
    if (!found.ok) return ctx.reply.text(refusalText(ctx.locale, found));
    if (action === 'mine.withdraw') return ctx.reply.card(withdrawConfirmCard(ctx.locale, found.value.entry));
    // mine.edit
    const form = entryForms[kind] as EntryForm<RecordedEntryKind> | undefined;
    if (!form) return ctx.reply.text(t(ctx.locale, 'mine.notEditable'));
    await form.open(ctx, found.value.record as RecordOf<RecordedEntryKind>);
  },
};

/** The list, with a line on top after a withdrawal ("Peruttu: Valvontakäynti 20.11.2026"). */
async function sendList(ctx: FlowContext, notice?: string): Promise<void> {
  const result = await listMyEntries(ctx.app, ctx.actor);
  if (!result.ok) return ctx.reply.text(refusalText(ctx.locale, result));
  const rows = result.value.entries.map((e: MyEntry) => ({ ...e, editable: entryForms[e.kind] !== undefined }));
  const card = mineCard(ctx.locale, rows, result.value.windowHours);
  await ctx.reply.card(notice ? { ...card, body: [card.body[0]!, textBlock(`✓ ${notice}`, { wrap: true, weight: 'bolder' }), ...card.body.slice(1)] } : card);
}
