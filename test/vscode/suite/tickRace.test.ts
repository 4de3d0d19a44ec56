/** Issue 9, finding 5, in the trusted real editor: the race of tickRaceCases.ts, 200 rounds. */
import { tickRaceSuite } from './tickRaceCases';

tickRaceSuite('trusted', 200);
