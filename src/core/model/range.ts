/** 0-based positions and ranges, as in LSP and VS Code. `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

/**
 * Read-only: a model's ranges are compact (see `range`), so `start` and `end` are built when read
 * and writing to them would change nothing. Make a new range instead.
 */
export interface Range {
  readonly start: Readonly<Position>;
  readonly end: Readonly<Position>;
}

/**
 * A value read from a brief, with the place it was written. Read-only: a model's are compact (see
 * `located`), their `range` made when read.
 */
export interface Located<T> {
  readonly value: T;
  readonly range: Range;
}

/**
 * A model's ranges are compact (docs/benchmark.md, "Memory per brief"): a brief holds a few hundred,
 * and a range of two position objects is three objects. `start` and `end` are made when read;
 * `toJSON` gives the plain LSP shape, so a range sent over JSON-RPC, written to a cache or printed
 * is the usual one.
 *
 * Most ranges fit `PackedRange`: each end as one small integer, `line * 2^16 + character`, for
 * lines below 2^15 and characters below 2^16 (so the integer stays a V8 small integer, stored in
 * the object itself). Any other range is a `CompactRange` of four numbers.
 */
const PACKED_LINES = 1 << 15;
const PACKED_CHARACTERS = 1 << 16;

class PackedRange implements Range {
  constructor(readonly packedStart: number, readonly packedEnd: number) {}

  get start(): Position {
    return { line: this.packedStart >>> 16, character: this.packedStart & 0xffff };
  }

  get end(): Position {
    return { line: this.packedEnd >>> 16, character: this.packedEnd & 0xffff };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

class CompactRange implements Range {
  constructor(
    private readonly startLine: number,
    private readonly startCharacter: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}

  get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }

  get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/**
 * A located value whose range packs (as `PackedRange`), in one object: a brief holds about eighty
 * located values, and a value with a range object of its own is two objects (80 bytes) where this
 * is one (32). The range is made when read.
 */
class PackedLocated<T> implements Located<T> {
  constructor(readonly value: T, private readonly packedStart: number, private readonly packedEnd: number) {}

  get range(): Range {
    return new PackedRange(this.packedStart, this.packedEnd);
  }

  toJSON(): { value: T; range: Range } {
    return { value: this.value, range: this.range };
  }
}

/** A value and where it was written, as the model keeps them (in one object when the range packs). */
export function located<T>(value: T, where: Range): Located<T> {
  return where instanceof PackedRange ? new PackedLocated(value, where.packedStart, where.packedEnd) : { value, range: where };
}

function packs(line: number, character: number): boolean {
  return line >= 0 && line < PACKED_LINES && character >= 0 && character < PACKED_CHARACTERS && Number.isInteger(line) && Number.isInteger(character);
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return packs(startLine, startChar) && packs(endLine, endChar)
    ? new PackedRange(startLine * PACKED_CHARACTERS + startChar, endLine * PACKED_CHARACTERS + endChar)
    : new CompactRange(startLine, startChar, endLine, endChar);
}

/**
 * The same located value in one object when it is a plain `{ value, range }` with a packed range
 * (else undefined: keep it as it is); the parser makes most of them so already (`located`).
 */
export function packedLocated(value: object): Located<unknown> | undefined {
  const plain = value as Located<unknown>;
  // The cheap test first: this runs for every object of every kept brief (and a `PackedLocated`,
  // which is not a plain object, makes a range each time its `range` is read).
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  if (!(plain.range instanceof PackedRange) || (typeof plain.value === 'object' && plain.value !== null)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 2 || keys[0] !== 'value' || keys[1] !== 'range') return undefined;
  return located(plain.value, plain.range);
}

/** Whether a value is one of the model's compact ranges (which hold numbers only). */
export function isCompactRange(value: object): boolean {
  return value instanceof PackedRange || value instanceof CompactRange;
}

/** A range from two positions (kept compact, as `range` makes them). */
export function rangeFrom(start: Readonly<Position>, end: Readonly<Position>): Range {
  return range(start.line, start.character, end.line, end.character);
}

/** The same range as a plain object, `{ start: { line, character }, end: { line, character } }`. */
export function plainRange(value: Range): { start: Position; end: Position } {
  return { start: { line: value.start.line, character: value.start.character }, end: { line: value.end.line, character: value.end.character } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Converts string offsets to positions for one text; built once per parse. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 /* \n */) starts.push(i + 1);
      else if (code === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break (between `\r` and `\n`) is the end of the line.
    return { line: low, character: Math.min(clamped, this.lineEndOffset(low)) - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lineStarts.length - 1));
    return Math.min(this.lineStarts[line] + position.character, this.lineEndOffset(line));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return rangeFrom(this.positionAt(startOffset), this.positionAt(endOffset));
  }

  lineStartOffset(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStartOffset(line), this.lineEndOffset(line));
  }

  /** The whole of one line, without its line break and trailing blanks. */
  lineRange(line: number): Range {
    const text = this.lineText(line);
    const trimmedEnd = text.trimEnd().length;
    const firstNonBlank = text.length - text.trimStart().length;
    const startChar = firstNonBlank < trimmedEnd ? firstNonBlank : 0;
    return range(line, startChar, line, Math.max(startChar, trimmedEnd));
  }
}
