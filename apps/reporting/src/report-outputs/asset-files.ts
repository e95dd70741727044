import { existsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/** The folder holding package.json: views, assets and node_modules are found from it, whether running from source or from dist. */
export function repositoryRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/**
 * The static files a report page loads, by URL prefix: the NHS design system's stylesheet, script and
 * images, the reports' own print stylesheet and chart script, and the chart library. The web shell
 * serves them to browsers, and the PDF renderer serves the same files to its own pages from disk.
 */
export function reportAssetFolders(root = repositoryRoot()): Array<{ prefix: string; folder: string; files?: RegExp }> {
  const nhsuk = join(root, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk');
  return [
    { prefix: '/assets/', folder: join(nhsuk, 'assets') },
    { prefix: '/nhsuk/', folder: nhsuk, files: /^nhsuk-frontend\.min\.(css|js)$/ },
    { prefix: '/report-vendor/', folder: join(root, 'node_modules', 'chart.js', 'dist'), files: /^chart\.umd\.min\.js$/ },
    { prefix: '/report-assets/', folder: join(root, 'apps', 'reporting', 'assets') },
  ];
}

/** The file a URL path names among the asset folders, or null (never a path outside them). */
export function assetFileFor(path: string, folders = reportAssetFolders()): string | null {
  for (const { prefix, folder, files } of folders) {
    if (!path.startsWith(prefix)) continue;
    const relative = decodeURIComponent(path.slice(prefix.length));
    if (files && !files.test(relative)) return null;
    const file = normalize(join(folder, relative));
    if (!file.startsWith(folder + sep) || !existsSync(file)) return null;
    return file;
  }
  return null;
}
