/**
 * CommonMark- and GFM-style cases for the fast body scanner's differential test
 * (test/unit/fastBody.test.ts): small bodies in the manner of the CommonMark spec's examples,
 * one construct each (written for this test, section by section: links, lists, block quotes,
 * HTML, code spans, autolinks, tables, emphasis), with the corner cases around what the scanner
 * reads. Each is parsed both ways and must give the same model; `fast: true` marks those the
 * fast path must read itself (the common forms it exists for).
 */
export interface ScannerCase {
  body: string;
  fast?: boolean;
}

const fast = (body: string): ScannerCase => ({ body, fast: true });
const any = (body: string): ScannerCase => ({ body });

export const SCANNER_CASES: ScannerCase[] = [
  // Inline links
  fast('[link](/uri "title")\n'), fast('[link](/uri)\n'), fast('[](./target.md)\n'), fast('[link]()\n'), any('[link](<>)\n'), any('[link](/my uri)\n'),
  any('[link](</my uri>)\n'), any('[link](foo\nbar)\n'), any('[a](<b)c>)\n'), any('[link](\\(foo\\))\n'), fast('[link](foo(and(bar)).md)\n'),
  any('[link](foo(and(bar).md)\n'), any('[link](foo\\(and\\(bar\\).md)\n'), any('[link](<foo(and(bar)>)\n'), any('[link](foo\\)\\:)\n'),
  fast('[link](#fragment)\n\n[link](http://example.com#fragment)\n\n[link](http://example.com?foo=3#frag)\n'), any('[link](foo\\bar.md)\n'),
  any('[link](foo%20b&auml;.md)\n'), any('[link]("title")\n'), fast('[link](/url "title")\n[link](/url \'title\')\n'), any('[link](/url (title))\n'),
  any('[link](/url "title \\"&quot;")\n'), any('[link](/url "title")\n'), any('[link](/url "title "and" title")\n'),
  fast('[link](   other.md   "title"  )\n'), any('[link] (/uri)\n'), fast('[link [foo [bar]]](other.md)\n'), any('[link] bar](/uri)\n'),
  any('[link [bar](/uri)\n'), any('[link \\[bar](/uri)\n'), fast('[link *foo **bar** `#`*](doc.md)\n'), any('[![moon](moon.jpg)](/uri)\n'),
  any('[foo [bar](/uri)](/uri)\n'), any('[foo *[bar [baz](/uri)](/uri)*](/uri)\n'), any('![[[foo](uri1)](uri2)](uri3)\n'), fast('*[foo*](page.md)\n'),
  any('[foo *bar](baz*)\n'), fast('*foo [bar* baz]\n'), any('[foo <bar attr="](baz)">\n'), fast('[foo`](/uri)`\n'), any('[foo<http://example.com/?search=](uri)>\n'),
  fast('See [the design](../docs/design.md) and [[payments-v2]].\n'), fast('[a](b.md)[c](d.md) and [e](f.MD?x=1#y)\n'), any('[a](b|c.md)\n'),
  any('| [a](b|c.md) |\n| - |\n'), any('[a\nb](c.md)\n'), any('x [a\nb](c.md)\n'), any('[a](\nb.md)\n'), any('[a](b.md\n"t")\n'),
  // Reference links, definitions and footnotes: without a definition, brackets are text
  fast('[foo][bar]\n'), fast('[foo]\n\nSee [bar] and [baz][].\n'), any('[foo]: /url "title"\n\n[foo]\n'), any('[foo][bar]\n\n[bar]: /url\n'),
  any('[foo]\n\n   [foo]: \n   /url\n'), any('Text[^1].\n\n[^1]: The note.\n'), fast('Text[^1].\n'), any('[^1](x.md)\n'), any('[\nfoo\n]: /url\nbar\n'),
  fast('para\n[foo]: /url\n'), any('- [foo]: /url\n'), any('> [foo]: /url\n'),
  // A footnote definition interrupts a paragraph (and ends a list or a quote), and holds blocks
  any('para\n[^1]: - [ ] task\n'), any('para\n[^1]: # head\n'), any('- a\n[^1]: - [ ] t\n'), any('> q\n[^1]: - [ ] t\n'), any('para\n[^1]:\n    - [ ] t\n'),
  fast('para\n[a]: - [ ] task\n'), any('x\n[^a]: [b](c.md)\n'), any('para\n[^1]: <!-- brief-disable-file -->\n'),
  // Footnote definitions on one line, as program documents write them, are read by the fast path
  fast('Text[^1].\n\n[^1]: The note.\n'), fast('[^1]: Figures from the last cycle.\n[^2]: Subject to review.\n[^3]: Owner to confirm.\n'),
  fast('para\n[^1]: note\n'), fast('- [ ] a @li\n[^1]: note\n- [ ] b\n'), fast('[^1]: a\nlazy line\n\nNext paragraph.\n'),
  fast('[^note-2]: see [the plan](plan.md) and [[payments-v2]]\n'), fast('[^1]: a *b* `c`\n## Heading\n'), any('[^x]: a\n    four spaces continue it\n'), any('[^x]: a\n    - [ ] task in the note\n'),
  any('[^1]: a\n\n    indented after a blank\n'), any('[^1](x.md)\n\n[^1]: n\n'), any('> q\n[^1]: n\n'), any('[^1]:  \n'), any('[^a b]: n\n'),
  any('[^1]: a | b\n'), any('[^1]:x\n'), any(' [^1]: indented\n'), any('[^\\]]: escaped\n'), any('[^1]: a\n---\n'), any('[^1]: a\n===\n'),
  // Images
  fast('![foo](/url "title")\n'), any('![foo *bar*][]\n'), fast('![foo ![bar](/url)](/url2)\n'.replace('![bar](/url)', 'bar')), any('![foo [bar](/url)](/url2)\n'),
  fast('My ![foo bar](/path/to/train.jpg  "title"   )\n'), fast('![](/url)\n'),
  // Autolinks and autolink literals (GFM)
  any('<http://foo.bar.baz>\n'), fast('See <http://foo.bar.baz> and <https://a.b/c?q=1&x=2>.\n'), any('<https://foo.bar.baz/test?q=hello&id=22&boolean>\n'), any('<irc://foo.bar:2233/baz>\n'), any('<foo@bar.example.com>\n'),
  any('<a+b+c:d>\n'), any('<http://foo.bar/baz bim>\n'), any('<>\n'), any('< http://foo.bar >\n'), fast('www.commonmark.org\n'), fast('Visit www.commonmark.org/help for more.\n'),
  any('http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n'), any('www.a.com/`x`\n'), any('http://a.b/[x](y.md)\n'),
  any('[http://a.b](c.md)\n'), fast('[see http://a.b here](c.md)\n'), any('`x`https://a.b\n'), fast('`x` https://a.b\n'), fast('foo@bar.baz\n'), any('a.b-c_d@a.b\n'),
  any('(www.a.com)\n'), any('www.a.com)\n'), any('![a](b.png)www.c.d\n'),
  // Code spans
  fast('`foo`\n'), fast('`` foo ` bar ``\n'), fast('` `` `\n'), fast('`  ``  `\n'), fast('` a`\n'), any('`foo\nbar`\n'), any('`foo\\`bar`\n'), fast('*foo`*`\n'),
  fast('[not a `link](/foo`)\n'), any('`<a href="`">`\n'), any('<a href="`">`\n'), any('`<http://foo.bar.`baz>`\n'), any('```foo``\n'), any('`foo\n'), any('`a|b`\n'),
  // HTML
  fast('<!-- comment -->\n\ntext\n'), fast('<!-- brief-disable-next-line owner-missing -->\n- [ ] item\n'), fast('para\n<!-- interrupts -->\n'),
  fast('<!-- multi\nline\n-->\nafter\n'), fast('<!-- a --> trailing\n'), any('<!---->\n'), any('<!-->\n'), any('<!--->\n'), any('<!-- a --->\n'), any('<!-- never closed\n\ntext\n'),
  fast('<details>\n<summary>More</summary>\n\nBody [[x]]\n\n</details>\n'), fast('<div>\n*hello*\n         <foo><a>\n\n- [ ] after\n'), any('<div *???-&&&-<---\n*foo*\n'),
  any('<pre language="haskell"><code>\nimport Text\n</code></pre>\nokay\n'), any('<style\n  type="text/css">\nh1 {color:red;}\n</style>\nokay\n'), any('<a href="foo">\n*bar*\n</a>\n'),
  any('<del>*foo*</del>\n'), fast('Text with <br> and <br/> and <br /> and </span>.\n'), any('Text <span class="x">a</span>\n'), fast('x <!-- inline brief-disable-line owner-missing --> y\n'),
  any('x <!-- a -- b --> y\n'), any('x <!--> y\n'), any('x <!-- a\nb --> y\n'), any('  <!-- indented -->\n'), any('- a\n  <!-- in item -->\n'), any('<DIV>\n\n</DIV>\n'),
  any('<div>\n\nx\n'), fast('- a\n<!-- closes the list -->\n'), any('\u0000<!-- -->\n'),
  // Block quotes and callouts
  fast('> # Foo\n> bar\n> baz\n'.replace('# Foo\n', 'Foo\n')), any('> # Foo\n'), fast('> [!NOTE]\n> Useful information.\n'), fast('> [!WARNING]\n> Urgent [[x]] `c`.\n'),
  fast('> bar\nbaz\n> foo\n'), fast('> foo\n---\n'.replace('---', 'bar')), any('> foo\n---\n'), any('> - foo\n- bar\n'), any('>     foo\n    bar\n'), any('> ```\nfoo\n```\n'),
  fast('> foo\n    - bar\n'), fast('>\n'), fast('>\n>  \n> \n'), fast('>\n> foo\n>  \n'), fast('> foo\n\n> bar\n'), fast('> foo\n> bar\n'), fast('> foo\n>\n> bar\n'),
  fast('foo\n> bar\n'), fast('> aaa\n***\n> bbb\n'.replace('***', 'ccc')), any('> aaa\n***\n> bbb\n'), fast('> bar\nbaz\n'), any('> bar\n\nbaz\n'.replace('baz', '> > baz')),
  any('> > > foo\nbar\n'), any('>>> foo\n> bar\n>>baz\n'), any('>     code\n\n>    not code\n'), fast('>    not code\n'.replace('    ', ' ')), any('- a\n  > b\n'),
  fast('> quote\n- [ ] task after it\n'), any('> quote\n  - [ ] lazy?\n'), fast('> a [link](b.md) in a quote\n'), any('> <!-- c -->\n'), any('>\ta\n'),
  // Ordered lists
  fast('1. one\n2. two\n3. three\n'), fast('1) one\n2) two\n'), fast('1. a\n2) b\n'.replace('2)', '2.')), any('1. a\n2) b\n'), any('- a\n2. b\n'), fast('- a\n1. b\n'),
  any('The number of windows in my house is\n14.  The number of doors is 6.\n'), fast('The number of windows in my house is\n1.  The number of doors is 6.\n'),
  fast('123456789. ok\n'), any('1234567890. not ok\n'), fast('0. ok\n'), fast('003. ok\n'), any('-1. not ok\n'), fast('1. a\n\n   2. nested\n'), any('1. a\n   2. lazy\n'),
  fast('1. a\n   1. nested\n'), fast('10. a\n11. b\n'), any('10. a\n   2. b\n'), fast('1. [ ] task\n2. [x] done @me due:2026-01-01\n'), fast('2026 was a year.\n1.5 s per request.\n'),
  any('1.\n'), any('1.\tx\n'), fast('1.  two spaces\n10.   three\n'), any('1.      five spaces\n'), fast('- a\n  1. b\n  2. c\n'), fast('1. a\n2. b\n\n   para in b\n'),
  fast('para\n2026. year\n'.replace('2026. year', 'more')), any('para\n2. item\n'), fast('- x\n  para\n  1. y\n'), any('- x\n  para\n  2. y\n'),
  // The same, with checkboxes, so that whether a line starts an item shows in the model
  any('1. a\n2) [ ] b\n'), any('- a\n2. [ ] b\n'), fast('- a\n1. [ ] b\n'), any('para\n2. [ ] item\n'), fast('para\n1. [ ] item\n'), any('1. a\n   2. [ ] lazy\n'),
  fast('1. a\n   1. [ ] nested\n'), any('10. a\n   2. [ ] b\n'), fast('10. a\n11. [x] b\n'), any('- x\n  para\n  2. [ ] y\n'), fast('- x\n  para\n  1. [ ] y\n'),
  any('| a |\n| - |\n2. [ ] x\n'), fast('1) a\n2) [ ] b\n'), fast('- [ ] a\n  1. [ ] b\n  2. [x] c\n- [ ] d\n'), any('> a\n- [ ] b\n  > c\n'), fast('> a\n- [ ] b\n'),
  // Bullet lists and emphasis at line starts
  fast('- **Owner:** @ana\n- **Due:** 2026-01-01\n'), fast('**Bold** paragraph\n'), fast('*emphasis* start\n'), fast('-x is text\n'), any('--\n'), any('para\n--\n'),
  fast('__init__ is text\n'), any('___\n'), any('* * *\n'), fast('+ a\n+ b\n'), fast('- a\n* b\n+ c\n'), any('-\n'), any('- \n'), fast('- [link](a.md) item\n'),
  fast('- [ ] task with [a link](a.md)\n'), any('- [y] not a task\n'), fast('- [] not a task\n'), fast('- [[wiki]] item\n'), any('- [a]: def\n'), any('- [a] b\n'),
  // Tables (GFM)
  fast('| a | b |\n| --- | --- |\n| `c` | [d](e.md) |\n'), fast('| a |\n|---|\n| b |\nc\n'), any('| `a|b` |\n| - |\n'), fast('a | b\n- | -\n'.replace('- | -', 'c | d')),
  any('| a |\n| - |\n2. x\n'), fast('| a |\n| - |\n- [ ] task\n'), fast('| x <!-- c --> |\n| - |\n'), any('| <!-- a | b --> |\n| - |\n'),
  // Headings
  fast('# Title\n## Dependencies\n- [[a]]\n'), fast('## `code` title\n'), any('# *emph*\n'), any('# [link](a.md)\n'), fast('# [bracket] text\n'), any('# <b>\n'),
  any('#hashtag is text\n'), any('####### seven\n'), fast('## Dependencies\n\nSee [the doc](dep.md).\n\n## Next\n'),
];
