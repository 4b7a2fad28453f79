import { createResource, createSignal, For, Show } from 'solid-js';
import { type ApiToken, adminApi } from '../api/admin-client';
import type { Role } from '../api/types';
import { ErrorMessage } from '../components/states';
import { createAction } from './action';
import { CopyField } from './copy-field';
import { ListStates } from './list-states';
import { RoleOptions, when } from './role-options';

const status = (token: ApiToken, now: number) => {
  if (token.revokedAt) return `Revoked ${when(token.revokedAt)}`;
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'Expired';
  return 'Active';
};

/** API tokens: create (the secret shown once, with a copy button), list without secrets, revoke. */
export function TokensPanel(props: { slug: string }) {
  const [tokens, tokensResource] = createResource(() => props.slug, adminApi.tokens);
  const [secret, setSecret] = createSignal<string | null>(null);
  const action = createAction();
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const expiry = String(data.get('expires') ?? '');
    const created = await action.run(() =>
      adminApi.createToken(props.slug, {
        name: String(data.get('name')),
        role: String(data.get('role')) as Role,
        ...(expiry ? { expiresAt: new Date(`${expiry}T23:59:59`).toISOString() } : {}),
      }),
    );
    if (!created) return;
    setSecret(null);
    form.reset();
    setSecret(created.token);
    void tokensResource.refetch();
  };
  const revoke = async (id: string) => {
    await action.run(() => adminApi.revokeToken(props.slug, id));
    void tokensResource.refetch();
  };
  return (
    <>
      <form class="panel form-grid" aria-label="New API token" onSubmit={(e) => void create(e)}>
        <h3>New API token</h3>
        <label>
          Name <input name="name" required maxLength={120} placeholder="HR capacity export" />
        </label>
        <label>
          Role
          <select name="role">
            <RoleOptions />
          </select>
        </label>
        <label>
          Expires at the end of (optional) <input name="expires" type="date" />
        </label>
        <div class="actions">
          <button type="submit" disabled={action.busy()}>
            Create token
          </button>
        </div>
        <Show when={action.error()}>
          <div class="wide">
            <ErrorMessage error={action.error()} />
          </div>
        </Show>
        <Show when={secret()}>
          {(value) => (
            <div class="wide">
              <CopyField label="Token (shown only now: copy it)" value={value()} />
            </div>
          )}
        </Show>
      </form>
      <section class="panel" aria-labelledby="tokens-title">
        <h3 id="tokens-title">API tokens</h3>
        <ListStates
          items={tokens}
          retry={() => void tokensResource.refetch()}
          what="API tokens"
          empty="No API tokens yet."
        >
          {(list) => (
            <div class="table-scroll">
              <table aria-label="API tokens">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Role</th>
                    <th>Prefix</th>
                    <th>Created</th>
                    <th>Last used</th>
                    <th>Expires</th>
                    <th>Status</th>
                    <th>
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(token) => (
                      <tr>
                        <td>{token.name}</td>
                        <td>{token.role}</td>
                        <td>
                          <code>rl_{token.prefix}_…</code>
                        </td>
                        <td>{when(token.createdAt)}</td>
                        <td>{when(token.lastUsedAt)}</td>
                        <td>{token.expiresAt ? when(token.expiresAt) : 'Never'}</td>
                        <td>{status(token, Date.now())}</td>
                        <td>
                          <Show when={!token.revokedAt}>
                            <button
                              type="button"
                              class="secondary"
                              aria-label={`Revoke ${token.name}`}
                              onClick={() => void revoke(token.id)}
                            >
                              Revoke
                            </button>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </ListStates>
      </section>
    </>
  );
}
