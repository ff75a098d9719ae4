import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import VacancyForm from './VacancyForm.svelte';
import { setDates } from '../../lib/i18n.svelte';
import { emptyForm, type VacancyForm as Form } from '../../lib/vacancy-form';

afterEach(() => {
  cleanup();
  setDates('system', 'system');
  document.body.innerHTML = '';
});

function show(initial: Partial<Form> = {}) {
  const form = $state({ ...emptyForm(), ...initial });
  const saved: Form[] = [];
  const view = render(VacancyForm, {
    props: {
      get form() {
        return form;
      },
      set form(next: Form) {
        Object.assign(form, next);
      },
      submitLabel: 'Save',
      onsubmit: () => saved.push({ ...form }),
      oncancel: () => {},
    },
  });
  const time = view.getByTestId('deadline-time') as HTMLInputElement;
  return { form, saved, time, view };
}

async function type(input: HTMLInputElement, text: string) {
  await fireEvent.input(input, { target: { value: text } });
  await fireEvent.change(input, { target: { value: text } });
}

describe('the deadline time', () => {
  it('is typed in the 12-hour style chosen in Settings, or on the 24-hour clock', async () => {
    setDates('system', 'h12');
    const { form, time } = show();
    await type(time, '11:59 pm');
    expect(form.deadlineTime).toBe('23:59');
    expect(time.value).toBe('11:59 PM');
    await type(time, '17:00');
    expect(form.deadlineTime).toBe('17:00');
    expect(time.value).toBe('5:00 PM');
  });

  it('shows a loaded time, and the end-of-day hint, in the chosen style', () => {
    setDates('system', 'h12');
    const { time, view } = show({ deadlineTime: '23:59' });
    expect(time.value).toBe('11:59 PM');
    expect(view.container.querySelector('#deadlineTime-hint')?.textContent).toContain('11:59 PM');
    expect(time.getAttribute('aria-describedby')).toContain('deadlineTime-hint');
  });

  it('holds the form back, with the focus on it, while the typed time is wrong', async () => {
    const { saved, time, view } = show({ platform: 'talentlink', reference: 'R', title: 'T' });
    await type(time, '25:00');
    (view.getByRole('button', { name: 'Save' }) as HTMLButtonElement).focus();
    await fireEvent.submit(view.getByTestId('vacancy-form'));
    expect(saved).toHaveLength(0);
    expect(document.activeElement).toBe(time);
    await type(time, '23:00');
    await fireEvent.submit(view.getByTestId('vacancy-form'));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.deadlineTime).toBe('23:00');
  });
});
