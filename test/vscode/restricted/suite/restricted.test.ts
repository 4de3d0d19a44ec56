/** Issue 9 in Restricted Mode: the same hostile-workspace cases as the trusted suite (safetyCases.ts). */
import { safetySuite } from '../../suite/safetyCases';

safetySuite('restricted');
