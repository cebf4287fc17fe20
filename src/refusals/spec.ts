// What every refusal's catalogue entry says and what a chat rendering knows: shared by the catalogue's blocks.

/**
 * What kind of no it is, whatever the door: the case is not there, its state forbids the step (or changed),
 * the person may not take it, or the input itself is wrong.
 */
export type RefusalKind = 'notFound' | 'conflict' | 'forbidden' | 'invalid';

export interface RefusalSpec {
  kind: RefusalKind;
  /** The input field the refusal is about (the use case's own field name), for a form to show it beside. */
  field?: string;
  /**
   * When the field depends on the input: the name of the refusal's own field that lists the input fields it
   * concerns (a date in one of two lists), shown beside each.
   */
  fieldsIn?: string;
}

/** What the chat door knows when it answers: the sender's view decides the next-step hint. */
export interface ChatRendering {
  timezone: string;
  now: Date;
  /** The sender is office staff (office next steps are offered). */
  office: boolean;
}
