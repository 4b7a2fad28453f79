import { type JSX, Match, type Resource, Switch } from 'solid-js';
import { Empty, ErrorMessage, Loading } from '../components/states';

/** A fetched list with its error (and retry), loading and empty states; `children` draws the items. */
export function ListStates<T>(props: {
  items: Resource<T[]>;
  retry: () => void;
  what: string;
  empty: string;
  emptyHint?: JSX.Element;
  children: (items: () => T[]) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.items.error}>
        <ErrorMessage error={props.items.error} retry={props.retry} />
      </Match>
      <Match when={props.items.loading && !props.items.latest}>
        <Loading what={props.what} />
      </Match>
      <Match when={props.items()?.length === 0}>
        <Empty title={props.empty}>{props.emptyHint}</Empty>
      </Match>
      <Match when={props.items()}>{(items) => props.children(items)}</Match>
    </Switch>
  );
}
