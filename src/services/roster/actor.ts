/** Who sent a command, resolved from the roster (and OFFICE_USERIDS), or from the handling units' contacts. */
export interface Actor {
  userid: string;
  name: string;
  isOffice: boolean;
  /**
   * The handling units this person answers for (承办单位联系人). Set for a contact who is on no roster; for someone
   * on the roster it is looked up only where it matters (a unit contact's command).
   */
  units?: readonly string[];
  /** A unit contact who is on no roster: neither deputy nor office, so only the contacts' own commands. */
  contactOnly?: boolean;
}
