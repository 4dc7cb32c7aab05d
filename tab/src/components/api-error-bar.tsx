import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { TabApiError } from '../api/api-client';
import type { Translate } from '../i18n/translate';

/**
 * An API refusal, readably: the server's message (already in the user's language) and each named field's message.
 * role="alert" so a screen reader says it when it appears.
 */
export function ApiErrorBar({ error, tr }: { error: unknown; tr: Translate }) {
  const known = error instanceof TabApiError ? error : undefined;
  const message = known?.message ?? tr.t('tab.error.network');
  return (
    <MessageBar intent={known?.code === 'conflict' ? 'warning' : 'error'} role="alert" data-testid="api-error">
      <MessageBarBody>
        <MessageBarTitle>{tr.t('tab.error.title')}</MessageBarTitle>
        {message}
        {known && known.fields.length > 0 && (
          <ul>
            {known.fields.map((f) => (
              <li key={f.field}>{f.message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
