import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPortier } from '../support/cli';

/**
 * Every `npm run portier -- <command> ...` that the README and the example files in deploy/ show is
 * one the CLI accepts: the command exists, its parser takes every flag as written (strict parsing
 * refuses an unknown one before --help is looked at), and its help names each flag.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DOCUMENTS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'deploy')).map((file) => path.join('deploy', file))];

/** Words as a POSIX shell splits them (quotes removed); enough for the documentation's commands. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) words.push(match[1] ?? match[2] ?? (match[3] as string));
  return words;
}

/** The arguments after `npm run portier --` of each command shown in `text`, without comments, pipes and redirections. */
function documentedCommands(text: string): string[][] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  const commands: string[][] = [];
  for (const match of joined.matchAll(/npm run (?:--silent )?portier -- ([^\n`]*)/g)) {
    const words: string[] = [];
    for (const word of shellWords(match[1] as string)) {
      if (['#', '|', '<', '>', '&&', ';'].includes(word)) break;
      words.push(word);
    }
    // The synopsis `npm run portier -- <command> [options]` names no command.
    if (words.length > 0 && !(words[0] as string).startsWith('<')) commands.push(words);
  }
  return commands;
}

/**
 * The first cells of the README's command table ("## The CLI", not the CSV columns below it), which leave out `npm run portier --`:
 * optional parts in [brackets] taken as given, the first of alternatives written a\\|b.
 */
function tableCommands(readme: string): string[][] {
  const section = readme.split(/^## The CLI$/m)[1]?.split(/^## /m)[0] ?? '';
  // The table under the header "| command | what it does |": its rows up to the first line that is not one.
  const table = /^\| command \|.*\n((?:\|.*\n)+)/m.exec(section)?.[1] ?? '';
  const commands: string[][] = [];
  for (const match of table.matchAll(/^\| `([^`]+)` \|/gm)) {
    const words = (match[1] as string).replace(/[[\]]/g, ' ').split(/\s+/).filter((word) => word !== '' && word !== '\\|' && word !== '...');
    commands.push(words.map((word) => word.split('\\|')[0] as string));
  }
  return commands;
}

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const documented = [
  ...DOCUMENTS.flatMap((file) => documentedCommands(fs.readFileSync(path.join(ROOT, file), 'utf8')).map((args) => ({ file, args }))),
  ...tableCommands(readme).map((args) => ({ file: 'README.md (table)', args })),
];

describe('the commands the README and deploy/ show', () => {
  it('are found (the extraction itself works): backup with --database, the portal behind a proxy, and more', () => {
    expect(documented.length).toBeGreaterThan(25);
    expect(documented.some(({ args }) => args[0] === 'backup' && args.includes('--database'))).toBe(true);
    expect(documented.some(({ file, args }) => file.endsWith('.service') && args[0] === 'portal' && args.includes('--trust-proxy'))).toBe(true);
    expect(documentedCommands("x `npm run portier -- letters --pending --out a.pdf  # b` \nnpm run portier -- activate --token T < pw.txt")).toEqual([
      ['letters', '--pending', '--out', 'a.pdf'],
      ['activate', '--token', 'T'],
    ]);
    expect(tableCommands('## The CLI\n| command | what |\n| --- | --- |\n| `rights list\\|grant --person ID \\| --account EMAIL [--organisation ID]` | x |\n\n| column | |\n| `email` | y |\n## Next\n| command | z |\n| `not this` | y |')).toEqual([
      ['rights', 'list', '--person', 'ID', '--account', 'EMAIL', '--organisation', 'ID'],
    ]);
  });

  it.each(documented.map(({ file, args }) => [`${file}: ${args.join(' ')}`, args] as const))('%s', async (_, args) => {
    const run = await runPortier([...args, '--help']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\s+npm run portier -- /);
    for (const flag of args.filter((word) => word.startsWith('--'))) expect(run.stdout, `${flag} in the help of ${args[0] as string}`).toContain(flag.split('=')[0]);
  });
});
