import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import TimeInput from './TimeInput.svelte';
import { setDates } from '../../lib/i18n.svelte';

let shown: Record<string, unknown> | null = null;
afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  setDates('system', 'system');
  document.body.innerHTML = '';
});

function show(initial: string) {
  const bound = { value: initial };
  shown = mount(TimeInput, {
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

describe('TimeInput', () => {
  it('is one text box, empty when there is no time', () => {
    const { input } = show('');
    expect(input.type).toBe('text');
    expect(input.value).toBe('');
  });

  it('writes the bound time in the hour style chosen in Settings', () => {
    setDates('system', 'h24');
    expect(show('14:30').input.value).toBe('14:30');
    unmount(shown!);
    setDates('system', 'h12');
    const { input } = show('14:30');
    expect(input.value.replace(/\s/g, ' ')).toBe('2:30 PM');
    const hint = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.textContent?.replace(/\s/g, ' ')).toBe('For example 2:30 PM');
  });

  it('binds a typed time and writes it out in the chosen style', () => {
    setDates('system', 'h24');
    const { bound, input, type } = show('');
    type('2.30pm');
    expect(bound.value).toBe('14:30');
    expect(input.value).toBe('14:30');
    type('1430');
    expect(bound.value).toBe('14:30');
  });

  it('names an impossible time once it is left, binds none, and holds the form back', () => {
    const { bound, input, type } = show('10:00');
    type('25:00', false);
    expect(bound.value).toBe('');
    expect(document.querySelector('[role=alert]')).toBeNull();
    type('25:00');
    const alert = document.querySelector('[role=alert]')!;
    expect(alert.textContent).toBe('There is no hour 25: hours go from 0 to 23.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.validity.valid).toBe(false);
    type('');
    expect(document.querySelector('[role=alert]')).toBeNull();
    expect(input.validity.valid).toBe(true);
  });
});
