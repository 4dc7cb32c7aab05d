import assert from 'node:assert/strict';
import {
  actionOpenUrl,
  actionSet,
  actionShowCard,
  actionSubmit,
  adaptiveCard,
  column,
  columnSet,
  container,
  factSet,
  fieldError,
  dataQuery,
  inputChoiceSet,
  inputDate,
  inputText,
  inputToggle,
  textBlock,
  withFieldError,
} from '../../bot/cards/elements.js';
import { assertValidCard, validateCard } from './adaptive-cards.js';

function fullCard() {
  return adaptiveCard({
    msteams: { width: 'Full' },
    fallbackText: 'Asiakaskortti',
    body: [
      textBlock('Kuntayhteys: Tampere', { size: 'large', weight: 'bolder', color: 'accent' }),
      textBlock('Päivitetty eilen', { isSubtle: true, spacing: 'none', separator: true, color: 'good' }),
      factSet([
        ['Yhteyshenkilö', 'Maija Meikäläinen'],
        ['Puhelin', '+358 40 123 4567'],
      ]),
      container({
        style: 'warning',
        items: [textBlock('Sopimus päättyy 30 päivän kuluttua', { color: 'warning' })],
      }),
      columnSet({
        columns: [
          column({ width: 'auto', items: [textBlock('Tila')] }),
          column({ width: 'stretch', verticalContentAlignment: 'center', items: [textBlock('Aktiivinen', { color: 'good' })] }),
          column({ width: 2, items: [textBlock('x')] }),
          column({ width: '80px', items: [textBlock('y')] }),
        ],
      }),
      inputText({
        id: 'notes',
        label: 'Muistiinpanot',
        value: 'Soitettu',
        placeholder: 'Kirjoita…',
        isMultiline: true,
        maxLength: 500,
        isRequired: true,
        errorMessage: 'Kirjoita muistiinpano',
      }),
      fieldError('Muistiinpano on liian lyhyt'),
      inputDate({
        id: 'followUp',
        label: 'Seuraava yhteydenotto',
        value: '2025-03-01',
        min: '2025-01-01',
        max: '2025-12-31',
        isRequired: true,
        errorMessage: 'Valitse päivä',
      }),
      ...withFieldError(
        inputChoiceSet({
          id: 'channel',
          label: 'Kanava',
          choices: [
            { title: 'Puhelin', value: 'phone' },
            { title: 'Sähköposti', value: 'email' },
          ],
          value: 'phone',
          style: 'expanded',
          isRequired: true,
          errorMessage: 'Valitse kanava',
          placeholder: 'Valitse',
        }),
        'Tuntematon kanava',
      ),
      inputToggle({ id: 'important', title: 'Tärkeä', label: 'Prioriteetti', value: 'false', valueOn: 'yes', valueOff: 'no' }),
      container({ style: 'attention', items: [textBlock('!', { color: 'attention' })] }),
      container({ style: 'emphasis', items: [textBlock('e')] }),
      container({ style: 'good', items: [textBlock('g')] }),
      container({ style: 'accent', items: [textBlock('a')] }),
      container({ style: 'default', items: [textBlock('d')] }),
      actionSet({ actions: [actionSubmit({ title: 'Tallenna', data: { action: 'note.save' } })] }),
    ],
    actions: [
      actionSubmit({ title: 'Tallenna', style: 'positive', data: { action: 'customer.save', customerId: 'c-1' } }),
      actionShowCard({
        title: 'Lisää',
        card: {
          body: [inputText({ id: 'extra', label: 'Lisätieto' })],
          actions: [actionSubmit({ title: 'OK', data: { action: 'extra.save' } })],
        },
      }),
      actionOpenUrl({ title: 'Avaa CRM', url: 'https://example.com/crm/c-1' }),
    ],
  });
}

