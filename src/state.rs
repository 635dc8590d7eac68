//! Remembering where the reader was: the reading position and marks of each article.
//!
//! Articles are known by a hash of their text, so a renamed or re-downloaded file keeps its
//! place and an edited one starts afresh. Positions are `(block, byte)` anchors, never screen
//! rows. Everything lives in one small file, `positions.json`, in the XDG state folder; it
//! keeps the most recent entries only, is written atomically (a temporary file in the same
//! folder, then a rename), and when it is corrupt it is ignored with a notice and overwritten
//! by the next save. The library never prints: notices are returned to the caller.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The file name in the state folder.
pub const FILE_NAME: &str = "positions.json";

/// How many articles are remembered by default; the least recently saved are forgotten.
pub const DEFAULT_CAPACITY: usize = 500;

/// A place in an article: the block and a byte offset into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub block: usize,
    pub byte: usize,
}

/// What is remembered of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// The reading position: the block and byte at the top of the view.
    pub block: usize,
    pub byte: usize,
    /// Marks set by the user: letter → anchor.
    #[serde(default)]
    pub marks: BTreeMap<char, Anchor>,
    /// The width of the text column chosen with `<` and `>`, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_width: Option<u16>,
    /// When it was saved, in milliseconds since the Unix epoch; set by [`StateStore::save`],
    /// strictly increasing within a store so that the order of saves is kept.
    #[serde(default)]
    pub saved_at: u64,
}

/// The file's layout.
#[derive(Debug, Default, Serialize, Deserialize)]
struct StateFile {
    #[serde(default)]
    version: u32,
    #[serde(default)]
    positions: BTreeMap<String, Saved>,
}

/// The saved positions of articles, in one folder.
#[derive(Debug, Clone)]
pub struct StateStore {
    dir: PathBuf,
    entries: BTreeMap<String, Saved>,
    capacity: usize,
}

/// The hex SHA-256 of an article's text: the key its state is saved under.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// `$XDG_STATE_HOME/lede`, or `~/.local/state/lede`.
pub fn default_dir() -> Option<PathBuf> {
    crate::config::xdg_dir("XDG_STATE_HOME", ".local/state").map(|d| d.join("lede"))
}

impl StateStore {
    /// Opens the store in `dir` (which need not exist yet). A corrupt or unreadable file gives
    /// an empty store and a one-line notice; it is overwritten by the next save.
    pub fn open(dir: &Path) -> (StateStore, Option<String>) {
        let mut store = StateStore {
            dir: dir.to_path_buf(),
            entries: BTreeMap::new(),
            capacity: DEFAULT_CAPACITY,
        };
        let notice = match read_file(&store.path()) {
            Ok(entries) => {
                store.entries = entries;
                None
            }
            Err(notice) => Some(notice),
        };
        (store, notice)
    }

    /// Keeps at most `capacity` articles (at least one).
    pub fn with_capacity(mut self, capacity: usize) -> StateStore {
        self.capacity = capacity.max(1);
        self
    }

    /// The state file's path.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// What was saved for the article with this content hash.
    pub fn position(&self, hash: &str) -> Option<Saved> {
        self.entries.get(hash).cloned()
    }

    /// How many articles are remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Saves the state of one article and writes the file atomically. Entries saved meanwhile
    /// by another lede are kept (the file is re-read first); the oldest beyond the capacity
    /// are forgotten.
    pub fn save(&mut self, hash: &str, mut saved: Saved) -> std::io::Result<()> {
        if let Ok(on_disk) = read_file(&self.path()) {
            for (k, v) in on_disk {
                let newer = self
                    .entries
                    .get(&k)
                    .is_none_or(|mine| v.saved_at > mine.saved_at);
                if newer {
                    self.entries.insert(k, v);
                }
            }
        }
        let latest = self.entries.values().map(|s| s.saved_at).max().unwrap_or(0);
        saved.saved_at = now_millis().max(latest + 1);
        self.entries.insert(hash.to_string(), saved);
        self.evict();
        let file = StateFile {
            version: 1,
            positions: self.entries.clone(),
        };
        let json = serde_json::to_vec_pretty(&file).map_err(std::io::Error::other)?;
        write_atomically(&self.dir, FILE_NAME, &json)
    }

