import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { customerPatchedSchema } from '../../../../src/api/schemas/customer-edits';
import type { customerOverviewSchema } from '../../../../src/api/schemas/customers';
import { customerSegments, lifecyclePhases } from '../../../../src/domain/records/customer';
import { ApiErrorBar } from '../../components/api-error-bar';
import { useTab } from '../../tab-context';
import { useSubmit, validation } from './form-state';
import { Section } from './section';

export type Overview = z.infer<typeof customerOverviewSchema>;

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  edit: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

/** Who the customer is (kind, region, business id), how it buys and where the relationship is; segment and phase editable. */
export function CustomerFacts({ overview, onSaved }: { overview: Overview; onSaved: () => void }) {
  const { api, tr } = useTab();
  const styles = useStyles();
  const { customer, lastEntry } = overview;
  const [segment, setSegment] = useState<string>(customer.segment);
  const [phase, setPhase] = useState<string>(customer.lifecyclePhase);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  // A newer version read (after a save, or someone else's): the choices start from what is stored now.
  useEffect(() => {
    setSegment(customer.segment);
    setPhase(customer.lifecyclePhase);
  }, [customer.version, customer.segment, customer.lifecyclePhase]);
  const changed = segment !== customer.segment || phase !== customer.lifecyclePhase;

  const save = () =>
    submit.run(async () => {
      setSaved(false);
      await api.send(customerPatchedSchema, 'PATCH', `/customers/${customer.id}`, { expectedVersion: customer.version, segment, lifecyclePhase: phase });
      setSaved(true);
      onSaved();
    });

  return (
    <Section id="customer-facts" title={tr.t('tab.customers.facts.title')}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{tr.t('customerCard.purchaserKind')}</dt>
        <dd>{tr.t(`purchaserKind.${customer.kind}`)}</dd>
        <dt className={styles.term}>{tr.t('customerCard.region')}</dt>
        <dd>{tr.t(`region.${customer.region}`)}</dd>
        {customer.businessId && (
          <>
            <dt className={styles.term}>{tr.t('customerCard.businessId')}</dt>
            <dd>{customer.businessId}</dd>
          </>
        )}
        {!overview.mayEditCustomer && (
          <>
            <dt className={styles.term}>{tr.t('customerCard.segment')}</dt>
            <dd>{tr.t(`customerCard.segment.${customer.segment}`)}</dd>
            <dt className={styles.term}>{tr.t('customerCard.phase')}</dt>
            <dd>{tr.t(`customerCard.phase.${customer.lifecyclePhase}`)}</dd>
          </>
        )}
      </dl>
      {overview.mayEditCustomer && (
        <div className={styles.edit}>
          <Field label={tr.t('customerCard.segment')} {...validation(submit, 'segment')}>
            <Select value={segment} onChange={(_e, d) => setSegment(d.value)} data-testid="customer-segment">
              {customerSegments.map((s) => (
                <option key={s} value={s}>
                  {tr.t(`customerCard.segment.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={tr.t('customerCard.phase')} {...validation(submit, 'lifecyclePhase')}>
            <Select value={phase} onChange={(_e, d) => setPhase(d.value)} data-testid="customer-phase">
              {lifecyclePhases.map((p) => (
                <option key={p} value={p}>
                  {tr.t(`customerCard.phase.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={!changed || submit.busy} onClick={save}>
            {tr.t('tab.customers.facts.save')}
          </Button>
        </div>
      )}
      {submit.error !== undefined && <ApiErrorBar error={submit.error} tr={tr} />}
      {saved && !changed && (
        <MessageBar intent="success">
          <MessageBarBody>{tr.t('tab.customers.saved')}</MessageBarBody>
        </MessageBar>
      )}
      <Text>
        {lastEntry
          ? lastEntry.daysSince === 0
            ? tr.t('customerCard.lastEntryToday')
            : tr.tn('customerCard.lastEntry', lastEntry.daysSince, { date: tr.date(lastEntry.date) })
          : tr.t('customerCard.lastEntryNone')}
      </Text>
      {overview.quiet && (
        <MessageBar intent="warning">
          <MessageBarBody>{tr.t('customerCard.quiet')}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
