/**
 * The measurements `bench/run.ts` runs, in order. To add one, write a module exporting a
 * `Measurement` that returns rows and list it here.
 */
import { activation } from './activation';
import { bundleSize } from './bundle';
import { cliCold } from './cli-cold';
import { diagram } from './diagram';
import { diff } from './diff';
import { editLoop } from './edit-loop';
import { hostile } from './hostile';
import { reader } from './reader';
import { schedule } from './schedule';
import { languageServer } from './lsp';
import { reopen } from './reopen';
import { timeline } from './timeline';
import { treeRender } from './trees';
import type { Measurement } from './types';

export const MEASUREMENTS: readonly Measurement[] = [cliCold, reader, editLoop, schedule, diff, languageServer, treeRender, diagram, timeline, bundleSize, activation, reopen, hostile];
