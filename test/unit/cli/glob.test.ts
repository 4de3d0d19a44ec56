import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/workspace/config';
import { createDirectoryFilter, createFileFilter, normalizeRelativePath } from '../../../src/core/workspace/glob';

describe('glob: include/exclude', () => {
  it('takes every .md file by default, except under node_modules and hidden folders', () => {
    const filter = createFileFilter(DEFAULT_CONFIG);
    assert.equal(filter('a.md'), true);
    assert.equal(filter('programs/team/a.md'), true);
    assert.equal(filter('programs/a.txt'), false);
    assert.equal(filter('node_modules/pkg/a.md'), false);
    assert.equal(filter('x/node_modules/pkg/a.md'), false);
    assert.equal(filter('.github/a.md'), false);
  });

  it('applies exclude after include, and reads `\\` and `./` as written by hand', () => {
    const filter = createFileFilter({ include: ['programs/**/*.md', '.github/**/*.md'], exclude: ['**/drafts/**'] });
    assert.equal(filter('programs/a.md'), true);
    assert.equal(filter('./programs/x/a.md'), true);
    assert.equal(filter('programs\\x\\a.md'), true);
    assert.equal(filter('programs/drafts/a.md'), false);
    assert.equal(filter('docs/a.md'), false);
    assert.equal(filter('.github/briefs/a.md'), true);
  });

  it('matches nothing with an empty include list, excludes nothing with an empty exclude list', () => {
    assert.equal(createFileFilter({ include: [], exclude: [] })('a.md'), false);
    assert.equal(createFileFilter({ include: ['**/*.md'], exclude: [] })('node_modules/a.md'), true);
  });

  it('prunes directories an exclude pattern matches', () => {
    const enter = createDirectoryFilter({ exclude: ['**/node_modules/**', 'archive/**'] });
    assert.equal(enter('programs'), true);
    assert.equal(enter('node_modules'), false);
    assert.equal(enter('a/node_modules'), false);
    assert.equal(enter('archive'), false);
    assert.equal(enter('programs/archive'), true);
  });

  it('normalizes relative paths', () => {
    assert.equal(normalizeRelativePath('./a/./b//c.md'), 'a/b/c.md');
    assert.equal(normalizeRelativePath('a\\b.md'), 'a/b.md');
  });
});
