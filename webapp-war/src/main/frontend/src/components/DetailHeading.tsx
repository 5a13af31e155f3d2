import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Link, Title1, makeStyles } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { usePageStyles } from './pageStyles';

const useStyles = makeStyles({
  back: { alignSelf: 'flex-start' },
});

/** The top of a page about one thing: a link back to the list it is in, its name as the page's heading, badges beside it. */
export function DetailHeading({ back, title, children }: { back: { to: string; label: string }; title: string; children?: ReactNode }) {
  const styles = { ...usePageStyles(), ...useStyles() };
  const navigate = useNavigate();
  return (
    <>
      <Link className={styles.back} href={`#${back.to}`} onClick={(e) => { e.preventDefault(); navigate(back.to); }}>
        <ArrowLeftRegular /> {back.label}
      </Link>
      <div className={styles.badges}>
        <Title1 as="h1">{title}</Title1>
        {children}
      </div>
    </>
  );
}
