import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** One column of a customer page's table; `false` leaves a column out (one the person may not see or use). */
export interface RecordColumn<R> {
  header: string;
  cell(row: R): ReactNode;
}

/**
 * The customer page's tables (contacts, agreements, places, timeline): a labelled Fluent table with a header row,
 * one row per record, or the section's "none yet" sentence when there are no records.
 */
export function RecordTable<R>(props: {
  label: string;
  empty: string;
  columns: readonly (RecordColumn<R> | false)[];
  rows: readonly R[];
  rowKey(row: R): string;
  rowTestId?(row: R): string;
  testId?: string;
}) {
  if (props.rows.length === 0) return <Text>{props.empty}</Text>;
  const columns = props.columns.filter((c): c is RecordColumn<R> => c !== false);
  return (
    <Table aria-label={props.label} size="small" {...(props.testId ? { 'data-testid': props.testId } : {})}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={props.rowKey(row)} {...(props.rowTestId ? { 'data-testid': props.rowTestId(row) } : {})}>
            {columns.map((c) => (
              <TableCell key={c.header}>{c.cell(row)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
