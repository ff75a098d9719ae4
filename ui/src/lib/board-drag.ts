// Dragging a card on the applications board with the pointer. Pointer events rather than the
// HTML drag-and-drop API: the window hands native drags to the shell (files dropped into the
// vault), so HTML drags never reach the page on every desktop. The keyboard has the card's
// "Move to" menu instead.

/** Elements a card can be dropped on carry the stage they stand for. */
export const DROP_ATTRIBUTE = 'data-drop-stage';

/** Distance the pointer travels before a press becomes a drag, so a click still opens. */
const DRAG_THRESHOLD_PX = 6;

/** The stage under the pointer, among `elements` (topmost first, as `elementsFromPoint` gives
 * them), if the card may move there; `null` otherwise. */
export function dropStageIn(elements: readonly Element[], allowed: readonly string[]): string | null {
  for (const element of elements) {
    const stage = element.closest(`[${DROP_ATTRIBUTE}]`)?.getAttribute(DROP_ATTRIBUTE);
    if (stage) return allowed.includes(stage) ? stage : null;
  }
  return null;
}

export type CardDrag = {
  /** Stages the card may move to. */
  allowed: readonly string[];
  /** Tells the board a drag started (`true`) or ended, and where it would land now. */
  onchange: (dragging: boolean, over: string | null) => void;
  ondrop: (stage: string) => void;
};

/** Svelte action: makes `node` draggable onto drop targets by pointer. */
export function draggableCard(node: HTMLElement, options: CardDrag) {
  let current = options;
  let start: { x: number; y: number; pointer: number } | null = null;
  let dragging = false;
  let over: string | null = null;
  // What follows the pointer: a copy of the card floating over the page, since the card itself
  // sits in its lane's scrolling box, which would hide it the moment it left the lane.
  let ghost: { element: HTMLElement; x: number; y: number } | null = null;

  function reset() {
    start = null;
    dragging = false;
    over = null;
    ghost?.element.remove();
    ghost = null;
    node.classList.remove('dragging');
  }

  function lift() {
    // Pointer coordinates are the screen's, not the text's direction: the copy is placed by them.
    const rect = node.getBoundingClientRect();
    const element = node.cloneNode(true) as HTMLElement;
    element.classList.remove('dragging');
    element.classList.add('drag-ghost');
    element.removeAttribute('data-testid');
    element.setAttribute('aria-hidden', 'true');
    Object.assign(element.style, {
      position: 'fixed',
      top: '0',
      left: '0',
      width: `${rect.width}px`,
      margin: '0',
      pointerEvents: 'none',
      zIndex: '1000',
    });
    document.body.append(element);
    ghost = { element, x: rect.x, y: rect.y };
  }

  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0 || (event.target as Element).closest('button, [role="menu"]')) return;
    start = { x: event.clientX, y: event.clientY, pointer: event.pointerId };
  }

  function onPointerMove(event: PointerEvent) {
    if (!start || event.pointerId !== start.pointer) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!dragging) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      dragging = true;
      node.setPointerCapture?.(event.pointerId);
      node.classList.add('dragging');
      lift();
      current.onchange(true, null);
    }
    event.preventDefault();
    if (ghost) ghost.element.style.transform = `translate(${ghost.x + dx}px, ${ghost.y + dy}px)`;
    const under = document
      .elementsFromPoint(event.clientX, event.clientY)
      .filter((e) => !node.contains(e) && !ghost?.element.contains(e));
    const now = dropStageIn(under, current.allowed);
    if (now !== over) {
      over = now;
      current.onchange(true, over);
    }
  }

  function onPointerUp(event: PointerEvent) {
    if (!start || event.pointerId !== start.pointer) return;
    const target = dragging ? over : null;
    const wasDragging = dragging;
    reset();
    if (wasDragging) {
      // The release ends a drag, not a click on the card's link; the click comes right after
      // the release or not at all.
      node.addEventListener('click', swallow, true);
      setTimeout(() => node.removeEventListener('click', swallow, true), 0);
      current.onchange(false, null);
      if (target) current.ondrop(target);
    }
  }

  function swallow(e: Event) {
    e.preventDefault();
  }

  function onCancel() {
    if (dragging) current.onchange(false, null);
    reset();
  }

  function onKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape' && dragging) onCancel();
  }

  node.addEventListener('pointerdown', onPointerDown);
  node.addEventListener('pointermove', onPointerMove);
  node.addEventListener('pointerup', onPointerUp);
  node.addEventListener('pointercancel', onCancel);
  window.addEventListener('keydown', onKeydown);
  return {
    update(next: CardDrag) {
      current = next;
    },
    destroy() {
      ghost?.element.remove();
      node.removeEventListener('pointerdown', onPointerDown);
      node.removeEventListener('pointermove', onPointerMove);
      node.removeEventListener('pointerup', onPointerUp);
      node.removeEventListener('pointercancel', onCancel);
      window.removeEventListener('keydown', onKeydown);
    },
  };
}
