import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { contactSavedSchema } from '../../../../src/api/schemas/customer-edits';
import { contactRoles } from '../../../../src/domain/records/contact';
import { useTab } from '../../tab-context';
import type { Overview } from './customer-facts';
import { newRequestId, useSubmit, validation } from './form-state';
import { EditForm } from './edit-form';
import { RecordTable } from './record-table';
import { Section, useFormStyles } from './section';

type Contact = Overview['contacts'][number];
const textFields = ['name', 'title', 'phone', 'email'] as const;
type Values = Record<(typeof textFields)[number] | 'role' | 'personalNotes', string>;

/** The customer's officials and their roles; added and changed by those who develop the relationship. */
export function ContactsSection({ overview, onSaved }: { overview: Overview; onSaved: () => void }) {
  const { tr } = useTab();
  // The contact being edited, 'new' for one being added, or none.
  const [editing, setEditing] = useState<string | undefined>();
  const { contacts, mayEditCustomer, mayReadContactNotes } = overview;
  const done = () => {
    setEditing(undefined);
    onSaved();
  };
  return (
    <Section
      id="customer-contacts"
      title={tr.t('customerCard.contacts')}
      actions={
        mayEditCustomer && editing !== 'new' && (
          <Button onClick={() => setEditing('new')} data-testid="contact-add">
            {tr.t('tab.customers.contacts.add')}
          </Button>
        )
      }
    >
      {editing === 'new' && <ContactForm customerId={overview.customer.id} mayNotes={mayReadContactNotes} onSaved={done} onCancel={() => setEditing(undefined)} />}
      <RecordTable
        label={tr.t('customerCard.contacts')}
        empty={tr.t('customerCard.contactsNone')}
        rows={contacts}
        rowKey={(c) => c.id}
        rowTestId={(c) => `contact-${c.id}`}
        columns={[
          { header: tr.t('tab.customers.contact.name'), cell: (c) => c.name },
          { header: tr.t('tab.customers.contact.role'), cell: (c) => tr.t(`customerCard.role.${c.role}`) },
          { header: tr.t('tab.customers.contact.title'), cell: (c) => c.title ?? '' },
          { header: tr.t('tab.customers.contact.phone'), cell: (c) => c.phone ?? '' },
          { header: tr.t('tab.customers.contact.email'), cell: (c) => c.email ?? '' },
          mayReadContactNotes && { header: tr.t('tab.customers.contact.notes'), cell: (c) => c.personalNotes ?? '' },
          mayEditCustomer && {
            header: tr.t('tab.customers.actions'),
            cell: (c) => (
              <Button size="small" onClick={() => setEditing(c.id)} aria-label={tr.t('tab.customers.contacts.editOne', { name: c.name })}>
                {tr.t('tab.edit')}
              </Button>
            ),
          },
        ]}
      />
      {contacts
        .filter((c) => c.id === editing)
        .map((c) => (
          <ContactForm key={c.id} customerId={overview.customer.id} contact={c} mayNotes={mayReadContactNotes} onSaved={done} onCancel={() => setEditing(undefined)} />
        ))}
    </Section>
  );
}

/** A contact's form: new (POST, its request id fixed while the form is open) or changed (PATCH over the version shown). */
function ContactForm({ customerId, contact, mayNotes, onSaved, onCancel }: { customerId: string; contact?: Contact; mayNotes: boolean; onSaved: () => void; onCancel: () => void }) {
  const { api, tr } = useTab();
  const styles = useFormStyles();
  const submit = useSubmit();
  const [requestId] = useState(newRequestId);
  const [values, setValues] = useState<Values>({
    name: contact?.name ?? '',
    role: contact?.role ?? 'sosiaalityontekija',
    title: contact?.title ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    personalNotes: contact?.personalNotes ?? '',
  });
  const set = (field: keyof Values) => (_e: unknown, data: { value: string }) => setValues((v) => ({ ...v, [field]: data.value }));

  const save = () =>
    submit.run(async () => {
      const { personalNotes, ...rest } = values;
      const body = { ...rest, ...(mayNotes ? { personalNotes } : {}) };
      if (contact) await api.send(contactSavedSchema, 'PATCH', `/customers/${customerId}/contacts/${contact.id}`, { expectedVersion: contact.version, ...body });
      else await api.send(contactSavedSchema, 'POST', `/customers/${customerId}/contacts`, { requestId, ...body });
      onSaved();
    });

  const title = contact ? tr.t('tab.customers.contacts.editOne', { name: contact.name }) : tr.t('tab.customers.contacts.new');
  return (
    <EditForm label={title} testId="contact-form" submit={submit} onSave={save} onCancel={onCancel}>
      {textFields.map((field) => (
        <Field key={field} label={tr.t(`tab.customers.contact.${field}`)} required={field === 'name'} {...validation(submit, field)}>
          <Input name={field} value={values[field]} onChange={set(field)} type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'} />
        </Field>
      ))}
      <Field label={tr.t('tab.customers.contact.role')} {...validation(submit, 'role')}>
        <Select name="role" value={values.role} onChange={set('role')}>
          {contactRoles.map((r) => (
            <option key={r} value={r}>
              {tr.t(`customerCard.role.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      {mayNotes && (
        <Field className={styles.wide} label={tr.t('tab.customers.contact.notes')} hint={tr.t('tab.customers.contact.notesHint')} {...validation(submit, 'personalNotes')}>
          <Textarea name="personalNotes" value={values.personalNotes} onChange={set('personalNotes')} />
        </Field>
      )}
    </EditForm>
  );
}
