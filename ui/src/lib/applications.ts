// Pure helpers for the applications views: which countdown an application shows next, and the
// calendar day "today" is where the candidate is.
import type {
  Application as Application,
  BoardColumn as BoardColumn,
  Stage,
  UpcomingItem as UpcomingItem,
} from './bindings';

/** The most urgent upcoming moment about this application (its own, or its vacancy's
 * deadline); `items` come most urgent first from the backend, so the first match wins. */
export function nextFor(
  application: Pick<Application, 'id' | 'vacancyId'>,
  items: readonly UpcomingItem[],
): UpcomingItem | null {
  return (
    items.find(
      (item) =>
        item.applicationId === application.id ||
        (item.applicationId === null && item.vacancyId === application.vacancyId),
    ) ?? null
  );
}

/** The calendar date (`YYYY-MM-DD`) of the instant `ms` in `zone`, as a date input wants it. */
export function dateInZone(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `HH:MM` from a time input to the `HH:MM:SS` the backend reads, and back. */
export function toBackendTime(value: string): string {
  return /^\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
}

export function fromBackendTime(value: string): string {
  return value.slice(0, 5);
}

/** The zone a step's calendar day was recorded in: the vacancy's, else UTC (as the backend
 * does), so "last change" shows the day the candidate entered, not the day before. */
export function stepZone(application: Pick<Application, 'deadlineZone'>): string {
  return application.deadlineZone ?? 'UTC';
}

/** The board's lanes, left to right, each holding one or more stages in process order. Grouping
 * keeps the board to the width of a window; within a lane each stage keeps its own heading and
 * drop target. */
export type LaneName = 'before' | 'submitted' | 'selection' | 'offer' | 'outcome';

export const BOARD_LANES: readonly { lane: LaneName; stages: readonly Stage[] }[] = [
  { lane: 'before', stages: ['interested', 'preparing'] },
  { lane: 'submitted', stages: ['submitted'] },
  { lane: 'selection', stages: ['shortlisted', 'test_or_assessment', 'interview', 'written_exam'] },
  { lane: 'offer', stages: ['offer', 'pre_employment_checks'] },
  { lane: 'outcome', stages: ['accepted', 'declined', 'unsuccessful', 'no_response', 'withdrawn', 'rostered'] },
];

export type BoardLane = { lane: LaneName; columns: BoardColumn[]; count: number };

/** The backend's columns (one per stage) placed in the board's lanes. */
export function boardLanes(columns: readonly BoardColumn[]): BoardLane[] {
  return BOARD_LANES.map(({ lane, stages }) => {
    const inLane = stages.map(
      (stage) => columns.find((c) => c.stage === stage) ?? { stage, label: stage, applications: [] },
    );
    return { lane, columns: inLane, count: inLane.reduce((n, c) => n + c.applications.length, 0) };
  });
}

/** What a lane draws, top to bottom, as one list (so only what is on screen is drawn): each
 * stage's heading where the lane holds several stages, followed by that stage's cards. */
export type LaneItem =
  { kind: 'stage'; stage: Stage; count: number } | { kind: 'card'; stage: Stage; application: Application };

export function laneItems(lane: Pick<BoardLane, 'columns'>): LaneItem[] {
  const headed = lane.columns.length > 1;
  return lane.columns.flatMap((column): LaneItem[] =>
    column.applications.length === 0
      ? []
      : [
          ...(headed ? [{ kind: 'stage' as const, stage: column.stage, count: column.applications.length }] : []),
          ...column.applications.map((application) => ({ kind: 'card' as const, stage: column.stage, application })),
        ],
  );
}

/** Where application `id` is drawn: its lane and its place in that lane's items. */
export function placeOf(
  lanes: readonly (Pick<BoardLane, 'lane'> & { items: readonly LaneItem[] })[],
  id: number,
): { lane: LaneName; index: number } | null {
  for (const { lane, items } of lanes) {
    const index = items.findIndex((item) => item.kind === 'card' && item.application.id === id);
    if (index >= 0) return { lane, index };
  }
  return null;
}
