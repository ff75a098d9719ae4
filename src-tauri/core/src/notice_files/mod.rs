//! Saved notices opened or dropped as files (`.html`, `.htm`, `.txt`, `.pdf`), one or several at
//! once. Each file becomes a draft the candidate checks before saving, read by the same parser
//! as a paste; duplicates (same platform and reference, among the saved vacancies or within the
//! batch) are pointed out before anything is saved. The file is kept in the vault with the
//! vacancy it became, as the posting's own copy. Files are read with no store at hand, so a
//! large PDF never holds the store while it is parsed.

mod pdf;
mod read;
mod save;

pub use read::{
    DuplicateOf, FileDraft, FileDraftOutcome, FileRefusal, MAX_NOTICE_FILE_BYTES, NoticeFileType,
    capture_notice_files, notice_file_type, point_out_saved_duplicates, read_notice_file,
    read_notice_files,
};
pub use save::{NoticeFileCopy, notice_copy_of, read_notice_copy, save_vacancy_with_notice_file};
