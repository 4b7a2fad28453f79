import type { JSX, Resource } from 'solid-js';
import { DataTable } from './data-table';
import { ListStates } from './list-states';

/**
 * A titled panel listing a fetched resource as a table, with its loading, empty and error states
 * (and retry); `children` go between the title and the list (e.g. the last action's error), and
 * `withList` goes there too but only while the list shows (e.g. the list's own save button, which
 * a load error should not leave standing above it).
 */
export function ListPanel<T>(props: {
  id: string;
  title: string;
  items: Resource<T[]>;
  retry: () => void;
  what: string;
  empty: string;
  columns: readonly string[];
  actions?: boolean;
  row: (item: T) => JSX.Element;
  children?: JSX.Element;
  withList?: JSX.Element;
}) {
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      {props.children}
      <ListStates items={props.items} retry={props.retry} what={props.what} empty={props.empty}>
        {(list) => (
          <>
            {props.withList}
            <DataTable
              label={props.title}
              columns={props.columns}
              actions={props.actions ?? false}
              items={list()}
              row={props.row}
            />
          </>
        )}
      </ListStates>
    </section>
  );
}
