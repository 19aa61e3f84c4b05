/** Error messages of projects: saving, reopening, autosave, the data of a reopened project (English and Japanese). */
export const projectErrors = {
  en: {
    'project.notAProject':
      '"{name}" is not a Layerwise project or model file. Open a file saved by Layerwise Studio (.lwproj for a project, .lwm for a model).',
    'project.newerVersion':
      '"{name}" was saved by a newer version of Layerwise Studio (project format {version}; this version reads up to {supported}). Update Layerwise Studio to open it.',
    'project.corrupt':
      'The project file "{name}" is damaged ({reason}); it may have been cut short while it was copied. Open another copy of it, or restore the last autosaved project.',
    'project.otherData':
      '"{name}" is not the data this project was made with ("{expected}", {expectedBytes} bytes; this file has {bytes} bytes and other contents). Pick the original file, or start a new project with this one.',
    'project.noData':
      'The data of this project is not loaded. Locate its CSV in the Data step; until then the models can still generate rows, be exported and be reported on.',
    'project.unknownModel': 'That model is no longer in this project. Choose another one in the project bar.',
    'project.unknownAutosave':
      'That autosaved project is no longer there; it may have been restored or removed already.',
  },
  ja: {
    'project.notAProject':
      '「{name}」は Layerwise のプロジェクトファイルでもモデルファイルでもありません。Layerwise Studio で保存したファイル (プロジェクトは .lwproj、モデルは .lwm) を開いてください。',
    'project.newerVersion':
      '「{name}」は新しいバージョンの Layerwise Studio で保存されています (プロジェクト形式 {version}。このバージョンが読めるのは {supported} まで)。Layerwise Studio を更新してから開いてください。',
    'project.corrupt':
      'プロジェクトファイル「{name}」が壊れています ({reason})。コピーの途中で切れた可能性があります。別のコピーを開くか、最後に自動保存されたプロジェクトを復元してください。',
    'project.otherData':
      '「{name}」はこのプロジェクトを作成したときのデータではありません (元は「{expected}」、{expectedBytes} バイト。このファイルは {bytes} バイトで内容が異なります)。元のファイルを選ぶか、このファイルで新しいプロジェクトを始めてください。',
    'project.noData':
      'このプロジェクトのデータは読み込まれていません。データの手順で CSV の場所を指定してください。それまでもモデルから行の生成、エクスポート、レポート作成はできます。',
    'project.unknownModel':
      'そのモデルはこのプロジェクトにもうありません。プロジェクトバーで別のモデルを選んでください。',
    'project.unknownAutosave':
      'その自動保存されたプロジェクトはもうありません。既に復元または削除された可能性があります。',
  },
} as const;
