import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiErrorBar } from '../../components/api-error-bar';
import { useTab } from '../../tab-context';
import type { Submit } from './form-state';
import { useFormStyles } from './section';

/**
 * One of the customer page's edit forms: the browser's own validation off (the API's messages are the ones shown,
 * under each field), Enter or Tallenna saves (disabled while saving), Peru closes it, and a refusal shows on top
 * while the typed values stay.
 */
export function EditForm({ label, testId, submit, onSave, onCancel, children }: { label: string; testId?: string; submit: Submit; onSave(): Promise<void>; onCancel(): void; children: ReactNode }) {
  const { tr } = useTab();
  const styles = useFormStyles();
  return (
    <form
      className={styles.form}
      aria-label={label}
      {...(testId ? { 'data-testid': testId } : {})}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      {submit.error !== undefined && (
        <div className={styles.wide}>
          <ApiErrorBar error={submit.error} tr={tr} />
        </div>
      )}
      {children}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={submit.busy}>
          {tr.t('tab.save')}
        </Button>
        <Button onClick={onCancel}>{tr.t('tab.cancel')}</Button>
      </div>
    </form>
  );
}
