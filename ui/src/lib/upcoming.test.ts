import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { UpcomingItem as UpcomingItem } from './bindings';
import { dashboardMoments, keepFirstMoments, DASHBOARD_SHOWN } from './upcoming';

afterEach(() => clearMocks());

const moment = (subject: string) => ({ kind: 'deadline', subject }) as unknown as UpcomingItem;

describe('dashboard moments', () => {
  it('serves the moments that came with the window once, then asks the app', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      asked.push([cmd, args]);
      return [moment('fresh')];
    });
    keepFirstMoments([moment('with the window')]);

    expect((await dashboardMoments()).map((m) => m.subject)).toEqual(['with the window']);
    expect(asked).toEqual([]);

    expect((await dashboardMoments()).map((m) => m.subject)).toEqual(['fresh']);
    expect(asked).toEqual([['upcoming_list', { limit: DASHBOARD_SHOWN + 1 }]]);
  });
});
