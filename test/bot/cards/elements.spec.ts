import assert from 'node:assert/strict';
import {
  actionOpenUrl,
  actionSet,
  actionShowCard,
  actionSubmit,
  adaptiveCard,
  cardAttachment,
  column,
  columnSet,
  container,
  factSet,
  fieldError,
  inputChoiceSet,
  inputDate,
  inputText,
  inputToggle,
  markdownTextBlock,
  plainText,
  textBlock,
  withFieldError,
  type AdaptiveCard,
  type Attachment,
  type CardAction,
  type CardElement,
} from '../../../bot/cards/elements.js';
import fc from 'fast-check';
import { shown } from '../../support/cards.js';

describe('bot/cards/elements', () => {
  describe('adaptiveCard / cardAttachment', () => {
    it('builds a 1.5 card with $schema and omits absent optional parts', () => {
      const card = adaptiveCard({ body: [textBlock('Hei')] });
      assert.deepEqual(card, {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Hei', wrap: true }],
      });
      assert.ok(!('actions' in card));
      assert.ok(!('msteams' in card));
    });

    it('includes actions and msteams when given', () => {
      const card = adaptiveCard({
        body: [],
        actions: [actionOpenUrl({ title: 'Avaa', url: 'https://example.com' })],
        msteams: { width: 'Full' },
      });
      assert.deepEqual(card.actions, [{ type: 'Action.OpenUrl', title: 'Avaa', url: 'https://example.com' }]);
      assert.deepEqual(card.msteams, { width: 'Full' });
    });

    it('wraps a card into an attachment', () => {
      const card = adaptiveCard({ body: [] });
      const attachment: Attachment = cardAttachment(card);
      assert.deepEqual(attachment, { contentType: 'application/vnd.microsoft.card.adaptive', content: card });
      assert.equal(attachment.content, card);
    });
  });

  describe('text', () => {
    it('textBlock wraps by default and passes options through', () => {
      assert.deepEqual(textBlock('a'), { type: 'TextBlock', text: 'a', wrap: true });
      assert.deepEqual(
        textBlock('b', {
          size: 'large',
          weight: 'bolder',
          color: 'attention',
          wrap: false,
          isSubtle: true,
          spacing: 'medium',
          separator: true,
        }),
        {
          type: 'TextBlock',
          text: 'b',
          size: 'large',
          weight: 'bolder',
          color: 'attention',
          wrap: false,
          isSubtle: true,
          spacing: 'medium',
          separator: true,
        },
      );
    });

    it('does not emit undefined keys', () => {
      const block = textBlock('c', { color: undefined });
      assert.deepEqual(Object.keys(block), ['type', 'text', 'wrap']);
    });

    it('fieldError is a small bold block with no spacing (no colour: see contrast.spec.ts)', () => {
      assert.deepEqual(fieldError('Pakollinen tieto'), {
        type: 'TextBlock',
        text: 'Pakollinen tieto',
        weight: 'bolder',
        size: 'small',
        spacing: 'none',
        wrap: true,
      });
    });

    it('withFieldError places the error directly under the input', () => {
      const input = inputText({ id: 'name', label: 'Nimi' });
      assert.deepEqual(withFieldError(input), [input]);
      assert.deepEqual(withFieldError(input, ''), [input]);
      assert.deepEqual(withFieldError(input, 'Liian pitkä'), [input, fieldError('Liian pitkä')]);
    });

    it('factSet turns pairs into facts', () => {
      assert.deepEqual(factSet([['Kunta', 'Espoo'], ['Puhelin', '09 123']]), {
        type: 'FactSet',
        facts: [
          { title: 'Kunta', value: 'Espoo' },
          { title: 'Puhelin', value: '09 123' },
        ],
      });
    });
  });

  describe('layout', () => {
    it('container, column, columnSet, actionSet', () => {
      const item = textBlock('x');
      assert.deepEqual(container({ items: [item], style: 'good' }), { type: 'Container', items: [item], style: 'good' });
      const col = column({ items: [item], width: 'auto' });
      assert.deepEqual(col, { type: 'Column', items: [item], width: 'auto' });
      assert.deepEqual(columnSet({ columns: [col] }), { type: 'ColumnSet', columns: [col] });
      const submit = actionSubmit({ title: 'OK', data: { action: 'ok' } });
      assert.deepEqual(actionSet({ actions: [submit] }), { type: 'ActionSet', actions: [submit] });
    });
  });

  describe('inputs', () => {
    it('inputText', () => {
      assert.deepEqual(
        inputText({ id: 'notes', label: 'Muistiinpanot', isMultiline: true, maxLength: 200, isRequired: true, errorMessage: 'Pakollinen' }),
        {
          type: 'Input.Text',
          id: 'notes',
          label: 'Muistiinpanot',
          isMultiline: true,
          maxLength: 200,
          isRequired: true,
          errorMessage: 'Pakollinen',
        },
      );
    });

    it('inputDate', () => {
      assert.deepEqual(inputDate({ id: 'd', label: 'Päivä', value: '2025-01-02', min: '2025-01-01' }), {
        type: 'Input.Date',
        id: 'd',
        label: 'Päivä',
        value: '2025-01-02',
        min: '2025-01-01',
      });
    });

    it('inputChoiceSet', () => {
      assert.deepEqual(
        inputChoiceSet({ id: 'c', label: 'Kanava', choices: [{ title: 'Puhelin', value: 'phone' }], style: 'compact' }),
        { type: 'Input.ChoiceSet', id: 'c', label: 'Kanava', choices: [{ title: 'Puhelin', value: 'phone' }], style: 'compact' },
      );
    });

    it('inputToggle', () => {
      assert.deepEqual(inputToggle({ id: 't', title: 'Tärkeä', valueOn: 'yes', valueOff: 'no' }), {
        type: 'Input.Toggle',
        id: 't',
        title: 'Tärkeä',
        valueOn: 'yes',
        valueOff: 'no',
      });
    });
  });

  describe('actions', () => {
    it('actionSubmit keeps data as given', () => {
      assert.deepEqual(actionSubmit({ title: 'Tallenna', data: { action: 'save', id: 3 }, style: 'positive' }), {
        type: 'Action.Submit',
        title: 'Tallenna',
        data: { action: 'save', id: 3 },
        style: 'positive',
      });
    });

    it('actionShowCard nests an AdaptiveCard without version', () => {
      const body = [textBlock('Lisätiedot')];
      assert.deepEqual(actionShowCard({ title: 'Näytä', card: { body } }), {
        type: 'Action.ShowCard',
        title: 'Näytä',
        card: { type: 'AdaptiveCard', body },
      });
    });

    it('actionOpenUrl', () => {
      assert.deepEqual(actionOpenUrl({ title: 'Avaa', url: 'https://example.com', style: 'destructive' }), {
        type: 'Action.OpenUrl',
        title: 'Avaa',
        url: 'https://example.com',
        style: 'destructive',
      });
    });
  });

  it('types reject wrong props (compile-time checks)', () => {
    // These lines only matter to `tsc`; at runtime they just build objects.
    // @ts-expect-error 'red' is not an Adaptive Card color
    textBlock('x', { color: 'red' });
    // @ts-expect-error 'purple' is not a container style
    container({ items: [], style: 'purple' });
    // @ts-expect-error inputs need a label
    inputText({ id: 'x' });
    // @ts-expect-error Action.Submit needs data
    actionSubmit({ title: 'x' });
    // @ts-expect-error unknown property
    inputDate({ id: 'd', label: 'D', colour: 'good' });
    // @ts-expect-error a Column is not a body element
    const badBody: CardElement[] = [column({ items: [] })];
    // @ts-expect-error only version 1.5 cards
    const badCard: AdaptiveCard = { ...adaptiveCard({ body: [] }), version: '1.6' };
    // @ts-expect-error a TextBlock is not an action
    const badActions: CardAction[] = [textBlock('x')];
    assert.ok(badBody && badCard && badActions);
  });
});

