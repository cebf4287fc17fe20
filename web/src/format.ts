// Display in Beijing time whatever the browser's zone (the office and the bot think in one zone).
const ZONE = 'Asia/Shanghai';

const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function fmtDate(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d).replace(/\//g, '-');
}

export function fmtTime(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFmt.format(d).replace(/\//g, '-');
}

/** This year in Beijing time. */
export function thisYear(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: ZONE, year: 'numeric' }).format(new Date()));
}

export function recentYears(count = 5): number[] {
  const y = thisYear();
  return Array.from({ length: count }, (_, i) => y - i);
}
