// The workspace's frame: a header with the product, the navigation toggle and the user's menu, a
// side navigation of the user's sections (inline on wide screens, a drawer on phones) and the
// routed page. Every entry is a real link (#/<Object>), so deep links, new tabs, back and forward work.
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Hamburger,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MessageBar,
  MessageBarBody,
  MenuPopover,
  MenuTrigger,
  NavDrawer,
  NavDrawerBody,
  NavItem,
  NavSectionHeader,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CalendarClockRegular, CertificateRegular, DatabaseRegular, DocumentSearchRegular, HomeRegular, PeopleSettingsRegular, PeopleTeamRegular, PersonCircleRegular, SettingsRegular, ShieldKeyholeRegular } from '@fluentui/react-icons';
import { SectionIcon, useWorkspace } from '../features/workspace';
import { PasswordReminder, changePasswordUrl } from './PasswordReminder';
import { AppearanceMenu, appearanceChecked } from './AppearanceMenu';
import { usePreferences } from '../lib/usePreferences';
import { CAN_MANAGE_USERS } from '../features/admin/users';
import { CAN_MANAGE_SYS_SETTINGS } from '../features/admin/settings';
import { CAN_MANAGE_LIC_USERS } from '../features/admin/licences';
import { CAN_MANAGE_SCHEDULED_JOBS } from '../features/admin/jobs';
import { CAN_VIEW_SYS_OPERATION_AUDIT } from '../features/admin/audit';
import { CAN_MANAGE_ADMINISTRATION } from '../features/designer/designer';
import { signOut } from '../lib/http';
import { ErrorState } from '../components/ErrorState';
import { useMediaQuery } from '../components/useMediaQuery';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr', gridTemplateColumns: 'minmax(0, 1fr)', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexGrow: 1, color: 'inherit', textDecoration: 'none' },
  body: { display: 'flex', minHeight: 0 },
  main: { flexGrow: 1, minWidth: 0, overflow: 'auto', padding: tokens.spacingHorizontalXL },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
  // inline, the navigation keeps its width whatever the page beside it holds
  nav: { flexShrink: 0 },
  navBody: { paddingBlock: tokens.spacingVerticalM, paddingInline: tokens.spacingHorizontalS },
  userButton: { color: tokens.colorNeutralForegroundOnBrand },
  center: { display: 'grid', placeItems: 'center', height: '100vh' },
});

/** The entry the route belongs to: "#/Contact/..." -> "Contact", "#/admin/objects/X" -> "admin/objects", "" for home. */
function currentEntry(pathname: string): string {
  const parts = pathname.split('/');
  return parts[1] === 'admin' ? `admin/${parts[2] ?? ''}` : parts[1] ?? '';
}

/** The administration pages, each for the users with its operation. */
const ADMIN_PAGES = [
  { path: 'admin/users', operation: CAN_MANAGE_USERS, caption: 'admin.users', icon: <PeopleSettingsRegular fontSize={20} /> },
  { path: 'admin/roles', operation: CAN_MANAGE_USERS, caption: 'admin.rolesTitle', icon: <PeopleTeamRegular fontSize={20} /> },
  { path: 'admin/operations', operation: CAN_MANAGE_ADMINISTRATION, caption: 'admin.operations', icon: <ShieldKeyholeRegular fontSize={20} /> },
  { path: 'admin/settings', operation: CAN_MANAGE_SYS_SETTINGS, caption: 'admin.settings', icon: <SettingsRegular fontSize={20} /> },
  { path: 'admin/licences', operation: CAN_MANAGE_LIC_USERS, caption: 'admin.licences', icon: <CertificateRegular fontSize={20} /> },
  { path: 'admin/jobs', operation: CAN_MANAGE_SCHEDULED_JOBS, caption: 'admin.jobs', icon: <CalendarClockRegular fontSize={20} /> },
  { path: 'admin/audit', operation: CAN_VIEW_SYS_OPERATION_AUDIT, caption: 'admin.audit', icon: <DocumentSearchRegular fontSize={20} /> },
  { path: 'admin/objects', operation: CAN_MANAGE_ADMINISTRATION, caption: 'designer.objects', icon: <DatabaseRegular fontSize={20} /> },
] as const;

