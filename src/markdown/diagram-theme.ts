/**
 * How a diagram gets its colours from the page: Mermaid draws it once with a sentinel colour per role, then every
 * sentinel becomes `var(--diagram-<role>)`, whose light and dark values are in src/styles/global.css. The build
 * and the no-browser fallback both draw with this, so a diagram looks the same wherever it was drawn.
 * Pure and dependency-free: it runs in Node and in the browser.
 */

/** Arial's metrics (Liberation Sans on Linux) so labels measured at build fit in a reader's browser. */
export const DIAGRAM_FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

/** Each colour role of a diagram and the Mermaid theme variables drawn in it (those the base theme would derive). */
const ROLES = {
  /** What the diagram stands on: the page, a composite state's inside, the text on a sequence number. */
  canvas: ['background', 'compositeBackground', 'altBackground', 'sequenceNumberColor', 'rowEven'],
  /** Boxes: nodes, participants, states, class and entity boxes. */
  node: ['primaryColor', 'mainBkg', 'nodeBkg', 'actorBkg', 'labelBoxBkgColor', 'stateBkg', 'compositeTitleBackground', 'rowOdd', 'errorBkgColor', 'personBkg', 'requirementBackground'],
  'node-border': ['primaryBorderColor', 'nodeBorder', 'actorBorder', 'labelBoxBorderColor', 'compositeBorder', 'activationBorderColor', 'personBorder', 'requirementBorderColor'],
  /** Text inside boxes. */
  'node-text': ['primaryTextColor', 'nodeTextColor', 'actorTextColor', 'labelTextColor', 'stateLabelColor', 'classText', 'requirementTextColor'],
  /** Text on the canvas: edge and message labels, titles. */
  text: ['textColor', 'titleColor', 'signalTextColor', 'transitionLabelColor', 'loopTextColor', 'errorTextColor', 'relationLabelColor'],
  /** Edges, arrowheads, messages, lifelines, transitions and the start and end dots of a state diagram. */
  line: ['lineColor', 'arrowheadColor', 'defaultLinkColor', 'signalColor', 'actorLineColor', 'transitionColor', 'specialStateColor', 'innerEndBackground', 'relationColor'],
  /** The box behind an edge label. */
  label: ['edgeLabelBackground', 'labelBackgroundColor', 'relationLabelBackground'],
  /** Subgraphs, and the other groups drawn behind nodes. */
  group: ['clusterBkg', 'secondaryColor', 'tertiaryColor', 'activationBkgColor'],
  'group-border': ['clusterBorder', 'secondaryBorderColor', 'tertiaryBorderColor', 'border2'],
  note: ['noteBkgColor'],
  'note-border': ['noteBorderColor'],
  'note-text': ['noteTextColor', 'secondaryTextColor', 'tertiaryTextColor'],
  /** The soft shadow under boxes. */
  shadow: [],
} as const satisfies Record<string, readonly string[]>;

export type DiagramRole = keyof typeof ROLES;
export const DIAGRAM_ROLES = Object.keys(ROLES) as DiagramRole[];

/** rgb(10, 11, 16 + i) for role i: a colour no theme derives and no author is likely to write. */
const sentinelOf = (index: number): [number, number, number] => [10, 11, 16 + index];
const hex = (rgb: readonly number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const roleBySentinel = new Map(DIAGRAM_ROLES.map((role, i) => [sentinelOf(i).join(','), role]));
const sentinel = (role: DiagramRole) => hex(sentinelOf(DIAGRAM_ROLES.indexOf(role)));

/** Every theme variable of every role set to the role's sentinel, so that Mermaid derives none of them. */
const THEME_VARIABLES: Readonly<Record<string, string | boolean>> = {
  darkMode: false,
  ...Object.fromEntries(DIAGRAM_ROLES.flatMap((role) => ROLES[role].map((variable) => [variable, sentinel(role)]))),
  dropShadow: `drop-shadow(1px 2px 2px ${sentinel('shadow')})`,
};

/** Mermaid's configuration, the same at build and in the browser. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  fontFamily: DIAGRAM_FONT,
  flowchart: { htmlLabels: false },
  htmlLabels: false,
  theme: 'base',
  themeVariables: THEME_VARIABLES,
} as const;

// A colour as Mermaid writes it: #rrggbb, or rgb()/rgba() with commas or spaces and an optional alpha.
const COLOUR = /#([0-9a-f]{6})\b|rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)/gi;

/** Every sentinel colour of an SVG Mermaid drew with MERMAID_CONFIG, as the custom property of its role. */
export function themeDiagram(svg: string): string {
  return svg.replace(COLOUR, (colour, hexDigits: string | undefined, r?: string, g?: string, b?: string, alpha?: string, percent?: string) => {
    const rgb = hexDigits ? [0, 2, 4].map((i) => parseInt(hexDigits.slice(i, i + 2), 16)) : [r, g, b].map(Number);
    const role = roleBySentinel.get(rgb.join(','));
    if (!role) return colour;
    const opacity = alpha === undefined ? 1 : Number(alpha) / (percent ? 100 : 1);
    return opacity >= 1 ? `var(--diagram-${role})` : `color-mix(in srgb, var(--diagram-${role}) ${Math.round(opacity * 100)}%, transparent)`;
  });
}

