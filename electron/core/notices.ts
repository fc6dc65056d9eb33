import type { Notice } from '../../shared/ipc/views/app';

/** The notices the user has not dismissed yet, oldest first. */
export interface NoticeBoard {
  list(): readonly Notice[];
  add(notice: Omit<Notice, 'id'>): Notice;
  /** Removes one notice; unknown ids are ignored so a double click is harmless. */
  dismiss(id: string): readonly Notice[];
}

/** Creates an empty notice board; `onChange` receives the list after every change. */
export function createNoticeBoard(onChange: (notices: readonly Notice[]) => void): NoticeBoard {
  let notices: readonly Notice[] = [];
  let counter = 0;
  return {
    list: () => notices,
    add(notice) {
      counter += 1;
      const full: Notice = { ...notice, id: `notice-${notice.timeMs}-${counter}` };
      notices = [...notices, full];
      onChange(notices);
      return full;
    },
    dismiss(id) {
      const next = notices.filter((notice) => notice.id !== id);
      if (next.length !== notices.length) {
        notices = next;
        onChange(notices);
      }
      return notices;
    },
  };
}
