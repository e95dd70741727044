/**
 * The demo people of the local OpenID provider (npm start and the tests). Each signs in with the
 * username and password below; the token says only who they are (`sub` = username). What each may
 * see comes from the grants the demo data appends to the ledger (infra/demo), as the `role` says.
 * Passwords are printed by npm start: this is a development provider, never a production one.
 */
export interface DemoPerson {
  username: string;
  password: string;
  name: string;
  /** What the demo data makes them, for the sign-in list npm start prints. */
  role: string;
}

const person = (username: string, name: string, role: string): DemoPerson => ({ username, password: `${username}-pw`, name, role });

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person('learner-asha', 'Asha Patel', 'learner at RJ1; authorised tutor-tom; enrolled on project proj-nw; RCN member'),
  person('learner-ben', 'Ben Okafor', 'learner at RJ1; revoked tutor-rita'),
  person('learner-chloe', 'Chloe Evans', 'learner at a GP surgery (Y02794)'),
  person('learner-dev', 'Dev Sharma', 'learner at RJ1 who has not accepted the terms'),
  person('learner-erin', 'Erin Walsh', 'learner who left RJ1 for RX9'),
  person('trainee-finn', 'Finn Murphy', 'another trainee: sees nobody else'),
  person('tutor-tom', 'Tom Baker', 'tutor authorised by learner-asha'),
  person('tutor-rita', 'Rita Hall', 'tutor whose authorisation learner-ben revoked'),
  person('admin-hana', 'Hana Ito', 'hub admin (bootstrapped by HUB_ADMINS)'),
  person('staff-priya', 'Priya Nair', 'project staff on proj-nw, for prog-safeguarding'),
  person('hr-director-grace', 'Grace Obi', "RJ1's HR director, who authorised lead-lucy"),
  person('lead-lucy', 'Lucy Grant', 'reporting lead of RJ1'),
  person('runner-raj', 'Raj Singh', 'report runner of RJ1, approved by lead-lucy'),
  person('lead-owen', 'Owen Price', 'former reporting lead of RX9 (revoked)'),
  person('runner-sam', 'Sam Lee', 'report runner of RX9 whose lead was revoked'),
  person('officer-olga', 'Olga Novak', 'officer of the Royal College of Nursing (sees prog-safeguarding)'),
  person('auditor-ali', 'Ali Khan', 'auditor'),
];

export function demoPerson(username: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.username === username);
}
