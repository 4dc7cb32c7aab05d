import assert from 'node:assert/strict';
import { customerHistoryCard } from '../../../bot/cards/customer-history-card.js';
import { deliveryStatusCard } from '../../../bot/cards/delivery-status-card.js';
import { helpCard } from '../../../bot/cards/help-card.js';
import { notificationCard } from '../../../bot/cards/notification-card.js';
import { weeklyDigestCard } from '../../../bot/cards/weekly-digest-card.js';
import { commandsOf } from '../../../bot/flows/index.js';
import type { CustomerHistory } from '../../../src/app/customer-history.js';
import type { Locale } from '../../../src/i18n/messages.js';
import type { Json } from '../../support/cards.js';
import {
  contrastRatio,
  showCardStyle,
  teamsHostPalettes,
  type PaletteContainerStyle,
  type PaletteTextColor,
  type ThemeName,
} from '../../support/teams-host-palette.js';
// The representative cards the other card specs build (fixtures shared, so every card is measured once here).
import { cards as allCards } from './all-cards.spec.js';
import { eventFor as complaintEvent } from './complaint-cards.spec.js';
import { cards as customerCards } from './customer-cards.spec.js';
import { cards as recordCards } from './record-cards.spec.js';
import { cards as mineCards } from './mine-cards.spec.js';
import { cards as planCards } from './customer-plan-cards.spec.js';
import { views as personViews } from './card-views.spec.js';
import { cards as meetingCards } from './meeting-cards.spec.js';
import { digest } from './weekly-digest-card.spec.js';

/**
 * Every text the bot puts on a card is readable in each Teams theme: the WCAG AA contrast of its colour
 * (`color` × `isSubtle`) on the background of the container style it stands in, as Teams' host config paints
 * them (test/support/teams-host-palette.ts), is at least 4.5:1, or 3:1 for large bold text (WCAG 1.4.3).
 */

const history: CustomerHistory = {
  customer: { id: 'c1', name: 'Espoon kaupunki' },
  more: 3,
  names: {},
  entries: [
    {
      at: '2026-11-23T08:00:00.000Z',
      by: { id: 'u1', name: 'Kaisa Kotijohtaja' },
      kind: 'complaint',
      action: 'status',
      subject: { name: 'Koivukoti', date: '2026-11-20' },
      status: { from: 'vastaanotettu', to: 'toimenpiteet-sovittu' },
      changes: Array.from({ length: 9 }, (_, n) => ({ field: n === 0 ? 'matter' : 'correctiveActions', from: 'a', to: `b${n}`, hidden: n === 0 })),
    },
  ],
};

const cardsOf = (locale: Locale): Record<string, unknown> => ({
  ...allCards(locale),
  ...Object.fromEntries(Object.entries(customerCards(locale)).map(([k, v]) => [`customer.${k}`, v])),
  ...Object.fromEntries(Object.entries(recordCards(locale)).map(([k, v]) => [`record.${k}`, v])),
  ...Object.fromEntries(Object.entries(mineCards(locale)).map(([k, v]) => [`mine.${k}`, v])),
  ...Object.fromEntries(Object.entries(planCards(locale)).map(([k, v]) => [`plan.${k}`, v])),
  ...Object.fromEntries(Object.entries(personViews(locale)).map(([k, v]) => [`view.${k}`, v])),
  ...Object.fromEntries(Object.entries(meetingCards(locale)).map(([k, v]) => [`meeting.${k}`, v])),
  ...Object.fromEntries(
    (['vastaanotettu', 'toimenpiteet-sovittu', 'korjattu', 'asiakas-informoitu', 'suljettu'] as const).flatMap((status) =>
      (['full', 'summary'] as const).map((variant) => [`complaint.${status}.${variant}`, notificationCard(complaintEvent(status), locale, variant)]),
    ),
  ),
  digestEmpty: weeklyDigestCard(digest(0), locale),
  digestFull: weeklyDigestCard(digest(14), locale),
  history: customerHistoryCard(locale, history),
  help: helpCard(locale, commandsOf()),
  deliveryStatus: deliveryStatusCard(
    {
      counts: { pending: 1, waiting: 2, dead: 1, sent: 1600 },
      oldestUnsent: { eventType: 'place.freed', audience: 'sales', createdAt: '2026-11-23T08:00:00.000Z', reason: 'waiting: no channel', state: 'waiting' },
      dead: [{ eventType: 'complaint.received', audience: 'management', createdAt: '2026-11-22T08:00:00.000Z', reason: '403 Forbidden' }],
      brokenChannels: [{ audience: 'management', channelName: 'Johto', brokenAt: '2026-11-22T08:00:00.000Z', reason: '403 Forbidden' }],
    },
    locale,
  ),
});

