import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { loadSession } from './session';

// Page code is split per route: the first load carries only the shell and the page opened.
export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    {
      path: '/',
      name: 'overview',
      component: () => import('./pages/OverviewPage.vue'),
      meta: { office: true, title: '概览' },
    },
    {
      path: '/opinions',
      name: 'opinions',
      component: () => import('./pages/OpinionsPage.vue'),
      meta: { office: true, title: '意见建议' },
    },
    {
      path: '/opinions/:code',
      name: 'opinion',
      component: () => import('./pages/CasePage.vue'),
      props: (r) => ({ code: r.params.code, mine: false }),
      meta: { office: true, title: '意见建议' },
    },
    // 单位办理: each handling unit's record of a year (issue 23).
    {
      path: '/unit-records',
      name: 'unit-records',
      component: () => import('./pages/UnitRecordsPage.vue'),
      meta: { office: true, title: '单位办理' },
    },
    {
      path: '/exports',
      name: 'exports',
      component: () => import('./pages/ExportsPage.vue'),
      meta: { office: true, title: '导出' },
    },
    {
      path: '/holidays',
      name: 'holidays',
      component: () => import('./pages/HolidaysPage.vue'),
      meta: { office: true, title: '节假日' },
    },
    {
      path: '/events',
      name: 'events',
      component: () => import('./pages/EventsPage.vue'),
      meta: { office: true, title: '活动与会议' },
    },
    {
      path: '/events/:code',
      name: 'event',
      component: () => import('./pages/EventPage.vue'),
      props: true,
      meta: { office: true, title: '活动与会议' },
    },
    // Full screen, without the menu: put on the meeting room's screen.
    {
      path: '/events/:code/room-code',
      name: 'room-code',
      component: () => import('./pages/RoomCodePage.vue'),
      props: true,
      meta: { office: true, bare: true, title: '现场签到码' },
    },
    {
      path: '/audit',
      name: 'audit',
      component: () => import('./pages/AuditPage.vue'),
      meta: { office: true, title: '操作日志' },
    },
    {
      path: '/system',
      name: 'system',
      component: () => import('./pages/SystemPage.vue'),
      meta: { office: true, title: '系统' },
    },
    {
      path: '/roster',
      name: 'roster',
      component: () => import('./pages/RosterPage.vue'),
      meta: { office: true, title: '代表名册' },
    },
    // 值班 (issue 14).
    {
      path: '/shifts',
      name: 'shifts',
      component: () => import('./pages/ShiftsPage.vue'),
      meta: { office: true, title: '值班' },
    },
    // -- 公告 and 学习资料 (issue 14)
    {
      path: '/announcements',
      name: 'announcements',
      component: () => import('./pages/AnnouncementsPage.vue'),
      meta: { office: true, title: '公告' },
    },
    {
      path: '/study',
      name: 'study',
      component: () => import('./pages/StudyPage.vue'),
      meta: { office: true, title: '学习资料' },
    },
    {
      path: '/ballots',
      name: 'ballots',
      component: () => import('./pages/BallotsPage.vue'),
      meta: { office: true, title: '票决' },
    },
    // 承办单位联系人: their unit's cases only (the server checks every call).
    {
      path: '/unit',
      name: 'unit',
      component: () => import('./pages/UnitCasesPage.vue'),
      meta: { unit: true, title: '待办' },
    },
    {
      path: '/unit/:code',
      name: 'unit-case',
      component: () => import('./pages/UnitCasePage.vue'),
      props: true,
      meta: { unit: true, title: '待办' },
    },
    {
      path: '/projects',
      name: 'projects',
      component: () => import('./pages/ProjectsPage.vue'),
      meta: { office: true, title: '民生实事' },
    },
    { path: '/me', name: 'me', component: () => import('./pages/MyOpinionsPage.vue'), meta: { title: '我的' } },
    {
      path: '/me/performance',
      name: 'my-performance',
      component: () => import('./pages/MyPerformancePage.vue'),
      meta: { title: '我的履职' },
    },
    {
      path: '/me/:code',
      name: 'my-opinion',
      component: () => import('./pages/CasePage.vue'),
      props: (r) => ({ code: r.params.code, mine: true }),
      meta: { title: '我的' },
    },
    // /console/login/* is the server's one-time link route: the sign-in page lives elsewhere.
    {
      path: '/signin',
      name: 'signin',
      component: () => import('./pages/SignInPage.vue'),
      meta: { public: true, title: '登录' },
    },
    {
      path: '/:rest(.*)*',
      name: 'missing',
      component: () => import('./pages/MissingPage.vue'),
      meta: { public: true, title: '没有这个页面' },
    },
  ],
});

router.beforeEach(async (to: RouteLocationNormalized) => {
  const info = await loadSession();
  if (to.meta.public) return info && to.name === 'signin' ? { path: '/' } : true;
  if (!info) return { name: 'signin', query: to.query.login ? { login: String(to.query.login) } : {} };
  // Deputies see only their own pages, unit contacts only their unit's; the server refuses the rest anyway.
  const role = info.user.role;
  if (role === 'unit') return to.meta.unit ? true : { name: 'unit' };
  if (to.meta.unit) return { name: role === 'office' ? 'overview' : 'me' };
  if (to.meta.office && role !== 'office') return { name: 'me' };
  return true;
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 人大办工作台`;
});
