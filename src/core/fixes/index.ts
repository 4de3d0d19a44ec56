/** Quick-fix edits, computed from text alone: the extension applies them, the tests check them. */
export { applyEdits, applyFix, guardsHold, type Fix, type Guard, type TextEdit } from './edits';
export { setOwnerFix } from './owner';
export { addDependencyFix } from './dependsOn';
export { addTeamFix } from './teams';
export { addMilestoneFix } from './milestones';
export { replaceValueFix } from './replaceValue';
export { setStatusFix } from './status';
export { disableForFileFix, disableForLineFix } from './suppress';
export { briefText, humanize, type BriefTemplate } from './template';
export { knownHandles } from './handles';
