import { Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { agreementSavedSchema } from '../../../../src/api/schemas/customer-edits';
import { serviceTypes } from '../../../../src/domain/records/common';
import { customerSegments } from '../../../../src/domain/records/customer';
import type { Translate } from '../../i18n/translate';
import { useTab } from '../../tab-context';
import type { Overview } from './customer-facts';
import { newRequestId, useSubmit, validation } from './form-state';
import { EditForm } from './edit-form';
import { RecordTable } from './record-table';
import { Section, useFormStyles } from './section';

type Agreement = Overview['agreements'][number];

/** The customer's agreements: content, price per day, service description, option years (thesis 6.1); recorded and changed here. */
export function AgreementsSection({ overview, onSaved }: { overview: Overview; onSaved: () => void }) {
  const { tr } = useTab();
  const [editing, setEditing] = useState<string | undefined>();
  const { agreements, mayRecordAgreement } = overview;
  const done = () => {
    setEditing(undefined);
    onSaved();
  };
  return (
    <Section
      id="customer-agreements"
      title={tr.t('customerCard.agreements')}
      actions={
        mayRecordAgreement && editing !== 'new' && (
          <Button onClick={() => setEditing('new')} data-testid="agreement-add">
            {tr.t('agreement.recordAction')}
          </Button>
        )
      }
    >
      {editing === 'new' && <AgreementForm customerId={overview.customer.id} onSaved={done} onCancel={() => setEditing(undefined)} />}
      <RecordTable
        label={tr.t('customerCard.agreements')}
        empty={tr.t('customerCard.agreementsNone')}
        rows={agreements}
        rowKey={(a) => a.id}
        rowTestId={(a) => `agreement-${a.id}`}
        columns={[
          { header: tr.t('agreement.form.content'), cell: (a) => a.title },
          { header: tr.t('agreement.form.kind'), cell: (a) => tr.t(`customerCard.segment.${a.kind}`) },
          { header: tr.t('agreement.form.serviceTypes'), cell: (a) => a.serviceTypes.map((s) => tr.t(`serviceType.${s}`)).join(', ') },
          { header: tr.t('agreement.form.pricePerDay'), cell: (a) => (a.pricePerDay !== undefined ? tr.number(a.pricePerDay, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '') },
          {
            header: tr.t('tab.customers.agreement.period'),
            cell: (a) => (a.endDate ? tr.t('customerCard.agreement.period', { start: tr.date(a.startDate), end: tr.date(a.endDate) }) : tr.t('customerCard.agreement.from', { start: tr.date(a.startDate) })),
          },
          { header: tr.t('agreement.form.optionYears'), cell: (a) => (a.optionYears ?? []).join(', ') },
          { header: tr.t('agreement.form.serviceDescription'), cell: (a) => a.serviceDescription ?? '' },
          mayRecordAgreement && {
            header: tr.t('tab.customers.actions'),
            cell: (a) => (
              <Button size="small" onClick={() => setEditing(a.id)} aria-label={tr.t('tab.customers.agreements.editOne', { title: a.title })}>
                {tr.t('tab.edit')}
              </Button>
            ),
          },
        ]}
      />
      {agreements
        .filter((a) => a.id === editing)
        .map((a) => (
          <AgreementForm key={a.id} customerId={overview.customer.id} agreement={a} onSaved={done} onCancel={() => setEditing(undefined)} />
        ))}
    </Section>
  );
}

interface Values {
  kind: string;
  title: string;
  serviceTypes: string[];
  pricePerDay: string;
  startDate: string;
  endDate: string;
  optionYears: string;
  serviceDescription: string;
  paymentCommitment: boolean;
}

/** A price as the reader writes it ("182,50" in Finnish): the server parses either way. */
function typedPrice(tr: Translate, price: number | undefined): string {
  if (price === undefined) return '';
  return tr.locale === 'fi' ? String(price).replace('.', ',') : String(price);
}

/** The agreement form (the bot's *Kirjaa sopimus*, the same fields): strings as typed, parsed by the use case. */
function AgreementForm({ customerId, agreement, onSaved, onCancel }: { customerId: string; agreement?: Agreement; onSaved: () => void; onCancel: () => void }) {
  const { api, tr } = useTab();
  const styles = useFormStyles();
  const submit = useSubmit();
  const [requestId] = useState(newRequestId);
  const [values, setValues] = useState<Values>({
    kind: agreement?.kind ?? 'ostopalvelu',
    title: agreement?.title ?? '',
    serviceTypes: agreement?.serviceTypes ?? ['ymparivuorokautinen'],
    pricePerDay: typedPrice(tr, agreement?.pricePerDay),
    startDate: agreement?.startDate ?? '',
    endDate: agreement?.endDate ?? '',
    optionYears: (agreement?.optionYears ?? []).join(', '),
    serviceDescription: agreement?.serviceDescription ?? '',
    paymentCommitment: agreement?.paymentCommitment ?? false,
  });
  const set = (field: 'kind' | 'title' | 'pricePerDay' | 'startDate' | 'endDate' | 'optionYears' | 'serviceDescription') => (_e: unknown, data: { value: string }) =>
    setValues((v) => ({ ...v, [field]: data.value }));
  const toggleService = (service: string, on: boolean) => setValues((v) => ({ ...v, serviceTypes: on ? [...v.serviceTypes, service] : v.serviceTypes.filter((s) => s !== service) }));

  const save = () =>
    submit.run(async () => {
      if (agreement) await api.send(agreementSavedSchema, 'PATCH', `/customers/${customerId}/agreements/${agreement.id}`, { expectedVersion: agreement.version, ...values });
      else await api.send(agreementSavedSchema, 'POST', `/customers/${customerId}/agreements`, { requestId, ...values });
      onSaved();
    });

  const title = agreement ? tr.t('tab.customers.agreements.editOne', { title: agreement.title }) : tr.t('tab.customers.agreements.new');
  return (
    <EditForm label={title} testId="agreement-form" submit={submit} onSave={save} onCancel={onCancel}>
      <Field label={tr.t('agreement.form.content')} required {...validation(submit, 'title')}>
        <Input name="title" value={values.title} onChange={set('title')} />
      </Field>
      <Field label={tr.t('agreement.form.kind')} {...validation(submit, 'kind')}>
        <Select name="kind" value={values.kind} onChange={set('kind')}>
          {customerSegments.map((s) => (
            <option key={s} value={s}>
              {tr.t(`customerCard.segment.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr.t('agreement.form.pricePerDay')} {...validation(submit, 'pricePerDay')}>
        <Input name="pricePerDay" value={values.pricePerDay} onChange={set('pricePerDay')} placeholder={tr.t('agreement.form.pricePlaceholder')} inputMode="decimal" />
      </Field>
      <Field label={tr.t('agreement.form.startDate')} required {...validation(submit, 'startDate')}>
        <Input name="startDate" type="date" value={values.startDate} onChange={set('startDate')} />
      </Field>
      <Field label={tr.t('agreement.form.endDate')} {...validation(submit, 'endDate')}>
        <Input name="endDate" type="date" value={values.endDate} onChange={set('endDate')} />
      </Field>
      <Field label={tr.t('agreement.form.optionYears')} {...validation(submit, 'optionYears')}>
        <Input name="optionYears" value={values.optionYears} onChange={set('optionYears')} placeholder={tr.t('agreement.form.optionYearsPlaceholder')} />
      </Field>
      <fieldset className={styles.wide}>
        <legend>{tr.t('agreement.form.serviceTypes')}</legend>
        {serviceTypes.map((s) => (
          <Checkbox key={s} label={tr.t(`serviceType.${s}`)} checked={values.serviceTypes.includes(s)} onChange={(_e, d) => toggleService(s, d.checked === true)} />
        ))}
        {submit.fieldMessage('serviceTypes') && (
          <Text role="alert" block>
            {submit.fieldMessage('serviceTypes')}
          </Text>
        )}
      </fieldset>
      <Field className={styles.wide} label={tr.t('agreement.form.serviceDescription')} {...validation(submit, 'serviceDescription')}>
        <Textarea name="serviceDescription" value={values.serviceDescription} onChange={set('serviceDescription')} />
      </Field>
      <Checkbox
        className={styles.wide}
        label={tr.t('agreement.form.paymentCommitment')}
        checked={values.paymentCommitment}
        onChange={(_e, d) => setValues((v) => ({ ...v, paymentCommitment: d.checked === true }))}
      />
    </EditForm>
  );
}
