/** One line of the latency plot: a value per offered load. */
export interface PlotSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: Array<{ x: number; y: number }>;
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 70, right: 200, top: 40, bottom: 50 };

/**
 * Draws latency against offered load as a standalone SVG, with a logarithmic latency
 * axis because the subject and the baseline differ by orders of magnitude.
 */
export function latencyPlot(title: string, xLabel: string, series: PlotSeries[], goals: Array<{ label: string; y: number }>): string {
  const xs = [...new Set(series.flatMap((line) => line.points.map((point) => point.x)))].sort((a, b) => a - b);
  const ys = [...series.flatMap((line) => line.points.map((point) => point.y)), ...goals.map((goal) => goal.y)].filter((y) => Number.isFinite(y) && y > 0);
  const low = 10 ** Math.floor(Math.log10(Math.min(...ys, 1)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...ys, 10)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;

  const xAt = (x: number): number => MARGIN.left + (xs.length === 1 ? plotWidth / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotWidth);
  const yAt = (y: number): number => MARGIN.top + plotHeight - ((Math.log10(y) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  parts.push(`<text x="${WIDTH / 2 - MARGIN.right / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`);

  for (let decade = low; decade <= high; decade *= 10) {
    const y = yAt(decade);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${y + 4}" text-anchor="end">${formatMs(decade)}</text>`);
  }
  for (const x of xs) {
    parts.push(`<line x1="${xAt(x)}" x2="${xAt(x)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#eee"/>`);
    parts.push(`<text x="${xAt(x)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${x}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">latency (ms, log scale)</text>`);

  for (const goal of goals) {
    const y = yAt(goal.y);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y}" y2="${y}" stroke="#c00" stroke-dasharray="2 4"/>`);
    parts.push(`<text x="${MARGIN.left + plotWidth - 4}" y="${y - 4}" text-anchor="end" fill="#c00">${escapeXml(goal.label)}</text>`);
  }

  series.forEach((line, index) => {
    const points = line.points.filter((point) => Number.isFinite(point.y) && point.y > 0);
    const path = points.map((point, position) => `${position === 0 ? 'M' : 'L'}${xAt(point.x).toFixed(1)},${yAt(point.y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${line.color}" stroke-width="2"${line.dashed === true ? ' stroke-dasharray="6 3"' : ''}/>`);
    for (const point of points) {
      parts.push(`<circle cx="${xAt(point.x).toFixed(1)}" cy="${yAt(point.y).toFixed(1)}" r="3.5" fill="${line.color}"/>`);
    }
    const legendY = MARGIN.top + 10 + index * 20;
    const legendX = MARGIN.left + plotWidth + 14;
    parts.push(`<line x1="${legendX}" x2="${legendX + 22}" y1="${legendY}" y2="${legendY}" stroke="${line.color}" stroke-width="2"${line.dashed === true ? ' stroke-dasharray="6 3"' : ''}/>`);
    parts.push(`<text x="${legendX + 28}" y="${legendY + 4}">${escapeXml(line.label)}</text>`);
  });

  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function formatMs(value: number): string {
  return value >= 1000 ? `${value / 1000} s` : `${value}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
