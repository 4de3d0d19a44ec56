/**
 * The language server keeps no text of a brief the editor does not have open (docs/language-server.md,
 * "Memory"): at 10,000 briefs the texts were 4 KB a brief, and the model's strings sliced from
 * them kept them alive. Such a brief is a `DiskBrief`: the parsed model, its strings copies of
 * their own, and, instead of the text, a hash of it. A feature that reads its `text` (a quick
 * fix, the Checklist view's items, `programBriefs/file`) gets the file read again from disk, under
 * the folder's policy, and only when the hash says it is still the text the model was parsed from.
 *
 * When it is not (the file changed on disk, or went, and the watcher has not said so yet), the
 * feature gets what the disk holds now ('' for a file that cannot be read) and the index is told
 * (`onStale`), which reads the file again and publishes, as a watcher event would.
 *
 * The last texts read are kept (a few, validated by the hash, so always the parsed text): one
 * request reads a brief's text once per item it lists.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Brief, compactModel, withoutBom } from '../core';
import type { FolderFileRead } from '../host/workspaceFiles';

/** How many texts read from disk are kept for the next feature that asks. */
const RECENT_TEXTS = 16;

/** Reads a file of the workspace under its folder's policy (synchronously): FolderIndex's. */
export type ReadFile = (uri: string) => FolderFileRead;

export class DiskTexts {
  private readonly recent = new Map<Brief, string>();
  /** Told when a brief's file no longer holds the text it was parsed from. */
  onStale: (uri: string) => void = () => undefined;

  constructor(private readonly readFile: ReadFile) {}

  /** The brief without its text: what the index keeps of a file read from disk. */
  keep(brief: Brief): Brief {
    const { text, ...rest } = brief;
    // Items under one heading each have a copy of it: one is enough (0.8 KB per brief).
    const headings = new Map<string, NonNullable<Brief['checklist'][number]['heading']>>();
    for (const item of rest.checklist) {
      if (!item.heading) continue;
      const key = `${item.heading.line}:${item.heading.text}`;
      const known = headings.get(key);
      if (known) item.heading = known;
      else headings.set(key, item.heading);
    }
    // Object.assign keeps the fields' order, so every kept brief shares one shape.
    return Object.assign(new DiskBrief(hashOf(text), this), compactModel(rest)) as unknown as Brief;
  }

  /** Whether `text` (as an editor or the disk gives it, BOM or not) is the text a brief was parsed from. */
  static sameText(brief: Brief, text: string): boolean {
    if (brief instanceof DiskBrief) return brief.parsedFrom(hashOf(withoutBom(text)));
    return brief.text === text || brief.text === withoutBom(text);
  }

  /** Whether the index holds this brief without its text. */
  static isKept(brief: Brief): boolean {
    return brief instanceof DiskBrief;
  }

  /** The text of a kept brief: see the top of this file. */
  textOf(brief: DiskBrief): string {
    const known = this.recent.get(brief as unknown as Brief);
    if (known !== undefined) {
      this.recent.delete(brief as unknown as Brief);
      this.recent.set(brief as unknown as Brief, known);
      return known;
    }
    const uri = (brief as unknown as Brief).uri;
    const read = this.readFile(uri);
    const text = read.kind === 'text' ? withoutBom(read.text) : '';
    if (read.kind === 'text' && brief.parsedFrom(hashOf(text))) {
      this.recent.set(brief as unknown as Brief, text);
      if (this.recent.size > RECENT_TEXTS) this.recent.delete(this.recent.keys().next().value as Brief);
    } else {
      this.onStale(uri);
    }
    return text;
  }

  /** Forgets the texts kept (a brief changed, or left). */
  forget(brief: Brief): void {
    this.recent.delete(brief);
  }
}

/** A brief kept without its text; `text` reads the file again (DiskTexts.textOf). */
class DiskBrief {
  // Private: a brief's own fields are the model's alone (nothing else shows in its keys).
  readonly #hash: string;
  readonly #texts: DiskTexts;

  constructor(hash: string, texts: DiskTexts) {
    this.#hash = hash;
    this.#texts = texts;
  }

  /** Whether the text of this hash is the one the model was parsed from. */
  parsedFrom(hash: string): boolean {
    return this.#hash === hash;
  }

  get text(): string {
    return this.#texts.textOf(this);
  }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** The path of a file uri, or undefined (another scheme). */
export function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}
