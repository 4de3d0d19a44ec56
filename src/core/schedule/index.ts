/** The schedule (docs/schedule.md): nodes and edges, forecasts, slack, drivers, slip impact. */
export { dateOfDay, dayNumber } from './days';
export { buildSchedule, buildScheduleGraph, type BuiltSchedule } from './build';
export { type ScheduleGraph, type ScheduleNode, type ScheduleNodeKind } from './nodes';
export {
  computeSchedule, drivingChain, nodeForecast, nodeSlack, nodesOnCycles, planSchedule, remainingCriticalPath, topologicalOrder,
  type NodeSchedule, type PlanForecast, type PlannedOverrides, type SchedulePlan, type ScheduleResult,
} from './forecast';
export { planWorkspace, scheduleWorkspace, WorkspaceSchedule, type WorkspacePlan } from './plan';
export { ImpactError, slipImpact, type Impact, type ImpactChange } from './impact';
export { ScheduleIndex, type ScheduleUpdate } from './scheduleIndex';
export {
  impactJson, jsonDay, reportedNodes, scheduleJson, scheduleJsonNode,
  type ImpactJson, type ImpactJsonChange, type ImpactView, type ScheduleJson, type ScheduleJsonNode, type ScheduleView,
} from './json';
export { impactMarkdown, type ImpactMarkdownOptions } from './impactMarkdown';
export { keepScheduleIncremental, scheduleAffectedUris, scheduleOf, workspaceSchedule, type ScheduleFacts, type SharedSchedule } from './workspaceSchedule';
