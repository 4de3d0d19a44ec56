// The Restricted Mode UI check (the harness's --playwright with --restricted): the workbench
// says it is in Restricted Mode, then the same DOM checks as the trusted run
// (test/vscode/ui/safety.check.mjs): no link, image or request from workspace text.
import safetyCheck from '../ui/safety.check.mjs';
import { waitForWorkbench } from '../ui/workbench.mjs';

export default async (context) => {
  const { page } = context;
  await waitForWorkbench(page);
  await page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await safetyCheck(context);
};
