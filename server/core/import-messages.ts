// Reasons an import row can fail, in both languages, for the downloadable error report.
// (The web translates the same codes from its own locale files.)
const zh: Record<string, string> = {
  required: '必填，不能为空',
  too_long: '内容过长',
  too_small: '内容过短',
  too_big: '数值或长度超出范围',
  invalid_type: '格式不正确',
  invalid_value: '不是允许的值',
  invalid_email: '邮箱格式不正确',
  invalid_phone: '电话格式不正确',
  invalid_format: '格式不正确',
  control_characters: '含有不可见的控制字符',
  not_found: '找不到对应的记录',
  not_unique: '与已有记录重复',
  duplicate_in_file: '与文件中其他行重复',
  status_kind_mismatch: '状态与人员类别不符',
  cycle: '上级不能是自己或自己的下级',
  ambiguous: '有多个同名记录，请改用编号',
  invalid: '内容不正确',
};
const en: Record<string, string> = {
  required: 'required, cannot be empty',
  too_long: 'too long',
  too_small: 'too short',
  too_big: 'out of range',
  invalid_type: 'wrong format',
  invalid_value: 'not an allowed value',
  invalid_email: 'not a valid email address',
  invalid_phone: 'not a valid phone number',
  invalid_format: 'wrong format',
  control_characters: 'contains invisible control characters',
  not_found: 'no matching record',
  not_unique: 'duplicates an existing record',
  duplicate_in_file: 'duplicates another row of the file',
  status_kind_mismatch: 'status does not fit the kind of person',
  cycle: 'the parent cannot be itself or one of its descendants',
  ambiguous: 'several records have this name; use the code instead',
  invalid: 'not valid',
};

export function importReason(reason: string, language: 'zh-CN' | 'en'): string {
  const table = language === 'en' ? en : zh;
  return table[reason] ?? table.invalid!;
}
