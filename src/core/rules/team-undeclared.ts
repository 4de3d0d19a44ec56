import type { Rule } from './rule';
import { hasSchemaProblemUnder } from './helpers';

export const teamUndeclared: Rule = {
  id: 'team-undeclared',
  defaultSeverity: 'warning',
  description: 'A milestone\'s `team` is not one of the brief\'s `teams`.',
  crossFile: false,
  check({ brief, report }) {
    // With a malformed `teams` list we cannot tell which teams exist; `schema` reports that.
    if (hasSchemaProblemUnder(brief, ['teams'])) return;
    const teams = new Set(brief.teams.flatMap((team) => (team.id ? [team.id.value] : [])));
    for (const milestone of brief.milestones) {
      const team = milestone.team;
      if (!team || teams.has(team.value)) continue;
      const name = milestone.id ? `Milestone \`${milestone.id.value}\`` : 'This milestone';
      const known = teams.size > 0 ? `one of ${[...teams].join(', ')}` : 'a team declared under `teams`';
      report({ range: team.range, message: `${name} names team \`${team.value}\`, which is not in \`teams\`; expected ${known}`, data: { team: team.value } });
    }
  },
};
