import { randomUUID } from 'node:crypto';
import { t, type Locale, type MessageKey } from '../../src/i18n/messages.js';
import type { CommandSpec } from '../commands.js';
import { actionExecute, actionSet, adaptiveCard, factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';

/**
 * The help card's groups, by what people do: record and follow places, record what happened with a customer,
 * look a customer up, keep the bot running. A command no group names (a flow added later) is listed under
 * "other" rather than left out.
 */
const groups: readonly { title: MessageKey; commands: readonly string[] }[] = [
  { title: 'help.group.places', commands: ['freePlace', 'places'] },
  { title: 'help.group.records', commands: ['log', 'visit', 'homeEvent', 'note', 'meeting', 'complaint'] },
  { title: 'help.group.customers', commands: ['customer', 'history'] },
  { title: 'help.group.admin', commands: ['channelSales', 'channelManagement', 'status'] },
];

/** Commands whose button asks for the name (the flow answers an empty argument with a choice of customers). */
const asksWhose = new Set(['customer', 'history']);

/** The verb main's bot (bot/hoiva-bot.ts) answers by running the command's flow with no argument. */
export const COMMAND_RUN_VERB = 'command.run';

/**
 * The list of commands, in the user's language first and the other language beside it, grouped, with a button
 * per command that opens its form (or, for a command that takes a name, asks whose: the customer flows answer
 * an empty argument with a choice of customers). `ohje` itself gets no button: this card is its answer.
 */
export function helpCard(locale: Locale, commands: readonly CommandSpec[]): AdaptiveCard {
  const byId = new Map(commands.filter((c) => c.id !== 'help').map((c) => [c.id, c]));
  const grouped = groups.map((g) => ({ title: g.title, commands: g.commands.flatMap((id) => byId.get(id) ?? []) }));
  const named = new Set(groups.flatMap((g) => g.commands));
  const others = [...byId.values()].filter((c) => !named.has(c.id));
  const help = commands.find((c) => c.id === 'help');
  const body: CardElement[] = [
    textBlock(t(locale, 'help.title'), { size: 'large', weight: 'bolder' }),
    textBlock(t(locale, 'help.intro'), { isSubtle: true }),
    ...[...grouped, { title: 'help.group.more' as const, commands: others }]
      .filter((g) => g.commands.length > 0)
      .flatMap((g) => groupBlock(locale, t(locale, g.title), g.commands)),
    ...(help ? [factSet([commandFact(locale, help)], { separator: true, spacing: 'medium' })] : []),
  ];
  return adaptiveCard({ body });
}

function groupBlock(locale: Locale, title: string, commands: readonly CommandSpec[]): CardElement[] {
  return [
    textBlock(title, { weight: 'bolder', size: 'medium', spacing: 'medium', separator: true }),
    factSet(commands.map((c) => commandFact(locale, c))),
    // Rows of three: an action set shows at most five (six in Teams' host config, `actions.maxActions`) and three
    // fit a phone's width.
    ...chunks(commands, BUTTONS_PER_ROW).map((row) =>
      actionSet({
        spacing: 'small',
        actions: row.map((c) => actionExecute({ title: ownWord(locale, c), verb: COMMAND_RUN_VERB, data: { requestId: randomUUID(), command: c.id } })),
      }),
    ),
  ];
}

const BUTTONS_PER_ROW = 3;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}

/** `asiakas <nimi> (customer)` – what it does, and the example when it takes a name. */
function commandFact(locale: Locale, c: CommandSpec): [string, string] {
  const [own, other] = locale === 'fi' ? [c.fi, c.en] : [c.en, c.fi];
  const argument = c.takesArgument && c.example ? ` <${t(locale, 'help.argument')}>` : '';
  const how = c.example ? ` – ${c.example}${asksWhose.has(c.id) ? `. ${t(locale, 'help.argumentButton')}` : ''}` : '';
  return [`${own}${argument} (${other})`, t(locale, c.help) + how];
}

/** The button says the command as it is typed, so pressing it teaches the word. */
function ownWord(locale: Locale, c: CommandSpec): string {
  const word = locale === 'fi' ? c.fi : c.en;
  return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
}
