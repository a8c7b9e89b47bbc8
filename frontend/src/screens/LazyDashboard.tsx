// The dashboards, loaded on demand (Chartist stays out of the first load): the
// analyst's Today and the manager's Team screen show them after their own figures.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function LazyDashboard() {
  const [D, setD] = useState<ComponentType | null>(null);
  useEffect(() => {
    void import('./Dashboard').then((m) => setD(() => m.Dashboard));
  }, []);
  return D ? <D /> : null;
}
