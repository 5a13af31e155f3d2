// A card's list of facts, a term and its value per line (a job's schedule, the licence in force):
// a description list, terms in bold in their own column; long values wrap anywhere.
import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function Facts({ children }: { children: ReactNode }) {
  return <dl className={useStyles().facts}>{children}</dl>;
}

/** One line of {@link Facts}; `code` shows the value as an identifier (monospace). */
export function Fact({ term, code = false, children }: { term: string; code?: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={mergeClasses(styles.value, code && styles.code)}>{children}</dd>
    </>
  );
}
