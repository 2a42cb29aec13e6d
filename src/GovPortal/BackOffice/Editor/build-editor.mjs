// Bundles the editor (rich-text-editor.js and Tiptap from node_modules) into one script for the back office.
// Run by the build after npm install: node BackOffice/Editor/build-editor.mjs OUTPUT.
// esbuild-wasm needs no native binary, so npm's --omit=optional install is enough.
import { build } from 'esbuild-wasm';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = process.argv[2];
if (!output) {
  console.error('usage: node build-editor.mjs OUTPUT');
  process.exit(2);
}
const result = await build({
  entryPoints: [path.join(here, 'rich-text-editor.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'eof',
  outfile: output,
  logLevel: 'warning',
  metafile: true,
});

// The licences of the packages inside the bundle (MIT and the like ask for their notice to travel with the code).
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.add(match[1]);
}
const notices = [...packages].sort().map((name) => {
  const folder = path.join(here, '..', '..', 'node_modules', name);
  const file = fs.readdirSync(folder).find((f) => /^licen[cs]e/i.test(f));
  const text = file ? fs.readFileSync(path.join(folder, file), 'utf8') : 'licence: see package.json of ' + name;
  return name + '\n' + text.replaceAll('*/', '* /');
});
fs.appendFileSync(output, '\n/*\n' + notices.join('\n\n') + '\n*/\n');
