import type { Actor, Command } from '../commands/types';
import { t } from '../messages';
import type { Services } from '../services';

/**
 * Whether the sender may use the command: the actor to run it as, or the refusal's words. A unit contact on no
 * roster has only the contacts' commands; whether someone on the roster answers for a unit, or is office staff,
 * is read again before a refusal (another instance may have just made them so).
 */
export async function authorize(roster: Services['roster'], command: Command, actor: Actor): Promise<Actor | string> {
  if (actor.contactOnly) {
    if (command.contacts || command.role === 'contact') return actor;
    return t('contactOnlyCommand', { command: command.name, units: (actor.units ?? []).join('、') });
  }
  const asContact = async () => {
    const units = await roster.unitsOf(actor.userid);
    return units.length ? { ...actor, units } : undefined;
  };
  if (command.role === 'contact')
    return (await asContact()) ?? t('contactCommandOnly', { command: command.name, office: actor.isOffice });
  if (command.role === 'office' && !actor.isOffice) {
    // The roster copy may not show yet an appointment made through another instance: refuse on what is stored.
    const stored = await roster.resolveActor(actor.userid, { fresh: true });
    if (stored.ok && stored.actor.isOffice) return stored.actor;
    // A deputy who also answers for a unit uses the contacts' side of the command (答复 for their unit).
    const contact = command.contacts ? await asContact() : undefined;
    return contact ?? t('officeOnly', { command: command.name });
  }
  return actor;
}
