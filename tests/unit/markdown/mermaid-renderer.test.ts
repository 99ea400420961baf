import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { lessonFiles } from '../../../src/course/folder';
import { diagramSources } from '../../../src/markdown/diagram-sources';
import { withOwnParticipantNumbers } from '../../../src/markdown/diagram-finish';
import { DiagramSyntaxError, diagramKey, MermaidRenderer, parseErrorLine } from '../../../src/markdown/mermaid-renderer';
import { chromiumPath, describeWithChromium } from '../../support/chromium';
import { KINDS } from '../../support/diagram-kinds';

test.each([
  ['Parse error on line 3:\n...', 3],
  ['Lexical error on line 12. Unrecognized text.', 12],
  ['something else', undefined],
])('reads the line out of %j', (message, line) => {
  expect(parseErrorLine(message)).toBe(line);
});

test.each([
  ['numbers participants from 0', '<line id="actor7"/><g id="root-7"/><line id="actor8" class="actor-line"/><g id="root-8"/>', '<line id="actor0"/><g id="root-0"/><line id="actor1" class="actor-line"/><g id="root-1"/>'],
  ['numbers the stick figures of actors with them', '<line id="actor27"/><line id="actor-man-torso27"/><line id="actor-man-arms27"/><line id="actor-man-torso29"/>', '<line id="actor0"/><line id="actor-man-torso0"/><line id="actor-man-arms0"/><line id="actor-man-torso2"/>'],
  ['leaves a diagram without participants alone', '<g id="root-3" class="actor-man"/>', '<g id="root-3" class="actor-man"/>'],
])('%s', (_name, svg, expected) => {
  expect(withOwnParticipantNumbers(svg)).toBe(expected);
});

/** A "browser" that notes each start in a file and fails, so a test sees whether the renderer started one. */
function recordingBrowser(): { executable: string; started: () => boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'browser-'));
  const executable = join(dir, 'chromium');
  writeFileSync(executable, `#!/bin/sh\ntouch "${dir}/started"\nexit 1\n`);
  chmodSync(executable, 0o755);
  return { executable, started: () => existsSync(join(dir, 'started')) };
}

test('npm run dev on a course none of whose diagrams is drawn yet starts the browser at once; one that fails to start fails the first diagram', { timeout: 30_000 }, async () => {
  const browser = recordingBrowser();
  const renderer = new MermaidRenderer(mkdtempSync(join(tmpdir(), 'diagrams-')), browser.executable);
  renderer.warmFor(['flowchart LR\n  A --> B']);
  await expect.poll(browser.started, { timeout: 20_000 }).toBe(true);
  await expect(renderer.render('flowchart LR\n  A --> B')).rejects.toThrow();
  await renderer.close();
});

test('npm run dev with some of the diagrams drawn before starts no browser until one is asked for', { timeout: 30_000 }, async () => {
  const browser = recordingBrowser();
  const cacheDir = mkdtempSync(join(tmpdir(), 'diagrams-'));
  const drawn = 'flowchart LR\n  A --> B';
  writeFileSync(join(cacheDir, `${diagramKey(drawn)}.svg`), '<svg id="drawn"></svg>');
  const renderer = new MermaidRenderer(cacheDir, browser.executable);
  renderer.warmFor([drawn, 'flowchart LR\n  C --> D']);
  await expect(renderer.render(drawn)).resolves.toBe('<svg id="drawn"></svg>');
  // Starting Playwright and the browser takes well over this on any machine; nothing was asked to start.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(browser.started()).toBe(false);
  await renderer.close();
});

/** Colours Mermaid writes itself whatever the theme: drawn over by its own stylesheet, or shadows at 6 % opacity. */
const FIXED_COLOURS = new Set(['#000000', '#000', '#FFFFFF', '#666', '#999', '#eaeaea', '#EDF2AE', '#e0e0e0', 'rgba(0,0,0,0.2)', 'rgb(0 0 0 / 0.4)']);

