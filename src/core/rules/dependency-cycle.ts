import type { Rule } from './rule';

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  defaultSeverity: 'error',
  description: '`depends_on` edges (program or milestone level) form a cycle.',
  crossFile: true,
  check({ brief, workspace, report }) {
    workspace.cycles().forEach((cycle, edge) => {
      if (edge.uri !== brief.uri) return;
      const spelled = [...cycle.path, cycle.path[0]].map((id) => `\`${id}\``).join(' → ');
      report({
        range: edge.range,
        message: `Dependency cycle: ${spelled}; expected \`depends_on\` edges that never lead back to \`${edge.from}\``,
        related: cycle.edges.slice(1).map((other) => ({ uri: other.uri, range: other.range, message: `\`${other.from}\` depends on \`${other.to}\` here` })),
      });
    });
  },
};
