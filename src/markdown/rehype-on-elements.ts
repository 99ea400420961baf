import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { VFile } from 'vfile';

/** A rehype (unified) transformer: changes the tree in place, may fail the file or write `file.data`. */
export type RehypeTransformer = (tree: Root, file: VFile) => void | Promise<void>;

/**
 * Runs a rehype transformer as a Sätteri hast plugin, on each element `pick` selects: the transformer sees the element
 * as the only child of a root and may replace it; `file.data` is the compile's data (frontmatter included) and
 * `file.fail` stops the build at the element's line.
 */
export function rehypeOnElements(name: string, tags: string[], pick: (element: Element) => boolean, transformer: RehypeTransformer): HastPluginDefinition {
  return {
    name,
    options: { position: true },
    element: {
      filter: tags,
      // Synchronous for the elements it leaves alone, so a lesson without any stays a synchronous pass.
      visit(element, ctx) {
        if (!pick(element)) return undefined;
        const tree: Root = { type: 'root', children: [element] };
        const done = transformer(tree, new VFile({ path: ctx.fileURL && fileURLToPath(ctx.fileURL), data: ctx.data }));
        const replacement = () => (tree.children[0] === element ? undefined : tree.children[0]);
        return done instanceof Promise ? done.then(replacement) : replacement();
      },
    },
  };
}
