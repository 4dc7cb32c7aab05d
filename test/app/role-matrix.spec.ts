import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { roleMatrixMarkdown } from '../../src/app/role-matrix.js';

describe('the README\'s role matrix', () => {
  it('is the role table the code decides by', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes(roleMatrixMarkdown()), 'README.md carries roleMatrixMarkdown() verbatim: regenerate it after changing src/app/authorize.ts');
  });
});