describe('bot/cards/elements: text is shown as written', () => {
  it('escapes every markdown special, < and & in TextBlocks and Facts', () => {
    assert.equal(textBlock('[klikkaa](https://e.example) <at>X</at> **a** _b_ # c').text, '\\[klikkaa\\]\\(https://e\\.example\\) \\<at\\>X\\</at\\> \\*\\*a\\*\\* \\_b\\_ \\# c');
    assert.deepEqual(factSet([['Huone', '*A12*']]).facts, [{ title: 'Huone', value: '\\*A12\\*' }]);
    assert.equal(markdownTextBlock('<at>Bot</at>').text, '<at>Bot</at>', 'only the bot\'s own markdown goes in verbatim');
  });

  it('shows any text exactly as written, with nothing left that markdown could read', () => {
    /** Whether a markdown special stands unescaped: read pairs `\x` as escaped, anything else as is. */
    const unescapedSpecial = (md: string) => {
      for (let i = 0; i < md.length; i++) {
        if (md[i] === '\\') i++;
        else if ('*_[]()<>`~#!&-+.'.includes(md[i]!)) return true;
      }
      return false;
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const escaped = plainText(s);
        assert.equal(shown(escaped), s);
        assert.equal(unescapedSpecial(escaped), false, escaped);
      }),
    );
  });
});
