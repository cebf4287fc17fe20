import { computed } from 'vue';
import { type LocationQuery, useRoute, useRouter } from 'vue-router';
import type { OpinionListQuery } from '@contracts';
import { thisYear } from './format';

export const FILTER_KEYS = ['year', 'status', 'category', 'unit', 'source', 'filer', 'due', 'colour', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type OpinionFilters = Record<FilterKey, string>;
type Paging = Required<Pick<OpinionListQuery, 'sort' | 'order' | 'page' | 'pageSize'>>;

function one(q: LocationQuery, k: string): string {
  const v = q[k];
  return typeof v === 'string' ? v : '';
}

/**
 * The opinions list's filters, order and page, held in the URL (the source of truth: a filtered list can be
 * bookmarked, shared and reloaded). `push` changes some of them; defaults stay out of the URL.
 */
export function useOpinionQuery() {
  const route = useRoute();
  const router = useRouter();

  const query = computed(() => {
    const q = route.query;
    return {
      ...Object.fromEntries(FILTER_KEYS.map((k) => [k, k === 'year' ? one(q, k) || String(thisYear()) : one(q, k)])),
      sort: one(q, 'sort') || 'filedAt',
      order: one(q, 'order') || 'desc',
      page: Number(one(q, 'page')) || 1,
      pageSize: Number(one(q, 'pageSize')) || 20,
    } as OpinionFilters & Paging;
  });

  function push(patch: Record<string, string | number>) {
    const next: Record<string, string> = {};
    const merged = { ...query.value, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== '' && v !== undefined) next[k] = String(v);
    if (next.sort === 'filedAt') delete next.sort;
    if (next.order === 'desc') delete next.order;
    if (next.page === '1') delete next.page;
    if (next.pageSize === '20') delete next.pageSize;
    void router.push({ query: next });
  }
  const reset = () => void router.push({ query: {} });

  return { query, push, reset };
}
