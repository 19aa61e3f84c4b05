/** Error messages of the service, transports and CLI (English and Japanese). Placeholders: {name}. */
export const appErrors = {
  en: {
    internal:
      'Something went wrong inside Layerwise Studio (reference {ref}). Your project on disk is unchanged; try again, and if it happens again, note the reference and what you did just before, and contact support.',
    invalidRequest:
      'The request was not understood ({message}). Check what you entered, or reload the window, and try again; your project is unchanged.',
    unsupported: 'This action is not available here: {what}.',
    unauthorized: 'This request did not carry the session token. Open the exact URL printed by "npm run web".',
    noDataset: 'No data is loaded yet. Open a CSV or try the sample data first.',
    noSubset: 'Choose a subset first (Subset step).',
    noModel: 'No trained model yet. Train a model first (Train step).',
    busy: 'Another {what} is still running. Wait for it to finish or cancel it first.',
    unknownFile: 'That file is no longer available. Pick it again with "Open a CSV…".',
    unknownRun: 'That training run is not known (it may have finished). Start a new one.',
    cancelled: 'Cancelled. Nothing was changed.',
    writeFailed:
      'Could not write {path}: {message}. Check that the folder exists and you may write to it; nothing was overwritten.',
    readFailed: 'Could not read {path}: {message}. Check that the file exists and that you may read it.',
    'engine.workerFailed':
      'The training engine stopped unexpectedly ({message}). Your data and last saved model are unchanged; restart the application.',
    'cli.badArguments': '{message}. Run "layerwise --help" for usage.',
    'cli.notAnInteger': 'Option --{option} expects a whole number, got "{value}".',
    'cli.notANumber': 'Option --{option} expects a number, got "{value}".',
    'cli.unknownCommand': 'Unknown command "{command}". Run "layerwise --help" for the list of commands.',
    'cli.missingArgument': 'Missing {what}. Run "layerwise {command} --help" for usage.',
  },
  ja: {
    internal:
      'Layerwise Studio 内部でエラーが発生しました (参照番号 {ref})。ディスク上のプロジェクトは変更されていません。もう一度お試しください。繰り返し発生する場合は、参照番号と直前に行った操作を控えてサポートにご連絡ください。',
    invalidRequest:
      'リクエストを解釈できませんでした ({message})。入力内容を確認するか、ウィンドウを再読み込みして、もう一度お試しください。プロジェクトは変更されていません。',
    unsupported: 'この操作はここでは利用できません: {what}。',
    unauthorized:
      'このリクエストにはセッショントークンがありません。「npm run web」が表示した URL をそのまま開いてください。',
    noDataset: 'まだデータが読み込まれていません。CSV を開くか、サンプルデータをお試しください。',
    noSubset: '先にサブセットを選択してください (サブセットの手順)。',
    noModel: 'まだ学習済みモデルがありません。先にモデルを学習してください (学習の手順)。',
    busy: '別の{what}が実行中です。終了を待つか、先にキャンセルしてください。',
    unknownFile: 'そのファイルは利用できなくなりました。「CSV を開く…」でもう一度選択してください。',
    unknownRun: 'その学習は見つかりません (既に終了した可能性があります)。新しく開始してください。',
    cancelled: 'キャンセルしました。何も変更されていません。',
    writeFailed:
      '{path} に書き込めませんでした: {message}。フォルダーが存在し、書き込み権限があるか確認してください。上書きはされていません。',
    readFailed: '{path} を読み込めませんでした: {message}。ファイルが存在し、読み取り権限があるか確認してください。',
    'engine.workerFailed':
      '学習エンジンが予期せず停止しました ({message})。データと最後に保存したモデルは変更されていません。アプリケーションを再起動してください。',
    'cli.badArguments': '{message}。使い方は「layerwise --help」を参照してください。',
    'cli.notAnInteger': 'オプション --{option} には整数を指定してください (指定値: "{value}")。',
    'cli.notANumber': 'オプション --{option} には数値を指定してください (指定値: "{value}")。',
    'cli.unknownCommand': '不明なコマンド "{command}" です。「layerwise --help」でコマンド一覧を確認してください。',
    'cli.missingArgument': '{what}が指定されていません。「layerwise {command} --help」で使い方を確認してください。',
  },
} as const;
