/**
 * Error messages of the web host (its token, sessions and uploads) and of what its browser
 * sessions share with the desktop app (a pass over a file replaced by a newer one), in
 * English and Japanese. Placeholders: {name}.
 */
export const hostErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'web.tokenTooShort':
      'The session token must be at least {min} characters long. Leave LAYERWISE_TOKEN and --token unset to get a random one.',
    'web.badUploadLimit':
      'LAYERWISE_MAX_UPLOAD_MB must be a positive number of megabytes (it is "{value}"). Correct it or leave it unset for 2048.',
    'web.tooManySessions':
      'Layerwise Studio is already open in {max} browser tabs, each with its own project. Close a tab you no longer need, then reload this one.',
    'web.uploadTooLarge':
      'The file is larger than the {max} MB the web host accepts. Use a smaller extract, or restart the host with LAYERWISE_MAX_UPLOAD_MB set higher.',
    'web.uploadStalled':
      'The upload stopped: nothing arrived for {seconds} seconds. Nothing was kept; open the file again.',
    'web.uploadFailed':
      'The file could not be sent to the web host. Nothing was kept; check that it is running and open the file again.',
    'data.importSuperseded':
      'A newer import replaced this one (only the latest import or pass over a file runs). Nothing was changed by this one.',
  },
  ja: {
    'web.tokenTooShort':
      'セッショントークンは {min} 文字以上にしてください。LAYERWISE_TOKEN と --token を指定しなければランダムなトークンが使われます。',
    'web.badUploadLimit':
      'LAYERWISE_MAX_UPLOAD_MB にはメガバイト単位の正の数を指定してください (現在の値: "{value}")。修正するか、指定しなければ 2048 になります。',
    'web.tooManySessions':
      'Layerwise Studio はすでに {max} 個のブラウザータブで開かれています (タブごとに別のプロジェクトです)。使っていないタブを閉じてから、このタブを再読み込みしてください。',
    'web.uploadTooLarge':
      'ファイルが Web ホストの上限 {max} MB を超えています。小さく抽出したファイルを使うか、LAYERWISE_MAX_UPLOAD_MB を大きくしてホストを再起動してください。',
    'web.uploadStalled':
      'アップロードが止まりました: {seconds} 秒間データが届きませんでした。何も保存されていません。もう一度ファイルを開いてください。',
    'web.uploadFailed':
      'ファイルを Web ホストに送れませんでした。何も保存されていません。ホストが動いているか確認して、もう一度ファイルを開いてください。',
    'data.importSuperseded':
      '新しい読み込みがこの読み込みに代わりました (実行されるのは最新の読み込み、またはファイルへの最新の処理だけです)。この読み込みでは何も変更されていません。',
  },
};
