// Administration: system settings (operation CanManageSysSettings). The list: every setting with
// its code, type, default and how many roles and users have a value of their own. A setting's page:
// its default; the values of roles and users (added by picking one, changed, removed); and the
// value that applies to a user, worked out by the server: their own, else their nearest role's,
// else the default. Every node applies a change at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Field, Link, MenuItem, SearchBox, Spinner, Text, Title1, Title3, createTableColumn, makeStyles,
  tokens, type TableColumnDefinition } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { ApiError } from '../../lib/http';
import { ErrorState } from '../../components/ErrorState';
import { DetailHeading } from '../../components/DetailHeading';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { ItemGrid } from '../../components/ItemGrid';
import { RowActions } from '../../components/RowActions';
import { usePageStyles } from '../../components/pageStyles';
import { OutcomeBar, errorOf, useOutcome } from '../../components/useOutcome';
import type { Choice } from '../../components/SearchCombobox';
import { UnitPicker } from './UnitPicker';
import { SettingValueInput } from './SettingValueInput';
import { effectiveValue, fetchSettings, removeValue, setDefault, setValue, settingKeys, type Setting, type SettingValue } from './settings';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 360px)', gap: tokens.spacingVerticalM },
});

function useSettings() {
  return useQuery({ queryKey: settingKeys.all, queryFn: ({ signal }) => fetchSettings(signal) });
}

/** A value as people read it: yes/no for a switch. */
function useShown() {
  const { t } = useTranslation();
  return (setting: Setting, value: string) => setting.ValueType === 'Boolean' ? (value === 'true' ? t('list.yes') : t('list.no')) : value;
}

export function SettingsPage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const shown = useShown();
  const [typed, setTyped] = useState('');
  const term = typed.trim().toLowerCase();
  const rows = (settings.data ?? []).filter((s) => !term || s.Name.toLowerCase().includes(term) || s.Code.toLowerCase().includes(term))
    .sort((a, b) => a.Name.localeCompare(b.Name));
  const columns: TableColumnDefinition<Setting>[] = [
    createTableColumn<Setting>({
      columnId: 'Name', renderHeaderCell: () => t('admin.setting'),
      renderCell: (s) => <Link href={`#/admin/settings/${s.Code}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/settings/${s.Code}`); }}>{s.Name}</Link>,
    }),
    createTableColumn<Setting>({ columnId: 'Code', renderHeaderCell: () => t('admin.code'), renderCell: (s) => s.Code }),
    createTableColumn<Setting>({ columnId: 'Type', renderHeaderCell: () => t('admin.type'), renderCell: (s) => t(`admin.settingTypes.${s.ValueType}`) }),
    createTableColumn<Setting>({ columnId: 'Default', renderHeaderCell: () => t('admin.default'), renderCell: (s) => shown(s, s.DefaultValue) }),
    createTableColumn<Setting>({ columnId: 'Values', renderHeaderCell: () => t('admin.ownValues'), renderCell: (s) => s.Values.length }),
  ];
  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('admin.settings')}</Title1>
      <div className={styles.tools}>
        <SearchBox value={typed} onChange={(_, d) => setTyped(d.value)} aria-label={t('admin.searchSettings')} placeholder={t('admin.searchSettings')} />
        {settings.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </div>
      {settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : (
        <ItemGrid minWidth="720px" items={rows} columns={columns} getRowId={(s: Setting) => s.Code} label={t('admin.settings')} controls={['Name']} />
      )}
    </div>
  );
}

export function SettingPage() {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const client = useQueryClient();
  const { code = '' } = useParams();
  const settings = useSettings();
  const shown = useShown();
  const [editing, setEditing] = useState<'new' | SettingValue | null>(null);
  // a change moves the values that apply to users too
  const { outcome, act } = useOutcome(() => client.invalidateQueries({ queryKey: settingKeys.all }));
  if (settings.isPending) return <Spinner label={t('app.loading')} />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const setting = settings.data.find((s) => s.Code === code);
  if (!setting) return <ErrorState error={new ApiError(404, 'NOT_FOUND', t('admin.noSuchSetting'))} />;
  const unitName = (v: SettingValue) => v.AdminUnitName ?? v.AdminUnitId;

  const columns: TableColumnDefinition<SettingValue>[] = [
    createTableColumn<SettingValue>({ columnId: 'Unit', renderHeaderCell: () => t('admin.grantee'), renderCell: unitName }),
    createTableColumn<SettingValue>({ columnId: 'Value', renderHeaderCell: () => t('admin.value'), renderCell: (v) => shown(setting, v.Value) }),
    createTableColumn<SettingValue>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (v) => (
        <RowActions name={unitName(v)}>
          <MenuItem onClick={() => setEditing(v)}>{t('admin.changeValue')}</MenuItem>
          <MenuItem onClick={() => void act(() => removeValue(code, v.AdminUnitId), t('admin.valueRemoved', { name: unitName(v) }))}>
            {t('admin.removeValue')}
          </MenuItem>
        </RowActions>
      ),
    }),
  ];
  return (
    <div className={styles.page}>
      <DetailHeading back={{ to: '/admin/settings', label: t('admin.settings') }} title={setting.Name}>
        <Badge appearance="outline">{setting.Code}</Badge>
        <Badge appearance="tint">{t(`admin.settingTypes.${setting.ValueType}`)}</Badge>
      </DetailHeading>
      <Text>{t('admin.settingRule')}</Text>
      <OutcomeBar outcome={outcome} />
      <DefaultCard setting={setting} onSave={(value) => act(() => setDefault(code, value), t('admin.defaultSaved', { value: shown(setting, value) }))} />
      <section aria-labelledby="setting-values" className={styles.page}>
        <Title3 as="h2" id="setting-values">{t('admin.ownValues')}</Title3>
        <div className={styles.tools}>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing('new')}>{t('admin.addValue')}</Button>
        </div>
        <ItemGrid minWidth="420px" items={setting.Values} columns={columns} getRowId={(v: SettingValue) => v.AdminUnitId}
          label={t('admin.valuesOf', { name: setting.Name })} controls={['Actions']} />
      </section>
      <EffectiveCard setting={setting} />
      <ValueDialog setting={setting} problem={errorOf(outcome)} editing={editing} onClose={() => setEditing(null)}
        onSave={(unit, value) => act(() => setValue(code, unit.id, value), t('admin.valueSaved', { name: unit.text, value: shown(setting, value) }))} />
    </div>
  );
}

