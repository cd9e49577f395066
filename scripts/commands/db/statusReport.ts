import { redactConnectionString } from '../../../stack/targetUrl.ts';
import type { DbStatus } from '../../../reports/terminal/statusTable.ts';
import { countObjects } from '../../../stack/schema/countObjects.ts';
import { readServerInfo } from '../../../stack/serverInfo.ts';
import type { TargetSession } from '../../../stack/targetSession.ts';

export async function collectStatus(session: TargetSession, showSecrets: boolean): Promise<DbStatus> {
  const { target, client } = session;
  return {
    target: target.kind,
    running: session.runningAfter,
    url: showSecrets ? target.url : redactConnectionString(target.url),
    server: await readServerInfo(client),
    counts: await countObjects(client),
  };
}
