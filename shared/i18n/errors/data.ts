/** Error and import-problem messages of the data layer (English and Japanese). Placeholders: {name}. */
export const dataErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'data.empty': 'The file is empty. Choose a CSV file that contains a header row and data rows.',
    'data.headerOnly': 'The file has a header row but no data rows. Export the data again including its rows.',
    'data.allRowsRagged':
      'None of the {rows} rows has as many fields as the header. Check the delimiter and quote settings, or choose "pad" for short rows.',
    'data.binary':
      'This does not look like a text (CSV) file. Choose a CSV exported from Excel or your business system, not a spreadsheet (.xlsx) or other binary file.',
    'data.singleColumn':
      'Only one column was found (delimiter "{delimiter}"). Choose the right delimiter (comma, semicolon, tab or pipe) and import again.',
    'data.notFound': 'The file "{path}" was not found. It may have been moved or deleted; pick it again.',
    'data.permission':
      'You do not have permission to read "{path}". Copy it to a folder you can read, or ask your administrator.',
    'data.isDirectory': '"{path}" is a folder, not a file. Choose a CSV file.',
    'data.unknownColumn': 'Column {index} does not exist in this data. Reload the data and try again.',
    'data.emptySubset': 'No rows match the chosen segments. Keep at least one segment, or use all rows.',
    'data.tooManySegments':
      'Column "{column}" has more than {max} different values, too many to define segments. Choose a column with fewer values, such as a region or a product group.',
    'data.fileChanged':
      'The file "{path}" has changed since it was imported, so rows cannot be drawn from it any more. Import it again.',
    'data.changedWhileReading':
      'The file "{path}" changed while it was being read (its size or modification time changed), so what was read may be incomplete. Wait until the program writing it has finished, then import it again.',
    'data.badSplit': 'The train, validation and test shares must add up to more than zero.',
    'data.tooFewTrainingRows':
      'The subset leaves {rows} rows for training; a model needs at least {min}. Keep more rows (more segments or a larger sample), or give a smaller share to validation and test.',
    'data.badEncodingSpec':
      'The model file does not contain a usable data encoding ({reason}). It may come from another application or be damaged.',
    'data.missingColumn':
      'The CSV has no column "{column}", which the model needs. Use a file with the same columns as the training data.',
    'problems.headerRenamed': '{count} column names were empty or repeated and were renamed: {names}.',
    'problems.tooFewFields.padded':
      '{count} rows had fewer than {expected} fields; they were padded with empty values.',
    'problems.tooFewFields.skipped': '{count} rows had fewer than {expected} fields; they were skipped.',
    'problems.tooManyFields.padded': '{count} rows had more than {expected} fields; the extra fields were dropped.',
    'problems.tooManyFields.skipped': '{count} rows had more than {expected} fields; they were skipped.',
    'problems.sampledOnImport':
      'The file is larger than the memory budget: {kept} of {total} rows were drawn at random during the import. Segments you choose in the Subset step are counted and drawn from the whole file.',
    'problems.unparsedValues':
      'Column "{column}": {count} values could not be read as {type} and are treated as missing.',
    'problems.excluded.constant': 'Left out because they hold a single value ({count}): {names}.',
    'problems.excluded.all-missing': 'Left out because they are empty ({count}): {names}.',
    'problems.excluded.identifier':
      'Left out because they look like identifiers, nearly every value different ({count}): {names}. Generated rows get fresh identifiers.',
    'problems.excluded.text':
      'Left out because they hold free text ({count}): {names}. Generated rows leave them empty.',
    'problems.tooManyColumns':
      'The file has {count} columns; the first {kept} are used. Tick the columns you want to keep.',
    'problems.ambiguousDates':
      'Dates in {columns} could be day/month or month/day. Day first was assumed; change it under "Dates" if that is wrong.',
    'problems.noUsableColumns': 'No column can be used for a model. Change a column type or include a column.',
    'problems.emptyRowsSkipped': '{count} empty rows (only delimiters or spaces) were skipped.',
    'problems.ambiguousDecimal':
      'Numbers such as "{example}" in {columns} can be read with a decimal comma or with a thousands separator; "{example}" was read as {value}. If that is wrong, choose the decimal mark under "Numbers" in "How the file is read" and choose "Read again".',
  },
  ja: {
    'data.empty': 'ファイルが空です。見出し行とデータ行を含む CSV ファイルを選択してください。',
    'data.headerOnly':
      'ファイルには見出し行しかなく、データ行がありません。データ行を含めて再度エクスポートしてください。',
    'data.allRowsRagged':
      '{rows} 行すべてで項目数が見出しと一致しません。区切り文字と引用符の設定を確認するか、短い行を「補完」にしてください。',
    'data.binary':
      'テキスト (CSV) ファイルではないようです。スプレッドシート (.xlsx) などではなく、Excel や業務システムから書き出した CSV を選択してください。',
    'data.singleColumn':
      '列が 1 つしか見つかりませんでした (区切り文字「{delimiter}」)。正しい区切り文字 (カンマ、セミコロン、タブ、パイプ) を選んで再度読み込んでください。',
    'data.notFound':
      'ファイル「{path}」が見つかりません。移動または削除された可能性があります。もう一度選択してください。',
    'data.permission':
      '「{path}」を読み取る権限がありません。読み取り可能なフォルダーにコピーするか、管理者にお問い合わせください。',
    'data.isDirectory': '「{path}」はファイルではなくフォルダーです。CSV ファイルを選択してください。',
    'data.unknownColumn': '列 {index} はこのデータにありません。データを再読み込みしてもう一度お試しください。',
    'data.emptySubset':
      '選択したセグメントに該当する行がありません。少なくとも 1 つのセグメントを残すか、すべての行を使用してください。',
    'data.tooManySegments':
      '列「{column}」には {max} 種類を超える値があり、セグメントの定義には多すぎます。地域や商品分類など、値の種類が少ない列を選んでください。',
    'data.fileChanged':
      'ファイル「{path}」は読み込み後に変更されたため、ここから行を抽出できません。もう一度読み込んでください。',
    'data.changedWhileReading':
      'ファイル「{path}」は読み込み中に変更されました (サイズまたは更新日時が変わりました)。読み込んだ内容が不完全な可能性があります。書き込み中のプログラムが終了してから、もう一度読み込んでください。',
    'data.badSplit': '学習・検証・テストの割合の合計は 0 より大きくしてください。',
    'data.tooFewTrainingRows':
      'このサブセットでは学習に使える行が {rows} 行しかありません。モデルには少なくとも {min} 行が必要です。行を増やす (セグメントを追加する、抽出する行数を増やす) か、検証とテストの割合を小さくしてください。',
    'data.badEncodingSpec':
      'モデルファイルに利用可能なデータ符号化情報がありません ({reason})。他のアプリケーションのファイルか、破損している可能性があります。',
    'data.missingColumn':
      'CSV にモデルが必要とする列「{column}」がありません。学習データと同じ列を持つファイルを使用してください。',
    'problems.headerRenamed': '{count} 個の列名が空または重複していたため名前を変更しました: {names}。',
    'problems.tooFewFields.padded': '{count} 行の項目数が {expected} 未満でした。空の値で補完しました。',
    'problems.tooFewFields.skipped': '{count} 行の項目数が {expected} 未満でした。これらの行は読み飛ばしました。',
    'problems.tooManyFields.padded': '{count} 行の項目数が {expected} を超えていました。余分な項目は除外しました。',
    'problems.tooManyFields.skipped':
      '{count} 行の項目数が {expected} を超えていました。これらの行は読み飛ばしました。',
    'problems.sampledOnImport':
      'ファイルがメモリ上限を超えるため、読み込み中に {total} 行から {kept} 行を無作為に抽出しました。サブセットの手順で選んだセグメントは、ファイル全体から集計・抽出します。',
    'problems.unparsedValues':
      '列「{column}」: {count} 個の値を {type} として読み取れなかったため、欠損として扱います。',
    'problems.excluded.constant': '{count} 列は値が 1 種類のみのため除外しました: {names}。',
    'problems.excluded.all-missing': '{count} 列は空のため除外しました: {names}。',
    'problems.excluded.identifier':
      '{count} 列は識別子 (ほぼすべての値が異なる) と判断し除外しました: {names}。生成される行には新しい識別子が付きます。',
    'problems.excluded.text': '{count} 列は自由記述のため除外しました: {names}。生成される行では空欄になります。',
    'problems.tooManyColumns':
      'ファイルには {count} 列あります。先頭の {kept} 列を使用します。使用する列にチェックを入れてください。',
    'problems.ambiguousDates':
      '{columns} の日付は日/月・月/日のどちらとも読めます。日が先と仮定しました。誤っている場合は「日付」の設定で変更してください。',
    'problems.noUsableColumns': 'モデルに使用できる列がありません。列の型を変更するか、列を含めてください。',
    'problems.emptyRowsSkipped': '空の行 (区切り文字や空白のみ) を {count} 行読み飛ばしました。',
    'problems.ambiguousDecimal':
      '{columns} の「{example}」のような数値は、小数点のカンマとも桁区切りのカンマとも読めます。「{example}」は {value} と読み取りました。誤っている場合は、「ファイルの読み方」の「数値」で小数点の記号を選び、「読み込み直す」を押してください。',
  },
};
