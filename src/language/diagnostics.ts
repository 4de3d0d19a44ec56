/**
 * Core diagnostics as LSP diagnostics: the one conversion every LSP client sees (the language
 * server publishes these). Pure: core ranges are already 0-based line/character, as LSP's.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { type Diagnostic, ruleDocsUrl, type Severity } from '../core';

export const DIAGNOSTIC_SOURCE = 'program-briefs';

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'info': return DiagnosticSeverity.Information;
  }
}

/**
 * `code` is the rule id and `codeDescription` its documentation page; `data` carries what quick
 * fixes need (the core's own `data`, with the rule), so a code action request can be answered
 * from the diagnostic the client sends back.
 */
export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: toLspSeverity(diagnostic.severity),
    code: diagnostic.rule,
    codeDescription: { href: ruleDocsUrl(diagnostic.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related && {
      relatedInformation: diagnostic.related.map((related) => ({
        location: { uri: related.uri, range: related.range },
        message: related.message,
      })),
    }),
    ...(diagnostic.data && { data: { rule: diagnostic.rule, ...diagnostic.data } }),
  };
}
