/**
 * Mermaid's `getConfig()` copies its whole configuration on every call with its generic `assignWithDepth({}, config)`,
 * and its layouts call it for every node and edge: about a third of the time a diagram takes in the renderer's page.
 * This rewrites Mermaid's config chunk, as the renderer serves it, so that getConfig makes the same copy with a
 * loop written for that one case. "The same": the same keys in the same order, the same three levels copied and
 * the same objects shared below them, so a caller that writes to its copy changes what it changed before.
 */

/** Mermaid's getConfig, as its minified build spells it: `name=__name(()=>assignWithDepth({},currentConfig),"getConfig")`. */
const GET_CONFIG = /=(\w+)\(\(\)=>(\w+)\(\{\},(\w+)\),"getConfig"\)/;

/**
 * What `assignWithDepth({}, src)` (depth 2) makes of a configuration:
 * - the top object and the objects one and two levels down are new; objects deeper down are shared;
 * - above the third level a key whose value is null is left out;
 * - every array met is a new array of its distinct elements (`includes`), the elements shared.
 * Hoisted function declarations only: Mermaid may call getConfig while the chunk is still being evaluated.
 */
export const COPY_CONFIG = `
function __cfgPut(dst, key, value) {
  if (key === '__proto__') Object.defineProperty(dst, key, { value, writable: true, enumerable: true, configurable: true });
  else dst[key] = value;
}
function __cfgDistinct(src) {
  const dst = [];
  src.forEach((item) => { if (!dst.includes(item)) dst.push(item); });
  return dst;
}
function __cfgLevel(src, nested) {
  const dst = {};
  for (const key of Object.keys(src)) {
    const value = src[key];
    if (typeof value !== 'object') __cfgPut(dst, key, value);
    else if (value !== null) __cfgPut(dst, key, Array.isArray(value) ? __cfgDistinct(value) : nested(value));
  }
  return dst;
}
function __cfgThird(src) { return Array.isArray(src) ? __cfgDistinct(src) : Object.assign({}, src); }
function __cfgSecond(src) { return __cfgLevel(src, __cfgThird); }
function __cfgCopy(src) { return __cfgLevel(src, __cfgSecond); }
`;

/**
 * The chunk with getConfig rewritten, or null when the chunk has no getConfig of the shape above (another chunk, or a
 * Mermaid version that spells it otherwise: that version then runs as it is, only slower).
 */
export function withFastConfigCopy(chunk: string): string | null {
  const match = GET_CONFIG.exec(chunk);
  if (!match) return null;
  const [whole, name, , current] = match;
  return `${chunk.replace(whole, `=${name}(()=>__cfgCopy(${current}),"getConfig")`)}\n${COPY_CONFIG}`;
}
