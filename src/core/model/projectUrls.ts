/** Where the project and its rules' documentation live: SARIF `helpUri`, LSP `codeDescription`. */
export const PROJECT_URL = 'https://github.com/program-briefs/program-briefs';
export const RULE_DOCS_URL = `${PROJECT_URL}/blob/main/docs/rules/`;

/** The documentation page of a rule. */
export function ruleDocsUrl(rule: string): string {
  return `${RULE_DOCS_URL}${rule}.md`;
}
