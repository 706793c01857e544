import { describe, expect, it } from 'vitest';
import { chartSvg, LIGHT_COLORS, renderChartPng, type BarChart } from '../../src/channels/web/charts.ts';
import { agencyChart } from '../../src/channels/web/program-chart.ts';
import type { AgencyCode, LocalDate, ProgramCode } from '../../src/core/types.ts';

const chart: BarChart = {
  title: 'Nhiệm vụ theo cơ quan – NQ57',
  subtitle: 'Ngày 15/07/2025',
  series: [
    { label: 'Hoàn thành', color: '#2e7d32' },
    { label: 'Quá hạn', color: '#c62828' },
  ],
  rows: [
    { label: 'Sở Khoa học và Công nghệ', values: [20, 5] },
    { label: 'Xã <Tân Phú> & "Bắc Phong"', values: [0, 2] },
  ],
};

describe('the SVG bar chart', () => {
  it('draws one bar segment per non-zero value, scaled to the largest row', () => {
    const svg = chartSvg(chart, { width: 400 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400"')).toBe(true);
    const segments = [
      ...svg.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="16" fill="(#[0-9a-f]{6})">/g),
    ];
    expect(segments.map((m) => m[3])).toEqual(['#2e7d32', '#c62828', '#c62828']);
    // 400 - 2×16 padding - room for the total "25": the full row is that wide.
    const full = Number(segments[0]![2]) + Number(segments[1]![2]);
    expect(Number(segments[2]![2])).toBeCloseTo((full * 2) / 25, 1);
  });

  it('writes each row total and escapes every label', () => {
    const svg = chartSvg(chart);
    expect(svg).toContain('>25</text>');
    expect(svg).toContain('Xã &lt;Tân Phú&gt; &amp; &quot;Bắc Phong&quot;');
    expect(svg).not.toContain('<Tân Phú>');
  });

  it('says so when there are no rows', () => {
    const svg = chartSvg({ ...chart, rows: [], empty: 'Chưa có nhiệm vụ nào.' });
    expect(svg).toContain('Chưa có nhiệm vụ nào.');
  });

  it('stacks the status grid: done on time, done late, within deadline, overdue', () => {
    const built = agencyChart(
      [
        {
          agency: 'SKHCN' as AgencyCode,
          name: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' },
          tasks: {
            total: 41,
            notStarted: 4,
            inProgress: 16,
            blocked: 1,
            done: 20,
            doneOnTime: 17,
            doneLate: 3,
            openInTime: 16,
            overdue: 5,
            ongoing: 0,
            awaiting: 0,
          },
        },
      ],
      { lang: 'en', program: 'NQ57' as ProgramCode, today: '2025-07-15' as LocalDate },
    );
    expect(built.series.map((s) => [s.label, s.color])).toEqual([
      ['Done on time', LIGHT_COLORS.green],
      ['Done late', LIGHT_COLORS.orange],
      ['Not done, within deadline', LIGHT_COLORS.white],
      ['Overdue', LIGHT_COLORS.red],
    ]);
    expect(built.rows).toEqual([{ label: 'Department of Science and Technology', values: [17, 3, 16, 5] }]);
    expect(built.subtitle).toBe('As of 15 Jul 2025 · tasks per agency');
  });
});

describe('the PNG chart', () => {
  it('is a PNG twice the SVG width', () => {
    const png = renderChartPng(chart, { width: 360 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the signature and chunk header.
    expect(png.readUInt32BE(16)).toBe(720);
    expect(png.readUInt32BE(20)).toBeGreaterThan(100);
  });
});