function DefaultCard({ setting, onSave }: { setting: Setting; onSave: (value: string) => Promise<boolean> }) {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const [value, setValueText] = useState(setting.DefaultValue);
  const { busy, submit: send } = useSubmit();
  useEffect(() => setValueText(setting.DefaultValue), [setting.DefaultValue]);
  const save = () => void send(() => onSave(value.trim()));
  return (
    <Card>
      <form className={styles.card} onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="setting-default">
        <Title3 as="h2" id="setting-default">{t('admin.default')}</Title3>
        <div className={styles.row}>
          <SettingValueInput setting={setting} label={t('admin.defaultValue')} value={value} onChange={setValueText} />
        </div>
        <div className={styles.tools}>
          <Button appearance="primary" type="submit" disabled={busy || value.trim() === setting.DefaultValue}>{t('form.save')}</Button>
        </div>
      </form>
    </Card>
  );
}

/** The value that applies to a user, as the server works it out. */
function EffectiveCard({ setting }: { setting: Setting }) {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const shown = useShown();
  const [user, setUser] = useState<Choice | null>(null);
  const effective = useQuery({
    queryKey: settingKeys.effective(setting.Code, user?.id ?? ''),
    queryFn: ({ signal }) => effectiveValue(setting.Code, user!.id, signal),
    enabled: !!user,
  });
  return (
    <Card>
      <section className={styles.card} aria-labelledby="setting-effective">
        <Title3 as="h2" id="setting-effective">{t('admin.effective')}</Title3>
        <div className={styles.row}>
          <Field label={t('admin.user')}>
            <UnitPicker of="users" value={user} onChange={setUser} />
          </Field>
        </div>
        {user && effective.isError && <ErrorState error={effective.error} />}
        {user && !effective.isError && (
          <Text role="status" aria-live="polite">
            {effective.isSuccess ? t('admin.effectiveFor', { name: user.text, value: shown(setting, effective.data) }) : t('app.loading')}
          </Text>
        )}
      </section>
    </Card>
  );
}

function ValueDialog({ setting, editing, onClose, onSave, problem }: {
  setting: Setting; problem?: string; editing: 'new' | SettingValue | null; onClose: () => void; onSave: (unit: Choice, value: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Choice | null>(null);
  const [value, setValueText] = useState('');
  const { busy, submit: send } = useSubmit();
  useEffect(() => {
    if (editing === 'new') {
      setUnit(null);
      setValueText(setting.DefaultValue);
    } else if (editing) {
      setUnit({ id: editing.AdminUnitId, text: editing.AdminUnitName ?? editing.AdminUnitId });
      setValueText(editing.Value);
    }
  }, [editing, setting.DefaultValue]);
  const submit = () => {
    if (!unit) return;
    void send(() => onSave(unit, value.trim()), onClose);
  };
  const adding = editing === 'new';
  return (
    <FormDialog busy={busy} problem={problem} open={editing !== null} onClose={onClose} onSubmit={() => void submit()} ready={!!unit && value.trim() !== ''}
      title={adding ? t('admin.addValueTo', { name: setting.Name }) : t('admin.changeValueOf', { name: unit?.text ?? '' })}
      submit={t('form.save')}>
      {adding && (
        <Field label={t('admin.grantee')} required>
          <UnitPicker of="units" value={unit} onChange={setUnit} />
        </Field>
      )}
      <SettingValueInput setting={setting} label={t('admin.value')} value={value} onChange={setValueText} />
    </FormDialog>
  );
}
