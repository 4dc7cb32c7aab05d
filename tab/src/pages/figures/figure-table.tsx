import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/translate';
import { toCsv, type CsvCell } from './csv';
import { downloadText } from './download';

/**
 * One column of a figures table: its header, what the cell shows, and what the CSV holds for it (a number stays
 * a number there, so Excel can sum it). The table is the truth the chart beside it decorates.
 */
export interface FigureColumn<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  csv(row: Row): CsvCell;
  numeric?: boolean;
  /** A name column: kept wide enough that a county's name wraps once, not word by word. */
  name?: boolean;
}

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', minWidth: 0 },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  name: { minWidth: '13em' },
  total: { fontWeight: tokens.fontWeightSemibold },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

export function FigureTable<Row>(props: {
  tr: Translate;
  /** The table's name: its caption for a screen reader, and in the CSV button's label. */
  caption: string;
  columns: readonly FigureColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  /** A totals row (shown last, and the CSV's last line). */
  total?: Row | undefined;
  fileName: string;
  testId: string;
  /** Paging controls, beside the CSV button. */
  tools?: ReactNode;
}) {
  const styles = useStyles();
  const { tr, columns, rows } = props;
  const all = props.total ? [...rows, props.total] : rows;
  const download = () => downloadText(props.fileName, toCsv(columns.map((c) => c.header), all.map((row) => columns.map((c) => c.csv(row)))));
  return (
    <div className={styles.wrap}>
      <Table size="small" data-testid={props.testId} aria-label={props.caption}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.key} className={c.numeric ? styles.numeric : c.name ? styles.name : undefined} scope="col">
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length}>{tr.t('tab.figures.empty')}</TableCell>
            </TableRow>
          )}
          {all.map((row, index) => (
            <TableRow key={index === rows.length ? 'total' : props.rowKey(row)} className={index === rows.length ? styles.total : undefined}>
              {columns.map((c) => (
                <TableCell key={c.key} className={c.numeric ? styles.numeric : undefined}>
                  {c.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.tools}>
        <Button size="small" onClick={download} data-testid={`${props.testId}-csv`}>
          {tr.t('tab.figures.csv', { table: props.caption })}
        </Button>
        {props.tools}
      </div>
    </div>
  );
}

/** Previous / next over a bounded answer, and where in it the page is ("1–25 / 300"). */
export function Paging(props: { tr: Translate; top: number; skip: number; total: number; onSkip(skip: number): void; testId: string }) {
  const { tr, top, skip, total } = props;
  if (total <= top && skip === 0) return null;
  return (
    <>
      <Button size="small" disabled={skip === 0} onClick={() => props.onSkip(Math.max(0, skip - top))} data-testid={`${props.testId}-previous`}>
        {tr.t('tab.figures.previous')}
      </Button>
      <Button size="small" disabled={skip + top >= total} onClick={() => props.onSkip(skip + top)} data-testid={`${props.testId}-next`}>
        {tr.t('tab.figures.next')}
      </Button>
      <Text size={200} aria-live="polite">
        {tr.t('tab.figures.paging', { first: total === 0 ? 0 : skip + 1, last: Math.min(total, skip + top), total })}
      </Text>
    </>
  );
}
