//! A bounded FIFO ring buffer with power-of-two capacity.

use crate::bits::next_pow2;

/// Fixed-capacity queue; `push` fails instead of overwriting when full.
#[derive(Debug)]
pub struct Ring<T> {
    slots: Vec<Option<T>>,
    head: usize, // index of the oldest element
    len: usize,
    mask: usize, // capacity - 1; valid because capacity is a power of two
}

impl<T> Ring<T> {
    /// A ring holding at least `capacity` items (rounded up to a power of two).
    pub fn with_capacity(capacity: usize) -> Self {
        let cap = next_pow2(capacity);
        let mut slots = Vec::with_capacity(cap);
        slots.resize_with(cap, || None);
        Ring { slots, head: 0, len: 0, mask: cap - 1 }
    }

    /// Real capacity after rounding.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Number of queued items.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends `item`, handing it back when the ring is full.
    pub fn push(&mut self, item: T) -> Result<(), T> {
        if self.len == self.capacity() {
            return Err(item);
        }
        let tail = (self.head + self.len) & self.mask;
        self.slots[tail] = Some(item);
        self.len += 1;
        Ok(())
    }

    /// Removes and returns the oldest item.
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        let item = self.slots[self.head].take();
        self.head = (self.head + 1) & self.mask;
        self.len -= 1;
        item
    }

    /// The oldest item without removing it.
    pub fn peek(&self) -> Option<&T> {
        if self.len == 0 {
            None
        } else {
            self.slots[self.head].as_ref()
        }
    }

    /// Items from oldest to newest.
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        (0..self.len).filter_map(move |i| self.slots[(self.head + i) & self.mask].as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::Ring;

    #[test]
    fn capacity_is_rounded_up() {
        assert_eq!(Ring::<u8>::with_capacity(5).capacity(), 8);
        assert_eq!(Ring::<u8>::with_capacity(0).capacity(), 1);
    }

    #[test]
    fn wraps_around() {
        let mut r = Ring::with_capacity(2);
        r.push('a').unwrap();
        r.push('b').unwrap();
        assert_eq!(r.push('c'), Err('c'));
        assert_eq!(r.pop(), Some('a'));
        r.push('c').unwrap(); // lands in slot 0 again
        assert_eq!(r.iter().copied().collect::<String>(), "bc");
        assert_eq!(r.peek(), Some(&'b'));
    }
}
