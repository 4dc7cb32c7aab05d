import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { complaintSeverities, complaintStatuses } from '../../../../src/domain/records/complaint';
import { CareHomePicker } from '../../components/care-home-picker';
import type { Translate } from '../../i18n/translate';

/** What the board is narrowed to; absent: every home, every open step, every severity. */
export interface ComplaintFilters {
  careHomeId?: string | undefined;
  status?: (typeof complaintStatuses)[number] | undefined;
  severity?: (typeof complaintSeverities)[number] | undefined;
  /** Per column; "show all in this step" raises it. */
  limit?: number | undefined;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  field: { minWidth: '200px' },
});

/** The board's filters: home (a search: there may be hundreds), step and severity (an empty value: all). */
export function ComplaintFilterBar(props: { tr: Translate; value: ComplaintFilters; onChange(next: ComplaintFilters): void }) {
  const { tr, value } = props;
  const styles = useStyles();
  // A changed filter starts again from the first page of each column.
  const set = (patch: Partial<ComplaintFilters>) => props.onChange({ ...value, ...patch, limit: undefined });
  return (
    <section aria-label={tr.t('tab.complaints.filters')} className={styles.row}>
      <div className={styles.field}>
        <CareHomePicker label={tr.t('tab.complaints.filter.home')} allLabel={tr.t('tab.complaints.filter.allHomes')} onChoose={(careHomeId) => set({ careHomeId })} testId="filter-home" />
      </div>
      <Field label={tr.t('tab.complaints.filter.status')} className={styles.field}>
        <Select value={value.status ?? ''} onChange={(_e, d) => set({ status: (d.value || undefined) as ComplaintFilters['status'] })} data-testid="filter-status">
          <option value="">{tr.t('tab.complaints.filter.open')}</option>
          {complaintStatuses.map((status) => (
            <option key={status} value={status}>
              {tr.t(`complaint.status.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr.t('tab.complaints.filter.severity')} className={styles.field}>
        <Select value={value.severity ?? ''} onChange={(_e, d) => set({ severity: (d.value || undefined) as ComplaintFilters['severity'] })} data-testid="filter-severity">
          <option value="">{tr.t('tab.complaints.filter.allSeverities')}</option>
          {complaintSeverities.map((severity) => (
            <option key={severity} value={severity}>
              {tr.t(`complaint.severity.${severity}`)}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
