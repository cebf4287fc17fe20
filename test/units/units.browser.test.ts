import { runSpecs } from '../helpers/specs';

// Every browser spec of this feature, in one jest file (test/helpers/specs.ts says why).
runSpecs(__dirname, 'browser');
