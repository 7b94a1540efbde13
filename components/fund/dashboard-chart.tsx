"use client";

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";

// chart.js is imported by this component only, and this component by the Fund's dashboard only: Next splits it into
// the staff page's own chunk, so no citizen page downloads it (checked in tests/e2e/dashboard.spec.ts).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * A bar chart of one dashboard table. The canvas is an image named by `description`; its numbers are the table
 * right under it (and its CSV), which is what screen readers and keyboard users read.
 */
export function DashboardChart({
  labels,
  values,
  series,
  description,
  horizontal = false,
}: {
  labels: string[];
  values: number[];
  series: string;
  description: string;
  horizontal?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify([labels, values, series]);
  useEffect(() => {
    if (!canvas.current) return;
    const [l, v, s] = JSON.parse(data) as [string[], number[], string];
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: { labels: l, datasets: [{ label: s, data: v, backgroundColor: "#1d4f91" }] },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [data, horizontal]);
  const height = horizontal ? Math.max(160, labels.length * 28 + 40) : 260;
  return (
    // the canvas never wider than its box: chart.js resizes it after the viewport changes (a ResizeObserver, later),
    // and until then a phone must not scroll sideways
    <div className="relative mb-3 w-full max-w-3xl overflow-hidden" style={{ height }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={description}
        data-testid="dashboard-chart"
        className="block max-w-full"
      />
    </div>
  );
}
