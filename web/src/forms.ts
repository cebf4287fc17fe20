import { errorText, fieldErrors } from './api/request';

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
