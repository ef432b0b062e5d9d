//! rustbits: bit-twiddling helpers, a bit set and a ring buffer.
//!
//! ```
//! use rustbits::{BitSet, Ring};
//!
//! let mut seen = BitSet::with_capacity(100);
//! seen.insert(42);
//! assert!(seen.contains(42));
//!
//! let mut ring = Ring::with_capacity(3);
//! ring.push(1);
//! assert_eq!(ring.pop(), Some(1));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod bits;
pub mod ring;

pub use bits::{log2_floor, next_pow2, BitSet};
pub use ring::Ring;

/// Crate version, exposed for diagnostics.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
