import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { downloadCsv, downloadPng } from './chart-export';
import { type ChartTable, cellText, columnDecimals } from './chart-table';

interface ChartFrameProps {
  /** Chart title: caption, file names, the table's caption. */
  title: string;
  /** What the chart shows and from which run ("P50 and P10-P90 band of the 500-run server forecast"), under the title. */
  run?: string | undefined;
  /** The chart's numbers, built only when the table is shown or a CSV saved. */
  table: () => ChartTable;
  /** The drawn canvas, for PNG export. */
  canvas: () => HTMLCanvasElement | undefined;
  /** Legend lines written under the chart in the PNG. */
  legend: () => string[];
  /** What the cursor (hover or arrow keys) reads out, or empty. */
  readout?: string;
  children: JSX.Element;
}

/**
 * A chart's figure: the caption with Table / CSV / PNG buttons, the chart, a read-out line for
 * the cursor (announced politely) and, on demand, the data table alternative of the chart.
 */
export function ChartFrame(props: ChartFrameProps) {
  const [open, setOpen] = createSignal(false);
  const id = `chart-table-${Math.random().toString(36).slice(2, 9)}`;
  return (
    <figure class="chart">
      <figcaption class="chart-head">
        <span class="chart-name">
          <span class="chart-title">{props.title}</span>
          <Show when={props.run}>
            <span class="chart-run">{props.run}</span>
          </Show>
        </span>
        <span class="chart-tools">
          <button
            type="button"
            class="secondary small"
            aria-expanded={open()}
            aria-controls={id}
            onClick={() => setOpen(!open())}
          >
            {open() ? 'Hide table' : 'Table'}
            <span class="sr-only"> of {props.title}</span>
          </button>
          <button
            type="button"
            class="secondary small"
            onClick={() => downloadCsv(props.title, props.table())}
          >
            CSV<span class="sr-only"> of {props.title}</span>
          </button>
          <button
            type="button"
            class="secondary small"
            onClick={() => {
              const canvas = props.canvas();
              if (canvas)
                downloadPng(props.title, canvas, [...(props.run ? [props.run] : []), ...props.legend()]);
            }}
          >
            PNG<span class="sr-only"> of {props.title}</span>
          </button>
        </span>
      </figcaption>
      {props.children}
      <Show when={props.readout !== undefined}>
        <p class="readout" aria-live="polite">
          {props.readout || 'Hover the chart, or focus it and use the arrow keys, to read the weekly values.'}
        </p>
      </Show>
      <div id={id}>
        <Show when={open()}>
          <ChartDataTable title={props.title} table={props.table()} />
        </Show>
      </div>
    </figure>
  );
}

function ChartDataTable(props: { title: string; table: ChartTable }) {
  const decimals = createMemo(() => columnDecimals(props.table.rows));
  return (
    <section class="table-scroll chart-data" tabindex="0" aria-label={`${props.title}: data table`}>
      <table>
        <caption class="sr-only">{props.title}</caption>
        <thead>
          <tr>
            <For each={props.table.columns}>{(column) => <th scope="col">{column}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.table.rows}>
            {(row) => (
              <tr>
                <For each={row}>
                  {(cell, i) =>
                    i() === 0 ? (
                      <th scope="row">{cellText(cell)}</th>
                    ) : (
                      <td class="num">{cellText(cell, decimals()[i()])}</td>
                    )
                  }
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
