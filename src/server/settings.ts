/**
 * The client's `programBriefs.*` settings (what `workspace/configuration` returns for that
 * section), as a layer over briefs.config.json: the same keys, validated by the same schema as
 * the file, so a setting can never be something the file could not say. Unset (null, empty)
 * settings do not override. A value that fails validation is dropped as a whole, with the
 * defaults kept, rather than half-applied.
 */
import { ConfigError, type ConfigOverrides, DEFAULT_MAX_FILE_SIZE_KB, RULE_IDS, validateConfig } from '../core';
import type { FolderSettings } from './folderIndex';

const KEYS = ['include', 'exclude', 'rules', 'people', 'today'] as const;

export function readSettings(value: unknown): FolderSettings & { problem?: string } {
  const settings = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const layer: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (!Object.prototype.hasOwnProperty.call(settings, key)) continue;
    const setting = settings[key];
    if (setting === null || setting === undefined || setting === '') continue;
    if (typeof setting === 'object' && !Array.isArray(setting) && Object.keys(setting).length === 0) continue;
    layer[key] = setting;
  }
  const size = settings.maxFileSizeKB;
  const maxFileSizeKB = typeof size === 'number' && Number.isFinite(size) && size >= 1 ? Math.floor(size) : DEFAULT_MAX_FILE_SIZE_KB;
  // An editor setting, not a config key: only `false` turns the lenses off.
  const codeLens = settings.codeLens !== false;
  try {
    const overrides: ConfigOverrides = validateConfig(layer, 'settings', RULE_IDS);
    return { overrides, maxFileSizeKB, codeLens };
  } catch (error) {
    return { overrides: {}, maxFileSizeKB, codeLens, problem: error instanceof ConfigError ? error.message : String(error) };
  }
}
