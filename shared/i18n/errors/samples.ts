/**
 * Error messages of generated rows (English and Japanese): conditional generation ("only rows
 * where column = value") and writing the rows in a character set. Placeholders: {column},
 * {value}, {values}, {conditions}, {oneIn}, {ess}, {candidates}, {row}, {char}, {k}.
 */
export const samplesErrors = {
  en: {
    'samples.unknownColumn': 'The model has no column "{column}". Choose one of its columns: {values}.',
    'samples.notCategorical':
      'Column "{column}" cannot be fixed: only columns of categories, yes/no columns and numbers with few distinct values can. Choose another column, or filter the generated rows instead.',
    'samples.unknownValue':
      'The model cannot generate "{value}" in column "{column}": it never appeared in the training rows, or appeared fewer than {k} times and was grouped as "(other)" to protect privacy. Choose one of: {values}.',
    'samples.groupedValue':
      '"{value}" in column "{column}" is one of the less frequent values the model keeps together in one group, so it cannot be fixed on its own. Choose one of: {values}.',
    'samples.conflict': 'Column "{column}" is fixed twice, to different values. Fix each column to one value.',
    'samples.tooRare':
      'Rows where {conditions} are too rare for this model to generate: it gives them a probability of about 1 in {oneIn} rows, and only {ess} of {candidates} candidate draws carry weight, so the rows would be near-copies of one another. Fix fewer columns, or choose more common values.',
    'export.cp932Cell':
      'Row {row} of column "{column}" holds "{char}", which Shift-JIS (CP932) cannot write; saving would change the value "{value}". Save as UTF-8 with BOM instead (Excel opens it too).',
    'export.cp932Header':
      'The column name "{column}" holds "{char}", which Shift-JIS (CP932) cannot write. Save as UTF-8 with BOM instead (Excel opens it too).',
  },
  ja: {
    'samples.unknownColumn': 'モデルに列「{column}」はありません。次の列から選んでください: {values}。',
    'samples.notCategorical':
      '列「{column}」は固定できません。固定できるのはカテゴリの列、はい/いいえの列、値の種類が少ない数値の列だけです。別の列を選ぶか、生成した行を絞り込んでください。',
    'samples.unknownValue':
      'モデルは列「{column}」の値「{value}」を生成できません。学習行に現れなかったか、現れた回数が {k} 回未満のためプライバシー保護で「(other)」にまとめられました。次の値から選んでください: {values}。',
    'samples.groupedValue':
      '列「{column}」の「{value}」は、モデルが1つのグループにまとめている頻度の低い値の1つなので、単独では固定できません。次の値から選んでください: {values}。',
    'samples.conflict': '列「{column}」が異なる値で2回固定されています。1つの列には1つの値を指定してください。',
    'samples.tooRare':
      '{conditions} の行は、このモデルでは生成するには稀すぎます。モデルが与える確率はおよそ {oneIn} 行に 1 行で、{candidates} 個の候補のうち重みを持つのは実質 {ess} 個だけなので、互いにほぼ同じ行になってしまいます。固定する列を減らすか、より多く現れる値を選んでください。',
    'export.cp932Cell':
      '列「{column}」の {row} 行目に Shift-JIS (CP932) で書けない文字「{char}」があり、保存すると値「{value}」が変わってしまいます。代わりに UTF-8 (BOM 付き) で保存してください (Excel でも開けます)。',
    'export.cp932Header':
      '列名「{column}」に Shift-JIS (CP932) で書けない文字「{char}」があります。代わりに UTF-8 (BOM 付き) で保存してください (Excel でも開けます)。',
  },
};
