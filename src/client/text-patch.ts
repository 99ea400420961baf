/**
 * The in-place update of a page in `npm run dev` after a save that changed only the words of a lesson: the text
 * nodes that differ between two renders of the page, and their replacement in the live page. Anything else that
 * differs (an element, an attribute, a script's or a style's text) asks for a reload instead, so the elements the
 * page's scripts hold on to are never replaced.
 */

/** The part of a DOM node this module reads; DOM nodes have it. */
export interface PatchNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<PatchNode>;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }> | null;
  data?: string;
}

/** One text node to change: where it is (child indexes from the root), what it says and what it is to say. */
export interface TextChange {
  path: number[];
  from: string;
  to: string;
}

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
/** Elements whose text is code or style: a change in it needs the page to run again. */
const LIVE_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'TITLE']);

const sameAttributes = (a: PatchNode, b: PatchNode): boolean => {
  const x = a.attributes ?? [];
  const y = b.attributes ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]!.name !== y[i]!.name || x[i]!.value !== y[i]!.value) return false;
  return true;
};

/**
 * The text changes that turn `before` into `after`, or null when the two differ in anything but the text of
 * ordinary elements. An empty list means the two are the same.
 */
export function textChanges(before: PatchNode, after: PatchNode): TextChange[] | null {
  const changes: TextChange[] = [];
  const walk = (a: PatchNode, b: PatchNode, path: number[], inLiveText: boolean): boolean => {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    if (a.nodeType === TEXT) {
      if (a.data === b.data) return true;
      if (inLiveText) return false;
      changes.push({ path, from: a.data ?? '', to: b.data ?? '' });
      return true;
    }
    if (a.nodeType === COMMENT) return a.data === b.data;
    if (a.nodeType === ELEMENT && !sameAttributes(a, b)) return false;
    const live = inLiveText || LIVE_TEXT.has(a.nodeName.toUpperCase());
    if (a.childNodes.length !== b.childNodes.length) return false;
    for (let i = 0; i < a.childNodes.length; i++) if (!walk(a.childNodes[i]!, b.childNodes[i]!, [...path, i], live)) return false;
    return true;
  };
  return walk(before, after, [], false) ? changes : null;
}

/**
 * Makes the changes in the live page rooted at `root`, if every text node they name is still there saying what it
 * said before (a script may have moved or rewritten it). Returns false, changing nothing, when one is not.
 */
export function applyTextChanges(root: PatchNode, changes: readonly TextChange[]): boolean {
  const targets: PatchNode[] = [];
  for (const change of changes) {
    let node: PatchNode | undefined = root;
    for (const index of change.path) node = node?.childNodes[index];
    if (!node || node.nodeType !== TEXT || node.data !== change.from) return false;
    targets.push(node);
  }
  changes.forEach((change, i) => (targets[i]!.data = change.to));
  return true;
}
