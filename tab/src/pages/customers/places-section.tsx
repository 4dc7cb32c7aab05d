import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useTab } from '../../tab-context';
import type { Overview } from './customer-facts';
import { Section } from './section';

/** The places reserved for the customer and those sold to it (a bounded page, with the counts of each). */
export function PlacesSection({ overview }: { overview: Overview }) {
  const { tr } = useTab();
  const { places, reserved, sold } = overview.ownPlaces;
  return (
    <Section id="customer-places" title={tr.t('customerPlaces.title', { reserved, sold })}>
      {places.length === 0 ? (
        <Text>{tr.t('customerPlaces.none')}</Text>
      ) : (
        <Table aria-label={tr.t('tab.customers.places.table')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{tr.t('tab.customers.places.home')}</TableHeaderCell>
              <TableHeaderCell>{tr.t('tab.customers.places.label')}</TableHeaderCell>
              <TableHeaderCell>{tr.t('tab.customers.places.serviceType')}</TableHeaderCell>
              <TableHeaderCell>{tr.t('tab.customers.places.status')}</TableHeaderCell>
              <TableHeaderCell>{tr.t('tab.customers.places.reservedBy')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {places.map(({ place, careHomeName }) => (
              <TableRow key={place.id}>
                <TableCell>{careHomeName}</TableCell>
                <TableCell>{place.label}</TableCell>
                <TableCell>{tr.t(`serviceType.${place.serviceType}`)}</TableCell>
                <TableCell>{place.effectiveStatus === 'kaytossa' ? tr.t('customerPlaces.sold') : tr.t(`status.${place.effectiveStatus}`)}</TableCell>
                <TableCell>{place.reservedBy ? `${place.reservedBy.name}${place.reservedAt ? ` · ${tr.dateTime(place.reservedAt)}` : ''}` : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
