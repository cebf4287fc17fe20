import { cardTaps } from '../../handlers';
import { createCardTapTable } from '../../src/commands/card-taps';
import { parseAppPlaintext } from '../../src/wecom/app-mode';
import { parseBotPlaintext } from '../../src/wecom/bot-mode';
import { aesKeyOf, decryptMedia, encryptMedia } from '../../src/wecom/media';
import { PhotoRefused, sniffImage } from '../../src/services/photos';
import { encryptMedia as encryptLikeWecom } from '../helpers/photos';

const now = new Date('2026-11-02T01:00:00Z');
const secretTap = createCardTapTable(cardTaps).isSecret;
const bot = (body: Record<string, unknown>) => {
  const r = parseBotPlaintext(JSON.stringify({ msgid: 'm1', from: { userid: 'u' }, ...body }), now, 20_000, secretTap);
  if (r.type !== 'message') throw new Error('not a message');
  return r.message;
};

describe('pictures in the inbound contract', () => {
  it('a one-to-one image carries its URL and, on the long connection, its own aeskey', () => {
    expect(bot({ chattype: 'single', msgtype: 'image', image: { url: 'https://f/1', aeskey: 'K' } })).toMatchObject({
      kind: 'text',
      text: '',
      images: [{ url: 'https://f/1', aeskey: 'K' }],
    });
    expect(bot({ chattype: 'single', msgtype: 'image', image: { url: 'https://f/1' } }).images).toEqual([
      { url: 'https://f/1' },
    ]);
  });

  it('in a group only a mixed message carries pictures, with its text', () => {
    expect(bot({ chattype: 'group', chatid: 'g', msgtype: 'image', image: { url: 'https://f/1' } })).toMatchObject({
      kind: 'unsupported',
    });
    const m = bot({
      chattype: 'group',
      chatid: 'g',
      msgtype: 'mixed',
      mixed: {
        msg_item: [
          { msgtype: 'text', text: { content: '@助手 建议 桥坏了' } },
          { msgtype: 'image', image: { url: 'https://f/1' } },
          { msgtype: 'image', image: {} },
          { msgtype: 'image', image: { url: 'https://f/2' } },
        ],
      },
    });
    expect(m).toMatchObject({
      kind: 'text',
      text: '@助手 建议 桥坏了',
      images: [{ url: 'https://f/1' }, { url: 'https://f/2' }],
    });
  });

  it('an app image is fetched by its MediaId', () => {
    const xml =
      '<xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>image</MsgType><PicUrl>https://p</PicUrl><MediaId>MID</MediaId><MsgId>9</MsgId></xml>';
    expect(parseAppPlaintext(xml, now, 2000, secretTap)).toMatchObject({ kind: 'text', images: [{ mediaId: 'MID' }] });
  });
});

describe('WeCom file encryption', () => {
  const keyText = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
  const key = aesKeyOf(keyText)!;

  it('reads a 43-character EncodingAESKey and a 44-character aeskey; refuses anything else', () => {
    expect(key).toHaveLength(32);
    expect(aesKeyOf(`${keyText}=`)).toEqual(key);
    expect(aesKeyOf('short')).toBeUndefined();
  });

  it('decrypts what WeCom encrypts (PKCS#7 to 32 bytes), for every padding length', () => {
    for (const n of [0, 1, 15, 16, 31, 32, 33, 100]) {
      const plain = Buffer.alloc(n, 7);
      expect(decryptMedia(encryptLikeWecom(plain, keyText), key)).toEqual(plain);
      expect(decryptMedia(encryptMedia(plain, key), key)).toEqual(plain);
    }
  });

  it('refuses a bad length, a wrong key and bad padding', () => {
    expect(() => decryptMedia(Buffer.alloc(17), key)).toThrow(PhotoRefused);
    const other = aesKeyOf('ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut')!;
    expect(() => decryptMedia(encryptMedia(Buffer.from('hello picture bytes'), key), other)).toThrow(PhotoRefused);
  });
});

it('sniffs JPEG and PNG by their first bytes only', () => {
  expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  expect(sniffImage(Buffer.from('GIF89a'))).toBeUndefined();
});
