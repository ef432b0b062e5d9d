// Package store is a concurrency-safe in-memory key/value store with TTLs.
package store

import (
	"sort"
	"sync"
	"time"
)

// Store holds entries keyed by string. The zero value is not usable; call New.
type Store struct {
	mu   sync.RWMutex
	data map[string]entry
	now  func() time.Time // injectable clock for tests
}

// New returns an empty Store that uses the wall clock.
func New() *Store {
	return &Store{data: make(map[string]entry), now: time.Now}
}

// Put stores value under key; ttl <= 0 keeps it forever.
func (s *Store) Put(key string, value []byte, ttl time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[key] = entry{value: clone(value), expires: deadline(s.now(), ttl)}
}

// Get returns a copy of the value, or ErrNotFound.
func (s *Store) Get(key string) ([]byte, error) {
	s.mu.RLock()
	e, ok := s.data[key]
	s.mu.RUnlock()
	if !ok || e.expired(s.now()) {
		return nil, ErrNotFound
	}
	return clone(e.value), nil
}

// Delete removes key; deleting a missing key is an error so typos show up.
func (s *Store) Delete(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.data[key]
	if !ok || e.expired(s.now()) {
		return ErrNotFound
	}
	delete(s.data, key)
	return nil
}

// Keys returns the live keys in sorted order.
func (s *Store) Keys() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	now := s.now()
	keys := make([]string, 0, len(s.data))
	for k, e := range s.data {
		if !e.expired(now) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// Sweep drops expired entries and returns how many it removed. Expired
// entries are invisible anyway; this only reclaims memory.
func (s *Store) Sweep() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	now, n := s.now(), 0
	for k, e := range s.data {
		if e.expired(now) {
			delete(s.data, k)
			n++
		}
	}
	return n
}

// Len counts entries including expired ones not yet swept.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.data)
}
