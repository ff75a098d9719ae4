// One guard for every form that can hold edits not yet saved. Leaving the page (a link, the
// sidebar, back/forward, a notification click) or closing the window first asks it; when a
// registered form is dirty the candidate chooses: save, discard, or stay. Without this, typed
// changes were dropped as soon as another view was opened.

export type Choice = 'save' | 'discard' | 'stay';

export type GuardedForm = {
  /** Whether the form holds changes that are not saved. */
  isDirty: () => boolean;
  /** Saves what the form holds; false when it was not saved (a field refused, a failure), in
   * which case the form shows why and the candidate stays on it. */
  save: () => Promise<boolean>;
  /** Puts the form back as it was saved, so it is clean again. */
  discard?: () => void;
};

// Not reactive: it is read only when leaving is asked about, never rendered.
let forms: GuardedForm[] = [];

// The open question, shown by `UnsavedDialog.svelte`; `answer` settles it.
export const question = $state({ open: false });
let settle: ((choice: Choice) => void) | null = null;

/** Registers `form` with the guard; the returned function lets go of it. */
export function register(form: GuardedForm): () => void {
  forms = [...forms, form];
  return () => {
    forms = forms.filter((other) => other !== form);
  };
}

/** Registers `form` for as long as the component calling this is mounted. */
export function guardForm(form: GuardedForm): void {
  $effect(() => register(form));
}

function dirtyForms(): GuardedForm[] {
  return forms.filter((form) => form.isDirty());
}

export function hasUnsaved(): boolean {
  return dirtyForms().length > 0;
}

/** The dialog's answer. */
export function answer(choice: Choice): void {
  const done = settle;
  settle = null;
  question.open = false;
  done?.(choice);
}

function ask(): Promise<Choice> {
  // A second question while one is open (a second click) is answered by the first.
  if (settle) return Promise.resolve('stay');
  question.open = true;
  return new Promise((resolve) => (settle = resolve));
}

/** Whether the page may be left now: true at once when nothing is dirty; otherwise after the
 * candidate chose to save (and every dirty form saved) or to discard. */
export async function mayLeave(): Promise<boolean> {
  const dirty = dirtyForms();
  if (dirty.length === 0) return true;
  const choice = await ask();
  if (choice === 'stay') return false;
  if (choice === 'discard') {
    for (const form of dirty) form.discard?.();
    return true;
  }
  for (const form of dirty) {
    // A refused save keeps the candidate on the form, where its field errors now show.
    if (!(await form.save().catch(() => false))) return false;
  }
  return true;
}

/** Forgets every form and any open question; for tests. */
export function resetGuard(): void {
  forms = [];
  answer('stay');
}
