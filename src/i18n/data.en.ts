import type { dataZhCN } from './data.zh-CN.ts';
import type { Widen } from './widen.ts';

export const dataEn: Widen<typeof dataZhCN> = {
  open: 'Data',
  title: 'Backup and restore',
  close: 'Close',
  loading: 'Opening the data in this browser…',
  loadFailed: 'Could not open the data in this browser: {detail}',
  sections: {
    actuals: 'Actual values',
    placeCorrections: 'Place corrections',
    zones: 'Renewal zones',
    briefings: 'Briefings',
    importedLayers: 'Imported layers',
    settings: 'Settings',
  },
  // The file's keys are English words already, so English shows them as they are.
  fields: {},
  namedField: '{name} ({field})',
  export: {
    heading: 'Export a backup',
    intro:
      'Saves all data in this browser as one JSON file, which can be restored in another browser or on another computer.',
    button: 'Export backup file',
    working: 'Exporting…',
    done: 'Exported {file}, holding:',
    sectionCount: '{section}: {count}',
    empty: 'This browser holds no data yet; the exported file is empty.',
  },
  restore: {
    heading: 'Restore from a backup',
    intro:
      'Pick a backup file. It is checked completely and previewed first; nothing is written until you confirm.',
    pick: 'Choose a backup file…',
    noFile: 'No file chosen',
    checking: 'Checking {file}…',
    fileOf: 'File: {file} (exported {exportedAt})',
    mode: 'How to restore',
    merge: 'Merge',
    mergeHint:
      'Keeps data the file does not mention; where both hold the same record, the one changed later wins.',
    replace: 'Replace',
    replaceHint:
      'Each kind of data in the file becomes exactly what the file holds: records in the browser that the file lacks are deleted.',
    previewHeading: 'Restoring will:',
    sectionLine: '{section}: {changes}',
    changes: {
      added: '{count} added',
      updated: '{count} updated',
      kept: '{count} kept as the browser has them',
      removed: '{count} deleted',
    },
    changeSeparator: ', ',
    sectionNoChange: '{section}: no change',
    sectionUntouched: '{section}: not in the file, left as it is',
    confirmReplace:
      'I understand: replacing deletes the records in this browser that the file lacks ({removed}).',
    apply: 'Restore',
    applying: 'Restoring…',
    cancel: 'Cancel',
    done: 'Restored.',
    invalid: 'This file cannot be restored; nothing in the browser was changed. Problems:',
    storageFull:
      'Browser storage is full, so the restore wrote nothing. Free some space and try again.',
    failed: 'The restore failed and nothing in the browser was changed: {detail}',
  },
  problems: {
    notJson: 'The file is not valid JSON.',
    notMuAtlas: 'The file is not a MuAtlas backup.',
    newerVersion:
      'This backup comes from a newer version (format {schemaVersion}). Update the app first.',
    missingSection: 'The backup has no “{section}” section.',
    badRecord: 'Record {index} of “{section}” has a bad “{field}” field.',
    duplicateRecord: 'Record {index} of “{section}” repeats record {firstIndex}.',
  },
  storage: {
    heading: 'Browser storage',
    persisted:
      'The browser has agreed to keep this data; it will not clear it when the disk runs low.',
    notPersisted:
      'The browser has not agreed to keep this data: it may clear it when the disk runs low. Export backups regularly.',
    unsupported: 'This browser cannot be asked to keep the data. Export backups regularly.',
    usage: '{usage} used of about {quota} available',
    usageUnknown: 'The browser gives no figure for the space used.',
    ask: 'Ask again to keep the data',
    asked: 'Asked; the browser answered: {answer}',
    granted: 'yes',
    denied: 'no',
  },
};
