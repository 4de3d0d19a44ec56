/**
 * Issue 9 in Restricted Mode: the same hostile-workspace cases (safetyCases.ts) and tick race
 * (tickRaceCases.ts) as the trusted suite.
 */
import { safetySuite } from '../../suite/safetyCases';
import { tickRaceSuite } from '../../suite/tickRaceCases';

safetySuite('restricted');
tickRaceSuite('restricted', 60);
