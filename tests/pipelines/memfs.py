"""A non-local Beam filesystem (scheme memfs://) for tests: files live in a process-wide dict."""

from __future__ import annotations

import io

from apache_beam.io.filesystem import BeamIOError, FileMetadata, FileSystem

STORE: dict[str, bytes] = {}


class _Writer(io.BytesIO):
    def __init__(self, path):
        super().__init__()
        self.path = path

    def close(self):
        STORE[self.path] = self.getvalue()
        super().close()


class MemFileSystem(FileSystem):
    @classmethod
    def scheme(cls):
        return "memfs"

    def join(self, base, *paths):
        return "/".join([base.rstrip("/")] + [p.strip("/") for p in paths])

    def split(self, path):
        head, _, tail = path.rpartition("/")
        return head, tail

    def has_dirs(self):
        return False

    def mkdirs(self, path):
        pass

    def _list(self, dir_or_prefix):
        for p in sorted(STORE):
            if p.startswith(dir_or_prefix):
                yield FileMetadata(p, len(STORE[p]), 0.0)

    def create(self, path, mime_type="application/octet-stream", compression_type=None):
        return _Writer(path)

    def open(self, path, mime_type="application/octet-stream", compression_type=None):
        if path not in STORE:
            raise BeamIOError("not found", {path: FileNotFoundError(path)})
        return io.BytesIO(STORE[path])

    def copy(self, source_file_names, destination_file_names):
        for s, d in zip(source_file_names, destination_file_names):
            STORE[d] = STORE[s]

    def rename(self, source_file_names, destination_file_names):
        for s, d in zip(source_file_names, destination_file_names):
            STORE[d] = STORE.pop(s)

    def exists(self, path):
        return path in STORE

    def size(self, path):
        return len(STORE[path])

    def last_updated(self, path):
        return 0.0

    def checksum(self, path):
        return str(hash(STORE[path]))

    def metadata(self, path):
        return FileMetadata(path, len(STORE[path]), 0.0)

    def delete(self, paths):
        for p in paths:
            STORE.pop(p, None)
