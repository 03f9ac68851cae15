// The server's password rule, checked in the form first so the user learns it before submitting.
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '@shared/lib/password.js';

export function passwordRule(t: TFunction, login: () => string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const problems = passwordProblems(typeof value === 'string' ? value : '', login());
      if (problems.length) throw new Error(problems.map((p) => t(`password.${p}`, { min: PASSWORD_MIN_LENGTH })).join(' '));
    },
  };
}

export function passwordHint(t: TFunction): string {
  return t('password.hint', { min: PASSWORD_MIN_LENGTH });
}
