// The words of the applications report, from the catalogue: the core writes the rows, this
// names them, so the report speaks the candidate's language.
import type { Platform, ReportWords, Stage } from '../../lib/bindings';
import { t, day } from '../../lib/i18n.svelte';

const STAGES: Stage[] = [
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
const PLATFORMS: Platform[] = ['talentlink', 'recruitment_hub'];

export function reportWords(nowIso: string): ReportWords {
  return {
    title: t('exports.reportTitle'),
    subtitle: t('exports.reportSubtitle', { date: day(nowIso) }),
    platform: t('exports.column.platform'),
    reference: t('exports.column.reference'),
    vacancyTitle: t('exports.column.title'),
    outcome: t('exports.column.outcome'),
    stages: STAGES.map((stage) => ({ stage, name: t(`stage.${stage}`) })),
    platforms: PLATFORMS.map((platform) => ({ platform, name: t(`platform.${platform}`) })),
  };
}

export function reportFileName(nowIso: string): string {
  return t('exports.reportFile', { date: nowIso.slice(0, 10) });
}
