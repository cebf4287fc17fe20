// The console's web pages (served by the bot itself); the page texts live in web/src.
export const consoleWeb = {
  consoleNotBuilt: () => '工作台页面尚未构建：请在服务器上运行 npm run build:web（npm start 会自动构建）。',
};
