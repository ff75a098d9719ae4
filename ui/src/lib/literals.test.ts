import { describe, expect, it } from 'vitest';
import { parse } from 'svelte/compiler';

// Every word on screen comes from the catalogue, in the candidate's language. A word typed into
// markup (a text node, an `aria-label`, a `title`) would stay English in French and Arabic.
const sources = import.meta.glob('../**/*.svelte', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Attributes (and component props) whose value is read or heard by the candidate. */
const spoken = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'caption',
  'heading',
  'description',
  'hint',
  'message',
  'text',
  'confirmLabel',
  'cancelLabel',
]);

/** Proper names and symbols that are the same in every language. */
const allowed = new Set(['Dossier', 'INTERPOL']);

type Node = { type: string; [key: string]: unknown };

function words(text: string): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(trimmed)) return null;
  return allowed.has(trimmed) ? null : trimmed;
}

/** The literal words in one component's markup, as `where: text`. */
export function literalsIn(source: string): string[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
  const found: string[] = [];
  const visit = (node: unknown, inside: string): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, inside));
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'Text') {
      const text = words(String(n.data));
      if (text) found.push(`<${inside}> text: ${text}`);
      return;
    }
    if (n.type === 'Attribute') {
      const name = String(n.name);
      if (spoken.has(name) && Array.isArray(n.value)) {
        for (const part of n.value as Node[]) {
          const text = part.type === 'Text' ? words(String(part.data)) : null;
          if (text) found.push(`<${inside}> ${name}="${text}"`);
        }
      }
      return;
    }
    const name = typeof n.name === 'string' ? n.name : inside;
    for (const [key, value] of Object.entries(n)) {
      if (key === 'start' || key === 'end' || key === 'metadata') continue;
      // Script and style are not markup; expressions are checked by the type of `t()`.
      if (key === 'expression' || key === 'instance' || key === 'module' || key === 'css') continue;
      visit(value, name);
    }
  };
  visit(ast.fragment, 'root');
  return found;
}

describe('words in markup', () => {
  it('finds the components it checks', () => {
    expect(Object.keys(sources).some((path) => path.endsWith('ShortcutHelp.svelte'))).toBe(true);
  });

  it('catches a word typed into markup, and leaves expressions alone', () => {
    expect(literalsIn('<p>Save</p>')).toEqual(['<p> text: Save']);
    expect(literalsIn('<button aria-label="Close">{x}</button>')).toEqual(['<button> aria-label="Close"']);
    expect(literalsIn('<Dialog.Root title="Delete it" />')).toEqual(['<Dialog.Root> title="Delete it"']);
    expect(literalsIn('<p>{t("a")} · 3</p><input class="wide" type="text" />')).toEqual([]);
    expect(literalsIn('<h1>Dossier</h1>')).toEqual([]);
    expect(literalsIn('{#if a}<b>Yes</b>{:else}<i title="No">{n}</i>{/if}')).toEqual([
      '<b> text: Yes',
      '<i> title="No"',
    ]);
    expect(literalsIn('{#snippet row()}<td>Né le</td>{/snippet}{#each xs as x}<li>item {x}</li>{/each}')).toEqual([
      '<td> text: Né le',
      '<li> text: item',
    ]);
    // Codes a select sends are not shown.
    expect(literalsIn('<option value="in_person">{t("x")}</option>')).toEqual([]);
  });

  it('leaves no English word in any component', () => {
    const offenders = Object.entries(sources)
      .filter(([path]) => !path.includes('.test.'))
      .flatMap(([path, text]) => literalsIn(text).map((found) => `${path}: ${found}`));
    expect(offenders).toEqual([]);
  });
});
