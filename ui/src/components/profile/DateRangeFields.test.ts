import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import DateRangeFields from './DateRangeFields.svelte';

let shown: Record<string, unknown> | null = null;
afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = '';
});

/** Mounts the fields with bindable `from`/`to` the test can read back, as a section binds them. */
function show(props: { ongoing?: boolean; optional?: boolean; toLabel?: string; at?: Map<string, string[]> } = {}) {
  const dates = { from: '2015-01-05', to: '' };
  shown = mount(DateRangeFields, {
    target: document.body,
    props: {
      get from() {
        return dates.from;
      },
      set from(value: string) {
        dates.from = value;
      },
      get to() {
        return dates.to;
      },
      set to(value: string) {
        dates.to = value;
      },
      at: props.at ?? new Map(),
      path: 'employment[0]',
      ongoing: props.ongoing,
      optional: props.optional,
      toLabel: props.toLabel,
    },
  });
  flushSync();
  const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name='employment[0].${name}']`);
  return { dates, input };
}

describe('DateRangeFields', () => {
  it('binds both dates under the entry path, each labelled', () => {
    const { dates, input } = show();
    // Shown in the candidate's order (jsdom speaks en-US), bound as ISO.
    expect(input('from')!.value).toBe('01/05/2015');
    expect(input('from')!.labels?.[0]?.textContent?.trim()).toBe('From');
    expect(input('to')!.labels?.[0]?.textContent?.trim()).toBe('To');
    input('to')!.value = '2019-06-30';
    input('to')!.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(dates.to).toBe('2019-06-30');
  });

  it('asks no end date while the entry is still going on', () => {
    const { input } = show({ ongoing: true });
    expect(input('from')).not.toBeNull();
    expect(input('to')).toBeNull();
  });

  it('shows the message given for a date at that date, and a label of its own for the end', () => {
    const at = new Map([['employment[0].to', ['The end is before the start.']]]);
    const { input } = show({ at, optional: true, toLabel: 'Completed on' });
    const to = input('to')!;
    expect(to.getAttribute('aria-invalid')).toBe('true');
    const describedBy = to.getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(document.getElementById(describedBy)?.textContent).toBe('The end is before the start.');
    expect(to.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Completed on (optional)');
    expect(input('from')!.getAttribute('aria-invalid')).not.toBe('true');
  });
});
