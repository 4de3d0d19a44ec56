/**
 * The measurements `bench/run.ts` runs, in order. To add one (activation time, tree render,
 * diagram render...), write a module exporting a `Measurement` that returns rows and list it here.
 */
import { cliCold } from './cli-cold';
import { editLoop } from './edit-loop';
import type { Measurement } from './types';

export const MEASUREMENTS: readonly Measurement[] = [cliCold, editLoop];
