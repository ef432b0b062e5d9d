package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/example/gokv/codec"
)

// Save writes all live entries to w in codec format, keys in sorted order so
// identical stores produce identical snapshots.
func (s *Store) Save(w io.Writer) error {
	cw, err := codec.NewWriter(w)
	if err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	now := s.now()
	for _, k := range s.sortedKeysLocked() {
		e := s.data[k]
		if e.expired(now) {
			continue
		}
		rec := codec.Record{Key: k, Value: e.value}
		if !e.expires.IsZero() {
			rec.Expires = e.expires.Unix()
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}

func (s *Store) sortedKeysLocked() []string {
	keys := make([]string, 0, len(s.data))
	for k := range s.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Load adds the records from r to the store, overwriting existing keys.
func (s *Store) Load(r io.Reader) (int, error) {
	cr, err := codec.NewReader(r)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		e := entry{value: rec.Value}
		if rec.Expires != 0 {
			e.expires = time.Unix(rec.Expires, 0)
		}
		s.data[rec.Key] = e
		n++
	}
}

// SaveFile writes atomically: a temp file in the same directory is renamed
// over path, so a crash never leaves a half-written snapshot.
func (s *Store) SaveFile(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gokv-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := s.Save(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
