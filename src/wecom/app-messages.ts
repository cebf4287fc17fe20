import type { Card } from '../cards';
import type { TokenCache } from './access-token';
import type { ApiCaller } from './api-call';
import { templateCardJson } from './card-json';

export interface AppMessages {
  /** message/send to the app's members: one message of `msgtype` with its inner object. */
  send(touser: string[], msgtype: string, inner: Record<string, unknown>): Promise<void>;
  /** message/update_template_card: the whole card again, for the tappers of one click. */
  updateCard(msg: { userids: string[]; responseCode: string; card: Card }): Promise<void>;
}

/** The self-built app's messages, sent with the cached access token. */
export function createAppMessages(o: {
  agentId?: number;
  apiBase: () => string;
  api: ApiCaller;
  tokens: TokenCache;
}): AppMessages {
  return {
    async send(touser, msgtype, inner) {
      const body = { touser: touser.join('|'), msgtype, agentid: o.agentId, [msgtype]: inner };
      await o.tokens.withToken('message/send', (t) =>
        o.api.call(`${o.apiBase()}/cgi-bin/message/send?access_token=${encodeURIComponent(t)}`, body, 'message/send'),
      );
    },
    async updateCard(msg) {
      const body = {
        userids: msg.userids,
        agentid: o.agentId,
        response_code: msg.responseCode,
        template_card: templateCardJson(msg.card),
      };
      await o.tokens.withToken('message/update_template_card', (t) =>
        o.api.call(
          `${o.apiBase()}/cgi-bin/message/update_template_card?access_token=${encodeURIComponent(t)}`,
          body,
          'message/update_template_card',
        ),
      );
    },
  };
}
