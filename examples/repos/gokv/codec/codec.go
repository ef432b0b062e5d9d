// Package codec implements the record format used by gokv snapshots.
//
// A stream is a magic header followed by records; each record is
//
//	uvarint(len(key)) key uvarint(len(value)) value varint(expiresUnix)
//
// Lengths come first so a reader can reject oversized records before
// allocating for them.
package codec

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Magic identifies a gokv snapshot; the trailing byte is the format version.
var Magic = []byte{'G', 'K', 'V', 1}

// MaxField bounds keys and values so a corrupt length cannot exhaust memory.
const MaxField = 16 << 20

// ErrBadMagic is returned when a stream does not start with Magic.
var ErrBadMagic = errors.New("codec: not a gokv snapshot")

// Record is one key/value pair as stored on disk.
type Record struct {
	Key     string
	Value   []byte
	Expires int64 // unix seconds; 0 means never
}

// Writer encodes records to an underlying writer.
type Writer struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

// NewWriter writes the header and returns a Writer.
func NewWriter(w io.Writer) (*Writer, error) {
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(Magic); err != nil {
		return nil, err
	}
	return &Writer{w: bw}, nil
}

func (w *Writer) bytes(b []byte) error {
	n := binary.PutUvarint(w.buf[:], uint64(len(b)))
	if _, err := w.w.Write(w.buf[:n]); err != nil {
		return err
	}
	_, err := w.w.Write(b)
	return err
}

// Write encodes one record.
func (w *Writer) Write(r Record) error {
	if err := w.bytes([]byte(r.Key)); err != nil {
		return err
	}
	if err := w.bytes(r.Value); err != nil {
		return err
	}
	n := binary.PutVarint(w.buf[:], r.Expires)
	_, err := w.w.Write(w.buf[:n])
	return err
}

// Flush must be called after the last Write.
func (w *Writer) Flush() error { return w.w.Flush() }

// Reader decodes records written by Writer.
type Reader struct {
	r *bufio.Reader
}

// NewReader checks the header and returns a Reader.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(Magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != string(Magic) {
		return nil, ErrBadMagic
	}
	return &Reader{r: br}, nil
}

func (r *Reader) bytes() ([]byte, error) {
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		return nil, err
	}
	if n > MaxField {
		return nil, fmt.Errorf("codec: field of %d bytes exceeds limit", n)
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r.r, b)
	return b, err
}

// Read returns the next record, or io.EOF after the last one.
func (r *Reader) Read() (Record, error) {
	key, err := r.bytes()
	if err != nil {
		return Record{}, err // io.EOF here means a clean end of stream
	}
	value, err := r.bytes()
	if err != nil {
		return Record{}, io.ErrUnexpectedEOF
	}
	exp, err := binary.ReadVarint(r.r)
	if err != nil {
		return Record{}, io.ErrUnexpectedEOF
	}
	return Record{Key: string(key), Value: value, Expires: exp}, nil
}