export function Shell() {
  const styles = useStyles();
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const location = useLocation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 767px)');
  // The inline navigation (wide screens, open at first) and the phone's drawer (closed at first)
  // keep their own state: a window narrowed to a phone's width never shows the drawer open, which
  // as a modal would hide the page from screen readers until it closed.
  const [inlineOpen, setInlineOpen] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const open = phone ? drawerOpen : inlineOpen;
  const setOpen = phone ? setDrawerOpen : setInlineOpen;
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const { preferences } = usePreferences();

  // a page chosen from the drawer closes it
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  if (workspace.isPending) {
    return <div className={styles.center}><Spinner label={t('app.loading')} /></div>;
  }
  if (workspace.isError) {
    return <div className={styles.center}><ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} /></div>;
  }
  const { User, Sections } = workspace.data;
  const selected = currentEntry(location.pathname) || 'home';
  const adminPages = ADMIN_PAGES.filter((p) => workspace.data.Operations.includes(p.operation));

  return (
    <div className={styles.root}>
      <a className={styles.skip} href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <header className={styles.header}>
        <Hamburger
          appearance="transparent"
          className={styles.userButton}
          aria-label={open ? t('app.closeNavigation') : t('app.openNavigation')}
          aria-expanded={open}
          aria-controls="navigation"
          onClick={() => setOpen(!open)}
        />
        <a className={styles.brand} href="#/">
          <img src="/assets/atrium.svg" alt="" width={24} height={24} />
          <Text weight="semibold" size={400}>{t('app.name')}</Text>
        </a>
        <Menu checkedValues={appearanceChecked(preferences)}>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="transparent" className={styles.userButton} aria-label={t('app.userMenu', { name: User.Name })}
              icon={<PersonCircleRegular fontSize={24} />}>
              {phone ? null : User.Name}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <AppearanceMenu onFailure={setSaveFailure} />
              <MenuDivider />
              <MenuItem onClick={() => window.location.assign(changePasswordUrl(User.Name))}>
                {t('app.changePassword')}
              </MenuItem>
              <MenuItem onClick={() => void signOut()}>{t('app.signOut')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      <div className={styles.body}>
        <NavDrawer
          id="navigation"
          className={styles.nav}
          aria-label={t('app.navigation')}
          type={phone ? 'overlay' : 'inline'}
          // Inline, the navigation is part of the page: no slide-in at every load or reload.
          surfaceMotion={phone ? undefined : null}
          open={open}
          onOpenChange={(_, data) => setOpen(data.open)}
          selectedValue={selected}
        >
          <NavDrawerBody className={styles.navBody}>
            <NavItem value="home" href="#/" icon={<HomeRegular fontSize={20} />} onClick={(e) => { e.preventDefault(); navigate('/'); }}>
              {t('app.home')}
            </NavItem>
            {Sections.map((s) => (
              <NavItem key={s.Name} value={s.Name} href={`#/${s.Name}`} icon={<SectionIcon object={s.Name} />}
                onClick={(e) => { e.preventDefault(); navigate(`/${s.Name}`); }}>
                {s.Caption}
              </NavItem>
            ))}
            {adminPages.length > 0 && <NavSectionHeader>{t('admin.administration')}</NavSectionHeader>}
            {adminPages.map((p) => (
              <NavItem key={p.path} value={p.path} href={`#/${p.path}`} icon={p.icon}
                onClick={(e) => { e.preventDefault(); navigate(`/${p.path}`); }}>
                {t(p.caption)}
              </NavItem>
            ))}
          </NavDrawerBody>
        </NavDrawer>
        <main id="main" className={styles.main} tabIndex={-1}>
          <PasswordReminder user={User.Name} />
          {saveFailure && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t('app.preferencesNotSaved', { reason: saveFailure })}</MessageBarBody>
            </MessageBar>
          )}
          <Outlet context={workspace.data} />
        </main>
      </div>
    </div>
  );
}
