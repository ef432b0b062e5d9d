package store

import (
	"errors"
	"time"
)

// ErrNotFound is returned by Get and Delete for missing or expired keys.
var ErrNotFound = errors.New("store: key not found")

// entry is a stored value plus its optional deadline.
type entry struct {
	value   []byte
	expires time.Time // zero means no expiry
}

// expired reports whether the entry is past its deadline at now.
func (e entry) expired(now time.Time) bool {
	return !e.expires.IsZero() && !now.Before(e.expires)
}

// deadline turns a TTL into an absolute time; ttl <= 0 means "never".
func deadline(now time.Time, ttl time.Duration) time.Time {
	if ttl <= 0 {
		return time.Time{}
	}
	return now.Add(ttl)
}

// clone copies the slice so callers cannot mutate stored bytes.
func clone(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	return out
}
