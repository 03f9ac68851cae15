// The blank file a module offers for download: canonical headers and one example row, so the
// administrator fills in something our reader is sure to recognise. The XLSX version also says
// which columns are required and which other header spellings are accepted.
import ExcelJS from 'exceljs';
import type { FieldSpec } from './mapping.js';
import { defaultWidth, neutraliseCell, writeCsv, type ColumnSpec } from './write.js';

export const TEMPLATE_SHEET = '导入模板';
export const HELP_SHEET = '说明';

export async function writeTemplate(
  format: 'xlsx' | 'csv',
  fields: readonly FieldSpec[],
  example: Record<string, string>,
): Promise<Buffer> {
  if (format === 'csv') {
    const columns: ColumnSpec<Record<string, string>>[] = fields.map((f) => ({
      key: f.key,
      header: f.header,
      value: (row) => row[f.key] ?? '',
    }));
    return writeCsv(columns, [example]);
  }

  // Small and styled (notes, two sheets): the ordinary in-memory workbook is the right tool.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  fields.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = defaultWidth(f.header);
    // Text format for the whole column, so a phone number or a staff number typed later keeps
    // its leading zeros and never turns into 1.38E+10 in the person's own Excel.
    col.numFmt = '@';
    const cell = ws.getCell(1, i + 1);
    cell.value = f.header;
    // Red bold and a note mark the required columns; the note also lists accepted spellings.
    cell.font = f.required ? { bold: true, color: { argb: 'FFFF0000' } } : { bold: true };
    cell.note = [f.required ? '必填' : '选填', ...(f.aliases.length > 0 ? [`也可写作：${f.aliases.join('、')}`] : [])].join('\n');
    const ex = ws.getCell(2, i + 1);
    ex.value = neutraliseCell(example[f.key] ?? '');
    ex.numFmt = '@';
  });

  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: '列名', key: 'header', width: 20 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '可接受的列名', key: 'aliases', width: 50 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of fields) {
    help.addRow({ header: f.header, required: f.required ? '必填' : '选填', aliases: f.aliases.join('、') });
  }
  help.addRow([]);
  help.addRow(['第 2 行是示例数据，导入前请删除或改成真实数据。标题行之上可以有表名和说明行，列的顺序不限。']);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
