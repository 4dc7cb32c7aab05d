import assert from 'node:assert/strict';
import fc from 'fast-check';
import { linkText, markdownTextBlock } from '../../../bot/cards/elements.js';
import { assertValidCard } from '../../support/adaptive-cards.js';
import { shown } from '../../support/cards.js';

/** `linkText`: mailto:/tel: links from stored addresses, the shown text escaped, the address unable to inject. */
describe('bot/cards/elements linkText', () => {
  it('links an e-mail address and a phone number, the shown text escaped as plainText does', () => {
    assert.equal(linkText('sari.salminen@kunta.example', { mailto: 'sari.salminen@kunta.example' }), '[sari\\.salminen@kunta\\.example](mailto:sari.salminen@kunta.example)');
    assert.equal(linkText('+358 9 816 000', { tel: '+358 9 816 000' }), '[\\+358 9 816 000](tel:+3589816000)');
    assert.equal(linkText('(09) 816-000', { tel: '(09) 816-000' }), '[\\(09\\) 816\\-000](tel:09816000)');
    assertValidCard({ type: 'AdaptiveCard', version: '1.5', body: [markdownTextBlock(linkText('x@y.fi', { mailto: 'x@y.fi' }))] });
  });

  it('shows an address that could end the link, add markdown or name another scheme as plain text, without a link', () => {
    const hostile = [
      'a@b.fi) [klikkaa](https://evil.example',
      'javascript:alert(1)@x.fi',
      'a@b.fi](https://evil.example)',
      '<at>Kaisa</at>@x.fi',
      'x@localhost',
      'x y@z.fi',
      'https://evil.example',
    ];
    for (const value of hostile) {
      const md = linkText(value, { mailto: value });
      assert.doesNotMatch(md, /\]\(/, value);
      assert.equal(shown(md), value, 'shown exactly as written');
    }
    for (const value of ['+358 40 1) [x](https://evil.example', 'tel:123', '12+34', 'soita', '', '1-(2)']) {
      const md = linkText(value, { tel: value });
      if (value === '1-(2)') {
        assert.equal(md, '[1\\-\\(2\\)](tel:12)');
        continue;
      }
      assert.doesNotMatch(md, /\]\(/, value);
      assert.equal(shown(md), value);
    }
  });

  it('whatever the address, a link names only mailto: or tel: and the rest of the markdown is the escaped text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (text, address, mail) => {
        const md = linkText(text, mail ? { mailto: address } : { tel: address });
        const link = /^\[(.*)\]\(((?:mailto|tel):[^()\s[\]<>]*)\)$/s.exec(md);
        if (link) {
          assert.equal(shown(link[1]!), text);
          assert.ok(mail ? link[2] === `mailto:${address}` : /^tel:\+?\d+$/.test(link[2]!));
        } else {
          assert.equal(shown(md), text);
        }
      }),
    );
  });
});
