import { Link, makeStyles, Spinner, Title1, tokens } from '@fluentui/react-components';
import { customerOverviewSchema, timelineSchema } from '../../../../src/api/schemas/customers';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import { hrefOf } from '../../route';
import { useTab } from '../../tab-context';
import { AgreementsSection } from './agreements-section';
import { ContactsSection } from './contacts-section';
import { CustomerFacts } from './customer-facts';
import { PlacesSection } from './places-section';
import { PlanSection } from './plan-section';
import { TimelineSection } from './timeline-section';

/** How many entries the timeline shows: the newest, as the API bounds them. */
const TIMELINE_LIMIT = 100;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** `#/customers/<id>`: the customer 360 — who they are, their people, agreements, plan, places and every entry. */
export function CustomerView({ id }: { id: string }) {
  const { api, tr } = useTab();
  const styles = useStyles();
  const overview = useLoad(() => api.get(customerOverviewSchema, `/customers/${id}`), [api, id]);
  const timeline = useLoad(() => api.get(timelineSchema, `/customers/${id}/timeline`, { limit: TIMELINE_LIMIT }), [api, id]);
  const reload = () => {
    overview.reload();
    timeline.reload();
  };
  const value = overview.value;

  return (
    <div className={styles.page}>
      <Link href={hrefOf('customers')}>{tr.t('tab.customers.back')}</Link>
      {overview.error !== undefined && <ApiErrorBar error={overview.error} tr={tr} />}
      {!value && overview.loading && <Spinner label={tr.t('tab.loading')} />}
      {value && (
        <>
          <Title1 as="h1" data-testid="customer-name">
            {value.customer.name}
          </Title1>
          <CustomerFacts overview={value} onSaved={reload} />
          <ContactsSection overview={value} onSaved={reload} />
          <AgreementsSection overview={value} onSaved={reload} />
          <PlanSection customerId={id} thisYear={Number(value.today.slice(0, 4))} />
          <PlacesSection overview={value} />
          {timeline.error !== undefined && <ApiErrorBar error={timeline.error} tr={tr} />}
          {timeline.value && <TimelineSection timeline={timeline.value} onChanged={reload} />}
        </>
      )}
    </div>
  );
}
