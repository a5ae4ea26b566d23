// The audit log (.data/audit.json): who decided what, when. Append-only.
import path from 'node:path';
import type { AuditEntry } from '../../core/wire/moderation.ts';
import { JsonStore } from '../storage/json-store.ts';

export type { AuditEntry };

export interface AuditData {
  entries: AuditEntry[];
}

export function openAudit(dataDir: string): Promise<JsonStore<AuditData>> {
  return JsonStore.open<AuditData>(path.join(dataDir, 'audit.json'), { entries: [] });
}
