/**
 * Build: the app's code that a page load always runs, in two chunks instead of dozens.
 *
 * The bundler's automatic splitting makes a separate chunk for every set of entries and lazy parts
 * that share modules. The app has many lazy parts (Examples, Practice, the Race lab, dialogs…),
 * so the code of the first screen came as about thirty files, many under 1 KB, each compressed
 * on its own. Compressed together they are about 7 KB smaller (gzip), which is what the
 * benchmark counts before the first result. The split here:
 *
 * - `boot`: what the page's entry (src/main.ts) imports, so that it can start the engine before
 *   the app's code has arrived, with what the link reader (which the entry may load first) shares
 *   with the app;
 * - `app`: everything else src/mount.tsx imports statically (React, the first screen), loaded
 *   with it in any case.
 *
 * Each is split once more by what the embed page (embed.html) also imports, so that the embed,
 * which is much smaller than the app, loads none of the app's own code. The sets are read from the
 * module graph at the end of the build's module phase, before chunks are made.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

interface Graph {
  getModuleInfo: (id: string) => { importedIds: readonly string[] } | null;
}

const sets = { boot: new Set<string>(), app: new Set<string>(), embed: new Set<string>() };

function closure(graph: Graph, from: string, into: Set<string>): void {
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (into.has(id)) continue;
    const info = graph.getModuleInfo(id);
    if (!info) continue;
    into.add(id);
    stack.push(...info.importedIds);
  }
}

/** The plugin that reads the module graph. */
export function firstPathChunksPlugin(root: string): Plugin {
  return {
    name: 'upsert-first-path-chunks',
    apply: 'build',
    buildEnd() {
      for (const s of Object.values(sets)) s.clear();
      const at = (p: string) => path.resolve(root, p);
      closure(this, at('src/main.ts'), sets.boot);
      closure(this, at('src/mount.tsx'), sets.app);
      closure(this, at('src/embed/main.tsx'), sets.embed);
      // The entry loads the link reader before its start decision when there is something to read:
      // what the reader shares with the app goes with the entry's code, not with React's chunk.
      const reader = new Set<string>();
      closure(this, at('src/scenario/linkDecode.ts'), reader);
      for (const id of reader) if (sets.app.has(id)) sets.boot.add(id);
    },
  };
}

const inBoot = (id: string) => sets.boot.has(id);
const inApp = (id: string) => sets.app.has(id) && !sets.boot.has(id);

/**
 * The output's chunk groups (build.rollupOptions.output.codeSplitting.groups). A higher priority
 * captures first, and a group takes its modules' imports along unless a higher one has them: each
 * set that both pages load is a group of its own, so neither page loads the other's code.
 */
export const firstPathGroups = [
  { name: 'boot-shared', priority: 40, test: (id: string) => inBoot(id) && sets.embed.has(id) },
  { name: 'boot', priority: 30, test: (id: string) => inBoot(id) },
  { name: 'shared', priority: 20, test: (id: string) => inApp(id) && sets.embed.has(id) },
  { name: 'app', priority: 10, test: inApp },
];
