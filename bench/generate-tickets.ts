import type SQLite from 'better-sqlite3';
import { searchKey } from '../shared/text-key';
import { inserter, random } from './generate-accounts';

/**
 * Fills a migrated Portier database with `tickets` tickets and the projects, tasks and
 * contacts with ticket rights around them, fast: indexes are dropped and rebuilt around one
 * transaction of multi-row INSERTs through prepared statements. Deterministic for a seed.
 *
 * Proportions (at 1M tickets): 2,000 organisations (one flagged internal), 20,000 projects
 * (2 % without organisation: internal), about 100,000 tasks (1-9 per project, created over
 * the last 1,000 days), 10,000 persons (5 per organisation), each with 0-4 rights on its
 * organisation's projects (40 % all tasks, 30 % one task, 30 % existing tasks; 15 % read-only,
 * 5 % revoked; some on internal projects).
 *
 * The benchmark's contact: the first person of the first organisation, a big customer whose
 * 40 projects carry 5 % of all tickets; it holds rights on 20 projects (18 of its own, 2
 * internal) of every scope, some read-only, and one revoked right besides.
 */
export interface GeneratedTickets {
  organisations: number;
  projects: number;
  tasks: number;
  persons: number;
  rights: number;
  tickets: number;
  /** The person whose view the benchmark measures. */
  benchPersonId: number;
  /** Its organisation's projects: rights on [0, 18) and [18] revoked. */
  benchProjectIds: number[];
}

const DAY = 86_400_000;
const BENCH_PROJECTS = 40;
const BENCH_TICKET_SHARE = 0.05;
const PERSONS_PER_ORGANISATION = 5;

const SUBJECTS = ['Printer', 'VPN', 'Invoice', 'Login', 'Mailbox', 'Backup', 'Laptop', 'Firewall', 'Website', 'Database', 'Phone', 'Scanner', 'Licence', 'Report', 'Server'];
const PROBLEMS = ['does not start', 'is slow', 'shows an error', 'needs an update', 'was wrong', 'stopped working', 'asks for a password', 'must be moved', 'is missing', 'keeps crashing'];
const STATUSES = [
  ['new', 0.1], ['in_progress', 0.25], ['waiting_for_customer', 0.35], ['done', 0.45], ['accepted', 0.65], ['rejected', 0.7], ['closed', 1],
] as const;
const PRIORITIES = [['low', 0.2], ['normal', 0.75], ['high', 0.95], ['urgent', 1]] as const;

const weighted = <T>(table: readonly (readonly [T, number])[], roll: number): T => (table.find(([, upTo]) => roll < upTo) ?? table[table.length - 1])?.[0] as T;

