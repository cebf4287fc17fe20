// Command ferretdb runs an embedded FerretDB (MongoDB wire protocol over SQLite) for tests and
// offline development. It prints the MongoDB URI on a line of its own and stops on SIGTERM/SIGINT.
package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", "", "SQLite data directory (required)")
	logLevel := flag.String("log-level", "error", "log level for stderr: debug, info, warn, error")
	stdinEOF := flag.Bool("exit-on-stdin-eof", false, "stop when stdin closes (the parent died)")
	serialize := flag.Bool("serialize", true, "run one command at a time (see relay)")
	flag.Parse()
	if *dataDir == "" {
		log.Fatal("ferretdb: -data is required")
	}
	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}
	if err = os.MkdirAll(dir, 0o700); err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	var level slog.Level
	if err = level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("ferretdb: -log-level: %v", err)
	}
	// stdout carries only the URI line, so every log goes to stderr.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// Bind the public address before FerretDB's, so port 0 resolves without a pick-then-rebind race.
	var public net.Listener
	backend := *addr
	if *serialize {
		if public, err = net.Listen("tcp", *addr); err != nil {
			log.Fatalf("ferretdb: %v", err)
		}
		backend = "127.0.0.1:0"
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: backend},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + filepath.ToSlash(dir) + "/",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *stdinEOF {
		// A parent killed with SIGKILL cannot signal us; its end of our stdin closing is the tell.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	uri := f.MongoDBURI()
	if public != nil {
		u, err := url.Parse(uri)
		if err != nil {
			log.Fatalf("ferretdb: %v", err)
		}
		go relay(public, u.Host)
		go func() { <-ctx.Done(); _ = public.Close() }()
		uri = "mongodb://" + public.Addr().String() + "/"
	}
	fmt.Println(uri)
	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}

// relay forwards client connections to FerretDB one request/response at a time across all
// connections. FerretDB 1.x applies updates as an unlocked read-modify-write, so concurrent
// $inc or guarded findAndModify on one document lose updates; serializing restores MongoDB's
// per-document atomicity. FerretDB answers every message once (it ignores moreToCome).
func relay(public net.Listener, backend string) {
	var mu sync.Mutex
	for {
		client, err := public.Accept()
		if err != nil {
			return
		}
		go func() {
			defer client.Close()
			server, err := net.Dial("tcp", backend)
			if err != nil {
				return
			}
			defer server.Close()
			cr, sr := bufio.NewReader(client), bufio.NewReader(server)
			for {
				req, err := readMessage(cr)
				if err != nil {
					return
				}
				mu.Lock()
				var res []byte
				if _, err = server.Write(req); err == nil {
					res, err = readMessage(sr)
				}
				mu.Unlock()
				if err != nil {
					return
				}
				if _, err = client.Write(res); err != nil {
					return
				}
			}
		}()
	}
}

// readMessage reads one length-prefixed wire protocol message.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	n := binary.LittleEndian.Uint32(size[:])
	if n < 16 || n > 64<<20 {
		return nil, fmt.Errorf("bad message length %d", n)
	}
	msg := make([]byte, n)
	copy(msg, size[:])
	_, err := io.ReadFull(r, msg[4:])
	return msg, err
}
