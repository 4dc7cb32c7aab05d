import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  type TableColumnDefinition,
  type TableColumnId,
} from '@fluentui/react-components';
import type { OccupancyHome, OccupancySortKey } from '../../../../src/api/schemas/occupancy';
import type { Translate } from '../../i18n/translate';
import { rateText } from './format';

export interface BoardSort {
  key: OccupancySortKey;
  order: 'asc' | 'desc';
}

/**
 * The homes of the page in a Fluent DataGrid. Sorting is the server's (GET /occupancy?sort&order: the whole
 * filtered set is sorted, not just this page), so each column's compare keeps the order the API answered.
 */
export function HomesGrid(props: { tr: Translate; homes: OccupancyHome[]; sort: BoardSort; onSort(next: BoardSort): void; onOpen(home: OccupancyHome): void }) {
  const { tr } = props;
  // Two parameters: Fluent takes a column as sortable by its compare's arity (isColumnSortable).
  const keep = (_a: OccupancyHome, _b: OccupancyHome) => 0;
  const count = (key: 'places' | 'occupied' | 'freeing' | 'free' | 'reserved') =>
    createTableColumn<OccupancyHome>({ columnId: key, compare: keep, renderHeaderCell: () => tr.t(`tab.occupancy.col.${key}`), renderCell: (h) => tr.number(h.totals[key]) });
  const columns: TableColumnDefinition<OccupancyHome>[] = [
    createTableColumn<OccupancyHome>({ columnId: 'name', compare: keep, renderHeaderCell: () => tr.t('tab.occupancy.col.name'), renderCell: (h) => h.name }),
    createTableColumn<OccupancyHome>({ columnId: 'region', compare: keep, renderHeaderCell: () => tr.t('tab.occupancy.col.region'), renderCell: (h) => tr.t(`region.${h.region}`) }),
    createTableColumn<OccupancyHome>({ columnId: 'city', compare: keep, renderHeaderCell: () => tr.t('tab.occupancy.col.city'), renderCell: (h) => h.city }),
    count('places'),
    count('occupied'),
    count('freeing'),
    count('free'),
    count('reserved'),
    createTableColumn<OccupancyHome>({ columnId: 'rate', compare: keep, renderHeaderCell: () => tr.t('tab.occupancy.col.rate'), renderCell: (h) => rateText(tr, h.totals.rate) }),
    createTableColumn<OccupancyHome>({
      columnId: 'open',
      renderHeaderCell: () => tr.t('tab.occupancy.col.open'),
      renderCell: (h) => (
        <Button size="small" data-testid="show-places" aria-label={tr.t('tab.occupancy.showPlacesOf', { home: h.name })} onClick={() => props.onOpen(h)}>
          {tr.t('tab.occupancy.showPlaces')}
        </Button>
      ),
    }),
  ];
  const sortState = { sortColumn: props.sort.key as TableColumnId, sortDirection: props.sort.order === 'asc' ? ('ascending' as const) : ('descending' as const) };
  return (
    <DataGrid
      items={props.homes}
      columns={columns}
      getRowId={(h: OccupancyHome) => h.id}
      sortable
      sortState={sortState}
      onSortChange={(_e, next) => {
        if (next.sortColumn === undefined) return;
        props.onSort({ key: next.sortColumn as OccupancySortKey, order: next.sortDirection === 'ascending' ? 'asc' : 'desc' });
      }}
      aria-label={tr.t('tab.occupancy.gridLabel')}
      data-testid="homes-grid"
    >
      <DataGridHeader>
        <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
      </DataGridHeader>
      <DataGridBody<OccupancyHome>>
        {({ item, rowId }) => (
          <DataGridRow<OccupancyHome> key={rowId} data-testid="home-row" data-home={item.name}>
            {({ renderCell, columnId }) => <DataGridCell data-column={String(columnId)}>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
