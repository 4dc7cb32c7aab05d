import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { customerSearchSchema } from '../../../../src/api/schemas/customers';
import { useTab } from '../../tab-context';

/**
 * The customer a place is reserved for: typing searches GET /customers?q= (the bot's typeahead), a choice gives
 * the customer's id. A failed search leaves the list empty and says so; the reservation itself is the server's.
 */
export function CustomerPicker({ onChoose, validation }: { onChoose(customerId: string | undefined): void; validation?: string | undefined }) {
  const { api, tr } = useTab();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      api.get(customerSearchSchema, '/customers', { q: text, top: 10 }).then(
        (r) => current && setOptions(r.customers),
        () => current && setOptions([]),
      );
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [api, text]);
  return (
    <Field label={tr.t('tab.occupancy.dialog.customer')} hint={tr.t('tab.occupancy.dialog.customerHint')} validationMessage={validation} required>
      <Combobox
        freeform
        data-testid="customer-picker"
        value={text}
        onInput={(e) => {
          setText((e.target as HTMLInputElement).value);
          onChoose(undefined);
        }}
        onOptionSelect={(_e, data) => {
          setText(data.optionText ?? '');
          onChoose(data.optionValue);
        }}
      >
        {options.length === 0 ? (
          <Option disabled value="" text="">
            {tr.t('tab.occupancy.dialog.noCustomers')}
          </Option>
        ) : (
          options.map((c) => (
            <Option key={c.id} value={c.id} text={c.name}>
              {c.name}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
