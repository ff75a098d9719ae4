import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerClose, closeQuestion, type CloseQuestion } from './close-choice.svelte';
import { resetGuard } from './unsaved.svelte';
import { onCloseRequest } from './window-close';

const request = () => ({
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

/** A question that is needed or not, answering as the dialog would. */
function question(needed: boolean, answer: boolean): CloseQuestion & { asked: number } {
  const q = {
    asked: 0,
    needed: async () => needed,
    ask: async () => {
      q.asked += 1;
      return answer;
    },
  };
  return q;
}

afterEach(() => {
  resetGuard();
  answerClose(null);
});

describe('the first close of the window', () => {
  it('asks where a tray can keep Dossier, and closes once answered', async () => {
    const event = request();
    const destroy = vi.fn(async () => {});
    const asking = question(true, true);
    await onCloseRequest(event, destroy, asking);
    expect(event.prevented).toBe(true);
    expect(asking.asked).toBe(1);
    expect(destroy).toHaveBeenCalledOnce();
  });

  it('keeps the window when the candidate does not answer', async () => {
    const event = request();
    const destroy = vi.fn(async () => {});
    await onCloseRequest(event, destroy, question(true, false));
    expect(event.prevented).toBe(true);
    expect(destroy).not.toHaveBeenCalled();
  });

  it('asks nothing once answered, or where there is no tray', async () => {
    const event = request();
    const destroy = vi.fn(async () => {});
    const quiet = question(false, true);
    await onCloseRequest(event, destroy, quiet);
    expect(event.prevented).toBe(false);
    expect(quiet.asked).toBe(0);
  });

  it('opens one question at a time; a second close while it is open keeps the window', async () => {
    expect(closeQuestion.open).toBe(false);
    const { askOnFirstClose } = await import('./close-choice.svelte');
    const first = askOnFirstClose.ask();
    expect(closeQuestion.open).toBe(true);
    expect(await askOnFirstClose.ask()).toBe(false);
    answerClose(null);
    expect(await first).toBe(false);
    expect(closeQuestion.open).toBe(false);
  });
});
