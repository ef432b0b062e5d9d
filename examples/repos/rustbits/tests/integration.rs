//! Uses the public API only, as a downstream crate would.

use rustbits::{log2_floor, BitSet, Ring};

/// Sieve of Eratosthenes on a BitSet of composites.
fn primes_below(n: usize) -> Vec<usize> {
    let mut composite = BitSet::with_capacity(n);
    let mut out = Vec::new();
    for i in 2..n {
        if composite.contains(i) {
            continue;
        }
        out.push(i);
        let mut j = i * i;
        while j < n {
            composite.insert(j);
            j += i;
        }
    }
    out
}

#[test]
fn sieve_with_bitset() {
    assert_eq!(primes_below(30), vec![2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
    assert_eq!(primes_below(1000).len(), 168);
}

#[test]
fn ring_as_sliding_window() {
    // Moving sum over the last four samples.
    let mut window = Ring::with_capacity(4);
    let mut sums = Vec::new();
    for x in 1..=6u32 {
        if window.len() == window.capacity() {
            window.pop();
        }
        window.push(x).unwrap();
        sums.push(window.iter().sum::<u32>());
    }
    assert_eq!(sums, vec![1, 3, 6, 10, 14, 18]);
}

#[test]
fn log2_matches_bit_length() {
    for n in 1u64..2048 {
        let expected = 63 - n.leading_zeros();
        assert_eq!(log2_floor(n), Some(expected));
    }
}
