import { useId, type ReactNode } from 'react';

/** One chart: a figure named by its visible title, with an optional line of explanation. */
export function ChartCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  const titleId = useId();
  return (
    <figure className="chart-card" aria-labelledby={titleId}>
      <h3 className="chart-title" id={titleId}>
        {title}
      </h3>
      {subtitle !== undefined && <p className="chart-subtitle">{subtitle}</p>}
      {children}
    </figure>
  );
}
