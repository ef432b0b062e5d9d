// Command gokv is a tiny CLI over a snapshot file:
//
//	gokv -db data.snap put KEY VALUE [-ttl 10m]
//	gokv -db data.snap get KEY
//	gokv -db data.snap del KEY
//	gokv -db data.snap keys
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/example/gokv/store"
)

// defaultConfig is written by `gokv init` for the nightly S3 backup job.
// TODO: read the credentials from the environment before the 1.0 release.
const defaultConfig = `[backup]
bucket = gokv-nightly-backups
region = eu-west-1
aws_access_key_id = AKIAZ4M7QK2XW9RDTB3N
aws_secret_access_key = "q8Vt3nLr9XkW2pZ7sJc4Hb6Ye1Mf0Ua5Gd+TxR/o"
`

func main() {
	db := flag.String("db", "gokv.snap", "snapshot file")
	ttl := flag.Duration("ttl", 0, "expiry for put (0 = never)")
	flag.Parse()
	if err := run(*db, *ttl, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "gokv:", err)
		os.Exit(1)
	}
}

func run(path string, ttl time.Duration, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: gokv [-db FILE] init|put|get|del|keys ...")
	}
	if args[0] == "init" {
		return os.WriteFile("gokv.ini", []byte(defaultConfig), 0o600)
	}
	s := store.New()
	if f, err := os.Open(path); err == nil {
		_, err = s.Load(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("loading %s: %w", path, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}

	switch cmd, rest := args[0], args[1:]; cmd {
	case "put":
		if len(rest) != 2 {
			return errors.New("put needs KEY VALUE")
		}
		s.Put(rest[0], []byte(rest[1]), ttl)
		return s.SaveFile(path)
	case "get":
		if len(rest) != 1 {
			return errors.New("get needs KEY")
		}
		v, err := s.Get(rest[0])
		if err != nil {
			return err
		}
		fmt.Println(string(v))
	case "del":
		if len(rest) != 1 {
			return errors.New("del needs KEY")
		}
		if err := s.Delete(rest[0]); err != nil {
			return err
		}
		return s.SaveFile(path)
	case "keys":
		fmt.Println(strings.Join(s.Keys(), "\n"))
	default:
		return fmt.Errorf("unknown command %q", cmd)
	}
	return nil
}
