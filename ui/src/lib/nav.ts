import type { Component } from 'svelte';
import LayoutDashboard from '@lucide/svelte/icons/layout-dashboard';
import Briefcase from '@lucide/svelte/icons/briefcase';
import Send from '@lucide/svelte/icons/send';
import FolderLock from '@lucide/svelte/icons/folder-lock';
import UserRound from '@lucide/svelte/icons/user-round';
import Settings from '@lucide/svelte/icons/settings';
import type { Route } from './router.svelte';

export type IconComponent = Component<{ size?: number; 'aria-hidden'?: boolean; class?: string }>;

export const navIcons: Record<Route, IconComponent> = {
  dashboard: LayoutDashboard,
  vacancies: Briefcase,
  applications: Send,
  documents: FolderLock,
  profile: UserRound,
  settings: Settings,
};

/** Icons that point a way (the paper plane flies forward): mirrored in a right-to-left window. */
export const directionalNavIcons: ReadonlySet<Route> = new Set<Route>(['applications']);
