// Tells the app, once per window, that the Dashboard has painted with its data. The app only
// passes this on when `make bench` asks it to (DOSSIER_REPORT_PAINT); otherwise it is a no-op.
import { ipc } from './ipc';

let reported = false;

export function reportPainted(): void {
  if (reported) return;
  reported = true;
  // The first frame lays out and paints what Svelte just put in the page; once the second
  // begins, the first has reached the screen.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      ipc.startupPainted(performance.now()).catch(() => {
        // A measurement hook that fails must never disturb the candidate.
      });
    }),
  );
}