    /// Forgets the least recently saved entries beyond the capacity.
    fn evict(&mut self) {
        if self.entries.len() <= self.capacity {
            return;
        }
        let mut by_age: Vec<(u64, String)> = self
            .entries
            .iter()
            .map(|(k, v)| (v.saved_at, k.clone()))
            .collect();
        by_age.sort();
        let excess = self.entries.len() - self.capacity;
        for (_, key) in by_age.into_iter().take(excess) {
            self.entries.remove(&key);
        }
    }
}

/// Reads the entries of a state file; a missing file is empty, a bad one a notice.
fn read_file(path: &Path) -> Result<BTreeMap<String, Saved>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => {
            return Err(format!(
                "{}: cannot be read ({e}); reading positions are not restored",
                path.display()
            ))
        }
    };
    serde_json::from_slice::<StateFile>(&bytes)
        .map(|f| f.positions)
        .map_err(|e| {
            format!(
                "{}: saved reading positions are corrupt ({e}); starting afresh",
                path.display()
            )
        })
}

fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Writes `name` in `dir` through a temporary file in the same folder and a rename, so that a
/// crash leaves the old file or the new one, never half of one.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    std::fs::create_dir_all(dir)?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(block: usize, byte: usize) -> Saved {
        Saved {
            block,
            byte,
            ..Saved::default()
        }
    }

    #[test]
    fn the_state_folder_follows_xdg_state_home() {
        // The only test that touches this variable, so setting it cannot race another.
        let dir = tempfile::tempdir().expect("tempdir");
        std::env::set_var("XDG_STATE_HOME", dir.path());
        assert_eq!(default_dir(), Some(dir.path().join("lede")));
        std::env::set_var("XDG_STATE_HOME", "relative/path");
        let fallback = default_dir();
        std::env::remove_var("XDG_STATE_HOME");
        assert_ne!(fallback, Some(PathBuf::from("relative/path/lede")));
    }

    #[test]
    fn the_hash_is_hex_sha256_of_the_text() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_position_and_its_marks_survive_a_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, notice) = StateStore::open(dir.path());
        assert!(notice.is_none());
        assert!(store.position("h").is_none());
        let mut s = saved(3, 1200);
        s.marks.insert(
            'a',
            Anchor {
                block: 5,
                byte: 2000,
            },
        );
        s.marks.insert('é', Anchor { block: 1, byte: 10 });
        store.save("h", s.clone()).expect("save");
        let (again, notice) = StateStore::open(dir.path());
        assert!(notice.is_none());
        let back = again.position("h").expect("saved");
        assert_eq!((back.block, back.byte, back.marks), (3, 1200, s.marks));
        assert!(back.saved_at > 0);
    }

    #[test]
    fn an_atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("not-yet-there");
        let (mut store, _) = StateStore::open(&sub);
        store.save("h", saved(1, 2)).expect("save");
        store.save("h", saved(2, 3)).expect("save");
        let names: Vec<String> = std::fs::read_dir(&sub)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![FILE_NAME.to_string()]);
    }

    #[test]
    fn a_corrupt_file_gives_a_notice_and_is_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(FILE_NAME), "{ not json").expect("write");
        let (mut store, notice) = StateStore::open(dir.path());
        let notice = notice.expect("notice");
        assert!(notice.contains("corrupt"), "{notice}");
        assert_eq!(notice.lines().count(), 1);
        assert!(store.is_empty());
        store.save("h", saved(1, 1)).expect("save");
        let (again, notice) = StateStore::open(dir.path());
        assert!(notice.is_none());
        assert_eq!(again.len(), 1);
    }

    #[test]
    fn the_oldest_entries_are_evicted_beyond_the_capacity() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = StateStore::open(dir.path());
        let mut store = store.with_capacity(3);
        for key in ["a", "b", "c", "d"] {
            store.save(key, saved(0, 0)).expect("save");
        }
        store.save("b", saved(1, 1)).expect("save");
        store.save("e", saved(0, 0)).expect("save");
        let (again, _) = StateStore::open(dir.path());
        let kept: Vec<bool> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|k| again.position(k).is_some())
            .collect();
        assert_eq!(kept, vec![false, true, false, true, true]);
    }

    #[test]
    fn saves_from_another_store_on_the_same_folder_are_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut one, _) = StateStore::open(dir.path());
        let (mut two, _) = StateStore::open(dir.path());
        one.save("x", saved(1, 1)).expect("save");
        two.save("y", saved(2, 2)).expect("save");
        let (again, _) = StateStore::open(dir.path());
        assert!(again.position("x").is_some() && again.position("y").is_some());
    }
}
