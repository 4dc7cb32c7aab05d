import { Checkbox, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { regions, serviceTypes, type Region, type ServiceType } from '../../../../src/domain/records/common';
import type { Translate } from '../../i18n/translate';

export interface BoardFilter {
  region: Region | undefined;
  serviceType: ServiceType | undefined;
  q: string;
  onlyFree: boolean;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL, marginBlock: tokens.spacingVerticalM },
});

/** Region, service type, a home's name and "only homes with free places": each one a query of GET /occupancy. */
export function BoardFilters({ tr, filter, onChange }: { tr: Translate; filter: BoardFilter; onChange(next: BoardFilter): void }) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="search" aria-label={tr.t('tab.occupancy.filters')}>
      <Field label={tr.t('tab.occupancy.filter.region')}>
        <Select data-testid="filter-region" value={filter.region ?? ''} onChange={(_e, d) => onChange({ ...filter, region: (d.value || undefined) as Region | undefined })}>
          <option value="">{tr.t('tab.occupancy.filter.allRegions')}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {tr.t(`region.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr.t('tab.occupancy.filter.serviceType')}>
        <Select data-testid="filter-service-type" value={filter.serviceType ?? ''} onChange={(_e, d) => onChange({ ...filter, serviceType: (d.value || undefined) as ServiceType | undefined })}>
          <option value="">{tr.t('tab.occupancy.filter.allServiceTypes')}</option>
          {serviceTypes.map((s) => (
            <option key={s} value={s}>
              {tr.t(`serviceType.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr.t('tab.occupancy.filter.search')}>
        <Input data-testid="filter-q" type="search" value={filter.q} maxLength={100} onChange={(_e, d) => onChange({ ...filter, q: d.value })} />
      </Field>
      <Checkbox data-testid="filter-only-free" label={tr.t('tab.occupancy.filter.onlyFree')} checked={filter.onlyFree} onChange={(_e, d) => onChange({ ...filter, onlyFree: d.checked === true })} />
    </div>
  );
}