interface Measured {
  where: string;
  text: string;
  ratio: number;
  required: number;
}

const textColours = new Set<string>(['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention']);
const containerStyles = new Set<string>(['default', 'emphasis', 'accent', 'good', 'attention', 'warning']);

/**
 * The texts of a card with the style each stands in: a Container, Column or ColumnSet with a `style` starts a
 * new background, one without inherits its parent's; an Action.ShowCard's card is shown in `showCardStyle`.
 */
function measure(card: Json, theme: ThemeName): Measured[] {
  const palette = teamsHostPalettes[theme];
  const base = palette.default.backgroundColor;
  const out: Measured[] = [];
  const text = (where: string, value: string, style: PaletteContainerStyle, colour: string, subtle: boolean, large: boolean) => {
    assert.ok(textColours.has(colour), `${where}: unknown colour ${colour}`);
    const fg = palette[style].foregroundColors[colour as PaletteTextColor][subtle ? 'subtle' : 'default'];
    out.push({ where: `${where} [${style}/${colour}${subtle ? '/subtle' : ''}]`, text: value, ratio: contrastRatio(fg, palette[style].backgroundColor, base), required: large ? 3 : 4.5 });
  };
  const visit = (node: unknown, style: PaletteContainerStyle, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, style, `${where}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const n = node as Json;
    const own = typeof n.style === 'string' && ['Container', 'Column', 'ColumnSet'].includes(String(n.type)) ? String(n.style).toLowerCase() : undefined;
    if (own) assert.ok(containerStyles.has(own), `${where}: unknown container style ${own}`);
    const here = (own ?? style) as PaletteContainerStyle;
    if (n.type === 'TextBlock') {
      const large = ['large', 'extralarge'].includes(String(n.size ?? '').toLowerCase()) && String(n.weight ?? '').toLowerCase() === 'bolder';
      text(where, String(n.text), here, String(n.color ?? 'default').toLowerCase(), n.isSubtle === true, large);
    }
    // Facts are drawn in the host config's factSet colours: default, not subtle (both Teams configs).
    if (n.type === 'FactSet') for (const f of n.facts as { title: string; value: string }[]) text(where, `${f.title}: ${f.value}`, here, 'default', false, false);
    for (const [key, value] of Object.entries(n)) {
      if (key === 'card' && n.type === 'Action.ShowCard') visit(value, showCardStyle, `${where}.card`);
      else if (value && typeof value === 'object') visit(value, here, `${where}.${key}`);
    }
  };
  visit(card, 'default', 'card');
  return out;
}

describe('text contrast on Teams light, dark and high-contrast themes (WCAG AA)', () => {
  it('measures as WCAG does: black on white 21:1, Teams light good text 2.1:1 and warning text 1.5:1 on white', () => {
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(1), '21.0');
    assert.equal(contrastRatio('#92c353', '#ffffff').toFixed(1), '2.1');
    assert.equal(contrastRatio('#f8d22a', '#ffffff').toFixed(1), '1.5');
    // A translucent text is seen blended on its background: the subtle default text of Teams light.
    assert.ok(contrastRatio('#bf252424', '#ffffff') > 4.5);
  });

  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(cardsOf(locale))) {
      it(`${name} (${locale}) is readable in every theme`, () => {
        const json = JSON.parse(JSON.stringify(card)) as Json;
        const failures = (['light', 'dark', 'highContrast'] as const).flatMap((theme) =>
          measure(json, theme)
            .filter((m) => m.ratio < m.required)
            .map((m) => `${theme} ${m.where}: ${m.ratio.toFixed(2)}:1 < ${m.required}:1 "${m.text.slice(0, 60)}"`),
        );
        assert.deepEqual(failures, []);
      });
    }
  }
});