export function generateTickets(sqlite: SQLite.Database, tickets: number, now: Date, seed = 11): GeneratedTickets {
  const rnd = random(seed);
  const below = (n: number) => Math.floor(rnd() * n);
  const nowMs = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const organisationCount = Math.max(20, Math.round(tickets / 500));
  const projectCount = Math.max(BENCH_PROJECTS + 20, Math.round(tickets / 50));

  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  const tables = ['organisation', 'person', 'project', 'task', 'ticket', 'ticket_right', 'ticket_right_task'];
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);

  const maxId = (table: string) => Number((sqlite.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m);
  const staffIds = (sqlite.prepare('SELECT id FROM staff ORDER BY id').all() as { id: number }[]).map((s) => s.id);
  const firstOrg = maxId('organisation') + 1;
  const firstPerson = maxId('person') + 1;
  const firstProject = maxId('project') + 1;
  const firstTask = maxId('task') + 1;
  const firstRight = maxId('ticket_right') + 1;
  const firstNumber = Number((sqlite.prepare('SELECT coalesce(max(number), 10000) AS m FROM ticket').get() as { m: number }).m) + 1;
  const created = iso(nowMs - 1100 * DAY);
  const result: GeneratedTickets = {
    organisations: organisationCount,
    projects: projectCount,
    tasks: 0,
    persons: organisationCount * PERSONS_PER_ORGANISATION,
    rights: 0,
    tickets,
    benchPersonId: firstPerson,
    benchProjectIds: Array.from({ length: BENCH_PROJECTS }, (_, i) => firstProject + i),
  };

  sqlite.transaction(() => {
    const orgs = inserter(sqlite, 'organisation', ['id', 'name', 'name_key', 'customer_number', 'country', 'language', 'internal', 'created_at', 'updated_at']);
    for (let o = 0; o < organisationCount; o++) {
      const name = o === 1 ? 'Portier Support (internal)' : `Customer ${o}`;
      orgs.add([firstOrg + o, name, searchKey(name), `C${String(o).padStart(6, '0')}`, 'NL', 'default', o === 1 ? 1 : 0, created, created]);
    }
    orgs.finish();

    const persons = inserter(sqlite, 'person', ['id', 'organisation_id', 'first_name', 'last_name', 'name_key', 'language', 'created_at', 'updated_at']);
    for (let p = 0; p < result.persons; p++) {
      const last = `Contact ${p}`;
      persons.add([firstPerson + p, firstOrg + Math.floor(p / PERSONS_PER_ORGANISATION), 'Sam', last, searchKey(`${last} Sam`), 'default', created, created]);
    }
    persons.finish();

    // Project p's organisation index (-1: none, internal); bench projects first, then 2 % internal.
    const projectOrg = new Int32Array(projectCount);
    const internalProjects = Math.max(2, Math.round(projectCount * 0.02));
    const projectsOf = new Map<number, number[]>();
    const projects = inserter(sqlite, 'project', ['id', 'organisation_id', 'name', 'name_key', 'created_at', 'updated_at']);
    for (let p = 0; p < projectCount; p++) {
      const org = p < BENCH_PROJECTS ? 0 : p < BENCH_PROJECTS + internalProjects ? -1 : 1 + below(organisationCount - 1);
      projectOrg[p] = org;
      if (org >= 0) {
        const own = projectsOf.get(org);
        if (own) own.push(p);
        else projectsOf.set(org, [p]);
      }
      const name = `Project ${p}`;
      projects.add([firstProject + p, org < 0 ? null : firstOrg + org, name, searchKey(name), created, created]);
    }
    projects.finish();

    // Tasks of project p: ids taskStart[p] .. taskStart[p] + taskCount[p] - 1.
    const taskStart = new Int32Array(projectCount);
    const taskCount = new Int32Array(projectCount);
    const taskCreated: number[] = [];
    const tasks = inserter(sqlite, 'task', ['id', 'project_id', 'name', 'name_key', 'created_at', 'updated_at']);
    let taskId = firstTask;
    for (let p = 0; p < projectCount; p++) {
      taskStart[p] = taskId;
      taskCount[p] = 1 + below(9);
      for (let k = 0; k < (taskCount[p] ?? 0); k++) {
        const at = nowMs - (1000 - rnd() * 990) * DAY;
        taskCreated[taskId - firstTask] = at;
        tasks.add([taskId, firstProject + p, `Task ${k + 1}`, `task ${k + 1}`, iso(at), iso(at)]);
        taskId += 1;
      }
    }
    result.tasks = tasks.finish();

    const rights = inserter(sqlite, 'ticket_right', ['id', 'person_id', 'project_id', 'scope', 'task_id', 'read_only', 'created_at', 'revoked_at']);
    const rightTasks = inserter(sqlite, 'ticket_right_task', ['right_id', 'task_id']);
    let rightId = firstRight;
    const grant = (person: number, p: number, scope: 'all_tasks' | 'one_task' | 'existing_tasks', readOnly: boolean, revoked: boolean) => {
      const at = nowMs - (50 + rnd() * 600) * DAY;
      const first = taskStart[p] ?? 0;
      const count = taskCount[p] ?? 0;
      rights.add([rightId, person, firstProject + p, scope, scope === 'one_task' ? first + below(count) : null, readOnly ? 1 : 0, iso(at), revoked ? iso(at + DAY) : null]);
      if (scope === 'existing_tasks') {
        for (let t = first; t < first + count; t++) if ((taskCreated[t - firstTask] ?? Infinity) <= at) rightTasks.add([rightId, t]);
      }
      rightId += 1;
    };
    // The bench contact: 18 of its organisation's projects and 2 internal ones, every scope; one more right, revoked.
    const benchRights = [...Array.from({ length: 18 }, (_, i) => i), BENCH_PROJECTS, BENCH_PROJECTS + 1];
    const scopes = ['all_tasks', 'one_task', 'existing_tasks'] as const;
    benchRights.forEach((p, i) => grant(firstPerson, p, scopes[i % 3] ?? 'all_tasks', i % 4 === 3, false));
    grant(firstPerson, 18, 'all_tasks', false, true);
    for (let person = 1; person < result.persons; person++) {
      const org = Math.floor(person / PERSONS_PER_ORGANISATION);
      const own = projectsOf.get(org) ?? [];
      for (let r = below(5); r > 0; r--) {
        const p = rnd() < 0.05 || own.length === 0 ? BENCH_PROJECTS + below(internalProjects) : (own[below(own.length)] ?? 0);
        const roll = rnd();
        grant(firstPerson + person, p, roll < 0.4 ? 'all_tasks' : roll < 0.7 ? 'one_task' : 'existing_tasks', rnd() < 0.15, rnd() < 0.05);
      }
    }
    result.rights = rights.finish();
    rightTasks.finish();

    const rows = inserter(sqlite, 'ticket', [
      'number', 'title', 'title_key', 'status', 'priority', 'project_id', 'task_id', 'assignee_staff_id', 'contact_person_id', 'created_at', 'updated_at',
    ]);
    const titleKeys = new Map<string, string>();
    for (let i = 0; i < tickets; i++) {
      const p = rnd() < BENCH_TICKET_SHARE ? below(BENCH_PROJECTS) : below(projectCount);
      const title = `${SUBJECTS[below(SUBJECTS.length)] ?? ''} ${PROBLEMS[below(PROBLEMS.length)] ?? ''}`;
      let key = titleKeys.get(title);
      if (key === undefined) titleKeys.set(title, (key = searchKey(title)));
      const createdAt = nowMs - rnd() * 1000 * DAY;
      const org = projectOrg[p] ?? -1;
      const contact = org < 0 || rnd() < 0.2 ? null : firstPerson + org * PERSONS_PER_ORGANISATION + below(PERSONS_PER_ORGANISATION);
      rows.add([
        firstNumber + i, title, key, weighted(STATUSES, rnd()), weighted(PRIORITIES, rnd()), firstProject + p, (taskStart[p] ?? 0) + below(taskCount[p] ?? 1),
        rnd() < 0.2 ? null : (staffIds[below(staffIds.length)] ?? null), contact, iso(createdAt), iso(createdAt + rnd() * (nowMs - createdAt)),
      ]);
    }
    rows.finish();
  })();

  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const broken = sqlite.prepare('PRAGMA foreign_key_check').all();
  if (broken.length > 0) throw new Error(`generated rows break ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
  return result;
}
