import type { RefusalCode, RefusalFields } from './catalogue';

/**
 * A use case's expected no: a code from the catalogue and its fields, with no words in it. Thrown by services
 * (and by a door's own parsing), rendered where it is caught: the dispatcher, the console's catch point.
 */
export class Refusal<C extends RefusalCode = RefusalCode> extends Error {
  constructor(
    readonly code: C,
    readonly fields: RefusalFields[C],
  ) {
    super(code);
    this.name = 'Refusal';
  }
}

/** Any refusal, narrowed by its code: `switch (r.code)` types `r.fields`. */
export type AnyRefusal = { [C in RefusalCode]: { code: C; fields: RefusalFields[C] } }[RefusalCode];

/** Throws a refusal (as an expression: `?? refuse(…)`, or inside `explain` callbacks typed `never`). */
export function refuse<C extends RefusalCode>(code: C, fields: RefusalFields[C]): never {
  throw new Refusal(code, fields);
}

export function isRefusal(err: unknown): err is Refusal {
  return err instanceof Refusal;
}
