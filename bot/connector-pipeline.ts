import type { TurnContext } from 'botbuilder';

/**
 * The connector client of an outbox call, adjusted for the outbox (issue 9):
 *
 * - **No SDK retries.** botbuilder's HTTP pipeline (@azure/core-rest-pipeline) retries 429, 5xx and network
 *   errors by itself, three times, in real time and outside our pacing: a request the SDK repeats is one the
 *   pacer never counted, and a retry still running after our timeout could post a card after a later one.
 *   The outbox is the one retry policy.
 * - **A timeout** on every request, which aborts it (not merely stops waiting), so a hung post ends and the
 *   row is retried in order.
 *
 * botbuilder makes a new ConnectorClient for every proactive turn, so this touches only the outbox's calls;
 * replies within a user's turn keep the SDK's defaults.
 */
interface PipelineRequest {
  abortSignal?: AbortSignal;
}
interface Pipeline {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: { name: string; sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>): Promise<unknown> }): void;
}
interface ConnectorClientLike {
  client?: { pipeline?: Pipeline };
  credentials?: { getToken?(forceRefresh?: boolean): Promise<string>; appId?: string };
}

const timeoutPolicyName = 'hoivacrmRequestTimeout';

function connectorClientOf(context: TurnContext): ConnectorClientLike | undefined {
  const adapter = context.adapter as { ConnectorClientKey?: symbol };
  return adapter.ConnectorClientKey ? (context.turnState.get(adapter.ConnectorClientKey) as ConnectorClientLike | undefined) : undefined;
}

export function prepareOutboxCall(context: TurnContext, timeoutMs: number): void {
  const pipeline = connectorClientOf(context)?.client?.pipeline;
  if (!pipeline) return;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.removePolicy({ name: timeoutPolicyName });
  pipeline.addPolicy({
    name: timeoutPolicyName,
    sendRequest: (request, next) => {
      const timeout = AbortSignal.timeout(timeoutMs);
      request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, timeout]) : timeout;
      return next(request);
    },
  });
}

/**
 * After a 401: botbuilder caches the bot's token (AppCredentials.cache) until shortly before it expires, so a
 * retry would send the same token again. Asking for it with forceRefresh replaces the cached one. Local mode
 * has no credentials (no app id): nothing to refresh.
 */
export async function refreshConnectorToken(context: TurnContext): Promise<void> {
  const credentials = connectorClientOf(context)?.credentials;
  if (!credentials?.appId || !credentials.getToken) return;
  await credentials.getToken(true).catch(() => undefined);
}
