package store

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// fakeClock lets tests move time forward without sleeping.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestStore() (*Store, *fakeClock) {
	clk := &fakeClock{t: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	s := New()
	s.now = clk.now
	return s, clk
}

func TestPutGetDelete(t *testing.T) {
	s, _ := newTestStore()
	s.Put("k", []byte("v"), 0)
	got, err := s.Get("k")
	if err != nil || string(got) != "v" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	got[0] = 'x' // must not leak into the store
	if again, _ := s.Get("k"); string(again) != "v" {
		t.Fatalf("stored value was mutated: %q", again)
	}
	if err := s.Delete("k"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get("k"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestExpiry(t *testing.T) {
	s, clk := newTestStore()
	s.Put("short", []byte("1"), time.Minute)
	s.Put("long", []byte("2"), time.Hour)
	clk.advance(2 * time.Minute)
	if _, err := s.Get("short"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("short should have expired, got %v", err)
	}
	if keys := s.Keys(); len(keys) != 1 || keys[0] != "long" {
		t.Fatalf("Keys = %v", keys)
	}
	if n := s.Sweep(); n != 1 || s.Len() != 1 {
		t.Fatalf("Sweep removed %d, Len %d", n, s.Len())
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	s, _ := newTestStore()
	s.Put("b", []byte("2"), 0)
	s.Put("a", []byte("1"), time.Hour)
	var buf bytes.Buffer
	if err := s.Save(&buf); err != nil {
		t.Fatal(err)
	}
	first := append([]byte(nil), buf.Bytes()...)

	t2, _ := newTestStore()
	n, err := t2.Load(&buf)
	if err != nil || n != 2 {
		t.Fatalf("Load = %d, %v", n, err)
	}
	var again bytes.Buffer
	if err := t2.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Fatal("snapshot of a reloaded store differs")
	}
}
