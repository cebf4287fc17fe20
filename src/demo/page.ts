import { browserCryptoJs } from './page-crypto';

const css = `
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{font:15px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#eef0f3;color:#1f2329;display:flex;flex-direction:column}
header{background:#1f6feb;color:#fff;padding:10px 14px;display:flex;align-items:center;gap:10px;flex-wrap:wrap}
header h1{font-size:17px;margin:0;font-weight:600}
.badge{background:#ffffff33;border-radius:10px;padding:1px 8px;font-size:12px}
.status{margin-left:auto;font-size:12px;opacity:.9}
.status.bad{color:#ffd8d8}
.bar{display:flex;gap:8px;align-items:center;padding:8px 12px;background:#fff;border-bottom:1px solid #dfe1e5;flex-wrap:wrap}
.bar label{font-size:13px;color:#646a73}
select{font:inherit;padding:5px 6px;border:1px solid #c9cdd4;border-radius:6px;background:#fff;max-width:60vw}
.seg{display:inline-flex;border:1px solid #c9cdd4;border-radius:6px;overflow:hidden}
.seg button{font:inherit;font-size:13px;border:0;background:#fff;padding:5px 10px;cursor:pointer}
.seg button.active{background:#1f6feb;color:#fff}
.tabs{display:none}
main{flex:1;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:10px;padding:10px;min-height:0}
section{background:#fff;border-radius:10px;display:flex;flex-direction:column;min-height:0;min-width:0;box-shadow:0 1px 2px #0000000f}
section h2{font-size:14px;margin:0;padding:8px 12px;border-bottom:1px solid #eef0f3;color:#646a73;font-weight:600}
.scroll{flex:1;overflow-y:auto;padding:10px 12px;min-height:0}
.row{margin:8px 0;display:flex;flex-direction:column}
.row.out{align-items:flex-end}
.row.in{align-items:flex-start}
.meta{font-size:12px;color:#8f959e;margin:0 4px 2px}
.meta.small{font-size:11px;margin-top:2px}
.bubble{white-space:pre-wrap;word-break:break-word;padding:8px 11px;border-radius:10px;max-width:92%;background:#f2f3f5}
.out .bubble{background:#d6e8ff}
.in .bubble{background:#fff;border:1px solid #e4e6ea}
.bubble a{color:#1f6feb;word-break:break-all}
.note{font-size:12px;color:#646a73;text-align:center;margin:0 auto;max-width:90%}
.system.error .note{color:#d83931}
.muted{color:#8f959e}
.push{margin:8px 0}
.push .bubble{background:#f7f8fa;border-left:3px solid #1f6feb;border-radius:6px;max-width:100%}
.empty{color:#8f959e;font-size:13px;text-align:center;margin-top:24px}
.at{color:#1f6feb}
.h{display:inline-block;font-size:15px}
.quote{color:#646a73;border-left:2px solid #c9cdd4;padding-left:6px;display:inline-block}
.c-info{color:#2ea121}.c-comment{color:#8f959e}.c-warning{color:#e37318}
#chips{display:flex;gap:6px;overflow-x:auto;padding:6px 10px 0;scrollbar-width:none}
.chip{font:inherit;font-size:12px;white-space:nowrap;border:1px solid #c9cdd4;background:#fff;border-radius:14px;padding:3px 10px;cursor:pointer}
.chip.office{border-color:#e37318;color:#e37318}
form{display:flex;gap:8px;padding:8px 10px 10px}
textarea{flex:1;font:inherit;resize:none;border:1px solid #c9cdd4;border-radius:8px;padding:7px 9px;height:42px}
form button{font:inherit;border:0;border-radius:8px;background:#1f6feb;color:#fff;padding:0 16px;cursor:pointer}
.pic{display:flex;align-items:center;font-size:13px;border:1px solid #1f6feb;color:#1f6feb;border-radius:8px;padding:0 10px;cursor:pointer;white-space:nowrap}
.pic input{position:absolute;width:1px;height:1px;opacity:0;pointer-events:none}
.console-btn{font:inherit;font-size:13px;border:1px solid #1f6feb;border-radius:6px;background:#fff;color:#1f6feb;padding:5px 10px;cursor:pointer}
footer{font-size:12px;color:#8f959e;text-align:center;padding:0 10px 8px}
.tcard{white-space:normal;min-width:240px;max-width:360px;display:flex;flex-direction:column;gap:4px}
.tcard-title{font-weight:600;font-size:15px}
.tcard-desc{font-size:13px;color:#646a73}
.tcard-text{font-size:13px;white-space:pre-wrap;color:#1f2329;margin:2px 0}
.tcard-line{font-size:13px;display:flex;gap:8px}.tcard-key{color:#8f959e;min-width:4em}
.tcard-vote{display:flex;flex-direction:column;gap:2px;margin:4px 0}.tcard-option{font-size:14px;display:flex;gap:6px;align-items:center}
.tcard-select{display:flex;gap:8px;align-items:center;font-size:13px;margin:2px 0}
.tcard-actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px;border-top:1px solid #eef0f3;padding-top:8px}
.tcard-button{font:inherit;font-size:14px;border-radius:6px;padding:5px 12px;cursor:pointer;border:1px solid #c9cdd4;background:#fff;color:#1f2329}
.tcard-button.s1{background:#1f6feb;border-color:#1f6feb;color:#fff}.tcard-button.s3{border-color:#d83931;color:#d83931}
.tcard-button:disabled{opacity:.55;cursor:default}
.tcard-note{font-size:11px;color:#8f959e}.tcard-note.error{color:#d83931}
@media (max-width:760px){
  main{grid-template-columns:minmax(0,1fr);padding:6px}
  .tabs{display:flex;background:#fff;border-bottom:1px solid #dfe1e5}
  .tabs button{flex:1;font:inherit;border:0;background:none;padding:8px;border-bottom:2px solid transparent}
  .tabs button.active{border-bottom-color:#1f6feb;color:#1f6feb}
  body[data-pane=chat] #group-pane,body[data-pane=group] #chat-pane{display:none}
  .count{background:#d83931;color:#fff;border-radius:9px;font-size:11px;padding:0 6px;margin-left:4px}
  footer{display:none}
}
`;

