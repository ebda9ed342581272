import { Skeleton } from 'antd';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  onClick?: (event: ECElementEvent) => void;
  /** SVG keeps a chart's text in the page (readable, selectable, findable by tests); canvas is the default. */
  renderer?: 'canvas' | 'svg';
}

/** An ECharts chart. ECharts itself is loaded on first use, in its own chunk. */
export function EChart({ option, height = 320, onClick, renderer = 'canvas' }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('../lib/echarts.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer });
      chart.on('click', (event) => clickRef.current?.(event as ECElementEvent));
      observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      chartRef.current = chart;
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    if (ready) chartRef.current?.setOption(option, true);
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', height }}>
      {ready ? null : <Skeleton active style={{ position: 'absolute', inset: 0 }} />}
      <div ref={ref} style={{ height, cursor: onClick ? 'pointer' : undefined }} />
    </div>
  );
}
