import { describe, expect, it } from 'vitest';
import type { BoardColumn as BoardColumn, Stage } from './bindings';
import { boardLanes } from './applications';
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
