import { ElMessage } from 'element-plus';
import { ref, watch } from 'vue';
import type { OpinionDetail, StepBodies } from '@contracts';
import { opinionsApi } from './api/opinions';
import { errorText, isConflict } from './api/request';
import { CONFLICT } from './texts';

/** One step on the case with the words said when it is done; true when the step is over (done, or a conflict reloaded). */
export type CaseWrite = <A extends keyof StepBodies>(action: A, body: StepBodies[A], done: string) => Promise<boolean>;

/**
 * One case as the case page holds it: read again whenever the code (or whose view) changes, and written one step at
 * a time with the version read last.
 */
export function useCase(which: () => { code: string; mine: boolean }) {
  const data = ref<OpinionDetail | null>(null);
  const error = ref('');

  async function load() {
    error.value = '';
    try {
      const { code, mine } = which();
      data.value = await opinionsApi.detail(code, mine);
    } catch (err) {
      data.value = null;
      error.value = errorText(err);
    }
  }
  watch(() => [which().code, which().mine], load, { immediate: true });

  /**
   * One write: the version read last guards it. A 409 means someone changed the case meanwhile
   * (in the chat or another browser): say so and show the case as it is now.
   */
  const write: CaseWrite = async (action, body, done) => {
    if (!data.value) return false;
    try {
      // A write answers with the case as it is now: no second request.
      data.value = await opinionsApi.step(which().code, action, body, data.value.version);
      ElMessage.success(done);
      return true;
    } catch (err) {
      if (isConflict(err)) {
        ElMessage.warning(CONFLICT);
        await load();
        return true;
      }
      throw err;
    }
  };

  return { data, error, write };
}
