import { type Ref, ref } from 'vue';
import { errorText, fieldErrors } from './api/request';

/** What a list call answers: its rows, and for a paged list the total and the page it is. */
export interface ListAnswer<Row> {
  items: Row[];
  total?: number;
  page?: number;
}

/**
 * The one state of a list page: rows, paging, loading and the failure (its sentence, and the filters it
 * blames). `fetchPage` reads the page's own query; an older answer never replaces a newer one.
 */
export function useList<Row>(fetchPage: (page: number) => Promise<ListAnswer<Row>>) {
  const rows = ref([]) as Ref<Row[]>;
  const total = ref(0);
  const page = ref(1);
  const loading = ref(false);
  const error = ref('');
  const fields = ref<Record<string, string>>({});
  let asked = 0;

  async function load(p: number = page.value): Promise<void> {
    const mine = ++asked;
    loading.value = true;
    error.value = '';
    fields.value = {};
    try {
      const r = await fetchPage(p);
      if (mine !== asked) return;
      rows.value = r.items;
      total.value = r.total ?? r.items.length;
      page.value = r.page ?? p;
    } catch (err) {
      if (mine !== asked) return;
      error.value = errorText(err);
      fields.value = fieldErrors(err);
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  return { rows, total, page, loading, error, fields, load };
}
