/**
 * One repository per model, that is per connection: every caller on a connection shares its group commits, so
 * concurrent requests from any door share their commands.
 */
export function perModel<M extends object, R>(create: (model: M) => R): (model: M) => R {
  const made = new WeakMap<M, R>();
  return (model) => {
    let repo = made.get(model);
    if (!repo) {
      repo = create(model);
      made.set(model, repo);
    }
    return repo;
  };
}
