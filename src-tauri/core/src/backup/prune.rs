//! Keeping 7 daily and 4 weekly backups, and removing the objects none of them names.

use super::manifest::{self, Manifest, backups_dir, objects_dir};
use crate::error::IoOp;
use crate::fsio::journal::{Journal, TempKind};
use crate::{Error, Result, fsio};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The newest backup of each of this many most recent days with a backup is kept.
pub const KEEP_DAILY: usize = 7;
/// Then the newest backup of each of this many most recent weeks before those days.
pub const KEEP_WEEKLY: usize = 4;

/// Removes the backups the rule above does not keep, then every object no remaining backup
/// names. Returns how many backups were removed.
///
/// Days are counted among the days that have a backup, not on the calendar, so a candidate who
/// did not open Dossier for two months still finds their last backups. A backup dated after
/// `today` (a clock that was wrong) is kept and not counted. A backup whose manifest cannot be
/// read is never removed (the candidate sees it listed as damaged), and while one exists no
/// object is removed either: what it names cannot be known.
///
/// Each removal is recorded in `journal` (the data folder's), so a kill during one leaves no
/// half-removed backup in the candidate's folder after the next start.
pub fn prune(backup_dir: &Path, today: NaiveDate, journal: &Journal) -> Result<u32> {
    let backups = backups_dir(backup_dir);
    manifest::remove_temps(&backups);
    let all = manifest::listed(backup_dir)?;
    let any_damaged = all.iter().any(|(_, m)| m.is_err());
    let mut good: Vec<Manifest> = all.into_iter().filter_map(|(_, m)| m.ok()).collect();
    good.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));

    let mut days: Vec<NaiveDate> = Vec::new();
    let mut weeks: Vec<(i32, u32)> = Vec::new();
    let mut kept: Vec<&Manifest> = Vec::new();
    let mut removed: Vec<&Manifest> = Vec::new();
    for m in &good {
        let day = m.created_at.date_naive();
        let week = (day.iso_week().year(), day.iso_week().week());
        let keep = if day > today {
            true
        } else if days.contains(&day) || weeks.contains(&week) {
            false
        } else if days.len() < KEEP_DAILY {
            days.push(day);
            true
        } else if weeks.len() < KEEP_WEEKLY
            && days
                .iter()
                .all(|d| (d.iso_week().year(), d.iso_week().week()) != week)
        {
            weeks.push(week);
            true
        } else {
            false
        };
        if keep {
            kept.push(m);
        } else {
            removed.push(m);
        }
    }

    for m in &removed {
        let folder = backups.join(&m.id);
        // Renamed first, to a recorded temporary name, so a kill during the removal leaves
        // something the next start's clean-up removes, never a half-removed backup under its
        // own name.
        let pending = journal.begin(&folder, TempKind::Folder)?;
        let temp = pending.temp().to_path_buf();
        fs::rename(&folder, &temp).map_err(|e| Error::io(IoOp::Remove, &folder, e))?;
        fs::remove_dir_all(&temp).map_err(|e| Error::io(IoOp::Remove, &temp, e))?;
        pending.finish();
    }
    if !removed.is_empty() {
        fsio::sync_dir(&backups)?;
    }
    if !any_damaged {
        // Each objects folder (the clear one, and one per sealing key) keeps what the kept
        // backups using it name; a key's folder no kept backup uses is emptied and goes.
        let mut folders: BTreeSet<std::path::PathBuf> = BTreeSet::new();
        folders.insert(objects_dir(backup_dir));
        if let Ok(entries) = fs::read_dir(backup_dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name
                    .strip_prefix(manifest::OBJECTS)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(manifest::is_pool)
                {
                    folders.insert(entry.path());
                }
            }
        }
        for folder in &folders {
            let named: BTreeSet<String> = kept
                .iter()
                .filter(|m| &m.objects_dir(backup_dir) == folder)
                .flat_map(|m| m.files.iter().map(|f| f.path.clone()))
                .collect();
            remove_unnamed_objects(folder, &named)?;
            if folder != &objects_dir(backup_dir) && named.is_empty() {
                let _ = fs::remove_dir(folder);
            }
        }
    }
    Ok(removed.len() as u32)
}

fn remove_unnamed_objects(objects: &Path, named: &BTreeSet<String>) -> Result<()> {
    let Ok(dirs) = fs::read_dir(objects) else {
        return Ok(());
    };
    for dir in dirs.flatten() {
        let dir_name = dir.file_name().to_string_lossy().into_owned();
        let is_fanout = dir_name.len() == 2 && dir_name.bytes().all(|b| b.is_ascii_hexdigit());
        if !is_fanout || !dir.path().is_dir() {
            continue;
        }
        manifest::remove_temps(&dir.path());
        let entries = fs::read_dir(dir.path()).map_err(|e| Error::io(IoOp::Read, dir.path(), e))?;
        let mut left = 0;
        let mut changed = false;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if named.contains(&format!("{dir_name}/{name}")) || !entry.path().is_file() {
                left += 1;
                continue;
            }
            fs::remove_file(entry.path()).map_err(|e| Error::io(IoOp::Remove, entry.path(), e))?;
            changed = true;
        }
        if left == 0 {
            let _ = fs::remove_dir(dir.path());
        } else if changed {
            fsio::sync_dir(&dir.path())?;
        }
    }
    fsio::sync_dir(objects)
}
