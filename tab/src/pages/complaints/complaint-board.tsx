import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ComplaintBoard } from '../../../../src/api/schemas/complaints';
import type { Translate } from '../../i18n/translate';
import { ComplaintCard } from './complaint-card';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(230px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * The board: one column per step in the lifecycle's order, its header the true count (from the API's aggregate),
 * its cards the first page of that step, nearest target date first.
 */
export function ComplaintBoardView(props: { tr: Translate; board: ComplaintBoard; onShowAll(status: ComplaintBoard['columns'][number]['status']): void }) {
  const { tr, board } = props;
  const styles = useStyles();
  return (
    <div className={styles.columns}>
      {board.columns.map((column) => (
        <section key={column.status} className={styles.column} aria-labelledby={`column-${column.status}`} data-testid={`column-${column.status}`}>
          <h3 id={`column-${column.status}`} className={styles.heading}>
            {tr.t('tab.complaints.column', { status: tr.t(`complaint.status.${column.status}`), count: column.count })}
          </h3>
          {column.complaints.length === 0 ? (
            <Text>{tr.t('tab.complaints.column.empty')}</Text>
          ) : (
            <ul className={styles.list}>
              {column.complaints.map((complaint) => (
                <li key={complaint.id}>
                  <ComplaintCard tr={tr} complaint={complaint} />
                </li>
              ))}
            </ul>
          )}
          {column.complaints.length < column.count && (
            <>
              <Text size={200}>{tr.t('tab.complaints.column.partial', { shown: column.complaints.length, count: column.count })}</Text>
              <Button appearance="secondary" onClick={() => props.onShowAll(column.status)}>
                {tr.t('tab.complaints.column.more')}
              </Button>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
