// The input of one setting's value, by its type: a number within its bounds, a switch, or text.
// Values travel as text ("33", "true"); the server checks them again.
import { useTranslation } from 'react-i18next';
import { Field, Input, Switch } from '@fluentui/react-components';
import { bounds, type Setting } from './settings';

export function SettingValueInput({ setting, label, value, onChange }: {
  setting: Setting; label: string; value: string; onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const range = bounds(setting);
  if (setting.ValueType === 'Boolean') {
    return <Switch label={label} checked={value === 'true'} onChange={(_, d) => onChange(d.checked ? 'true' : 'false')} />;
  }
  const hint = range
    ? range.min !== null && range.max !== null ? t('admin.range', { min: range.min, max: range.max })
      : range.min !== null ? t('admin.atLeast', { min: range.min }) : t('admin.atMost', { max: range.max })
    : undefined;
  return (
    <Field label={label} hint={hint}>
      <Input type={setting.ValueType === 'Integer' ? 'number' : 'text'} value={value} onChange={(_, d) => onChange(d.value)}
        min={range?.min ?? undefined} max={range?.max ?? undefined} />
    </Field>
  );
}
