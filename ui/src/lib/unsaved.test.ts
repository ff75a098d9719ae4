import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';
import { tick } from 'svelte';
import UnsavedDialog from '../components/UnsavedDialog.svelte';
import { router } from './router.svelte';
import { answer, hasUnsaved, mayLeave, question, register, resetGuard, type GuardedForm } from './unsaved.svelte';
import { onCloseRequest } from './window-close';

/** A form whose edits can be made, saved (or refused) and discarded. */
type FakeForm = GuardedForm & {
  dirty: boolean;
  saved: number;
  discarded: number;
  save: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
};

function fakeForm(saves = true): FakeForm {
  const form: FakeForm = {
    dirty: false,
    saved: 0,
    discarded: 0,
    isDirty: () => form.dirty,
    save: vi.fn(async () => {
      form.saved += 1;
      if (saves) form.dirty = false;
      return saves;
    }),
    discard: () => {
      form.discarded += 1;
      form.dirty = false;
    },
  };
  return form;
}

/** Waits until the guard asks its question. */
async function asked() {
  await vi.waitFor(() => expect(question.open).toBe(true));
}

beforeEach(() => {
  resetGuard();
  router.go('profile');
});
afterEach(() => resetGuard());

describe('unsaved changes guard', () => {
  it('lets a clean form be left at once, without asking', async () => {
    register(fakeForm());
    router.go('vacancies');
    expect(router.current).toBe('vacancies');
    expect(question.open).toBe(false);
    expect(await mayLeave()).toBe(true);
    expect(question.open).toBe(false);
  });

  it('holds navigation back while a form is dirty, and staying keeps the page and the edits', async () => {
    const form = fakeForm();
    register(form);
    form.dirty = true;
    router.go('vacancies', 3);
    await asked();
    expect(router.current).toBe('profile');
    answer('stay');
    await tick();
    await Promise.resolve();
    expect(router.current).toBe('profile');
    expect(form.saved).toBe(0);
    expect(form.discarded).toBe(0);
    expect(hasUnsaved()).toBe(true);
  });

  it('saves and then leaves when the candidate chooses save', async () => {
    const form = fakeForm();
    register(form);
    form.dirty = true;
    router.go('vacancies', 3);
    await asked();
    answer('save');
    await vi.waitFor(() => expect(router.current).toBe('vacancies'));
    expect(router.rest).toEqual(['3']);
    expect(form.saved).toBe(1);
    expect(hasUnsaved()).toBe(false);
  });

  it('keeps the candidate on the form when the save is refused', async () => {
    const form = fakeForm(false);
    register(form);
    form.dirty = true;
    const leaving = mayLeave();
    await asked();
    answer('save');
    expect(await leaving).toBe(false);
    expect(form.save).toHaveBeenCalledOnce();
    expect(question.open).toBe(false);

    // And through the router: the page stays.
    router.go('settings');
    await asked();
    answer('save');
    await vi.waitFor(() => expect(form.save).toHaveBeenCalledTimes(2));
    await Promise.resolve();
    expect(router.current).toBe('profile');
  });

  it('treats a save that throws as not saved', async () => {
    const form = fakeForm();
    form.save.mockImplementation(async () => {
      throw new Error('disk full');
    });
    register(form);
    form.dirty = true;
    const leaving = mayLeave();
    await asked();
    answer('save');
    expect(await leaving).toBe(false);
  });

  it('discards and leaves when the candidate chooses discard', async () => {
    const form = fakeForm();
    register(form);
    form.dirty = true;
    router.go('documents');
    await asked();
    answer('discard');
    await vi.waitFor(() => expect(router.current).toBe('documents'));
    expect(form.discarded).toBe(1);
    expect(form.saved).toBe(0);
  });

  it('asks only about dirty forms, and forgets a form let go of', async () => {
    const clean = fakeForm();
    const dirty = fakeForm();
    register(clean);
    const release = register(dirty);
    dirty.dirty = true;
    const leaving = mayLeave();
    await asked();
    answer('save');
    expect(await leaving).toBe(true);
    expect(clean.saved).toBe(0);
    expect(dirty.saved).toBe(1);

    dirty.dirty = true;
    release();
    expect(hasUnsaved()).toBe(false);
    router.go('settings');
    expect(router.current).toBe('settings');
  });

  it('holds back a change of address made by back/forward, and goes back when leaving', async () => {
    const form = fakeForm();
    register(form);
    form.dirty = true;
    const back = vi.spyOn(history, 'back').mockImplementation(() => {});
    try {
      location.hash = '#/vacancies';
      expect(router.sync()).toBe(false);
      // The form's own address is put back while the candidate is asked.
      expect(location.hash).toBe('#/profile');
      expect(router.current).toBe('profile');
      await asked();
      answer('stay');
      await Promise.resolve();
      expect(back).not.toHaveBeenCalled();

      location.hash = '#/vacancies';
      expect(router.sync()).toBe(false);
      await asked();
      answer('discard');
      await vi.waitFor(() => expect(back).toHaveBeenCalledOnce());
      expect(router.current).toBe('vacancies');
    } finally {
      back.mockRestore();
    }
  });
});

describe('the unsaved changes dialog', () => {
  it('asks with save, discard and stay, focuses stay, and Escape means stay', async () => {
    render(UnsavedDialog);
    const form = fakeForm();
    register(form);
    form.dirty = true;
    const leaving = mayLeave();
    const dialog = await screen.findByTestId('unsaved-dialog');
    expect(dialog.textContent).toContain('Save your changes?');
    const stay = screen.getByTestId('unsaved-stay');
    await waitFor(() => expect(document.activeElement).toBe(stay));
    expect(screen.getByTestId('unsaved-save').textContent).toContain('Save');
    expect(screen.getByTestId('unsaved-discard').textContent).toContain('Discard');
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(await leaving).toBe(false);
    expect(form.saved + form.discarded).toBe(0);
  });

  it('saves through the dialog', async () => {
    render(UnsavedDialog);
    const form = fakeForm();
    register(form);
    form.dirty = true;
    const leaving = mayLeave();
    (await screen.findByTestId('unsaved-save')).click();
    expect(await leaving).toBe(true);
    expect(form.saved).toBe(1);
  });
});

describe('closing the window', () => {
  const request = () => ({
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  });

  it('closes at once when nothing is unsaved', async () => {
    register(fakeForm());
    const event = request();
    const destroy = vi.fn(async () => {});
    await onCloseRequest(event, destroy);
    expect(event.prevented).toBe(false);
    expect(question.open).toBe(false);
  });

  it('stays open when the candidate stays or the save is refused, and closes after discard', async () => {
    const form = fakeForm(false);
    register(form);
    form.dirty = true;
    const destroy = vi.fn(async () => {});

    const staying = request();
    const first = onCloseRequest(staying, destroy);
    await asked();
    expect(staying.prevented).toBe(true);
    answer('stay');
    await first;
    expect(destroy).not.toHaveBeenCalled();

    const refused = request();
    const second = onCloseRequest(refused, destroy);
    await asked();
    answer('save');
    await second;
    expect(form.saved).toBe(1);
    expect(destroy).not.toHaveBeenCalled();

    const discarding = request();
    const third = onCloseRequest(discarding, destroy);
    await asked();
    answer('discard');
    await third;
    expect(destroy).toHaveBeenCalledOnce();
  });
});
