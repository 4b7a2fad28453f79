import { createContext, type JSX, useContext } from 'solid-js';
import { createModelStore, type ModelStore } from './model-store';
import { createReportsStore, type ReportsStore } from './reports-store';
import { createScenariosStore, type ScenariosStore } from './scenarios-store';
import { createSessionStore, type SessionStore } from './session-store';
import { createTeamsStore, type TeamsStore } from './teams-store';

export interface Stores {
  session: SessionStore;
  model: ModelStore;
  scenarios: ScenariosStore;
  teams: TeamsStore;
  reports: ReportsStore;
}

const StoresContext = createContext<Stores>();

/** Creates one store per domain and shares them with the pages below. */
export function StoresProvider(props: { children: JSX.Element }) {
  const session = createSessionStore();
  const slug = session[0].orgSlug;
  const model = createModelStore(slug);
  const reports = createReportsStore(slug);
  const scenarios = createScenariosStore(slug);
  const teams = createTeamsStore(slug, () => {
    void model[1].reload();
    void reports[1].reload();
  });
  void session[1].refresh();
  return (
    <StoresContext.Provider value={{ session, model, scenarios, teams, reports }}>
      {props.children}
    </StoresContext.Provider>
  );
}

/** The stores of {@link StoresProvider}. */
export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores needs a StoresProvider above it');
  return stores;
}
