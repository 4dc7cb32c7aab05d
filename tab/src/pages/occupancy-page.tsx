import { Button, makeStyles, Spinner, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { occupancySchema, type OccupancyHome } from '../../../src/api/schemas/occupancy';
import { regions } from '../../../src/domain/records/common';
import { useLoad } from '../api/use-api';
import { ApiErrorBar } from '../components/api-error-bar';
import type { Route } from '../route';
import { useTab } from '../tab-context';
import { BoardFilters, type BoardFilter } from './occupancy/board-filters';
import { HomePlaces } from './occupancy/home-places';
import { HomesGrid, type BoardSort } from './occupancy/homes-grid';
import { SummaryCards } from './occupancy/summary-cards';

/** Homes per page: the answer stays this size however many homes the company has (issue 13, 10× = 440 homes). */
const PAGE = 25;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  paging: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * Käyttöaste / Occupancy (issue 13): the occupancy table every home director keeps (thesis 6.1), for everyone who
 * may read it — the company's and the regions' rates, the homes of a region with their places by status, and a
 * home's places, whose status can be changed here through the same use cases as the bot's cards. Opens on the
 * person's own region (a home director's home's; the first region for a company-wide role).
 */
export function OccupancyPage(_props: { route: Route }) {
  const { api, tr, me } = useTab();
  const styles = useStyles();
  const [filter, setFilter] = useState<BoardFilter>(() => ({ region: me.region ?? me.careHomes[0]?.region ?? regions[0], serviceType: undefined, q: '', onlyFree: false }));
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<BoardSort>({ key: 'name', order: 'asc' });
  const [offset, setOffset] = useState(0);
  const [openHome, setOpenHome] = useState<string | undefined>();

  // Typing a name asks once it pauses, not per key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(filter.q.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [filter.q]);

  const board = useLoad(
    () =>
      api.get(occupancySchema, '/occupancy', {
        region: filter.region,
        serviceType: filter.serviceType,
        q: q || undefined,
        onlyFree: filter.onlyFree ? 'true' : undefined,
        sort: sort.key,
        order: sort.order,
        limit: PAGE,
        offset,
      }),
    [api, filter.region, filter.serviceType, filter.onlyFree, q, sort.key, sort.order, offset],
  );
  const value = board.value;
  const changeFilter = (next: BoardFilter) => {
    setFilter(next);
    setOffset(0);
  };

  return (
    <div className={styles.page}>
      <Title2 as="h1">{tr.t('tab.occupancy.title')}</Title2>
      {value && <Text>{tr.t('tab.occupancy.intro', { date: tr.date(value.today) })}</Text>}
      {board.error !== undefined && <ApiErrorBar error={board.error} tr={tr} />}
      {!value && board.loading && <Spinner label={tr.t('tab.loading')} />}
      {value && (
        <>
          <section aria-labelledby="occupancy-summary">
            <Title3 as="h2" id="occupancy-summary">
              {tr.t('tab.occupancy.summary')}
            </Title3>
            <SummaryCards tr={tr} board={value} selectedRegion={filter.region} />
          </section>
          <section aria-labelledby="occupancy-homes">
            <Title3 as="h2" id="occupancy-homes">
              {tr.t('tab.occupancy.homes')}
            </Title3>
            <BoardFilters tr={tr} filter={filter} onChange={changeFilter} />
            {value.homes.length === 0 ? (
              <Text data-testid="no-homes">{tr.t('tab.occupancy.none')}</Text>
            ) : (
              <HomesGrid
                tr={tr}
                homes={value.homes}
                sort={sort}
                onSort={(next) => {
                  setSort(next);
                  setOffset(0);
                }}
                onOpen={(home: OccupancyHome) => setOpenHome(home.id)}
              />
            )}
            {value.total > 0 && (
              <div className={styles.paging}>
                <Text data-testid="homes-range">{tr.t('tab.occupancy.range', { from: value.offset + 1, to: value.offset + value.homes.length, total: value.total })}</Text>
                <Button disabled={value.offset === 0} onClick={() => setOffset(Math.max(0, value.offset - PAGE))}>
                  {tr.t('tab.occupancy.previous')}
                </Button>
                <Button disabled={value.offset + value.homes.length >= value.total} onClick={() => setOffset(value.offset + PAGE)}>
                  {tr.t('tab.occupancy.next')}
                </Button>
              </div>
            )}
          </section>
          {openHome && <HomePlaces key={openHome} careHomeId={openHome} today={value.today} onClose={() => setOpenHome(undefined)} onChanged={board.reload} />}
        </>
      )}
    </div>
  );
}
