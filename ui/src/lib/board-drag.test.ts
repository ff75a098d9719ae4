import { describe, expect, it } from 'vitest';
import type { BoardColumn as BoardColumn, Stage } from './bindings';
import { boardLanes, laneItems, placeOf } from './applications';
import { DROP_ATTRIBUTE, dropStageIn } from './board-drag';

function lane(stage: string): { lane: HTMLElement; inner: HTMLElement } {
  const lane = document.createElement('section');
  lane.setAttribute(DROP_ATTRIBUTE, stage);
  const inner = document.createElement('span');
  lane.append(inner);
  document.body.append(lane);
  return { lane, inner };
}

describe('dropping a card on the board', () => {
  it('lands on the topmost lane under the pointer, through what the lane contains', () => {
    const submitted = lane('submitted');
    const shortlisted = lane('shortlisted');
    expect(dropStageIn([shortlisted.inner, document.body], ['shortlisted', 'withdrawn'])).toBe('shortlisted');
    expect(dropStageIn([document.body, submitted.lane], ['submitted'])).toBe('submitted');
  });

  it('lands nowhere on a lane the card may not move to, nor outside every lane', () => {
    const offer = lane('offer');
    const interview = lane('interview');
    // The topmost lane decides: a forbidden lane does not let the drop fall through to one below.
    expect(dropStageIn([offer.inner, interview.lane], ['interview'])).toBeNull();
    expect(dropStageIn([document.body], ['interview'])).toBeNull();
    expect(dropStageIn([], ['interview'])).toBeNull();
  });
});

describe('board lanes', () => {
  const stages: Stage[] = [
    'interested',
    'preparing',
    'submitted',
    'shortlisted',
    'test_or_assessment',
    'interview',
    'written_exam',
    'offer',
    'pre_employment_checks',
    'accepted',
    'declined',
    'unsuccessful',
    'no_response',
    'withdrawn',
    'rostered',
  ];
  const columns = stages.map((stage, i): BoardColumn => ({
    stage,
    label: stage,
    applications: i % 4 === 0 ? [{ id: i } as never] : [],
  }));

  it('places every stage in exactly one lane, in process order', () => {
    const lanes = boardLanes(columns);
    expect(lanes.flatMap((l) => l.columns.map((c) => c.stage))).toEqual(stages);
    expect(lanes.map((l) => l.lane)).toEqual(['before', 'submitted', 'selection', 'offer', 'outcome']);
  });

  it('counts the applications of each lane', () => {
    // Every fourth stage holds one application: interested, shortlisted, offer, no response.
    expect(boardLanes(columns).map((l) => l.count)).toEqual([1, 0, 1, 1, 1]);
  });

  it('keeps a lane whole when the backend sends no column for a stage', () => {
    const lanes = boardLanes(columns.filter((c) => c.stage !== 'written_exam'));
    expect(lanes[2]!.columns.map((c) => c.stage)).toEqual([
      'shortlisted',
      'test_or_assessment',
      'interview',
      'written_exam',
    ]);
    expect(lanes[2]!.columns[3]!.applications).toEqual([]);
  });
});

describe('what a lane draws', () => {
  const card = (id: number) => ({ id }) as never;
  const column = (stage: Stage, ids: number[]): BoardColumn => ({ stage, label: stage, applications: ids.map(card) });

  it('lists a lane of one stage as its cards alone', () => {
    const items = laneItems({ columns: [column('submitted', [1, 2, 3])] });
    expect(items.map((i) => i.kind)).toEqual(['card', 'card', 'card']);
  });

  it('heads each stage of a shared lane with its count, and leaves out empty stages', () => {
    const items = laneItems({
      columns: [column('shortlisted', [4]), column('test_or_assessment', []), column('interview', [5, 6])],
    });
    expect(items.map((i) => (i.kind === 'stage' ? `${i.stage}:${i.count}` : i.application.id))).toEqual([
      'shortlisted:1',
      4,
      'interview:2',
      5,
      6,
    ]);
  });

  it('finds the lane and the place a moved card is drawn at, even far down a long lane', () => {
    const lanes = boardLanes([
      column(
        'submitted',
        Array.from({ length: 1500 }, (_, i) => i + 1),
      ),
      column('shortlisted', [2001]),
      column('interview', [2002]),
    ]).map((lane) => ({ lane: lane.lane, items: laneItems(lane) }));
    expect(placeOf(lanes, 1500)).toEqual({ lane: 'submitted', index: 1499 });
    expect(placeOf(lanes, 2002)).toEqual({ lane: 'selection', index: 3 });
    expect(placeOf(lanes, 9)).toEqual({ lane: 'submitted', index: 8 });
    expect(placeOf(lanes, 7777)).toBeNull();
  });
});
