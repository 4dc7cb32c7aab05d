import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { placesSchema, type ApiPlace } from '../../../../src/api/schemas/places';
import type { TabApiError } from '../../api/api-client';
import { useLoad } from '../../api/use-api';
import { ApiErrorBar } from '../../components/api-error-bar';
import { useTab } from '../../tab-context';
import { actionsFor, type PlaceAction } from './place-actions';
import { PlaceChangeDialog } from './place-change-dialog';

const useStyles = makeStyles({
  section: { marginBlockStart: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * A home's places (GET /places?careHomeId): label, service type, status on today, free from, days free (seed
 * 002: "how long a place stays free"), the reservation, and the status changes the person may make here.
 * After a change (or a 409) the places and the board are read again.
 */
export function HomePlaces(props: { careHomeId: string; today: string; onClose(): void; onChanged(): void }) {
  const { api, tr } = useTab();
  const styles = useStyles();
  const places = useLoad(() => api.get(placesSchema, '/places', { careHomeId: props.careHomeId }), [api, props.careHomeId]);
  const [open, setOpen] = useState<{ place: ApiPlace; action: PlaceAction } | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [conflict, setConflict] = useState<TabApiError | undefined>();

  const changed = (message: string | undefined, error?: TabApiError) => {
    setOpen(undefined);
    setDone(message);
    setConflict(error);
    places.reload();
    props.onChanged();
  };
  const view = places.value;
  // Opened from a row's button below the fold: the heading takes the focus, so keyboard and screen reader users land here.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.section} aria-labelledby="home-places-title" data-testid="home-places">
      <div className={styles.head}>
        {/* Text, as Title3 (size 500, semibold), because a preset takes no ref. */}
        <Text as="h2" size={500} weight="semibold" id="home-places-title" ref={heading} tabIndex={-1}>
          {tr.t('tab.occupancy.places.title', { home: view?.careHomeName ?? '…' })}
        </Text>
        <Button appearance="subtle" onClick={props.onClose}>
          {tr.t('tab.close')}
        </Button>
      </div>
      {places.error !== undefined && <ApiErrorBar error={places.error} tr={tr} />}
      {conflict && <ApiErrorBar error={conflict} tr={tr} />}
      {done && (
        <MessageBar intent="success" role="status" data-testid="place-changed">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {places.loading && !view && <Spinner label={tr.t('tab.loading')} />}
      {view && !view.may.record && !view.may.reserve && !view.may.settle && <Text>{tr.t('tab.occupancy.places.readOnly')}</Text>}
      {view && view.places.length === 0 && <Text>{tr.t('tab.occupancy.places.none')}</Text>}
      {view && view.places.length > 0 && (
        <Table aria-label={tr.t('tab.occupancy.places.label')} data-testid="places-table">
          <TableHeader>
            <TableRow>
              {(['label', 'serviceType', 'status', 'freeFrom', 'daysFree', 'reservation', 'actions'] as const).map((c) => (
                <TableHeaderCell key={c}>{tr.t(`tab.occupancy.places.col.${c}`)}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.places.map((p) => (
              <TableRow key={p.id} data-testid="place-row" data-label={p.label}>
                <TableCell>{p.label}</TableCell>
                <TableCell>{tr.t(`serviceType.${p.serviceType}`)}</TableCell>
                <TableCell data-testid="place-status">{tr.t(`status.${p.effectiveStatus}`)}</TableCell>
                <TableCell>{p.freeFrom && p.effectiveStatus !== 'kaytossa' ? tr.date(p.freeFrom) : ''}</TableCell>
                <TableCell>{p.daysFree !== undefined ? tr.tn('tab.occupancy.daysFree', p.daysFree) : ''}</TableCell>
                <TableCell>{reservationText(p)}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    {actionsFor(p, view.may).map((action) => (
                      <Button
                        key={action}
                        size="small"
                        data-testid={`action-${action}`}
                        aria-label={tr.t('tab.occupancy.actionOn', { action: tr.t(`tab.occupancy.action.${action}`), label: p.label })}
                        onClick={() => {
                          setDone(undefined);
                          setConflict(undefined);
                          setOpen({ place: p, action });
                        }}
                      >
                        {tr.t(`tab.occupancy.action.${action}`)}
                      </Button>
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open && (
        <PlaceChangeDialog
          place={open.place}
          action={open.action}
          today={props.today}
          onClose={() => setOpen(undefined)}
          onChanged={(p) => changed(tr.t('tab.occupancy.changed', { label: p.label, status: tr.t(`status.${p.effectiveStatus}`) }))}
          onConflict={(error) => changed(undefined, error)}
        />
      )}
    </section>
  );

  function reservationText(p: ApiPlace): string {
    if (!p.reservedForName) return '';
    if (p.effectiveStatus === 'kaytossa') return tr.t('tab.occupancy.soldTo', { customer: p.reservedForName });
    if (p.effectiveStatus !== 'alustavasti-varattu') return '';
    return tr.t('tab.occupancy.reservedFor', { customer: p.reservedForName, by: p.reservedBy?.name ?? '?', at: p.reservedAt ? tr.dateTime(p.reservedAt) : '?' });
  }
}
