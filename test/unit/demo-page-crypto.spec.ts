import { webcrypto } from 'node:crypto';
import vm from 'node:vm';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { browserCryptoJs } from '../../src/demo/page-crypto';

// The simulator page's crypto, run under Node's WebCrypto, must interoperate with the server's.

interface BrowserCrypto {
  wecomKeys(aesKey: string): Promise<unknown>;
  wecomEncrypt(keys: unknown, text: string, receiveId: string): Promise<string>;
  wecomDecrypt(keys: unknown, b64: string): Promise<{ message: string; receiveId: string }>;
  wecomSignature(token: string, timestamp: string, nonce: string, encrypt: string): Promise<string>;
}

function loadBrowserCrypto(): BrowserCrypto {
  const sandbox = {
    crypto: webcrypto,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    Uint8Array,
    DataView,
    Array,
    String,
    Error,
  };
  const context = vm.createContext(sandbox);
  vm.runInContext(`${browserCryptoJs}\nthis.api = { wecomKeys, wecomEncrypt, wecomDecrypt, wecomSignature };`, context);
  return (context as unknown as { api: BrowserCrypto }).api;
}

const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const api = loadBrowserCrypto();

describe('simulator page crypto (WebCrypto) against @wecom/crypto', () => {
  // Lengths around the 16- and 32-byte block edges, plus multi-byte UTF-8.
  const messages = [
    '',
    'a',
    'x'.repeat(11),
    'x'.repeat(12),
    'x'.repeat(27),
    'x'.repeat(28),
    'x'.repeat(44),
    '帮助',
    `建议 ${'修路'.repeat(300)}`,
    '{"msgid":"m1","text":{"content":"@代表助手 我的建议"}}',
  ];

  it.each(messages.map((m) => [m.length, m]))(
    'page-encrypted text of %i chars decrypts on the server',
    async (_n, message) => {
      const keys = await api.wecomKeys(AES_KEY);
      for (const receiveId of ['', 'demo-corp']) {
        const b64 = await api.wecomEncrypt(keys, message, receiveId);
        expect(Buffer.from(b64, 'base64').length % 32).toBe(0);
        expect(decrypt(AES_KEY, b64)).toMatchObject({ message, id: receiveId });
      }
    },
  );

  it.each(messages.map((m) => [m.length, m]))(
    'server-encrypted text of %i chars decrypts in the page',
    async (_n, message) => {
      const keys = await api.wecomKeys(AES_KEY);
      expect(await api.wecomDecrypt(keys, encrypt(AES_KEY, message, ''))).toEqual({ message, receiveId: '' });
      expect(await api.wecomDecrypt(keys, encrypt(AES_KEY, message, 'ww-corp'))).toEqual({
        message,
        receiveId: 'ww-corp',
      });
    },
  );

  it('signs exactly like the server', async () => {
    const cipher = encrypt(AES_KEY, 'hello', '');
    expect(await api.wecomSignature('tok-123', '1764000000', '0123456789', cipher)).toBe(
      getSignature('tok-123', '1764000000', '0123456789', cipher),
    );
  });

  it('refuses a ciphertext whose length is not whole blocks', async () => {
    const keys = await api.wecomKeys(AES_KEY);
    await expect(api.wecomDecrypt(keys, Buffer.alloc(24).toString('base64'))).rejects.toThrow('bad length');
  });
});
