import { ElMessage } from 'element-plus';
import { reactive, ref } from 'vue';
import { errorText, fieldErrors } from './api/request';
import { newRequestId } from './request-id';

/** Empties a form's error record in place (it is reactive: the fields' messages go away). */
export function clearErrors(errors: Record<string, string>): void {
  for (const k of Object.keys(errors)) delete errors[k];
}

/**
 * How a form takes a failed save: the server's field errors go under their fields (and '' comes back);
 * otherwise the sentence to show comes back.
 */
export function formFailure(err: unknown, errors: Record<string, string>): string {
  const fields = fieldErrors(err);
  if (Object.keys(fields).length) {
    Object.assign(errors, fields);
    return '';
  }
  return errorText(err);
}

/**
 * A form that creates one thing per submission (发起票决, 发起测评): `send` goes with the submission's request id
 * (a retried request creates nothing twice), refusals land under their fields or as one message, and `done`
 * follows a success; the next submission gets a new id.
 */
export function useRequestForm<T>(send: (requestId: string) => Promise<T>, done: (created: T) => unknown) {
  const errors = reactive<Record<string, string>>({});
  const busy = ref(false);
  let requestId = newRequestId();

  async function submit() {
    clearErrors(errors);
    busy.value = true;
    try {
      const created = await send(requestId);
      requestId = newRequestId();
      await done(created);
    } catch (err) {
      const problem = formFailure(err, errors);
      if (problem) ElMessage.error(problem);
    } finally {
      busy.value = false;
    }
  }
  return { errors, busy, submit };
}
