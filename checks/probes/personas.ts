import { randomUUID } from 'node:crypto';
import type { CheckContext } from '../checkTypes.ts';
import { insertRow, synthesizeRow } from './fixtures.ts';
import type { Persona, ProbeSession } from './probeSession.ts';
import { loadTableMeta } from './tableMeta.ts';

/** The people the probes act as, and where they came from. */
export interface Personas {
  gomA: Persona;
  gomB: Persona;
  buyer: Persona;
  anon: Persona;
  serviceRole: Persona;
  /** "seeded data" when all three users exist; otherwise the missing ones are made in every probe transaction. */
  source: string;
  /** User ids to create (auth.users + profiles) at the start of each probe transaction. */
  toCreate: string[];
}

/**
 * GOM A and GOM B are the two users with the most orders (ties by id); the buyer is a user with
 * a profile and no orders. Whoever the data lacks is created, with fresh ids, inside each
 * rolled-back probe transaction.
 */
export function loadPersonas(ctx: CheckContext): Promise<Personas> {
  return ctx.memo('personas', async () => {
    const found = { goms: [] as string[], buyer: null as string | null };
    const { rows: present } = await ctx.client.query<{ ok: boolean }>(`SELECT to_regclass('public.orders') IS NOT NULL AND to_regclass('public.profiles') IS NOT NULL AS ok`);
    if (present[0]!.ok) {
      const goms = await ctx.client.query<{ user_id: string }>(
        `SELECT o.user_id FROM public.orders o JOIN public.profiles p ON p.user_id = o.user_id GROUP BY o.user_id ORDER BY count(*) DESC, o.user_id LIMIT 2`,
      );
      found.goms = goms.rows.map((r) => r.user_id);
      const buyer = await ctx.client.query<{ user_id: string }>(
        `SELECT p.user_id FROM public.profiles p WHERE NOT EXISTS (SELECT 1 FROM public.orders o WHERE o.user_id = p.user_id) ORDER BY p.user_id LIMIT 1`,
      );
      found.buyer = buyer.rows[0]?.user_id ?? null;
    }
    const toCreate: string[] = [];
    const pick = (id: string | null | undefined) => id ?? (toCreate.push(randomUUID()), toCreate[toCreate.length - 1]!);
    const gomA = pick(found.goms[0]);
    const gomB = pick(found.goms[1]);
    const buyer = pick(found.buyer);
    return {
      gomA: { label: 'GOM A', role: 'authenticated', userId: gomA },
      gomB: { label: 'GOM B', role: 'authenticated', userId: gomB },
      buyer: { label: 'buyer', role: 'authenticated', userId: buyer },
      anon: { label: 'anon', role: 'anon' },
      serviceRole: { label: 'service_role', role: 'service_role' },
      source: toCreate.length === 0 ? 'seeded data' : `${3 - toCreate.length} of 3 users from the data, ${toCreate.length} created inside each rolled-back probe transaction`,
      toCreate,
    };
  });
}

/** Creates the personas the data lacks (auth user and profile), as the owner, in the current probe transaction. */
export async function createMissingPersonas(ctx: CheckContext, session: ProbeSession, personas: Personas): Promise<void> {
  const tables = await loadTableMeta(ctx);
  const profiles = tables.get('public.profiles');
  for (const id of personas.toCreate) {
    await session.client.query(`INSERT INTO auth.users (id, aud, role, email) VALUES ($1, 'authenticated', 'authenticated', $2)`, [id, `probe-${id.slice(0, 8)}@gomflow-probe.invalid`]);
    if (profiles) await insertRow(session, profiles, { ...synthesizeRow(profiles), user_id: id });
  }
}
