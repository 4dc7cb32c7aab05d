import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDotEnv } from '../src/env-file.js';

describe('.env (loadDotEnv)', () => {
  const names = ['HOIVACRM_TEST_FROM_FILE', 'HOIVACRM_TEST_SET_BOTH'];
  afterEach(() => names.forEach((n) => delete process.env[n]));

  it('fills unset variables from the file; a variable set in the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'HOIVACRM_TEST_FROM_FILE=tiedostosta\nHOIVACRM_TEST_SET_BOTH=tiedostosta\n');
    process.env.HOIVACRM_TEST_SET_BOTH = 'ympäristöstä';
    assert.equal(loadDotEnv(file), true);
    assert.equal(process.env.HOIVACRM_TEST_FROM_FILE, 'tiedostosta');
    assert.equal(process.env.HOIVACRM_TEST_SET_BOTH, 'ympäristöstä');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a no-op without a file', () => {
    assert.equal(loadDotEnv(join(tmpdir(), 'no-such-dir-hoivacrm', '.env')), false);
  });
});
