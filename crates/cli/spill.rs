//! Sorting more rows than fit in memory: an external merge sort over JSON
//! Lines run files. Items are buffered up to a byte budget, sorted and
//! written to a run file; [`Sorter::finish`] merges the runs (at most
//! [`FAN_IN`] files open at once) into one sorted stream. With no run
//! written, nothing touches the disk. Deterministic: the order is the
//! items' `Ord`, ties are impossible when callers make keys unique.

use anyhow::Context;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Most run files merged at once.
const FAN_IN: usize = 128;

/// Buffers items, spills sorted runs, merges them back.
pub struct Sorter<T> {
    dir: PathBuf,
    name: &'static str,
    budget: usize,
    buffer: Vec<T>,
    bytes: usize,
    runs: Vec<PathBuf>,
    next_run: usize,
}

impl<T: Serialize + DeserializeOwned + Ord> Sorter<T> {
    /// A sorter whose run files are `<dir>/<name>-<n>.jsonl`, spilling
    /// when the buffered items' estimated size passes `budget` bytes.
    pub fn new(dir: &Path, name: &'static str, budget: usize) -> Self {
        Sorter {
            dir: dir.to_path_buf(),
            name,
            budget,
            buffer: Vec::new(),
            bytes: 0,
            runs: Vec::new(),
            next_run: 0,
        }
    }

    /// Adds an item whose estimated size is `bytes`.
    pub fn push(&mut self, item: T, bytes: usize) -> anyhow::Result<()> {
        self.buffer.push(item);
        self.bytes += bytes;
        if self.bytes >= self.budget {
            self.spill()?;
        }
        Ok(())
    }

    fn run_path(&mut self) -> PathBuf {
        self.next_run += 1;
        self.dir
            .join(format!("{}-{:06}.jsonl", self.name, self.next_run))
    }

    fn spill(&mut self) -> anyhow::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        self.buffer.sort();
        let path = self.run_path();
        let items = std::mem::take(&mut self.buffer);
        write_run(&path, items.into_iter().map(Ok))?;
        self.bytes = 0;
        self.runs.push(path);
        Ok(())
    }

    /// All items, sorted. Run files are deleted once read.
    pub fn finish(mut self) -> anyhow::Result<Merged<T>> {
        if self.runs.is_empty() {
            self.buffer.sort();
            return Ok(Merged::Memory(self.buffer.into_iter()));
        }
        self.spill()?;
        while self.runs.len() > FAN_IN {
            let group: Vec<PathBuf> = self.runs.drain(..FAN_IN).collect();
            let path = self.run_path();
            write_run(&path, merge_runs::<T>(&group)?)?;
            self.runs.push(path);
        }
        Ok(Merged::Runs(merge_runs(&self.runs)?))
    }
}

fn write_run<T: Serialize>(
    path: &Path,
    items: impl Iterator<Item = anyhow::Result<T>>,
) -> anyhow::Result<()> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = BufWriter::new(file);
    for item in items {
        serde_json::to_writer(&mut out, &item?)
            .with_context(|| format!("writing {}", path.display()))?;
        out.write_all(b"\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    out.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// The sorted items of a [`Sorter`].
pub enum Merged<T> {
    /// Everything fitted in memory.
    Memory(std::vec::IntoIter<T>),
    /// A merge of run files.
    Runs(RunMerge<T>),
}

impl<T: DeserializeOwned + Ord> Iterator for Merged<T> {
    type Item = anyhow::Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Merged::Memory(items) => items.next().map(Ok),
            Merged::Runs(merge) => merge.next(),
        }
    }
}

/// A k-way merge of sorted run files.
pub struct RunMerge<T> {
    readers: Vec<RunReader>,
    heap: BinaryHeap<Reverse<(T, usize)>>,
    failed: bool,
}

struct RunReader {
    path: PathBuf,
    lines: BufReader<File>,
    line: String,
}

impl RunReader {
    fn next<T: DeserializeOwned>(&mut self) -> anyhow::Result<Option<T>> {
        self.line.clear();
        let n = self
            .lines
            .read_line(&mut self.line)
            .with_context(|| format!("reading {}", self.path.display()))?;
        if n == 0 {
            let _ = std::fs::remove_file(&self.path);
            return Ok(None);
        }
        let item = serde_json::from_str(self.line.trim_end())
            .with_context(|| format!("reading {}", self.path.display()))?;
        Ok(Some(item))
    }
}

fn merge_runs<T: DeserializeOwned + Ord>(paths: &[PathBuf]) -> anyhow::Result<RunMerge<T>> {
    let mut merge = RunMerge {
        readers: Vec::with_capacity(paths.len()),
        heap: BinaryHeap::new(),
        failed: false,
    };
    for path in paths {
        let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut reader = RunReader {
            path: path.clone(),
            lines: BufReader::with_capacity(16 * 1024, file),
            line: String::new(),
        };
        if let Some(item) = reader.next()? {
            merge.heap.push(Reverse((item, merge.readers.len())));
        }
        merge.readers.push(reader);
    }
    Ok(merge)
}

impl<T: DeserializeOwned + Ord> Iterator for RunMerge<T> {
    type Item = anyhow::Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let Reverse((item, from)) = self.heap.pop()?;
        match self.readers[from].next() {
            Ok(Some(next)) => self.heap.push(Reverse((next, from))),
            Ok(None) => {}
            Err(e) => {
                self.failed = true;
                return Some(Err(e));
            }
        }
        Some(Ok(item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_runs_merge_into_one_sorted_stream() {
        let dir = tempfile::tempdir().unwrap();
        let mut sorter = Sorter::new(dir.path(), "t", 10);
        let items: Vec<u32> = (0..500).map(|i| (i * 7919) % 503).collect();
        for &i in &items {
            sorter.push(i, 1).unwrap();
        }
        let merged: Vec<u32> = sorter.finish().unwrap().map(|r| r.unwrap()).collect();
        let mut expected = items;
        expected.sort();
        assert_eq!(merged, expected);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn few_items_stay_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let mut sorter = Sorter::new(dir.path(), "t", 1000);
        for i in [3u32, 1, 2] {
            sorter.push(i, 1).unwrap();
        }
        let merged: Vec<u32> = sorter.finish().unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(merged, [1, 2, 3]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
