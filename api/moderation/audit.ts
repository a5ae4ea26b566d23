// The audit log (.data/audit.json): who decided what, when. Append-only.
import path from 'node:path';
import { JsonStore } from '../storage/json-store.ts';

export interface AuditEntry {
  at: string;
  by: string;
  action: 'approve' | 'reject' | 'request_changes';
  submission: string;
  initiative?: string;
  reason?: string;
}

export interface AuditData {
  entries: AuditEntry[];
}

export function openAudit(dataDir: string): Promise<JsonStore<AuditData>> {
  return JsonStore.open<AuditData>(path.join(dataDir, 'audit.json'), { entries: [] });
}
