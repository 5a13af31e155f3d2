// The icon of a section in the navigation: the CRM core's own, a table for the objects admins add.
import {
  BuildingRegular,
  CalendarLtrRegular,
  PeopleRegular,
  PersonStarRegular,
  TableRegular,
  TargetArrowRegular,
  WrenchRegular,
} from '@fluentui/react-icons';
import type { FluentIcon } from '@fluentui/react-icons';

const ICONS: Record<string, FluentIcon> = {
  Contact: PeopleRegular,
  Account: BuildingRegular,
  Activity: CalendarLtrRegular,
  Case: WrenchRegular,
  Lead: PersonStarRegular,
  Opportunity: TargetArrowRegular,
};

export function SectionIcon({ object }: { object: string }) {
  const Icon = ICONS[object] ?? TableRegular;
  return <Icon aria-hidden="true" fontSize={20} />;
}
