import { Title1 } from '@fluentui/react-components';
import type { Route } from '../route';
import { useTab } from '../tab-context';
import { CustomerSearch } from './customers/customer-search';
import { CustomerView } from './customers/customer-view';

/**
 * Asiakkaat / Customers (issue 13): the search, and `#/customers/<id>` the customer 360 that replaces the
 * scattered customer folders (thesis 5.2: who has met this customer, what was said, when).
 */
export function CustomersPage({ route }: { route: Route }) {
  const { tr } = useTab();
  const id = route.rest[0];
  if (id) return <CustomerView key={id} id={id} />;
  return (
    <>
      <Title1 as="h1">{tr.t('tab.customers.title')}</Title1>
      <CustomerSearch />
    </>
  );
}