const body = `
<header><h1>代表工作群助手 · 本地模拟器</h1><span class="badge">演示模式</span><span id="status" class="status">连接中…</span></header>
<div class="bar">
  <label for="sender">发送人</label><select id="sender" aria-label="发送人"></select>
  <span class="seg" role="group" aria-label="发送方式"><button type="button" id="mode-group">群里 @机器人</button><button type="button" id="mode-single">单聊</button><button type="button" id="mode-voice">单聊·语音</button></span>
  <button type="button" id="open-console" class="console-btn">打开工作台</button>
</div>
<nav class="tabs"><button type="button" id="tab-chat">对话</button><button type="button" id="tab-group">群消息<span id="unread" class="count" hidden></span></button></nav>
<main>
  <section id="chat-pane"><h2>对话（机器人的直接回复）</h2>
    <div id="log" class="scroll" aria-live="polite"></div>
    <div id="chips" aria-label="常用命令"></div>
    <form id="composer"><textarea id="text" placeholder="输入命令，例如：帮助" aria-label="消息" enterkeyhint="send"></textarea><label class="pic" title="发图片（可先输入「建议 …」，图文一起发）">图片<input type="file" id="picture" accept="image/jpeg,image/png" aria-label="发图片"></label><button type="submit">发送</button></form>
  </section>
  <section id="group-pane"><h2>群消息（机器人推送到代表群）</h2>
    <div id="pushes" class="scroll" aria-live="polite"><p id="empty" class="empty">还没有推送。交办、提醒、公告等会出现在这里。</p></div>
  </section>
</main>
<footer id="footer">每条消息都经过签名和 AES 加密，发到真实的 /wecom/callback 接口，和企业微信的调用方式完全一样。演示数据保存在本地数据库。</footer>
`;

/**
 * The simulator: one self-contained page (no external assets), served at GET /demo in demo mode.
 * `simulatorJs` is the compiled src/demo/browser/simulator.ts.
 */
export function renderDemoPage(simulatorJs: string): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">',
    '<title>代表工作群助手 · 本地模拟器</title>',
    `<style>${css}</style></head>`,
    `<body data-pane="chat">${body}`,
    `<script>${browserCryptoJs}\n${simulatorJs.replace(/<\/script/gi, '<\\/script')}</script>`,
    '</body></html>',
  ].join('\n');
}
