import { useTab } from '../../tab-context';
import type { Overview } from './customer-facts';
import { RecordTable } from './record-table';
import { Section } from './section';

/** The places reserved for the customer and those sold to it (a bounded page, with the counts of each). */
export function PlacesSection({ overview }: { overview: Overview }) {
  const { tr } = useTab();
  const { places, reserved, sold } = overview.ownPlaces;
  return (
    <Section id="customer-places" title={tr.t('customerPlaces.title', { reserved, sold })}>
      <RecordTable
        label={tr.t('tab.customers.places.table')}
        empty={tr.t('customerPlaces.none')}
        rows={places}
        rowKey={({ place }) => place.id}
        columns={[
          { header: tr.t('tab.customers.places.home'), cell: ({ careHomeName }) => careHomeName },
          { header: tr.t('tab.customers.places.label'), cell: ({ place }) => place.label },
          { header: tr.t('tab.customers.places.serviceType'), cell: ({ place }) => tr.t(`serviceType.${place.serviceType}`) },
          { header: tr.t('tab.customers.places.status'), cell: ({ place }) => (place.effectiveStatus === 'kaytossa' ? tr.t('customerPlaces.sold') : tr.t(`status.${place.effectiveStatus}`)) },
          { header: tr.t('tab.customers.places.reservedBy'), cell: ({ place }) => (place.reservedBy ? `${place.reservedBy.name}${place.reservedAt ? ` · ${tr.dateTime(place.reservedAt)}` : ''}` : '') },
        ]}
      />
    </Section>
  );
}
