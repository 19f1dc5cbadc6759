// The app's views and their deep links. Hash routing, so every view has a URL that works from the
// Electron file:// page and from the browser-mode bridge alike (the bridge's `?token=` stays in the
// page's query, before the hash):
//   #/tasks?data=PATH&task=ID           the task browser
//   #/adapt                             start a run, watch it
//   #/runs?q=...&sort=...&open=ID       the runs table
//   #/compare?runs=BASE,ID2,ID3         compare runs, the first being the baseline
//   #/task/ID?data=PATH&runs=ID1,ID2    one task across runs
import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import RunsView from './views/RunsView.vue'
import TasksView from './views/TasksView.vue'

export const ROUTE_NAMES = ['tasks', 'adapt', 'runs', 'compare', 'task'] as const
export type RouteName = (typeof ROUTE_NAMES)[number]

export function createAppRouter(): Router {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: { name: 'tasks' } },
      { path: '/tasks', name: 'tasks', component: TasksView, meta: { title: 'Tasks' } },
      // The views with charts load on first visit, keeping echarts out of the first page's bundle.
      { path: '/adapt', name: 'adapt', component: () => import('./views/AdaptView.vue'), meta: { title: 'Adapt' } },
      { path: '/runs', name: 'runs', component: RunsView, meta: { title: 'Runs' } },
      { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue'), meta: { title: 'Compare' } },
      { path: '/task/:taskId', name: 'task', component: () => import('./views/TaskDetailView.vue'), props: true, meta: { title: 'Task' } },
      { path: '/:unknown(.*)*', redirect: { name: 'tasks' } }
    ]
  })
}
