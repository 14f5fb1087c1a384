// Command ferretdb-launcher runs FerretDB 1.x, with its PostgreSQL or SQLite backend,
// as a MongoDB-compatible server for local development and tests.
//
// It embeds the ferretdb package instead of using the binary that `go install`
// produces, because that binary panics when its build-time version file is missing.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "sqlite", "storage backend: sqlite or postgresql")
	dataDir := flag.String("data-dir", "data", "directory for the SQLite database files (sqlite backend)")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL connection string (postgresql backend), such as postgres://127.0.0.1:5432/ferretdb")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		slog.Error("invalid -log-level", "value", *logLevel, "error", err)
		os.Exit(2)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:   logger,
		Handler:  *handler,
	}

	switch *handler {
	case "sqlite":
		if err := os.MkdirAll(*dataDir, 0o755); err != nil {
			logger.Error("cannot create data directory", "dir", *dataDir, "error", err)
			os.Exit(1)
		}
		config.SQLiteURL = "file:" + *dataDir + "/"
	case "postgresql":
		if *postgresqlURL == "" {
			logger.Error("-postgresql-url is required with -handler postgresql")
			os.Exit(2)
		}
		config.PostgreSQLURL = *postgresqlURL
	default:
		logger.Error("invalid -handler; use sqlite or postgresql", "value", *handler)
		os.Exit(2)
	}

	server, err := ferretdb.New(config)
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	logger.Warn("FerretDB listening", "addr", *listenAddr, "handler", *handler)

	if err := server.Run(ctx); err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}
}
