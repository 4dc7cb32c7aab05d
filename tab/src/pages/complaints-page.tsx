import { makeStyles, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { complaintBoardSchema } from '../../../src/api/schemas/complaints';
import { useLoad } from '../api/use-api';
import { ApiErrorBar } from '../components/api-error-bar';
import type { Route } from '../route';
import { useTab } from '../tab-context';
import { ComplaintBoardView } from './complaints/complaint-board';
import { ComplaintDetailView } from './complaints/complaint-detail';
import { ComplaintFilterBar, type ComplaintFilters } from './complaints/complaint-filters';
import { ComplaintSummaryView } from './complaints/complaint-summary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  board: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

/** "Show all in this step": the column alone, as many as the API gives in one page. */
const ALL_IN_STEP = 100;

/**
 * Reklamaatiot / Complaints (issue 13): the board by step with the next step and its target date, filters, one
 * complaint at `#/complaints/<id>`, and the quality manager's per-home summary. The filters live here, so going to a
 * complaint and back keeps them.
 */
export function ComplaintsPage({ route }: { route: Route }) {
  const { api, tr } = useTab();
  const styles = useStyles();
  const [filters, setFilters] = useState<ComplaintFilters>({});
  const complaintId = route.rest[0];
  const board = useLoad(() => api.get(complaintBoardSchema, '/complaints', { ...filters }), [api, filters.careHomeId, filters.status, filters.severity, filters.limit]);
  return (
    <div className={styles.root}>
      <Title2 as="h1">{tr.t('tab.complaints.title')}</Title2>
      {complaintId ? (
        <ComplaintDetailView complaintId={complaintId} />
      ) : (
        <>
          <Text>{tr.t('tab.complaints.intro')}</Text>
          <section aria-labelledby="complaint-board" className={styles.board} data-testid="complaint-board">
            <h2 id="complaint-board" className={styles.heading}>{tr.t('tab.complaints.board')}</h2>
            <ComplaintFilterBar tr={tr} value={filters} onChange={setFilters} />
            {board.error !== undefined && <ApiErrorBar error={board.error} tr={tr} />}
            {!board.value ? (
              board.loading && <Spinner label={tr.t('tab.loading')} />
            ) : (
              <>
                <Text as="p" role="status" data-testid="board-total">
                  {tr.tn('tab.complaints.total', board.value.total)}
                </Text>
                <ComplaintBoardView tr={tr} board={board.value} onShowAll={(status) => setFilters({ ...filters, status, limit: ALL_IN_STEP })} />
              </>
            )}
          </section>
          <ComplaintSummaryView />
        </>
      )}
    </div>
  );
}
