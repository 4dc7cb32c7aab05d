import { Title2 } from '@fluentui/react-components';
import type { Route } from '../route';
import { useTab } from '../tab-context';

/** Placeholder until the page is built (issue 13). */
export function OccupancyPage(_props: { route: Route }) {
  const { tr } = useTab();
  return <Title2 as="h1">{tr.t('tab.nav.occupancy')}</Title2>;
}
