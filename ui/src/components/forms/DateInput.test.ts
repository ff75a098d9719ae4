import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import DateInput from './DateInput.svelte';

let shown: Record<string, unknown> | null = null;
afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = '';
});

// jsdom speaks en-US: dates are typed month first.
function show(initial: string) {
  const bound = { value: initial };
  shown = mount(DateInput, {
    target: document.body,
    props: {
      get value() {
        return bound.value;
      },
      set value(next: string) {
        bound.value = next;
      },
      name: 'when',
    },
  });
  flushSync();
  const input = document.querySelector<HTMLInputElement>('input[name=when]')!;
  const type = (text: string, commit = true) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
  };
  return { bound, input, type };
}

describe('DateInput', () => {
  it('shows no date as an empty box, with the format beside it', () => {
    const { input } = show('');
    expect(input.value).toBe('');
    expect(input.type).toBe('text');
    const hint = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.textContent).toBe('MM/DD/YYYY or YYYY-MM-DD');
  });

  it('shows a bound ISO date in the candidate’s order', () => {
    expect(show('1990-05-04').input.value).toBe('05/04/1990');
  });

  it('binds a typed ISO date as that date, and writes it out in the candidate’s order', () => {
    const { bound, input, type } = show('');
    type('1990-05-04');
    expect(bound.value).toBe('1990-05-04');
    expect(input.value).toBe('05/04/1990');
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('binds a date typed in the candidate’s order', () => {
    const { bound, type } = show('');
    type('12/31/2026');
    expect(bound.value).toBe('2026-12-31');
  });

  it('says what is wrong with an impossible date once it is left, and binds no date', () => {
    const { bound, input, type } = show('2020-01-01');
    type('02/30/2023', false);
    expect(bound.value).toBe('');
    expect(document.querySelector('[role=alert]')).toBeNull();
    type('02/30/2023');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const alert = document.querySelector('[role=alert]')!;
    expect(alert.textContent).toBe('February 2023 has no day 30.');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    type('');
    expect(document.querySelector('[role=alert]')).toBeNull();
  });

  it('keeps a half-typed date in the box while it binds no date', () => {
    const { bound, input, type } = show('2020-01-01');
    type('05/0', false);
    expect(bound.value).toBe('');
    expect(input.value).toBe('05/0');
  });
});
