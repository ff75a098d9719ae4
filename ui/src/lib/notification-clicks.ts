// A click on a reminder (a native notification) brings the window forward; the Rust side then
// says what the reminder was about, and the window opens it.
// The channel is typed with the lenient (deserialize) shape: ids may be absent or null.
import type {
  NotificationTarget_Deserialize as NotificationTarget,
  OpenRequest_Deserialize as OpenRequest,
} from './bindings';
import { Channel, ipc } from './ipc';
import { router, type Route } from './router.svelte';

/** The page a reminder leads to: the application when there is one, else what it counts down
 * to; a summary of several reminders opens the Dashboard, which lists them. */
export function pageFor(target: NotificationTarget | null | undefined): [Route, ...number[]] {
  if (!target) return ['dashboard'];
  if (target.applicationId != null) return ['applications', target.applicationId];
  if (target.documentId != null) return ['documents', target.documentId];
  if (target.vacancyId != null) return ['vacancies', target.vacancyId];
  return ['dashboard'];
}

export async function watchNotificationClicks(): Promise<void> {
  const channel = new Channel<OpenRequest>();
  channel.onmessage = (request) => {
    const [route, ...rest] = pageFor(request.target);
    router.go(route, ...rest);
  };
  await ipc.notificationsWatchClicks(channel);
}
