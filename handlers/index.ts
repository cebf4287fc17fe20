import type { Command } from '../src/commands/types';
import { helpCommand } from './help';
import { rosterCommand } from './roster';

/**
 * The one command table. Order matters only for 帮助 (it lists commands in this order).
 * Each feature adds its commands in its own block.
 */
export const commands: Command[] = [];

commands.push(
  helpCommand(() => commands),
  // -- roster
  rosterCommand,
);
