// Defined by the browser crypto script (src/demo/page-crypto.ts) that the page loads first.
interface WecomKeys {
  readonly __wecomKeys: unique symbol;
}
declare function wecomKeys(encodingAesKey: string): Promise<WecomKeys>;
declare function wecomEncrypt(keys: WecomKeys, text: string, receiveId: string): Promise<string>;
declare function wecomDecrypt(keys: WecomKeys, base64: string): Promise<{ message: string; receiveId: string }>;
declare function wecomSignature(token: string, timestamp: string, nonce: string, encrypt: string): Promise<string>;
