/** Who sent a command, resolved from the roster (and OFFICE_USERIDS). */
export interface Actor {
  userid: string;
  name: string;
  isOffice: boolean;
}
