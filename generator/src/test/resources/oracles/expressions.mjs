// Parses GitHub Actions expressions with GitHub's own parser (@actions/expressions).
//   node expressions.mjs INPUT.json
// INPUT.json holds a JSON array of expression texts (the inside of ${{ }}), passed as a file so
// that quotes, newlines and unicode survive intact. Prints one line per expression that does not
// parse: "<index>\t<message>" (newlines and backslashes in messages escaped). Exit code 0.
// Every workflow context is allowed, and the status/hashFiles functions workflows add on top of
// the built-in ones (the arities are those of @actions/workflow-parser's schema).
import fs from 'node:fs';
import { Lexer, Parser } from '@actions/expressions';

const contexts = ['github', 'env', 'vars', 'secrets', 'inputs', 'matrix', 'strategy', 'runner',
  'job', 'jobs', 'steps', 'needs'];
const functions = [
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 },
  { name: 'success', minArgs: 0, maxArgs: 0 },
  { name: 'always', minArgs: 0, maxArgs: 0 },
  { name: 'failure', minArgs: 0, maxArgs: 0 },
  { name: 'cancelled', minArgs: 0, maxArgs: 0 },
];

const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const out = [];
texts.forEach((text, i) => {
  try {
    const ast = new Parser(new Lexer(text).lex().tokens, contexts, functions).parse();
    // the parser returns undefined for an empty expression instead of failing
    if (ast === undefined) throw new Error('empty expression');
  } catch (e) {
    out.push(`${i}\t${String(e.message).replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n')}`);
  }
});
process.stdout.write(out.map((l) => l + '\n').join(''));
