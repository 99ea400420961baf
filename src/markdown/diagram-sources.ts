const OPENING = /^([ \t>]*)(`{3,}|~{3,})[ \t]*mermaid(?:[ \t].*)?$/;
const CLOSING = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/;

/**
 * The ```mermaid diagrams of a lesson file, each as the build's diagram stage will receive it, found by a line scan
 * rather than a parse so that rendering can start before MDX compiles the lesson. A diagram it reads differently
 * is only rendered later, when the lesson compiles.
 */
export function diagramSources(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sources: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING.exec(lines[i]!);
    if (!opening) continue;
    const [, prefix = '', marker = ''] = opening;
    const body: string[] = [];
    for (i++; i < lines.length; i++) {
      const closing = CLOSING.exec(lines[i]!);
      if (closing && closing[1]![0] === marker[0] && closing[1]!.length >= marker.length) break;
      body.push(stripPrefix(lines[i]!, prefix));
    }
    sources.push(body.join('\n'));
  }
  return sources;
}

/** A content line without the container prefix of its fence (indentation, `>`), as CommonMark removes it. */
function stripPrefix(line: string, prefix: string): string {
  if (line.startsWith(prefix)) return line.slice(prefix.length);
  return line.replace(new RegExp(`^[ \\t>]{0,${prefix.length}}`), '');
}
