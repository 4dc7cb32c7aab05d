import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { placeChangedSchema, type ApiPlace, type PlaceChange } from '../../../../src/api/schemas/places';
import { addDays } from '../../../../src/domain/dates';
import { TabApiError } from '../../api/api-client';
import { ApiErrorBar } from '../../components/api-error-bar';
import { useTab } from '../../tab-context';
import { CustomerPicker } from './customer-picker';
import type { PlaceAction } from './place-actions';

/**
 * One status change of a place, as the bot's card makes it: a date for freeing / free, a customer to reserve
 * for, a confirmation to sell or release (the card's "Merkitäänkö paikka … myydyksi?"). PATCH /places/{id} with
 * the version shown and a new requestId. A refusal (400, 403) stays in the dialog with what was typed; a 409
 * (someone was first) closes it so the page shows who and reloads.
 */
export function PlaceChangeDialog(props: { place: ApiPlace; action: PlaceAction; today: string; onClose(): void; onChanged(place: ApiPlace): void; onConflict(error: TabApiError): void }) {
  const { api, tr } = useTab();
  const { place, action } = props;
  const [freeFrom, setFreeFrom] = useState(() =>
    action === 'free' ? props.today : place.effectiveStatus === 'vapautuu' && place.freeFrom && place.freeFrom > props.today ? place.freeFrom : addDays(props.today, 14),
  );
  const [customerId, setCustomerId] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState(false);

  const change = (): PlaceChange | undefined => {
    const common = { requestId: crypto.randomUUID(), version: place.version };
    if (action === 'freeing' || action === 'free') return { ...common, change: action, freeFrom };
    if (action === 'reserve') return customerId ? { ...common, change: 'reserve', customerId } : undefined;
    return { ...common, change: action };
  };

  const submit = async () => {
    setAsked(true);
    const body = change();
    if (!body) return;
    setBusy(true);
    setError(undefined);
    try {
      const { place: changed } = await api.send(placeChangedSchema, 'PATCH', `/places/${place.id}`, body);
      props.onChanged(changed);
    } catch (e) {
      if (e instanceof TabApiError && e.status === 409) props.onConflict(e);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const customer = place.reservedForName ?? '?';
  const fieldMessage = (field: string) => (error instanceof TabApiError ? error.fields.find((f) => f.field === field)?.message : undefined);
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, data) => !data.open && props.onClose()}>
      <DialogSurface data-testid="place-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{tr.t(`tab.occupancy.dialog.${action}`, { label: place.label })}</DialogTitle>
            <DialogContent>
              {error !== undefined && <ApiErrorBar error={error} tr={tr} />}
              {(action === 'freeing' || action === 'free') && (
                <Field label={tr.t('tab.occupancy.dialog.freeFrom')} hint={tr.t('tab.occupancy.dialog.freeHint')} validationMessage={fieldMessage('freeFrom')} required>
                  <Input type="date" data-testid="free-from" value={freeFrom} onChange={(_e, d) => setFreeFrom(d.value)} />
                </Field>
              )}
              {action === 'reserve' && <CustomerPicker onChoose={setCustomerId} validation={asked && !customerId ? tr.t('tab.occupancy.dialog.chooseCustomer') : fieldMessage('customerId')} />}
              {action === 'sell' && <Text>{tr.t('view.place.confirmSell', { label: place.label, customer })}</Text>}
              {action === 'release' && <Text>{tr.t('view.place.confirmRelease', { label: place.label, customer })}</Text>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy} data-testid="place-dialog-submit">
                {action === 'sell' ? tr.t('view.place.yesSell') : action === 'release' ? tr.t('view.place.yesRelease') : tr.t('tab.save')}
              </Button>
              <Button appearance="secondary" type="button" onClick={props.onClose}>
                {tr.t('tab.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
