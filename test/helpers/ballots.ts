/** Every field a stored 票决 has once closed: who voted and the counts, nothing that joins them. */
export const PICK_BALLOT_KEYS = [
  '_id',
  'code',
  'year',
  'seq',
  'kind',
  'title',
  'candidates',
  'choose',
  'upTo',
  'deadline',
  'entitled',
  'voters',
  'counts',
  'openedBy',
  'openedAt',
  'origin',
  'closedAt',
  'closedBy',
];

/** A 测评 / 评议 adds what its subjects are. */
export const RATING_BALLOT_KEYS = [...PICK_BALLOT_KEYS, 'ratingOf', 'subjectRefs'];
