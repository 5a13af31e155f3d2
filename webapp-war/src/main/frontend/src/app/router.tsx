// Routes live in the URL's fragment (/0/#/Contact/<id>): the server serves one page at /0/, a
// reload keeps the place, and a lost session's redirect to sign-in carries the route along.
// Sections (lists and, later, forms) load as a bundle of their own, so the shell stays small.
import { createHashRouter } from 'react-router';
import { Shell } from './Shell';
import { HomePage } from '../features/home';
import { NotFound } from './NotFound';

export function createRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'admin/users', lazy: () => import('../features/admin').then((m) => ({ Component: m.UsersPage })) },
        { path: 'admin/roles', lazy: () => import('../features/admin').then((m) => ({ Component: m.RolesPage })) },
        { path: 'admin/roles/:id', lazy: () => import('../features/admin').then((m) => ({ Component: m.RolePage })) },
        { path: 'admin/operations', lazy: () => import('../features/admin').then((m) => ({ Component: m.OperationsPage })) },
        { path: 'admin/operations/:code', lazy: () => import('../features/admin').then((m) => ({ Component: m.OperationPage })) },
        { path: 'admin/settings', lazy: () => import('../features/admin').then((m) => ({ Component: m.SettingsPage })) },
        { path: 'admin/settings/:code', lazy: () => import('../features/admin').then((m) => ({ Component: m.SettingPage })) },
        { path: 'admin/licences', lazy: () => import('../features/admin').then((m) => ({ Component: m.LicencesPage })) },
        { path: 'admin/licences/:product', lazy: () => import('../features/admin').then((m) => ({ Component: m.LicencePage })) },
        { path: 'admin/jobs', lazy: () => import('../features/admin').then((m) => ({ Component: m.JobsPage })) },
        { path: 'admin/jobs/:name', lazy: () => import('../features/admin').then((m) => ({ Component: m.JobPage })) },
        { path: 'admin/audit', lazy: () => import('../features/admin').then((m) => ({ Component: m.AuditPage })) },
        { path: 'admin/objects', lazy: () => import('../features/designer').then((m) => ({ Component: m.ObjectsPage })) },
        { path: 'admin/objects/:name', lazy: () => import('../features/designer').then((m) => ({ Component: m.ObjectPage })) },
        { path: ':object', lazy: () => import('../features/sections').then((m) => ({ Component: m.SectionPage })) },
        { path: ':object/:id', lazy: () => import('../features/sections').then((m) => ({ Component: m.RecordPage })) },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
