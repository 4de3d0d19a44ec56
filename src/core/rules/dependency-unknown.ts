import type { Brief, DependencyEntry, Milestone } from '../model/model';
import { milestoneWithId } from './helpers';
import type { Rule, RuleContext } from './rule';

export const dependencyUnknown: Rule = {
  id: 'dependency-unknown',
  defaultSeverity: 'error',
  description: 'A `depends_on` entry names a program or milestone that no brief in the workspace defines.',
  crossFile: true,
  check(context) {
    // Every `depends_on` entry, top-level first (the order of `dependencyEntries`), without its allocations.
    for (const entry of context.brief.dependsOn) checkEntry(context, entry, undefined);
    for (const milestone of context.brief.milestones) for (const entry of milestone.dependsOn) checkEntry(context, entry, milestone);
  },
};

function checkEntry({ workspace, report }: RuleContext, entry: DependencyEntry, from: Milestone | undefined): void {
  if (!entry.program) return;
  const target = workspace.program(entry.program);
  if (target && (entry.milestone === undefined || hasMilestone(target, entry.milestone))) return;
  const where = from?.id ? `Milestone \`${from.id.value}\` depends on` : '`depends_on` names';
  if (!target) {
    const bare = from && entry.milestone === undefined ? ' (no milestone of this brief has that id either)' : '';
    report({
      range: entry.range,
      message: `${where} program \`${entry.program}\`, which no brief in the workspace defines${bare}; expected the id of an existing program`,
      data: { program: entry.program, milestone: entry.milestone },
    });
  } else {
    const ids = target.milestones.flatMap((m) => (m.id ? [m.id.value] : []));
    report({
      range: entry.range,
      message: `${where} \`${entry.program}#${entry.milestone}\`, but program \`${entry.program}\` has no milestone \`${entry.milestone}\`; expected one of: ${ids.join(', ') || '(it has no milestones)'}`,
      related: target.program ? [{ uri: target.uri, range: target.program.range, message: `Program \`${entry.program}\` is defined here` }] : undefined,
      data: { program: entry.program, milestone: entry.milestone },
    });
  }
}

function hasMilestone(brief: Brief, id: string): boolean {
  return milestoneWithId(brief, id) !== undefined;
}
