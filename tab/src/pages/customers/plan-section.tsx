import { Button, Checkbox, Field, Input, makeStyles, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, tokens } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import type { z } from 'zod';
import { customerPlanViewSchema } from '../../../../src/api/schemas/customer-edits';
import { encounterKinds } from '../../../../src/domain/records/customer-plan';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import type { Translate } from '../../i18n/translate';
import { useTab } from '../../tab-context';
import { newRequestId, useSubmit, validation } from './form-state';
import { EditForm } from './edit-form';
import { Section, useFormStyles } from './section';

type PlanView = z.infer<typeof customerPlanViewSchema>;
type Shown = PlanView['encounters'][number];
const months = Array.from({ length: 12 }, (_, i) => i + 1);
const planTexts = ['goal', 'targets', 'responsibilities', 'actions'] as const;

const useStyles = makeStyles({
  strip: { display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', gap: tokens.spacingHorizontalXS, listStyle: 'none', padding: 0, margin: 0 },
  month: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalXS, minHeight: '64px' },
  now: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  monthName: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  texts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  years: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

function monthName(tr: Translate, month: number): string {
  return new Intl.DateTimeFormat(tr.tag, { month: 'short' }).format(new Date(Date.UTC(2026, month - 1, 1)));
}

/**
 * The customer plan and its annual clock for a year (thesis 6.4.2): the texts, a 12-month strip with each
 * encounter (✓ held) and the same encounters as a table beside it; edited by the regional director of the
 * customer's region and the business director (the API says `mayEdit`).
 */
export function PlanSection({ customerId, thisYear }: { customerId: string; thisYear: number }) {
  const { api, tr } = useTab();
  const styles = useStyles();
  const [year, setYear] = useState(thisYear);
  // Years are names here, not amounts: passed as strings so the catalog does not group their digits ("2 026").
  const loaded = useLoad(() => api.get(customerPlanViewSchema, `/customers/${customerId}/plan/${year}`), [api, customerId, year]);
  const [view, setView] = useState<PlanView | undefined>();
  const shown = view?.year === year ? view : loaded.value;
  const [editing, setEditing] = useState<'texts' | string | undefined>();
  const saved = (next: PlanView) => {
    setView(next);
    setEditing(undefined);
  };

  return (
    <Section
      id="customer-plan"
      title={tr.t('tab.customers.plan.title', { year: String(year) })}
      actions={
        <div className={styles.years}>
          <Button size="small" onClick={() => setYear(year - 1)} aria-label={tr.t('tab.customers.plan.yearBefore', { year: String(year - 1) })}>
            {year - 1}
          </Button>
          <Button size="small" onClick={() => setYear(year + 1)} aria-label={tr.t('tab.customers.plan.yearAfter', { year: String(year + 1) })}>
            {year + 1}
          </Button>
        </div>
      }
    >
      {loaded.error !== undefined && <ApiErrorBar error={loaded.error} tr={tr} />}
      {!shown && loaded.loading && <Spinner size="tiny" label={tr.t('tab.loading')} />}
      {shown && (
        <>
          {shown.plan ? (
            <dl className={styles.texts}>
              {planTexts.map((field) =>
                shown.plan?.[field] ? (
                  <Fragment key={field}>
                    <dt className={styles.term}>{tr.t(`plan.card.${field}`)}</dt>
                    <dd>{shown.plan[field]}</dd>
                  </Fragment>
                ) : null,
              )}
            </dl>
          ) : (
            <Text>{tr.t('plan.card.none', { year: String(year) })}</Text>
          )}
          {shown.mayEdit ? (
            editing === 'texts' ? (
              <PlanTextsForm view={shown} onSaved={saved} onCancel={() => setEditing(undefined)} />
            ) : (
              <div>
                <Button onClick={() => setEditing('texts')} data-testid="plan-edit">
                  {tr.t(shown.plan ? 'tab.customers.plan.edit' : 'tab.customers.plan.create')}
                </Button>
              </div>
            )
          ) : (
            <Text size={200}>{tr.t('tab.customers.plan.readOnly')}</Text>
          )}
          <Text weight="semibold">{tr.tn('plan.card.status', shown.status.total, { done: shown.status.done })}</Text>
          <ol className={styles.strip} aria-label={tr.t('plan.card.clock')} data-testid="annual-clock">
            {months.map((m) => {
              const here = shown.encounters.filter((e) => e.encounter.month === m);
              const current = shown.today.startsWith(`${year}-${String(m).padStart(2, '0')}`);
              return (
                <li key={m} className={current ? `${styles.month} ${styles.now}` : styles.month} aria-current={current ? 'date' : undefined}>
                  <Text className={styles.monthName}>{monthName(tr, m)}</Text>
                  {here.map((e) => (
                    <Text key={e.encounter.id} size={200} block>
                      {e.done ? '✓ ' : ''}
                      {tr.t(`plan.kind.${e.encounter.kind}`)}
                    </Text>
                  ))}
                </li>
              );
            })}
          </ol>
          <EncounterTable view={shown} onEdit={setEditing} onSaved={saved} />
          {shown.mayEdit && shown.plan && editing !== 'texts' && editing !== 'new' && (
            <div>
              <Button onClick={() => setEditing('new')} data-testid="encounter-add">
                {tr.t('tab.customers.plan.addEncounter')}
              </Button>
            </div>
          )}
          {shown.mayEdit && shown.plan && editing !== undefined && editing !== 'texts' && (
            <EncounterForm key={editing} view={shown} shown={shown.encounters.find((e) => e.encounter.id === editing)} onSaved={saved} onCancel={() => setEditing(undefined)} />
          )}
        </>
      )}
    </Section>
  );
}

/** The encounters of the year as a table: the strip's data for every reader, with edit and remove for an editor. */
function EncounterTable({ view, onEdit, onSaved }: { view: PlanView; onEdit: (id: string) => void; onSaved: (next: PlanView) => void }) {
  const { api, tr } = useTab();
  const submit = useSubmit();
  if (view.encounters.length === 0) return <Text>{tr.t('plan.card.noEncounters')}</Text>;
  const remove = (e: Shown) =>
    submit.run(async () => {
      onSaved(await api.send(customerPlanViewSchema, 'DELETE', `/customers/${view.customer.id}/plan/${view.year}/encounters/${e.encounter.id}`, { requestId: newRequestId(), expectedVersion: view.plan!.version }));
    });
  return (
    <>
      {submit.error !== undefined && <ApiErrorBar error={submit.error} tr={tr} />}
      <Table aria-label={tr.t('tab.customers.plan.encounters')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{tr.t('tab.customers.col.date')}</TableHeaderCell>
            <TableHeaderCell>{tr.t('tab.customers.plan.kind')}</TableHeaderCell>
            <TableHeaderCell>{tr.t('tab.customers.plan.owner')}</TableHeaderCell>
            <TableHeaderCell>{tr.t('tab.customers.plan.state')}</TableHeaderCell>
            <TableHeaderCell>{tr.t('tab.customers.plan.note')}</TableHeaderCell>
            {view.mayEdit && <TableHeaderCell>{tr.t('tab.customers.actions')}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.encounters.map((e) => (
            <TableRow key={e.encounter.id}>
              <TableCell>{e.encounter.day ? tr.date(e.date) : `${monthName(tr, e.encounter.month)} ${view.year}`}</TableCell>
              <TableCell>{tr.t(`plan.kind.${e.encounter.kind}`)}</TableCell>
              <TableCell>{e.ownerName ?? tr.t('plan.card.noOwner')}</TableCell>
              <TableCell>{tr.t(e.done ? 'plan.card.done' : 'plan.card.planned')}</TableCell>
              <TableCell>{e.encounter.note ?? ''}</TableCell>
              {view.mayEdit && (
                <TableCell>
                  <Button size="small" onClick={() => onEdit(e.encounter.id)} aria-label={tr.t('tab.customers.plan.editEncounter', { kind: tr.t(`plan.kind.${e.encounter.kind}`), date: tr.date(e.date) })}>
                    {tr.t('tab.edit')}
                  </Button>{' '}
                  <Button size="small" disabled={submit.busy} onClick={() => void remove(e)} aria-label={tr.t('tab.customers.plan.removeEncounter', { kind: tr.t(`plan.kind.${e.encounter.kind}`), date: tr.date(e.date) })}>
                    {tr.t('tab.customers.remove')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** The plan's texts (PUT …/plan/{year}); without a plan it creates the year's. */
function PlanTextsForm({ view, onSaved, onCancel }: { view: PlanView; onSaved: (next: PlanView) => void; onCancel: () => void }) {
  const { api, tr } = useTab();
  const styles = useFormStyles();
  const submit = useSubmit();
  const [requestId] = useState(newRequestId);
  const [values, setValues] = useState<Record<(typeof planTexts)[number], string>>({
    goal: view.plan?.goal ?? '',
    targets: view.plan?.targets ?? '',
    responsibilities: view.plan?.responsibilities ?? '',
    actions: view.plan?.actions ?? '',
  });
  const save = () =>
    submit.run(async () => {
      onSaved(await api.send(customerPlanViewSchema, 'PUT', `/customers/${view.customer.id}/plan/${view.year}`, { requestId, ...(view.plan ? { expectedVersion: view.plan.version } : {}), ...values }));
    });
  return (
    <EditForm label={tr.t('plan.form.title', { year: String(view.year) })} submit={submit} onSave={save} onCancel={onCancel}>
      {planTexts.map((field) => (
        <Field key={field} className={styles.wide} label={tr.t(`plan.form.${field}`)} required={field === 'goal'} {...validation(submit, field)}>
          <Textarea name={field} value={values[field]} onChange={(_e, d) => setValues((v) => ({ ...v, [field]: d.value }))} />
        </Field>
      ))}
    </EditForm>
  );
}

/** An encounter of the annual clock, added or changed (PUT …/encounters/{id}: a new id adds it). */
function EncounterForm({ view, shown, onSaved, onCancel }: { view: PlanView; shown?: Shown; onSaved: (next: PlanView) => void; onCancel: () => void }) {
  const { api, tr } = useTab();
  const styles = useFormStyles();
  const submit = useSubmit();
  const [requestId] = useState(newRequestId);
  const [encounterId] = useState(() => shown?.encounter.id ?? newRequestId());
  const [values, setValues] = useState({
    month: String(shown?.encounter.month ?? Number(view.today.slice(5, 7))),
    day: shown?.encounter.day !== undefined ? String(shown.encounter.day) : '',
    kind: shown?.encounter.kind ?? 'kehityskokous',
    ownerId: shown?.encounter.ownerId ?? view.owners[0]?.id ?? '',
    note: shown?.encounter.note ?? '',
    done: shown?.done ?? false,
  });
  const set = (field: 'month' | 'day' | 'kind' | 'ownerId' | 'note') => (_e: unknown, d: { value: string }) => setValues((v) => ({ ...v, [field]: d.value }));
  const save = () =>
    submit.run(async () => {
      const day = values.day.trim() === '' ? undefined : Number(values.day);
      onSaved(
        await api.send(customerPlanViewSchema, 'PUT', `/customers/${view.customer.id}/plan/${view.year}/encounters/${encounterId}`, {
          requestId,
          expectedVersion: view.plan!.version,
          month: Number(values.month),
          // A day that is not a number is sent as 0, so the API names the field ("at least 1") instead of dropping it.
          ...(day !== undefined ? { day: Number.isInteger(day) ? day : 0 } : {}),
          kind: values.kind,
          ownerId: values.ownerId,
          note: values.note,
          done: values.done,
        }),
      );
    });
  return (
    <EditForm label={tr.t(shown ? 'tab.customers.plan.editEncounterTitle' : 'tab.customers.plan.addEncounter')} testId="encounter-form" submit={submit} onSave={save} onCancel={onCancel}>
      <Field label={tr.t('tab.customers.plan.month')} {...validation(submit, 'month')}>
        <Select name="month" value={values.month} onChange={set('month')}>
          {months.map((m) => (
            <option key={m} value={String(m)}>
              {new Intl.DateTimeFormat(tr.tag, { month: 'long' }).format(new Date(Date.UTC(2026, m - 1, 1)))}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr.t('tab.customers.plan.day')} {...validation(submit, 'day')}>
        <Input name="day" value={values.day} onChange={set('day')} inputMode="numeric" />
      </Field>
      <Field label={tr.t('tab.customers.plan.kind')} {...validation(submit, 'kind')}>
        <Select name="kind" value={values.kind} onChange={set('kind')}>
          {encounterKinds.map((k) => (
            <option key={k} value={k}>
              {tr.t(`plan.kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr.t('tab.customers.plan.owner')} {...validation(submit, 'ownerId')}>
        <Select name="ownerId" value={values.ownerId} onChange={set('ownerId')}>
          {view.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.wide} label={tr.t('tab.customers.plan.note')} {...validation(submit, 'note')}>
        <Textarea name="note" value={values.note} onChange={set('note')} />
      </Field>
      <Checkbox className={styles.wide} label={tr.t('tab.customers.plan.held')} checked={values.done} onChange={(_e, d) => setValues((v) => ({ ...v, done: d.checked === true }))} />
    </EditForm>
  );
}
