import { databaseNameOf } from '../../src/db/uri';

describe('databaseNameOf', () => {
  it.each([
    ['mongodb://mongo:27017/deputies', 'deputies'],
    ['mongodb://user:p%40ss@h1:1,h2:2/office?replicaSet=rs0', 'office'],
    ['mongodb+srv://u:p@cluster.example.com/prod?retryWrites=true', 'prod'],
    ['mongodb://mongo:27017', 'deputies'],
    ['mongodb://user:secret@mongo:27017', 'deputies'],
    ['mongodb://127.0.0.1:43119/', 'deputies'],
    ['mongodb://127.0.0.1:43119/?directConnection=true', 'deputies'],
  ])('%s → %s', (uri, name) => {
    expect(databaseNameOf(uri)).toBe(name);
  });
});
