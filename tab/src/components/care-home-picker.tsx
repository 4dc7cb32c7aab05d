import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { careHomeChoicesSchema } from '../../../src/api/schemas/complaints';
import { useTab } from '../tab-context';

/**
 * A home filter: typing searches GET /care-homes?q= (name or town; the company has 44 homes, 440 at ten times its
 * size — too many for a dropdown), choosing one filters by it, emptying the text filters by none. The first
 * option is always "every home".
 */
export function CareHomePicker({ label, allLabel, onChoose, testId }: { label: string; allLabel: string; onChoose(careHomeId: string | undefined): void; testId?: string }) {
  const { api, tr } = useTab();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ homes: { id: string; name: string; city?: string | undefined }[]; total: number }>({ homes: [], total: 0 });
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      api.get(careHomeChoicesSchema, '/care-homes', { q: text, top: 15 }).then(
        (r) => current && setFound({ homes: r.careHomes, total: r.total }),
        () => current && setFound({ homes: [], total: 0 }),
      );
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [api, text]);
  const more = found.total - found.homes.length;
  return (
    <Field label={label} hint={more > 0 ? tr.tn('tab.homes.more', more) : undefined}>
      <Combobox
        freeform
        placeholder={allLabel}
        data-testid={testId}
        value={text}
        onInput={(e) => {
          const typed = (e.target as HTMLInputElement).value;
          setText(typed);
          if (typed.trim() === '') onChoose(undefined);
        }}
        onOptionSelect={(_e, data) => {
          setText(data.optionValue ? (data.optionText ?? '') : '');
          onChoose(data.optionValue || undefined);
        }}
      >
        <Option value="" text="">
          {allLabel}
        </Option>
        {found.homes.length === 0 && text.trim() !== '' ? (
          <Option disabled value="-" text="">
            {tr.t('tab.homes.none')}
          </Option>
        ) : (
          found.homes.map((home) => (
            <Option key={home.id} value={home.id} text={home.name}>
              {home.city ? `${home.name} (${home.city})` : home.name}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
