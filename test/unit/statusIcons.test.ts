/** The Programs view's status icons (src/extension/views/statusIcons.ts): one codicon per display status. */
import * as assert from 'node:assert/strict';
import { DISPLAY_STATUSES } from '../../src/core/model/status';
import { STATUS_ICONS } from '../../src/extension/views/statusIcons';

describe('Programs view: status icons', () => {
  it('every display status has an icon of its own (the shape tells them apart, not only the colour)', () => {
    const icons = DISPLAY_STATUSES.map((status) => STATUS_ICONS[status].icon);
    assert.equal(new Set(icons).size, DISPLAY_STATUSES.length, icons.join(' '));
  });

  it('Overdue and At risk have different icons (they were both `warning`, told apart by colour only)', () => {
    assert.notEqual(STATUS_ICONS.overdue.icon, STATUS_ICONS['at-risk'].icon);
    assert.notEqual(STATUS_ICONS['off-track'].icon, STATUS_ICONS.blocked.icon);
  });
});
