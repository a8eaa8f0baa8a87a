//! The name index: folded name keys ("tok tok tok") → the targets they name,
//! plus every key prefix that ends at a token boundary, so that the matcher
//! can follow a token sequence and stop as soon as no key continues it.
//!
//! Built once per process from ~150,000 keys, so it is laid out for a
//! cheap build as much as for lookups: every key's bytes in one buffer, an
//! open-addressing table of key numbers, the targets in one flat vector —
//! no allocation per key (a map of boxed strings spent most of the
//! geocoder's start-up allocating and later zeroing pages).

/// What a key names: the range of its targets (empty for a pure prefix) and
/// whether longer keys start with it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub targets: (u32, u32),
    pub longer: bool,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex<T> {
    /// Every key's bytes, one after the other.
    bytes: String,
    /// Key i is `bytes[ends[i-1]..ends[i]]` (`ends[-1]` = 0).
    ends: Vec<u32>,
    nodes: Vec<Node>,
    /// Hash of each key, compared before the bytes.
    hashes: Vec<u32>,
    /// Open addressing, linear probing: key number + 1, 0 when free.
    slots: Vec<u32>,
    targets: Vec<T>,
    /// The most tokens in a key.
    max_tokens: usize,
}

fn hash(key: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = vigie_resources::FxHasher::default();
    h.write(key);
    let h = h.finish();
    // the multiply leaves the low bits weakest: fold the high ones in
    h ^ (h >> 29)
}

impl<T> NameIndex<T> {
    /// The index of `entries` (key, target), in order: targets of one key
    /// keep the order in which they came. Empty keys are ignored.
    pub fn build<'k>(entries: impl IntoIterator<Item = (&'k str, T)>) -> NameIndex<T> {
        let entries = entries.into_iter();
        let mut index = NameIndex {
            bytes: String::new(),
            ends: Vec::new(),
            nodes: Vec::new(),
            hashes: Vec::new(),
            slots: vec![0; (entries.size_hint().0 * 2).next_power_of_two().max(16)],
            targets: Vec::new(),
            max_tokens: 1,
        };
        // Every key and prefix gets a number; targets wait with their key's.
        let mut keyed: Vec<(u32, T)> = Vec::with_capacity(entries.size_hint().0);
        for (key, target) in entries {
            if key.is_empty() {
                continue;
            }
            let mut n = 1;
            for (pos, b) in key.bytes().enumerate() {
                if b == b' ' {
                    n += 1;
                    let k = index.intern(&key[..pos]);
                    index.nodes[k].longer = true;
                }
            }
            index.max_tokens = index.max_tokens.max(n);
            let k = index.intern(key);
            keyed.push((k as u32, target));
        }
        // Targets grouped by key in one vector (a stable counting sort).
        let mut counts = vec![0u32; index.nodes.len()];
        for (k, _) in &keyed {
            counts[*k as usize] += 1;
        }
        let mut next = 0u32;
        for (node, &c) in index.nodes.iter_mut().zip(&counts) {
            node.targets = (next, next);
            next += c;
        }
        let mut placed: Vec<Option<T>> = Vec::with_capacity(next as usize);
        placed.resize_with(next as usize, || None);
        for (k, target) in keyed {
            let node = &mut index.nodes[k as usize];
            placed[node.targets.1 as usize] = Some(target);
            node.targets.1 += 1;
        }
        index.targets = placed.into_iter().flatten().collect();
        index
    }

    /// The number of `key`, added if new.
    fn intern(&mut self, key: &str) -> usize {
        let h = hash(key.as_bytes());
        let mask = self.slots.len() - 1;
        let mut s = h as usize & mask;
        loop {
            match self.slots[s] {
                0 => break,
                k => {
                    let k = k as usize - 1;
                    if self.hashes[k] == h as u32 && self.key(k) == key {
                        return k;
                    }
                }
            }
            s = (s + 1) & mask;
        }
        if self.nodes.len() * 2 >= self.slots.len() {
            self.grow();
            return self.intern(key);
        }
        let k = self.nodes.len();
        self.bytes.push_str(key);
        self.ends.push(self.bytes.len() as u32);
        self.hashes.push(h as u32);
        self.nodes.push(Node {
            targets: (0, 0),
            longer: false,
        });
        self.slots[s] = k as u32 + 1;
        k
    }

    fn grow(&mut self) {
        let mut slots = vec![0u32; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for k in 0..self.nodes.len() {
            let mut s = hash(self.key(k).as_bytes()) as usize & mask;
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = k as u32 + 1;
        }
        self.slots = slots;
    }

    fn key(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.bytes[start..self.ends[k] as usize]
    }

    /// The node of a key or key prefix.
    pub fn get(&self, key: &str) -> Option<Node> {
        let h = hash(key.as_bytes());
        let mask = self.slots.len() - 1;
        let mut s = h as usize & mask;
        loop {
            match self.slots[s] {
                0 => return None,
                k => {
                    let k = k as usize - 1;
                    if self.hashes[k] == h as u32 && self.key(k) == key {
                        return Some(self.nodes[k]);
                    }
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// The targets of a node.
    pub fn targets(&self, node: Node) -> &[T] {
        self.targets
            .get(node.targets.0 as usize..node.targets.1 as usize)
            .unwrap_or(&[])
    }

    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Number of keys with targets.
    pub fn len(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| n.targets.0 < n.targets.1)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_prefixes_and_grouped_targets() {
        let entries: Vec<(&str, u32)> = [
            ("dayr al zur", 1),
            ("dayr", 2),
            ("mosul", 3),
            ("dayr al zur", 4),
            ("", 5),
            ("kirkuk city", 6),
        ]
        .into();
        let ix = NameIndex::build(entries);
        let dayr = ix.get("dayr").expect("dayr");
        assert!(dayr.longer);
        assert_eq!(ix.targets(dayr), &[2]);
        let dz = ix.get("dayr al zur").expect("full key");
        assert_eq!(ix.targets(dz), &[1, 4]);
        assert!(!dz.longer);
        let prefix = ix.get("dayr al").expect("prefix");
        assert!(prefix.longer && ix.targets(prefix).is_empty());
        assert!(ix.get("kirkuk").is_some_and(|n| n.longer));
        assert!(ix.get("mosu").is_none() && ix.get("zur").is_none());
        assert_eq!(ix.max_tokens(), 3);
        assert_eq!(ix.len(), 4);
    }

    #[test]
    fn many_keys_survive_growth() {
        let keys: Vec<String> = (0..5000).map(|i| format!("k{i} x{}", i % 7)).collect();
        let ix = NameIndex::build(keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)));
        for i in 0..5000 {
            let n = ix.get(&format!("k{i} x{}", i % 7)).expect("key");
            assert_eq!(ix.targets(n), &[i]);
            assert!(ix.get(&format!("k{i}")).is_some_and(|n| n.longer));
        }
        assert!(ix.get("k5000 x0").is_none());
    }
}
