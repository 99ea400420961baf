/**
 * A lesson shows its nodes at addresses such as `10.0.0.11:6379`; the verifier runs them on 127.0.0.1 at free ports.
 * Commands are rewritten to the real addresses, and replies back to the lesson's, so both read as the lesson does.
 */

/** One node as the lesson shows it and as it really runs. */
export interface MappedNode {
  host: string;
  port: number;
  realPort: number;
  /** A cluster node's bus port, shown as port + 10000. */
  realBusPort?: number;
}

const REAL_HOST = '127.0.0.1';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = /(?<![\d.])\d+(?![\d]|\.\d)/g;
// A host not glued to a port: the port comes later in the reply (INFO's master_port line, ROLE's next element).
const BARE_HOST = new RegExp(`(?<![\\w.])${escape(REAL_HOST)}(?![\\w.]|:\\d)`, 'g');

/** `REPLICAOF 10.0.0.11 6379` → `REPLICAOF 127.0.0.1 41234`: a lesson address, as host and port or host:port. */
export function toRealCommand(command: string, nodes: readonly MappedNode[]): string {
  let out = command;
  for (const node of nodes) {
    const pair = new RegExp(`(?<![\\w.-])${escape(node.host)}(\\s+|:)${node.port}(?!\\d)`, 'g');
    out = out.replace(pair, (_match, between: string) => `${REAL_HOST}${between}${node.realPort}`);
  }
  return out;
}

/**
 * What redis-cli printed, with the real addresses of the nodes replaced by the lesson's: every real port becomes
 * the lesson's port, and a host becomes the lesson's host of the node whose port follows it.
 */
export function toLessonReply(lines: readonly string[], nodes: readonly MappedNode[]): string[] {
  if (nodes.length === 0) return [...lines];
  const byPort = new Map<number, { node: MappedNode; port: number }>();
  for (const node of nodes) {
    byPort.set(node.realPort, { node, port: node.port });
    if (node.realBusPort !== undefined) byPort.set(node.realBusPort, { node, port: node.port + 10000 });
  }
  let text = lines.join('\n');
  // host:port written together.
  text = text.replace(new RegExp(`(?<![\\w.])${escape(REAL_HOST)}:(\\d+)(?!\\d)`, 'g'), (match, port: string) => {
    const found = byPort.get(Number(port));
    return found ? `${found.node.host}:${found.port}` : match;
  });
  // A host on its own takes the lesson host of the next node port after it, before any other host.
  const hosts = [...text.matchAll(BARE_HOST)].map((match) => match.index);
  const ports = [...text.matchAll(NUMBER)].filter((match) => byPort.has(Number(match[0])));
  const hostFor = new Map<number, string>();
  hosts.forEach((at, k) => {
    const next = hosts[k + 1] ?? Number.POSITIVE_INFINITY;
    const port = ports.find((match) => match.index > at && match.index < next);
    const found = port && byPort.get(Number(port[0]));
    if (found) hostFor.set(at, found.node.host);
  });
  let out = '';
  let from = 0;
  const edits = [
    ...[...hostFor].map(([at, host]) => ({ at, length: REAL_HOST.length, text: host })),
    ...ports.map((match) => ({ at: match.index, length: match[0].length, text: String(byPort.get(Number(match[0]))?.port ?? match[0]) })),
  ].sort((a, b) => a.at - b.at);
  for (const edit of edits) {
    out += text.slice(from, edit.at) + edit.text;
    from = edit.at + edit.length;
  }
  return (out + text.slice(from)).split('\n');
}
