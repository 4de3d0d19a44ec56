#!/usr/bin/env node
// Lists a .vsix (a zip): its size and every file with its size. Reads the zip's central
// directory itself (no unzip needed). Also imported by install.test.mjs for readVsix().
//   node test/package/list-vsix.mjs [file.vsix]   (default: <name>-<version>.vsix at the repo root)
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The file `vsce package` writes by default: <repo>/<name>-<version>.vsix. */
export function defaultVsixPath() {
  const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return path.join(REPO_ROOT, `${name}-${version}.vsix`);
}

/**
 * The entries of a zip file: [{ name, size, compressedSize, method, headerOffset }], from its
 * central directory.
 * Enough for vsce's output (no zip64, no multi-disk); throws on anything else.
 */
export function readZipEntries(buffer) {
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const headerOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size, compressedSize, method, headerOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The content of one entry (stored or deflated, the two methods vsce uses). */
export function readZipEntry(buffer, entry) {
  const at = entry.headerOffset;
  if (buffer.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
}

/** { file, bytes, entries, read(name) } of a .vsix; read() returns an entry's content as text. */
export function readVsix(file = defaultVsixPath()) {
  const buffer = readFileSync(file);
  const entries = readZipEntries(buffer);
  const read = (name) => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${name} is not in ${file}`);
    return readZipEntry(buffer, entry).toString('utf8');
  };
  return { file, bytes: buffer.length, entries, read };
}

export const formatBytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, bytes, entries } = readVsix(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  const width = Math.max(...entries.map((e) => formatBytes(e.size).length));
  console.log(`\n${path.relative(process.cwd(), file) || file}: ${formatBytes(bytes)} (${formatBytes(unpacked)} unpacked, ${entries.length} files)\n`);
  for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    console.log(`  ${formatBytes(e.size).padStart(width)}  ${e.name}`);
  }
}
