import { activation } from './bench/measure/activation';
(async () => {
  const rows = await activation.run({ root: process.cwd(), workspaceDir: process.cwd() + '/bench/.workspace', workspaceArg: 'bench/.workspace', briefs: 2000, runs: 1, iterations: 10, buildDir: process.cwd() + '/bench/.workspace/.build', log: console.log });
  for (const r of rows) console.log(r.id, r.value?.toFixed(1), r.note ?? '');
})();
