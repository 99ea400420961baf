import { EventEmitter } from 'node:events';
import { expect, test } from 'vitest';
import { ParentRenderer, serveDiagrams, type Channel } from '../../../src/markdown/diagram-service';
import { DiagramSyntaxError } from '../../../src/markdown/mermaid-renderer';

/** Both ends of an IPC channel in memory: what one sends, the other receives on a later tick, as a copy. */
function channelPair() {
  const end = (other: () => EventEmitter) => {
    const emitter = new EventEmitter() as EventEmitter & Channel & { connected: boolean; sent: number };
    emitter.connected = true;
    emitter.sent = 0;
    emitter.send = (message: object) => {
      emitter.sent++;
      setImmediate(() => other().emit('message', structuredClone(message)));
      return true;
    };
    return emitter;
  };
  const child: ReturnType<typeof end> = end(() => parent);
  const parent: ReturnType<typeof end> = end(() => child);
  return { child, parent };
}

/** A renderer that knows three diagrams: one drawn, one cached, one Mermaid cannot parse; anything else crashes it. */
const renderer = {
  render: async (source: string) => {
    if (source === 'bad') throw new DiagramSyntaxError('Parse error on line 2:\n...', 2);
    if (source === 'drawn' || source === 'cached') return `<svg>${source}</svg>`;
    throw new Error('Target page, context or browser has been closed');
  },
  cached: (source: string) => source === 'cached',
};

test('a diagram asked for in Astro\'s process is drawn by the parent and counted as drawn or cached; asked twice, the parent is asked once', async () => {
  const { child, parent } = channelPair();
  serveDiagrams(parent, renderer);
  const served = new ParentRenderer(child);
  await expect(Promise.all([served.render('drawn'), served.render('cached'), served.render('drawn')])).resolves.toEqual(['<svg>drawn</svg>', '<svg>cached</svg>', '<svg>drawn</svg>']);
  await expect(served.render('drawn')).resolves.toBe('<svg>drawn</svg>');
  expect(child.sent).toBe(2);
  expect(served.stats).toEqual({ rendered: 1, cached: 1 });
});

test('a syntax error arrives as a DiagramSyntaxError with its line, so the lesson fails with file and line', async () => {
  const { child, parent } = channelPair();
  serveDiagrams(parent, renderer);
  const error = await new ParentRenderer(child).render('bad').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DiagramSyntaxError);
  expect(error).toMatchObject({ line: 2, message: expect.stringContaining('Parse error on line 2') });
});

test('a browser failure arrives as a plain error, not as the diagram\'s fault', async () => {
  const { child, parent } = channelPair();
  serveDiagrams(parent, renderer);
  const served = new ParentRenderer(child);
  const error = await served.render('crash').catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(DiagramSyntaxError);
  expect((error as Error).message).toContain('browser has been closed');
  // The next build step that asks tries again: the browser may be back.
  await served.render('crash').catch(() => undefined);
  expect(child.sent).toBe(2);
});

test('a child that went away gets no answer, and other messages on the channel are left alone', async () => {
  const { child, parent } = channelPair();
  serveDiagrams(parent, renderer);
  parent.emit('message', { done: true });
  parent.connected = false;
  child.send({ diagramRequest: { id: 0, source: 'drawn' } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(parent.sent).toBe(0);
});
