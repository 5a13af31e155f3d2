import { useEffect, useState } from 'react';

/** The value once it has stopped changing for {@code ms} milliseconds (the user stopped typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}
