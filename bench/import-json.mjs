// The JSON side of the import benchmark (bench/import.mjs): the generated activity.csv written again as
// the Claude Code analytics export people download (crate/core/src/import/json.rs reads it), beside it,
// once per data set:
//   activity.ndjson            one record per line:
//                              {"date":"2026-03-02T00:00:00Z","actor":{"type":"user_actor","email_address":"…"},"core_metrics":{"num_sessions":3}}
//   activity-page-0001.json …  the same records as Admin API pages, one file each, of PAGE_RECORDS records:
//                              {"data":[…],"has_more":true,"next_page":"page_…"}, the last with has_more false
//                              and next_page null (the import adds several page files up).
// The records carry only what the import reads (date, actor, core_metrics.num_sessions); the export has
// no minutes, so the JSON import measures everything the CSV one does except avgSessionMinutes.
import { existsSync, openSync, readFileSync, readdirSync, renameSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** Records per page file: a size chosen here, so ~1M records make ~100 files (the API's own pages may be smaller). */
export const PAGE_RECORDS = 10_000;
const PAGE_NAME = /^activity-page-\d{4}\.json$/;

/** The JSON activity files of data set folder `dir`, written from its activity.csv unless there:
 *  `{ ndjson: 'activity.ndjson', pages: ['activity-page-0001.json', …] }`. */
export function jsonActivity(dir) {
  // activity.ndjson is written last, so its presence says the pages are complete too.
  if (!existsSync(join(dir, 'activity.ndjson'))) writeJson(dir);
  const pages = readdirSync(dir).filter((name) => PAGE_NAME.test(name)).sort();
  return { ndjson: 'activity.ndjson', pages };
}

/** Reads `dir`/activity.csv (date,user,sessions,minutes) and writes its rows as the pages, then the NDJSON. */
function writeJson(dir) {
  const lines = readFileSync(join(dir, 'activity.csv'), 'utf8').split('\n').filter(Boolean);
  if (lines[0] !== 'date,user,sessions,minutes') throw new Error(`${dir}/activity.csv: unexpected header ${lines[0]}`);
  const records = lines.slice(1).map((line) => {
    const [date, user, sessions] = line.split(',');
    return JSON.stringify({ date: `${date}T00:00:00Z`, actor: { type: 'user_actor', email_address: user },
      core_metrics: { num_sessions: Number(sessions) } });
  });
  const count = Math.ceil(records.length / PAGE_RECORDS);
  for (let page = 0; page < count; page++) {
    const last = page === count - 1;
    const next = last ? 'null' : JSON.stringify(`page_${Buffer.from(`page-${page + 2}`).toString('base64')}`);
    const data = records.slice(page * PAGE_RECORDS, (page + 1) * PAGE_RECORDS);
    writeFile(join(dir, `activity-page-${String(page + 1).padStart(4, '0')}.json`),
      [`{"data":[${data.join(',')}],"has_more":${!last},"next_page":${next}}\n`]);
  }
  writeFile(join(dir, 'activity.ndjson'), records.map((record) => `${record}\n`));
  console.log(`  wrote ${records.length.toLocaleString('en')} records as activity.ndjson and ${count} page files`);
}

/** Writes `parts` to `path` through a temporary name, so an interrupted run leaves no partial file behind. */
function writeFile(path, parts) {
  const fd = openSync(`${path}.part`, 'w');
  try {
    for (let i = 0; i < parts.length; i += 10_000) writeSync(fd, parts.slice(i, i + 10_000).join(''));
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.part`, path);
}

/** The fields of two results of our engine ({ overall, departments }) that differ, as `path: a vs b`
 *  strings, leaving out `ignored` field names (those the JSON export cannot give). */
export function differences(csv, json, ignored = ['avgSessionMinutes']) {
  const out = [];
  const walk = (a, b, path) => {
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!ignored.includes(key)) walk(a[key], b[key], path ? `${path}.${key}` : key);
      }
    } else if (!(a === b || (typeof a === 'number' && typeof b === 'number'
      && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))))) {
      out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  };
  walk(csv, json, '');
  return out;
}
