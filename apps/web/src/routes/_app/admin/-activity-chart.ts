import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

interface Day {
  day: string;
  signUps: number;
  activeUsers: number;
}

const dayMonth = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** Draws two series over the days into `element`, fitted to it; returns the clean-up. */
export function drawActivityChart(element: HTMLElement, days: Day[]): () => void {
  const x = days.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000);
  const size = () => ({
    width: element.clientWidth,
    height: Math.max(120, element.clientHeight - 30),
  });
  const chart = new uPlot(
    {
      ...size(),
      legend: { live: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
      // Days as the rest of the app writes them ("28 Oct"), not uPlot's "10/28".
      axes: [
        { stroke: "#64748b", values: (_u, ticks) => ticks.map((t) => dayMonth.format(t * 1000)) },
        { stroke: "#64748b", size: 36 },
      ],
      series: [
        {},
        { label: "Sign-ups", stroke: "#4f46e5", width: 2, fill: "rgba(79,70,229,0.08)" },
        { label: "Active users", stroke: "#059669", width: 2 },
      ],
    },
    [x, days.map((d) => d.signUps), days.map((d) => d.activeUsers)],
    element,
  );
  const observer = new ResizeObserver(() => chart.setSize(size()));
  observer.observe(element);
  return () => {
    observer.disconnect();
    chart.destroy();
  };
}
