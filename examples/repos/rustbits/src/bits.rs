//! Bit helpers and a growable bit set.

const WORD: usize = u64::BITS as usize;

/// Smallest power of two >= `n` (1 for 0). Panics on overflow.
pub fn next_pow2(n: usize) -> usize {
    n.max(1)
        .checked_next_power_of_two()
        .expect("next_pow2 overflow")
}

/// Floor of log2(n); `None` for zero, which has no logarithm.
pub fn log2_floor(n: u64) -> Option<u32> {
    if n == 0 {
        None
    } else {
        Some(u64::BITS - 1 - n.leading_zeros())
    }
}

/// A set of small non-negative integers stored one bit each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    /// An empty set with room for `bits` members before it must grow.
    pub fn with_capacity(bits: usize) -> Self {
        BitSet { words: vec![0; bits.div_ceil(WORD)] }
    }

    /// Adds `i`; returns true if it was not already present.
    pub fn insert(&mut self, i: usize) -> bool {
        let (w, mask) = (i / WORD, 1u64 << (i % WORD));
        if w >= self.words.len() {
            self.words.resize(w + 1, 0);
        }
        let fresh = self.words[w] & mask == 0;
        self.words[w] |= mask;
        fresh
    }

    /// Removes `i`; returns true if it was present.
    pub fn remove(&mut self, i: usize) -> bool {
        let (w, mask) = (i / WORD, 1u64 << (i % WORD));
        match self.words.get_mut(w) {
            Some(word) if *word & mask != 0 => {
                *word &= !mask;
                true
            }
            _ => false,
        }
    }

    /// Whether `i` is a member.
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / WORD)
            .is_some_and(|w| w & (1u64 << (i % WORD)) != 0)
    }

    /// Number of members (population count over all words).
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// True when no bit is set.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// Members in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &word)| {
            // Peel off the lowest set bit until the word is empty.
            std::iter::successors(Some(word), |&w| (w != 0).then(|| w & (w - 1)))
                .take_while(|&w| w != 0)
                .map(move |w| wi * WORD + w.trailing_zeros() as usize)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow2_and_log2() {
        assert_eq!(next_pow2(0), 1);
        assert_eq!(next_pow2(5), 8);
        assert_eq!(next_pow2(64), 64);
        assert_eq!(log2_floor(0), None);
        assert_eq!(log2_floor(1), Some(0));
        assert_eq!(log2_floor(1023), Some(9));
    }

    #[test]
    fn insert_remove_iter() {
        let mut s = BitSet::with_capacity(8);
        assert!(s.insert(3));
        assert!(!s.insert(3));
        assert!(s.insert(130)); // forces growth past the first word
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![3, 130]);
        assert_eq!(s.len(), 2);
        assert!(s.remove(3));
        assert!(!s.remove(3));
        assert!(!s.remove(10_000));
        assert!(!s.is_empty());
    }
}
