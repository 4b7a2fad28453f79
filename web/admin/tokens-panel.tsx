import { createResource, createSignal, Show } from 'solid-js';
import type { ApiToken } from '../../shared/contract/people';
import { adminApi } from '../api/admin-client';
import type { Role } from '../api/types';
import { createAction } from './action';
import { AdminForm, RoleField } from './admin-form';
import { ListPanel } from './list-panel';
import { when } from './role-options';

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
  const create = async (data: FormData, form: HTMLFormElement) => {
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
      <AdminForm
        title="New API token"
        submit="Create token"
        action={action}
        onSubmit={(data, form) => void create(data, form)}
        shown={{ label: 'Token (shown only now: copy it)', value: secret() }}
      >
        <label>
          Name <input name="name" required maxLength={120} placeholder="HR capacity export" />
        </label>
        <RoleField />
        <label>
          Expires at the end of (optional) <input name="expires" type="date" />
        </label>
      </AdminForm>
      <ListPanel
        id="tokens-title"
        title="API tokens"
        items={tokens}
        retry={() => void tokensResource.refetch()}
        what="API tokens"
        empty="No API tokens yet."
        columns={['Name', 'Role', 'Prefix', 'Created', 'Last used', 'Expires', 'Status']}
        actions
        row={(token) => (
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
      />
    </>
  );
}