describe('test/support/adaptive-cards validateCard', () => {
  it('accepts a card built with every element builder', () => {
    assert.deepEqual(validateCard(fullCard()), []);
    assertValidCard(fullCard());
  });

  it('reports an unknown element type', () => {
    const card = { ...fullCard(), body: [{ type: 'Fancy', text: 'x' }] };
    const problems = validateCard(card);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /Unknown element type "Fancy"/);
  });

  it('reports an unknown action type', () => {
    const card = { ...fullCard(), actions: [{ type: 'Action.Teleport', title: 'x' }] };
    assert.match(validateCard(card).join('\n'), /Unknown action type "Action.Teleport"/);
  });

  it('reports a 1.6 card (above what Teams supports)', () => {
    const problems = validateCard({ ...fullCard(), version: '1.6' });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /version 1\.6 is above 1\.5/);
  });

  it("takes Teams' dynamic typeahead (choices.data, a Data.Query) on a 1.5 card, and checks it itself", () => {
    const choiceSet = (extra: Record<string, unknown>) =>
      adaptiveCard({ body: [{ ...inputChoiceSet({ id: 'customerId', label: 'Asiakas', choices: [{ title: 'Espoo', value: 'c1' }], style: 'filtered', 'choices.data': dataQuery('customers') }), ...extra }] });
    assertValidCard(choiceSet({}));
    assert.match(validateCard(choiceSet({ style: 'compact' })).join('\n'), /needs style "filtered"/);
    assert.match(validateCard(choiceSet({ 'choices.data': { type: 'Data.Query' } })).join('\n'), /"dataset" is required/);
    assert.match(validateCard(choiceSet({ 'choices.data': { type: 'Data.Query', dataset: 'x', top: 3 } })).join('\n'), /unknown property "top"/);
    // Only that report is dropped: another property newer than 1.5 is still one.
    assert.match(validateCard({ ...choiceSet({}), body: [{ type: 'TextBlock', text: 'x', labelPosition: 'inline' }] }).join('\n'), /unknown property "labelPosition"|version 1\.6/);
  });

  it('reports a missing version', () => {
    const { version: _version, ...card } = fullCard();
    assert.match(validateCard(card).join('\n'), /"version" is missing/);
  });

  it('reports a duplicate input id, also across Action.ShowCard cards', () => {
    const card = adaptiveCard({
      body: [inputText({ id: 'name', label: 'Nimi' })],
      actions: [
        actionShowCard({ title: 'Lisää', card: { body: [inputText({ id: 'name', label: 'Nimi 2' })] } }),
        actionSubmit({ title: 'OK', data: {} }),
      ],
    });
    const problems = validateCard(card);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /input id "name" is used 2 times: card\.body\[0\], card\.actions\[0\]\.card\.body\[0\]/);
  });

  it('reports bad enum values', () => {
    const card = {
      ...fullCard(),
      body: [
        { type: 'TextBlock', text: 'x', color: 'red' },
        { type: 'Container', style: 'purple', items: [{ type: 'TextBlock', text: 'y' }] },
      ],
    };
    const problems = validateCard(card);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0]!, /Invalid value "red" for property "color"/);
    assert.match(problems[1]!, /Invalid value "purple" for property "style"/);
  });

  it('reports unknown properties, which the library silently drops', () => {
    const card = {
      ...fullCard(),
      body: [
        { type: 'TextBlock', text: 'x', colour: 'attention' },
        { type: 'FactSet', facts: [{ title: 'a', value: 'b', extra: 1 }] },
      ],
    };
    const problems = validateCard(card);
    assert.deepEqual(problems, [
      'card.body[0] (TextBlock): unknown property "colour"',
      'card.body[1].facts[0] (facts): unknown property "extra"',
    ]);
  });

  it('reports properties newer than 1.5', () => {
    const card = { ...fullCard(), body: [{ type: 'Input.Text', id: 'a', label: 'A', labelPosition: 'inline' }] };
    assert.match(validateCard(card).join('\n'), /"labelPosition" is supported in version 1\.6/);
  });

  it('reports Action.Submit without a data object and data keys clashing with input ids', () => {
    const card = {
      ...fullCard(),
      body: [{ type: 'Input.Text', id: 'name', label: 'Nimi' }],
      actions: [
        { type: 'Action.Submit', title: 'a' },
        { type: 'Action.Submit', title: 'b', data: 'save' },
        { type: 'Action.Submit', title: 'c', data: { name: 'x' } },
      ],
    };
    const problems = validateCard(card);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0]!, /actions\[0\] \(Action.Submit\): "data" must be an object/);
    assert.match(problems[1]!, /actions\[1\] \(Action.Submit\): "data" must be an object/);
    assert.match(problems[2]!, /data key "name" clashes with an input id/);
  });

  it('reports library validation failures (required input without label)', () => {
    const card = { ...fullCard(), body: [{ type: 'Input.Text', id: 'a', isRequired: true, errorMessage: 'x' }] };
    assert.match(validateCard(card).join('\n'), /Required inputs should have a label/);
  });

  it('rejects non-objects', () => {
    assert.deepEqual(validateCard('card'), ['card must be a JSON object']);
  });

  it('assertValidCard throws an AssertionError listing the problems', () => {
    assert.throws(
      () => assertValidCard({ ...fullCard(), version: '1.6' }),
      (error: unknown) => {
        assert.ok(error instanceof assert.AssertionError);
        assert.match(error.message, /Invalid Adaptive Card:\n {2}- card: version 1\.6/);
        return true;
      },
    );
  });
});
