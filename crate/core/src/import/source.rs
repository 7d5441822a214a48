//! What a file is before it is read: JSON (its first character, after any byte-order mark and white
//! space, opens an object or an array) or text for the CSV reader, and a fingerprint of its start
//! and length, so the same page of a report read twice is not added twice.

use std::io::{self, Read};

/// How much of a file its fingerprint covers, beside its length.
const FINGERPRINTED: usize = 64 * 1024;

/// A file's bytes, with what its start showed.
pub struct Sniffed<R> {
    /// Whether it is JSON.
    pub json: bool,
    /// Its bytes from the start (the peeked ones again first).
    pub source: io::Chain<io::Cursor<Vec<u8>>, R>,
}

/// Looks at the start of `source` to tell JSON from CSV.
pub fn sniff<R: Read>(mut source: R) -> io::Result<Sniffed<R>> {
    let mut start = Vec::new();
    let mut chunk = [0u8; 512];
    let first = loop {
        let n = source.read(&mut chunk)?;
        if n == 0 {
            break None;
        }
        start.extend_from_slice(&chunk[..n]);
        let text = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&start);
        if let Some(&b) = text.iter().find(|b| !b.is_ascii_whitespace()) {
            break Some(b);
        }
        if start.len() > FINGERPRINTED {
            break None;
        }
    };
    let json = matches!(first, Some(b'{' | b'['));
    if json && start.starts_with(b"\xEF\xBB\xBF") {
        start.drain(..3);
    }
    Ok(Sniffed { json, source: io::Cursor::new(start).chain(source) })
}

/// A reader that keeps a fingerprint of what passes through it: FNV-1a over its first
/// [`FINGERPRINTED`] bytes, and its length.
pub struct Fingerprint<R> {
    inner: R,
    hash: u64,
    length: u64,
}

impl<R> Fingerprint<R> {
    /// Fingerprints what is read from `inner`.
    pub fn new(inner: R) -> Self {
        Self { inner, hash: 0xcbf2_9ce4_8422_2325, length: 0 }
    }

    /// The fingerprint of what was read so far.
    pub fn value(&self) -> (u64, u64) {
        (self.hash, self.length)
    }
}

impl<R: Read> Read for Fingerprint<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let covered = usize::try_from(self.length).unwrap_or(usize::MAX);
        for &b in buf[..n].iter().take(FINGERPRINTED.saturating_sub(covered)) {
            self.hash = (self.hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.length += n as u64;
        Ok(n)
    }
}
