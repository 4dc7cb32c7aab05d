import { Badge, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { z } from 'zod';
import { entryEditedSchema, entryToEditSchema, entryWithdrawnSchema } from '../../../../src/api/schemas/customer-edits';
import type { timelineSchema } from '../../../../src/api/schemas/customers';
import { contactTypes } from '../../../../src/domain/records/contact-log-entry';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import { useTab } from '../../tab-context';
import { newRequestId, useSubmit, validation } from './form-state';
import { EditForm } from './edit-form';
import { RecordTable } from './record-table';
import { Section, useFormStyles } from './section';

type Timeline = z.infer<typeof timelineSchema>;
type Item = Timeline['entries'][number];

/**
 * One timeline of every entry about the customer — contacts, visits, events, meetings, complaints, notes — with
 * who and when, the next planned contact, and for one's own entries Muokkaa and Peru through the use cases of
 * the bot's `omat` (the API says `mayEdit` / `mayWithdraw`).
 */
export function TimelineSection({ timeline, onChanged }: { timeline: Timeline; onChanged: () => void }) {
  const { api, tr } = useTab();
  const [editing, setEditing] = useState<Item | undefined>();
  const [confirming, setConfirming] = useState<Item | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const withdraw = useSubmit();
  const { entries, nextContact } = timeline;

  const confirmWithdraw = (item: Item) =>
    withdraw.run(async () => {
      const done = await api.send(entryWithdrawnSchema, 'POST', `/entries/${item.kind}/${item.id}/withdraw`, { expectedVersion: item.version, requestId: newRequestId() });
      setConfirming(undefined);
      setNotice(tr.t('tab.customers.timeline.withdrawn', { kind: tr.t(`customerCard.kind.${item.kind}`), date: tr.date(done.date) }));
      onChanged();
    });

  return (
    <Section id="customer-timeline" title={tr.t('tab.customers.timeline.title')}>
      <Text>
        <Text weight="semibold">{tr.t('customerCard.nextContact')}: </Text>
        {nextContact ? tr.t('customerCard.nextContactLine', { date: tr.date(nextContact.date), topic: nextContact.topic, who: nextContact.by.name }) : tr.t('customerCard.nextContactNone')}
      </Text>
      <Text size={200}>{tr.t('tab.customers.timeline.window', { hours: timeline.withdrawWindowHours })}</Text>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {withdraw.error !== undefined && <ApiErrorBar error={withdraw.error} tr={tr} />}
      {confirming && (
        <MessageBar intent="warning" data-testid="withdraw-confirm">
          <MessageBarBody>
            {tr.t('tab.customers.timeline.withdrawQuestion', { kind: tr.t(`customerCard.kind.${confirming.kind}`), date: tr.date(confirming.date) })}{' '}
            <Button size="small" appearance="primary" disabled={withdraw.busy} onClick={() => void confirmWithdraw(confirming)}>
              {tr.t('tab.customers.timeline.withdrawYes')}
            </Button>{' '}
            <Button size="small" onClick={() => setConfirming(undefined)}>
              {tr.t('tab.customers.timeline.withdrawNo')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {editing && (
        <EntryForm
          key={editing.id}
          item={editing}
          onSaved={() => {
            setEditing(undefined);
            setNotice(tr.t('tab.customers.saved'));
            onChanged();
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <RecordTable
        label={tr.t('tab.customers.timeline.title')}
        empty={tr.t('customerCard.entriesNone')}
        testId="timeline"
        rows={entries}
        rowKey={(item) => `${item.kind}:${item.id}`}
        rowTestId={(item) => `entry-${item.id}`}
        columns={[
          { header: tr.t('tab.customers.col.date'), cell: (item) => tr.date(item.date) },
          { header: tr.t('tab.customers.timeline.kind'), cell: (item) => tr.t(`customerCard.kind.${item.kind}`) },
          { header: tr.t('tab.customers.timeline.summary'), cell: (item) => (item.textHidden ? <Text italic>{tr.t('tab.customers.timeline.hidden')}</Text> : item.summary) },
          {
            header: tr.t('tab.customers.timeline.who'),
            cell: (item) => (
              <>
                {item.recordedBy.name}
                {item.mine && (
                  <>
                    {' '}
                    <Badge appearance="tint" color="brand">
                      {tr.t('tab.customers.timeline.mine')}
                    </Badge>
                  </>
                )}
                <Text size={200} block>
                  {tr.t('tab.customers.timeline.recordedAt', { when: tr.dateTime(item.createdAt) })}
                </Text>
              </>
            ),
          },
          {
            header: tr.t('tab.customers.actions'),
            cell: (item) => (
              <>
                {item.mayEdit && (
                  <Button size="small" onClick={() => setEditing(item)} aria-label={tr.t('tab.customers.timeline.editOne', { kind: tr.t(`customerCard.kind.${item.kind}`), date: tr.date(item.date) })}>
                    {tr.t('tab.edit')}
                  </Button>
                )}{' '}
                {item.mayWithdraw && (
                  <Button size="small" onClick={() => setConfirming(item)} aria-label={tr.t('tab.customers.timeline.withdrawOne', { kind: tr.t(`customerCard.kind.${item.kind}`), date: tr.date(item.date) })}>
                    {tr.t('tab.customers.timeline.withdraw')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

type Stored = z.infer<typeof entryToEditSchema>;

/** A contact's or a note's edit form, prefilled with the stored entry (GET /entries/{kind}/{id}, the bot's Muokkaa). */
function EntryForm({ item, onSaved, onCancel }: { item: Item; onSaved: () => void; onCancel: () => void }) {
  const { api, tr } = useTab();
  const stored = useLoad(() => api.get(entryToEditSchema, `/entries/${item.kind}/${item.id}`), [api, item.kind, item.id]);
  if (stored.error !== undefined) return <ApiErrorBar error={stored.error} tr={tr} />;
  if (!stored.value) return <Spinner size="tiny" label={tr.t('tab.loading')} />;
  return <LoadedEntryForm stored={stored.value} onSaved={onSaved} onCancel={onCancel} />;
}

function LoadedEntryForm({ stored, onSaved, onCancel }: { stored: Stored; onSaved: () => void; onCancel: () => void }) {
  const { api, tr } = useTab();
  const styles = useFormStyles();
  const submit = useSubmit();
  const [requestId] = useState(newRequestId);
  const record = stored.record as Record<string, unknown>;
  const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : '');
  const [values, setValues] = useState<Record<string, string>>(
    stored.kind === 'contactLogEntry'
      ? { date: text('date'), type: text('type'), matter: text('matter'), agreedActions: text('agreedActions'), nextContactDate: text('nextContactDate'), nextContactTopic: text('nextContactTopic') }
      : { matter: text('matter') },
  );
  const [specialMention, setSpecialMention] = useState(stored.kind === 'note' && stored.record.specialMention);
  const set = (field: string) => (_e: unknown, d: { value: string }) => setValues((v) => ({ ...v, [field]: d.value }));
  const save = () =>
    submit.run(async () => {
      await api.send(entryEditedSchema, 'PATCH', `/entries/${stored.kind}/${stored.record.id}`, {
        expectedVersion: stored.record.version,
        requestId,
        ...values,
        ...(stored.kind === 'note' ? { specialMention } : {}),
      });
      onSaved();
    });
  const input = (field: string, label: string, type: 'text' | 'date' = 'text') => (
    <Field label={label} {...validation(submit, field)}>
      <Input name={field} type={type} value={values[field] ?? ''} onChange={set(field)} />
    </Field>
  );
  return (
    <EditForm label={tr.t('tab.customers.timeline.editTitle')} testId="entry-form" submit={submit} onSave={save} onCancel={onCancel}>
      {stored.kind === 'contactLogEntry' && (
        <>
          {input('date', tr.t('form.log.date'), 'date')}
          <Field label={tr.t('form.log.type')} {...validation(submit, 'type')}>
            <Select name="type" value={values.type} onChange={set('type')}>
              {contactTypes.map((c) => (
                <option key={c} value={c}>
                  {tr.t(`contactType.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      <Field className={styles.wide} label={tr.t('form.log.matter')} required {...validation(submit, 'matter')}>
        <Textarea name="matter" value={values.matter ?? ''} onChange={set('matter')} />
      </Field>
      {stored.kind === 'contactLogEntry' && (
        <>
          <Field className={styles.wide} label={tr.t('form.log.agreedActions')} {...validation(submit, 'agreedActions')}>
            <Textarea name="agreedActions" value={values.agreedActions ?? ''} onChange={set('agreedActions')} />
          </Field>
          {input('nextContactDate', tr.t('form.log.nextContactDate'), 'date')}
          {input('nextContactTopic', tr.t('form.log.nextContactTopic'))}
        </>
      )}
      {stored.kind === 'note' && <Checkbox className={styles.wide} label={tr.t('tab.customers.timeline.specialMention')} checked={specialMention} onChange={(_e, d) => setSpecialMention(d.checked === true)} />}
    </EditForm>
  );
}
