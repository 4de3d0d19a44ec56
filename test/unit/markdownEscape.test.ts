/**
 * src/core/render/markdownEscape.ts: workspace text never becomes markup. Checked by rendering with a
 * real CommonMark + GFM parser (remark, the same grammar family as VS Code's `marked`): escaped
 * text parses to one paragraph of plain text equal to the input (whitespace runs as one space),
 * for hostile samples and for seeded random strings; code spans and blocks keep their text
 * verbatim; notification text never matches VS Code's notification link syntax.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { escapeIcons, escapeMarkdown, markdownCodeBlock, markdownCodeSpan, plainNotificationText } from '../../src/core/render/markdownEscape';

const parser = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string) => parser.runSync(parser.parse(markdown)) as Root;

/** Node types anywhere under `node`. */
function types(node: Root | RootContent, into: string[] = []): string[] {
  into.push(node.type);
  if ('children' in node) for (const child of node.children) types(child, into);
  return into;
}

/** What a paragraph renders as text (text and inline code values, in order). */
function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value.replace(/\u2060/g, '');
  if (node.type === 'inlineCode' || node.type === 'code') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** VS Code's notification link syntax (src/vs/base/common/linkedText.ts, 1.100). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

const HOSTILE = [
  '[Click to repair the configuration](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D)',
  '![x](https://evil.example/x.png)',
  '![pwn](https:/evil.example/x.png)/programs/brief.md',
  '<img src=https://evil.example/x.png>',
  '<https://evil.example/>',
  'https://evil.example/x www.evil.example mail@evil.example',
  '[ref]: https://evil.example/\n[ref]',
  '`code` ``more`` *em* _em_ **strong** ~~del~~',
  '# heading\n> quote\n- item\n1. item\n    indented code\n```\nfence\n```',
  'a | b\n--- | ---\nc | d',
  'title\n===',
  '&lt;b&gt; &amp; &#x41; &copy;',
  '\\[escaped\\](command:x) trailing backslash \\',
  '$(alert) $(x~spin)',
  '<!-- comment --> <script>alert(1)</script>',
  '- [ ] task [x](command:y)',
  '[[wikilink]] ^footnote[^1]\n\n[^1]: https://evil.example/',
];

describe('markdownEscape', () => {
  it('escaped hostile text renders as one paragraph of its own text, nothing else', () => {
    for (const sample of HOSTILE) {
      const tree = parse(escapeMarkdown(sample));
      assert.deepEqual([...new Set(types(tree))].sort(), ['paragraph', 'root', 'text'], sample);
      assert.equal(textOf(tree), sample.replace(/\s+/g, ' ').trim(), sample);
    }
  });

  it('escaped text stays plain inside our own markup (bold, after a label)', () => {
    for (const sample of HOSTILE) {
      const tree = parse(`**${escapeMarkdown(sample)}** in ${escapeMarkdown(sample)}`);
      const found = new Set(types(tree));
      for (const bad of ['link', 'image', 'html', 'inlineCode', 'linkReference', 'imageReference', 'definition', 'footnoteReference', 'delete', 'emphasis', 'heading', 'list', 'table', 'code', 'blockquote']) {
        assert.ok(!found.has(bad), `${bad} from ${sample}`);
      }
    }
  });

  it('random text (seeded) escapes to exactly its text, never markup', () => {
    const alphabet = fc.constantFrom(...'[]()!<>`*_\\#|~:/.@&;-+=\n\t x1'.split(''), 'https://', 'www.', 'command:', '$(');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), (sample) => {
        const tree = parse(escapeMarkdown(sample));
        const expected = sample.replace(/\s+/g, ' ').trim();
        if (expected === '') return;
        assert.deepEqual([...new Set(types(tree))].sort(), ['paragraph', 'root', 'text']);
        assert.equal(textOf(tree), expected);
      }),
      { seed: 20260901, numRuns: 2000 },
    );
  });

  it('a code span keeps any text verbatim, backticks included', () => {
    for (const sample of [...HOSTILE.map((s) => s.replace(/\n/g, ' ')), '`', '``a`', 'a`', ' lead and trail ', '```']) {
      const tree = parse(`x ${markdownCodeSpan(sample)} y`);
      const code = types(tree).filter((t) => t === 'inlineCode');
      assert.equal(code.length, 1, sample);
      const paragraph = tree.children[0];
      assert.ok(paragraph.type === 'paragraph');
      const span = paragraph.children.find((c) => c.type === 'inlineCode');
      assert.equal(span && 'value' in span ? span.value : undefined, sample, sample);
    }
    assert.equal(markdownCodeSpan(''), '');
  });

  it('a code block keeps multi-line text verbatim, fences inside included', () => {
    for (const sample of [...HOSTILE, '```\nnot the end\n```', '````']) {
      const tree = parse(`before\n\n${markdownCodeBlock(sample)}\n\nafter ![x](y)`);
      const block = tree.children.find((c) => c.type === 'code');
      assert.equal(block && 'value' in block ? block.value : undefined, sample, sample);
    }
    assert.match(markdownCodeBlock('x', 'ya ml<script>'), /^```yamlscript\n/);
  });

  it('notification text never forms a notification link and shows the same characters', () => {
    for (const sample of [...HOSTILE, '[a](https://x) [b](file:///etc/passwd) [c](command:y "title")', '[x]([y](command:z))']) {
      const neutral = plainNotificationText(`Program Briefs: ${sample}.`);
      assert.equal(neutral.match(NOTIFICATION_LINK), null, neutral);
      assert.equal(neutral.replace(/\u2060/g, ''), `Program Briefs: ${sample}.`.replace(/[\r\n]+/g, ' '));
    }
    const alphabet = fc.constantFrom('[', ']', '(', ')', 'command:', 'https://', 'x', ' ', '"', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (sample) => {
        assert.equal(plainNotificationText(sample).match(NOTIFICATION_LINK), null);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('icon syntax is shown literally', () => {
    assert.equal(escapeIcons('$(alert) costs $5 (not $(x'), '\\$(alert) costs $5 (not \\$(x');
  });

  it('linear on long hostile input', () => {
    const long = '['.repeat(200_000) + '](command:x'.repeat(50_000) + '`'.repeat(100_000) + ' \n'.repeat(100_000);
    const started = performance.now();
    escapeMarkdown(long);
    markdownCodeSpan(long);
    markdownCodeBlock(long);
    plainNotificationText(long);
    escapeIcons(long);
    assert.ok(performance.now() - started < 1000);
  });
});
