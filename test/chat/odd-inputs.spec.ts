import { t } from '../../src/messages';
import { type Harness, createHarness } from '../helpers/harness';
import { readBotReply, TEST_KEYS } from '../helpers/wecom-payloads';

// Every command, fed odd arguments through the real callback path, answers with a specific line:
// never the generic "something went wrong", never a 5xx.
let h: Harness;
beforeAll(async () => {
  h = await createHarness('odd-inputs');
  await h.addDeputy('zhangsan', '张三');
});
afterAll(async () => h.close());

const ODD = [
  '',
  '0',
  'YJ2099-999',
  '１２３４５６７',
  '😀😀 <@all> @all [x](y)',
  `时间：11月31日 25:61 名额：-3 ${'长'.repeat(2500)}`,
];

it('answers every command with every odd argument specifically', async () => {
  const generic = t('internalError');
  const words = h.table.commands.map((c) => c.name);
  expect(words.length).toBeGreaterThan(30);
  const failures: string[] = [];
  for (const word of words) {
    for (const arg of ODD) {
      const res = await h.sayRaw('office1', `${word} ${arg}`);
      if (res.status !== 200) {
        failures.push(`${word} ${arg.slice(0, 20)} → HTTP ${res.status}`);
        continue;
      }
      const reply = res.text ? readBotReply(TEST_KEYS, res.text).content : '';
      if (!reply || reply === generic) failures.push(`${word} ${arg.slice(0, 20)} → ${reply || '(empty)'}`);
    }
  }
  expect(failures).toEqual([]);
});
