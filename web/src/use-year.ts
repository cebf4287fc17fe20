import { type Ref, ref, watch } from 'vue';
import { errorText } from './api/request';
import { recentYears, thisYear } from './format';

/**
 * A page about one year (概览, 单位办理): the year picker's choices, the chosen year, and what the API says for it,
 * read again whenever the year changes, with its loading state and error line.
 */
export function useYearData<T>(fetch: (year: number) => Promise<T>) {
  const years = recentYears();
  const year = ref(thisYear());
  const data = ref(null) as Ref<T | null>;
  const error = ref('');
  const loading = ref(false);

  async function load() {
    loading.value = true;
    error.value = '';
    try {
      data.value = await fetch(year.value);
    } catch (err) {
      error.value = errorText(err);
    } finally {
      loading.value = false;
    }
  }
  watch(year, load, { immediate: true });
  return { years, year, data, error, loading, load };
}
