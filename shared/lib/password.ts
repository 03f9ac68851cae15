// The password strength rule, shared so the web can explain it before the server refuses.
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter_and_digit' | 'contains_login';

export function passwordProblems(password: string, login = ''): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > 200) problems.push('too_long');
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) problems.push('needs_letter_and_digit');
  if (login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) problems.push('contains_login');
  return problems;
}
