import { localBaseUrl } from '../../src/compose/local-address';

describe('localBaseUrl', () => {
  it.each([
    ['0.0.0.0', 3000, 'http://127.0.0.1:3000'],
    ['::', 3000, 'http://127.0.0.1:3000'],
    ['', 8080, 'http://127.0.0.1:8080'],
    ['127.0.0.1', 3917, 'http://127.0.0.1:3917'],
    ['::1', 3000, 'http://[::1]:3000'],
    ['192.0.2.7', 3000, 'http://192.0.2.7:3000'],
  ])('listening on %p:%p is reached at %s', (host, port, url) => {
    expect(localBaseUrl(host, port)).toBe(url);
  });
});
