import { useId, type ReactNode } from 'react';

/** Stable names of the six charts: export file names and presenter highlights use them. */
export type ChartId = 'requests' | 'empty' | 'latency' | 'bytes' | 'connections' | 'load';

interface ChartCardProps {
  chartId: ChartId;
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/** One chart: a figure named by its visible title, with an optional line of explanation. */
export function ChartCard({ chartId, title, subtitle, children }: ChartCardProps) {
  const titleId = useId();
  return (
    <figure className="chart-card" aria-labelledby={titleId} data-chart={chartId}>
      <h3 className="chart-title" id={titleId}>
        {title}
      </h3>
      {subtitle !== undefined && <p className="chart-subtitle">{subtitle}</p>}
      {children}
    </figure>
  );
}
