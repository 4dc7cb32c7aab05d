import { Button, Field, Link, makeStyles, SearchBox, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { customerSearchSchema } from '../../../../src/api/schemas/customers';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import { hrefOf } from '../../route';
import { useTab } from '../../tab-context';

/** Results per page: the API's largest `top`. */
export const PAGE_SIZE = 25;
/** How long typing rests before the search is sent: one request per pause, not per key. */
const DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  search: { maxWidth: '420px', marginBottom: tokens.spacingVerticalM },
  paging: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalS },
});

/** The customer search (GET /customers?q=&skip=): names containing the text, a page at a time. */
export function CustomerSearch() {
  const { api, tr } = useTab();
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [skip, setSkip] = useState(0);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(typed.trim());
      setSkip(0);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const found = useLoad(() => api.get(customerSearchSchema, '/customers', { q: query, skip, top: PAGE_SIZE }), [api, query, skip]);
  const customers = found.value?.customers ?? [];

  return (
    <section aria-labelledby="customer-search-title">
      <Title2 as="h2" id="customer-search-title">
        {tr.t('tab.customers.search.title')}
      </Title2>
      <Field label={tr.t('tab.customers.search.label')} className={styles.search}>
        <SearchBox value={typed} onChange={(_e, data) => setTyped(data.value)} placeholder={tr.t('tab.customers.search.placeholder')} data-testid="customer-search" />
      </Field>
      {found.error !== undefined && <ApiErrorBar error={found.error} tr={tr} />}
      {found.loading && !found.value && <Spinner size="tiny" label={tr.t('tab.loading')} />}
      {found.value && customers.length === 0 && <Text role="status">{tr.t('tab.customers.search.none', { q: query })}</Text>}
      {customers.length > 0 && (
        <Table aria-label={tr.t('tab.customers.search.results')} size="small" data-testid="customer-results">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{tr.t('tab.customers.col.name')}</TableHeaderCell>
              <TableHeaderCell>{tr.t('customerCard.region')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {customers.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link href={hrefOf('customers', c.id)}>{c.name}</Link>
                </TableCell>
                <TableCell>{tr.t(`region.${c.region}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {(skip > 0 || customers.length === PAGE_SIZE) && (
        <nav className={styles.paging} aria-label={tr.t('tab.customers.search.paging')}>
          <Button disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - PAGE_SIZE))}>
            {tr.t('tab.customers.search.previous')}
          </Button>
          <Text>{tr.t('tab.customers.search.page', { page: skip / PAGE_SIZE + 1 })}</Text>
          <Button disabled={customers.length < PAGE_SIZE} onClick={() => setSkip(skip + PAGE_SIZE)}>
            {tr.t('tab.customers.search.next')}
          </Button>
        </nav>
      )}
    </section>
  );
}