describeWithChromium('rendering diagrams in Chromium', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'diagrams-'));
  const renderer = new MermaidRenderer(cacheDir, chromiumPath!);
  afterAll(() => renderer.close());

  test('renders a flowchart once, to one inline SVG coloured by the page', { timeout: 120_000 }, async () => {
    const svg = await renderer.render('flowchart LR\n  Client -->|RESP| Redis');
    expect(svg).toMatch(/^<svg id="mermaid-[0-9a-f]{16}"/);
    expect(svg).toContain('Client');
    expect(svg).toContain('fill:var(--diagram-node)');
    expect(svg).toContain('stroke:var(--diagram-line)');
  });

  test('serves an unchanged diagram from the cache, in this build and the next', { timeout: 120_000 }, async () => {
    await renderer.render('flowchart TD\n  A --> B');
    const before = renderer.stats.rendered;
    await renderer.render('flowchart TD\n  A --> B');
    expect(renderer.stats.rendered).toBe(before);
    const next = new MermaidRenderer(cacheDir, chromiumPath!);
    await next.render('flowchart TD\n  A --> B');
    expect(next.stats).toEqual({ cached: 1, rendered: 0 });
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  test('fails on a syntax error with the line inside the diagram', { timeout: 120_000 }, async () => {
    const error = await renderer.render('flowchart LR\n  A --> B\n  B -->> C[').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagramSyntaxError);
    expect((error as DiagramSyntaxError).line).toBe(3);
  });

  test('a prefetched diagram with a syntax error fails whoever asks for it, and nothing else', { timeout: 120_000 }, async () => {
    renderer.prefetch(['flowchart LR\n  A --> B[', 'flowchart LR\n  Fine --> Too']);
    await expect(renderer.render('flowchart LR\n  Fine --> Too')).resolves.toContain('Fine');
    await expect(renderer.render('flowchart LR\n  A --> B[')).rejects.toBeInstanceOf(DiagramSyntaxError);
  });

  test('draws the same SVG whatever was drawn before it in the page, so builds are byte-identical', { timeout: 120_000 }, async () => {
    const [a, b] = ['stateDiagram-v2\n  [*] --> Idle\n  Idle --> Busy: work\n  Busy --> [*]', 'sequenceDiagram\n  actor A\n  A->>B: hi\n  B-->>A: ok'];
    const other = new MermaidRenderer(mkdtempSync(join(tmpdir(), 'diagrams-')), chromiumPath!);
    try {
      await renderer.render('sequenceDiagram\n  Earlier->>Diagram: drawn first');
      const first = [await renderer.render(a), await renderer.render(b)];
      const second = [await other.render(b), await other.render(a)].reverse();
      expect(second).toEqual(first);
    } finally {
      await other.close();
    }
  });

  test("takes every colour of the course's diagrams, and of every other kind, from the page", async () => {
    const sources = [...lessonFiles([], 'lessons').flatMap((lesson) => diagramSources(lesson.raw)), ...KINDS];
    const svgs = await Promise.all(sources.map((source) => renderer.render(source)));
    const literal = new Set(svgs.flatMap((svg) => svg.match(/#[0-9a-f]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)/gi) ?? []));
    expect([...literal].filter((colour) => !FIXED_COLOURS.has(colour))).toEqual([]);
  }, 240_000);

  test("draws exactly what Mermaid draws with its own getConfig: every diagram of the course, and of more kinds", async () => {
    const more = [
      'gantt\n  dateFormat YYYY-MM-DD\n  todayMarker off\n  section Warm-up\n    Load keys :a1, 2026-01-01, 3d\n    Replay    :after a1, 2d',
      'pie title Memory\n  "hashes" : 42\n  "strings" : 58',
      'mindmap\n  root((Redis))\n    Strings\n    Streams\n      Consumer groups',
      'journey\n  title Cache miss\n  section Read\n    Ask cache: 3: App\n    Ask database: 1: App, DB',
      'gitGraph\n  commit\n  branch replica\n  commit\n  checkout main\n  merge replica',
      'timeline\n  2009 : Redis 1.0\n  2015 : Cluster',
      'quadrantChart\n  x-axis Low --> High\n  y-axis Slow --> Fast\n  Redis: [0.8, 0.9]',
    ];
    const sources = [...lessonFiles([], 'lessons').flatMap((lesson) => diagramSources(lesson.raw)), ...KINDS, ...more];
    const asMermaid = new MermaidRenderer(mkdtempSync(join(tmpdir(), 'diagrams-')), chromiumPath!, 1500, undefined, false);
    try {
      const own = await Promise.all(sources.map((source) => asMermaid.render(source)));
      const fast = await Promise.all(sources.map((source) => renderer.render(source)));
      expect(fast).toEqual(own);
    } finally {
      await asMermaid.close();
    }
  }, 240_000);
});
