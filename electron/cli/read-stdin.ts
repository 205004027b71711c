/** The first line of standard input (a password piped in), without its line ending; '' for an interactive terminal with nothing typed. */
export async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let data = '';
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? '';
}
