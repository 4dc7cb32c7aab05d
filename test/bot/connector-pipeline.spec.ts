import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { prepareOutboxCall, refreshConnectorToken } from '../../bot/connector-pipeline.js';

/** A turn as botbuilder's CloudAdapter hands it to a proactive call: the connector client is in turnState. */
function turnWith(client: unknown): TurnContext {
  const key = Symbol('ConnectorClient');
  return { adapter: { ConnectorClientKey: key }, turnState: new Map([[key, client]]) } as unknown as TurnContext;
}

const policies = (client: ConnectorClient) =>
  (client as unknown as { client: { pipeline: { getOrderedPolicies(): { name: string }[] } } }).client.pipeline.getOrderedPolicies().map((p) => p.name);

describe('the connector client of an outbox call', () => {
  it('has botbuilder\'s own retries removed and a request timeout added (once, however often it is prepared)', () => {
    const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: 'http://127.0.0.1:9' });
    assert.ok(policies(client).includes('defaultRetryPolicy'), 'botbuilder retries by default');
    prepareOutboxCall(turnWith(client), 1_000);
    prepareOutboxCall(turnWith(client), 1_000);
    assert.ok(!policies(client).includes('defaultRetryPolicy'));
    assert.equal(policies(client).filter((name) => name === 'hoivacrmRequestTimeout').length, 1);
  });

  it('after a 401, asks for a fresh token instead of the cached one', async () => {
    const asked: boolean[] = [];
    const credentials = { appId: '3f0b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f', getToken: async (force?: boolean) => (asked.push(force === true), 'token') };
    await refreshConnectorToken(turnWith({ credentials }));
    assert.deepEqual(asked, [true]);
  });

  it('local mode has no app id and no token to refresh', async () => {
    let asked = false;
    await refreshConnectorToken(turnWith({ credentials: { appId: '', getToken: async () => ((asked = true), '') } }));
    assert.equal(asked, false);
  });
});
