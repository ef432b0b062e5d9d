package codec

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := []Record{
		{Key: "a", Value: []byte("1")},
		{Key: "empty", Value: []byte{}},
		{Key: "ttl", Value: []byte("x"), Expires: 1767225600},
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range in {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}

	rd, err := NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range in {
		got, err := rd.Read()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if got.Key != want.Key || !bytes.Equal(got.Value, want.Value) || got.Expires != want.Expires {
			t.Errorf("record %d: got %+v, want %+v", i, got, want)
		}
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Errorf("expected io.EOF at end, got %v", err)
	}
}

func TestBadMagic(t *testing.T) {
	_, err := NewReader(bytes.NewReader([]byte("nope")))
	if !errors.Is(err, ErrBadMagic) {
		t.Fatalf("got %v, want ErrBadMagic", err)
	}
}

func TestTruncatedRecord(t *testing.T) {
	data := append(append([]byte{}, Magic...), 3, 'k', 'e', 'y', 5, 'v')
	rd, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rd.Read(); err != io.ErrUnexpectedEOF {
		t.Fatalf("got %v, want io.ErrUnexpectedEOF", err)
	}
}
