// Test helpers for content: temporary content directories copied from fixtures,
// and the fixture model.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ContentModel, loadContentModel, type ProjectPaths, resolvePaths } from '../../core/model/index.ts';

export const FIXTURE_CONTENT = path.resolve(import.meta.dirname, '../fixtures/content');

export function tempDir(prefix = 'passerelle-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh copy of a content directory (fixture by default) and paths pointing at it. */
export function tempContent(source = FIXTURE_CONTENT): { paths: ProjectPaths; cleanup(): void } {
  const root = tempDir();
  const content = path.join(root, 'content');
  fs.cpSync(source, content, { recursive: true });
  const paths = resolvePaths({
    PASSERELLE_CONTENT_DIR: content,
    PASSERELLE_BUILD_DIR: path.join(root, 'build'),
    PASSERELLE_DATA_DIR: path.join(root, '.data'),
  });
  return { paths, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export function fixtureModel(): ContentModel {
  return loadContentModel(resolvePaths({ PASSERELLE_CONTENT_DIR: FIXTURE_CONTENT }));
}
