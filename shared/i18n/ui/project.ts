/**
 * UI strings of projects (English and Japanese): the project bar, the question to save first,
 * restoring the last session, a model out of date, notes on generated rows, data not loaded.
 * Placeholders: {name}. Both languages have the same keys (a test checks).
 */
export const projectUi = {
  en: {
    untitled: 'Untitled project',
    label: 'Project',
    unsaved: 'not saved',
    saved: 'saved',
    autosaved: 'autosaved at {time}',
    new: 'New project',
    open: 'Open project…',
    openHint: 'Open a project (.lwproj) or a model file (.lwm)',
    save: 'Save project',
    saveAs: 'Save as…',
    model: 'Model',
    noModel: 'No model yet',
    outOfDate: 'out of date',
    opened: 'opened from a file',
    savedTo: 'Project saved to {path}',
    downloaded: 'Project downloaded as {file}',
    stale: {
      title: '{model} is out of date',
      trainedBefore: '{model} was trained before you {changes}.',
      help: 'Rows from it are generated as it was trained, without the columns you left out. Train again to use your current choices.',
      runBefore: 'This run trains on what was chosen when it started: since then you {changes}.',
      and: ' and ',
      comma: ', ',
      file: 'read “{now}” with other contents (it was trained on “{was}”)',
      options: 'changed how the file is read ({fields})',
      leftOut: 'left out {name}',
      added: 'added {name}',
      type: 'made {name} {now} (it was {was})',
      subset: 'changed the subset ({was} rows → {now} rows)',
      subsetPending: 'changed the subset (it was trained on {was} rows)',
    },
    notes: {
      asTrained: 'Generated as {model} was trained: before you {changes}.',
      omitted: 'Left out of these rows, as you chose: {names}.',
      grouped:
        '“(other)” stands for the values seen fewer than {below} times in the training rows, grouped so that none can single out a real record: {columns}.',
      groupedColumn: '{name} ({values} values)',
      groupedColumnOne: '{name} (1 value)',
    },
    savePrompt: {
      title: 'Save the current project first?',
      text: '“{name}” has models or a run that are not saved. Another file starts a new project, and nothing of this one will remain.',
      openText: '“{name}” has models or a run that are not saved. Opening another project closes this one.',
      save: 'Save',
      dontSave: 'Don’t save',
      cancel: 'Cancel',
    },
    close: {
      title: 'Save the project before closing?',
      text: '“{name}” has work that is not saved. It is lost if you close without saving.',
    },
    restore: {
      title: 'Restore your last session?',
      text: '“{name}” was autosaved on {time} with {models} model(s).',
      restore: 'Restore',
      discard: 'Discard it',
      later: 'Not now',
    },
    data: {
      notFound:
        'The data of this project, “{name}”, is not loaded: it is not where it was, or it was uploaded to a web host that has restarted. Locate it to look at it or train again; the models generate rows, export and report without it.',
      changed:
        '“{name}” is not the file this project was made with any more (its contents differ). Locate the original file; the models generate rows, export and report without it.',
      modelOnly:
        'This project is the model file “{name}” opened on its own: there is no data. You can generate rows and save them, the model and a report.',
      locate: 'Locate the data…',
    },
    run: {
      interrupted: 'The last run did not finish (it was stopped or the app was closed); its figures so far are shown.',
    },
  },
  ja: {
    untitled: '無題のプロジェクト',
    label: 'プロジェクト',
    unsaved: '未保存',
    saved: '保存済み',
    autosaved: '{time} に自動保存',
    new: '新しいプロジェクト',
    open: 'プロジェクトを開く…',
    openHint: 'プロジェクト (.lwproj) またはモデルファイル (.lwm) を開きます',
    save: 'プロジェクトを保存',
    saveAs: '名前を付けて保存…',
    model: 'モデル',
    noModel: 'まだモデルがありません',
    outOfDate: '古い',
    opened: 'ファイルから開いたモデル',
    savedTo: 'プロジェクトを {path} に保存しました',
    downloaded: 'プロジェクトを {file} としてダウンロードしました',
    stale: {
      title: '{model} は現在の設定と一致しません',
      trainedBefore: '{model} の学習後に、次の変更がありました: {changes}。',
      help: 'このモデルの行は学習したときの設定で生成されます (除外した列は含めません)。現在の設定を使うには学習し直してください。',
      runBefore: 'この学習は開始時の設定で進みます。開始後に次の変更がありました: {changes}。',
      and: '、',
      comma: '、',
      file: '「{now}」を別の内容で読み込み (学習は「{was}」)',
      options: 'ファイルの読み込み方の変更 ({fields})',
      leftOut: '{name} の除外',
      added: '{name} の追加',
      type: '{name} の型を {now} に変更 (元は {was})',
      subset: 'サブセットの変更 ({was} 行 → {now} 行)',
      subsetPending: 'サブセットの変更 (学習は {was} 行)',
    },
    notes: {
      asTrained: '{model} を学習したときの設定で生成しました。学習後の変更: {changes}。',
      omitted: '指定どおり、次の列はこれらの行に含めていません: {names}。',
      grouped:
        '「(other)」は、学習行に {below} 回未満しか現れなかった値をまとめたものです (実在の記録を特定できないようにするため): {columns}。',
      groupedColumn: '{name} ({values} 種類の値)',
      groupedColumnOne: '{name} (1 種類の値)',
    },
    savePrompt: {
      title: '現在のプロジェクトを先に保存しますか?',
      text: '「{name}」には保存していないモデルまたは学習があります。別のファイルを読み込むと新しいプロジェクトになり、このプロジェクトの内容は残りません。',
      openText:
        '「{name}」には保存していないモデルまたは学習があります。別のプロジェクトを開くとこのプロジェクトは閉じられます。',
      save: '保存',
      dontSave: '保存しない',
      cancel: 'キャンセル',
    },
    close: {
      title: '閉じる前にプロジェクトを保存しますか?',
      text: '「{name}」には保存していない作業があります。保存せずに閉じると失われます。',
    },
    restore: {
      title: '前回のセッションを復元しますか?',
      text: '「{name}」は {time} に自動保存されました (モデル {models} 個)。',
      restore: '復元',
      discard: '破棄',
      later: '後で',
    },
    data: {
      notFound:
        'このプロジェクトのデータ「{name}」は読み込まれていません。元の場所にないか、再起動した Web ホストにアップロードされたものです。データを確認したり学習し直したりするには場所を指定してください。モデルはデータなしでも行の生成、エクスポート、レポート作成ができます。',
      changed:
        '「{name}」はこのプロジェクトを作成したときのファイルと内容が異なります。元のファイルの場所を指定してください。モデルはデータなしでも行の生成、エクスポート、レポート作成ができます。',
      modelOnly:
        'このプロジェクトはモデルファイル「{name}」だけを開いたもので、データはありません。行の生成と保存、モデルとレポートの保存ができます。',
      locate: 'データの場所を指定…',
    },
    run: {
      interrupted:
        '前回の学習は完了していません (停止したか、アプリが閉じられました)。それまでの結果を表示しています。',
    },
  },
} as const;
