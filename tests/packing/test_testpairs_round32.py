"""Test pairing, thirty-second round (C and C++ on unseen code; blind29 in dev).

- (C, C++) Test folders by the names C projects give them: regress/ (the BSD convention: libfido2's regress/cred.c,
  one program per test), unittest/ (tomlc99's unittest/t1.c) and test_<what>/ (flac's src/test_libFLAC/crc.c,
  src/test_grabbag/cuesheet/main.c; not test-<what>/, a Cargo package of its own). Their programs are tests; a test
  program's main.c in a folder of its own is named by that folder. With the new tests come two guards: a libFuzzer
  target (LLVMFuzzerTestOneInput; flac's oss-fuzz/decoder.cc) is a program, never a subject, and a C test never takes
  a C++ unit that gives nothing C linkage (extern "C", in the unit or a header it includes).
"""

from __future__ import annotations

from repoloom.syntax.lang.c import exports_c
from repoloom.syntax.parse import parse_tree
from repoloom.syntax.tests import in_test_dir
from tests.packing.pairing_helpers import facts_of, graph_pairs

# libfido2 (BSD-2-Clause), shortened: src/fido.h declares the API, src/compress.c implements the zlib helpers,
# regress/compress.c is one regression program (CMake: add_regress_test(regress_compress SOURCES compress.c)).
_FIDO_H = """#ifndef _FIDO_H
#define _FIDO_H

#include <stddef.h>
#include <stdint.h>

typedef struct fido_blob {
\tunsigned char *ptr;
\tsize_t len;
} fido_blob_t;

#define FIDO_OK 0
#define FIDO_ERR_INTERNAL -9

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

void fido_init(int);
int fido_compress(fido_blob_t *, const fido_blob_t *);
int fido_uncompress(fido_blob_t *, const fido_blob_t *, size_t);
int fido_sha256(fido_blob_t *, const unsigned char *, size_t);
void fido_blob_reset(fido_blob_t *);

#ifdef __cplusplus
} /* extern "C" */
#endif /* __cplusplus */

#endif /* !_FIDO_H */
"""

_FIDO_COMPRESS_C = """#include <zlib.h>
#include "fido.h"

#define BOUND (1024UL * 1024UL)

static int
rfc1951_inflate(fido_blob_t *out, const fido_blob_t *in, size_t origsiz)
{
\tz_stream zs;

\tmemset(&zs, 0, sizeof(zs));
\tif (origsiz > BOUND || (out->ptr = calloc(1, origsiz)) == NULL)
\t\treturn FIDO_ERR_INTERNAL;
\tout->len = origsiz;
\tzs.next_in = in->ptr;
\tzs.avail_in = (unsigned)in->len;
\tzs.next_out = out->ptr;
\tzs.avail_out = (unsigned)out->len;
\tif (inflateInit2(&zs, -MAX_WBITS) != Z_OK || inflate(&zs, Z_FINISH) != Z_STREAM_END)
\t\treturn FIDO_ERR_INTERNAL;
\treturn inflateEnd(&zs) == Z_OK ? FIDO_OK : FIDO_ERR_INTERNAL;
}

static int
rfc1951_deflate(fido_blob_t *out, const fido_blob_t *in)
{
\tz_stream zs;
\tu_long ilen, olen;

\tmemset(&zs, 0, sizeof(zs));
\tilen = (u_long)in->len;
\tolen = compressBound(ilen);
\tif ((out->ptr = calloc(1, olen)) == NULL)
\t\treturn FIDO_ERR_INTERNAL;
\tout->len = olen;
\tif (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
\t\treturn FIDO_ERR_INTERNAL;
\tzs.next_in = in->ptr;
\tzs.avail_in = (unsigned)ilen;
\tzs.next_out = out->ptr;
\tzs.avail_out = (unsigned)olen;
\tif (deflate(&zs, Z_FINISH) != Z_STREAM_END)
\t\treturn FIDO_ERR_INTERNAL;
\tout->len = zs.total_out;
\treturn deflateEnd(&zs) == Z_OK ? FIDO_OK : FIDO_ERR_INTERNAL;
}

int
fido_compress(fido_blob_t *out, const fido_blob_t *in)
{
\treturn rfc1951_deflate(out, in);
}

int
fido_uncompress(fido_blob_t *out, const fido_blob_t *in, size_t origsiz)
{
\treturn rfc1951_inflate(out, in, origsiz);
}
"""

_FIDO_BLOB_C = """#include "fido.h"

void
fido_blob_reset(fido_blob_t *b)
{
\tfreezero(b->ptr, b->len);
\texplicit_bzero(b, sizeof(*b));
}

int
fido_sha256(fido_blob_t *digest, const unsigned char *data, size_t data_len)
{
\tif ((digest->ptr = calloc(1, SHA256_DIGEST_LENGTH)) == NULL)
\t\treturn (-1);
\tdigest->len = SHA256_DIGEST_LENGTH;
\treturn SHA256(data, data_len, digest->ptr) != digest->ptr ? -1 : 0;
}
"""

_FIDO_REGRESS = """#undef NDEBUG

#include <assert.h>
#include <string.h>

#define _FIDO_INTERNAL

#include <fido.h>

static unsigned char random_words[] = "rfc1951 reinflate: bradley fiddle holomorph mountain";

static void
rfc1951_reinflate(void)
{
\tfido_blob_t in, out;

\tmemset(&in, 0, sizeof(in));
\tmemset(&out, 0, sizeof(out));
\tin.ptr = random_words;
\tin.len = sizeof(random_words);

\tassert(fido_compress(&out, &in) == FIDO_OK);

\tin.ptr = out.ptr;
\tin.len = out.len;

\tassert(fido_uncompress(&out, &in, sizeof(random_words)) == FIDO_OK);
\tassert(out.len == sizeof(random_words));
\tassert(memcmp(out.ptr, random_words, out.len) == 0);
}

int
main(void)
{
\tfido_init(0);

\trfc1951_reinflate();

\texit(0);
}
"""

# regress/mock.c: the programs' stand-ins for the device layer, linked into some of them (no main, no test)
_FIDO_MOCK = """#include <fido.h>

static uint8_t *wiredata_ptr;
static size_t wiredata_len;

int
dev_open(const char *path)
{
\t(void)path;
\treturn 0;
}

int
dev_read(void *handle, unsigned char *ptr, size_t len, int ms)
{
\tsize_t n = len < wiredata_len ? len : wiredata_len;

\tmemcpy(ptr, wiredata_ptr, n);
\twiredata_ptr += n;
\twiredata_len -= n;
\treturn (int)n;
}
"""


def fido_files() -> dict[str, str]:
    return {
        "src/fido.h": _FIDO_H,
        "src/compress.c": _FIDO_COMPRESS_C,
        "src/blob.c": _FIDO_BLOB_C,
        "regress/compress.c": _FIDO_REGRESS,
        "regress/mock.c": _FIDO_MOCK,
    }


def test_a_regress_folders_programs_are_tests_of_their_namesakes():
    facts = {f.path: f for f in facts_of(fido_files())}
    assert facts["regress/compress.c"].test["kind"] == "test"
    assert facts["regress/mock.c"].test["kind"] == "support"  # no main, no case: the programs' helper
    pairs = graph_pairs(fido_files())
    assert pairs["regress/compress.c"][0] == "src/compress.c"


# tomlc99 (MIT), shortened: unittest/t1.c checks the UTF-8 helpers of toml.c (its Makefile: t1: t1.c ../toml.c).
_TOML_H = """#ifndef TOML_H
#define TOML_H

#include <stdint.h>
#include <stdio.h>

typedef struct toml_table_t toml_table_t;

toml_table_t *toml_parse(char *conf, char *errbuf, int errbufsz);
void toml_free(toml_table_t *tab);
int toml_utf8_to_ucs(const char *orig, int len, int64_t *ret);
int toml_ucs_to_utf8(int64_t code, char buf[6]);

#endif /* TOML_H */
"""

_TOML_C = """#include "toml.h"

int toml_utf8_to_ucs(const char *orig, int len, int64_t *ret) {
  const unsigned char *buf = (const unsigned char *)orig;
  unsigned i = *buf++;
  int64_t v;

  if (0 == (i >> 7)) {
    if (len < 1)
      return -1;
    v = i;
    return *ret = v, 1;
  }
  if (0x6 == (i >> 5)) {
    if (len < 2)
      return -1;
    v = i & 0x1f;
    i = *(++buf);
    if (0x2 != (i >> 6))
      return -1;
    v = (v << 6) | (i & 0x3f);
    return *ret = v, (const char *)buf - orig;
  }
  return -1;
}

int toml_ucs_to_utf8(int64_t code, char buf[6]) {
  if (0xd800 <= code && code <= 0xdfff)
    return -1;
  if (code < 0)
    return -1;
  if (code <= 0x7F) {
    buf[0] = (unsigned char)code;
    return 1;
  }
  if (code <= 0x000007FF) {
    buf[0] = (unsigned char) (0xc0 | (code >> 6));
    buf[1] = (unsigned char) (0x80 | (code & 0x3f));
    return 2;
  }
  return -1;
}

toml_table_t *toml_parse(char *conf, char *errbuf, int errbufsz) {
  (void)conf;
  snprintf(errbuf, errbufsz, "not in this excerpt");
  return 0;
}

void toml_free(toml_table_t *tab) { (void)tab; }
"""

_TOML_T1 = """#include "../toml.h"
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(int argc, const char *argv[]) {
  char xxbuf[6], buf[6];
  int64_t xxcode, code;
  int xxsize;

  xxsize = 2, xxcode = 0x80;
  memcpy(xxbuf, "\\xc2\\x80", xxsize);
  assert(toml_ucs_to_utf8(xxcode, buf) == xxsize &&
         0 == memcmp(buf, xxbuf, xxsize));
  assert(toml_utf8_to_ucs(buf, xxsize, &code) == xxsize && code == xxcode);

  xxsize = 2, xxcode = 0x7ff;
  memcpy(xxbuf, "\\xdf\\xbf", xxsize);
  assert(toml_ucs_to_utf8(xxcode, buf) == xxsize &&
         0 == memcmp(buf, xxbuf, xxsize));
  assert(toml_utf8_to_ucs(buf, xxsize, &code) == xxsize && code == xxcode);
  return 0;
}
"""


def test_a_unittest_folders_program_is_a_test():
    files = {"toml.h": _TOML_H, "toml.c": _TOML_C, "unittest/t1.c": _TOML_T1}
    facts = {f.path: f for f in facts_of(files)}
    assert facts["unittest/t1.c"].test["kind"] == "test"
    assert graph_pairs(files)["unittest/t1.c"][0] == "toml.c"


# flac (libFLAC BSD-3-Clause, test programs GPL-2.0-or-later), shortened: src/test_libFLAC/ is one program of the
# libFLAC tests (crc.c defines test_crc(), main.c calls each), src/libFLAC/ the library.
_FLAC_CRC_C = """#include "private/crc.h"

FLAC__uint8 const FLAC__crc8_table[256] = { 0x00, 0x07, 0x0E, 0x09 };

FLAC__uint8 FLAC__crc8(const FLAC__byte *data, uint32_t len)
{
\tFLAC__uint8 crc = 0;

\twhile(len--)
\t\tcrc = FLAC__crc8_table[crc ^ *data++];

\treturn crc;
}

FLAC__uint16 FLAC__crc16(const FLAC__byte *data, uint32_t len)
{
\tFLAC__uint16 crc = 0;

\twhile(len--)
\t\tcrc = ((crc<<8) ^ data[len]) & 0xffff;

\treturn crc;
}
"""

_FLAC_CRC_H = """#ifndef FLAC__PRIVATE__CRC_H
#define FLAC__PRIVATE__CRC_H

#include "FLAC/ordinals.h"

extern FLAC__uint8 const FLAC__crc8_table[256];
FLAC__uint8 FLAC__crc8(const FLAC__byte *data, uint32_t len);
FLAC__uint16 FLAC__crc16(const FLAC__byte *data, uint32_t len);

#endif
"""

_FLAC_TEST_CRC_H = """#ifndef FLAC__TEST_LIBFLAC_CRC_H
#define FLAC__TEST_LIBFLAC_CRC_H

#include "FLAC/ordinals.h"

FLAC__bool test_crc(void);

#endif
"""

_FLAC_TEST_CRC_C = """#include <stdio.h>

#include "FLAC/assert.h"
#include "private/crc.h"
#include "crc.h"

static FLAC__uint8 crc8_update_ref(FLAC__byte byte, FLAC__uint8 crc);

static FLAC__bool test_crc8(const FLAC__byte *data, size_t size)
{
\tuint32_t i;
\tFLAC__uint8 crc0, crc1;

\tprintf("testing FLAC__crc8 ... ");

\tcrc0 = 0;
\tcrc1 = FLAC__crc8(data, 0);

\tif (crc1 != crc0) {
\t\tprintf("FAILED, FLAC__crc8 returned non-zero CRC for zero bytes of data\\n");
\t\treturn false;
\t}

\tfor (i = 0; i < size; i++) {
\t\tcrc0 = crc8_update_ref(data[i], crc0);
\t\tcrc1 = FLAC__crc8(data, i + 1);
\t\tif (crc1 != crc0)
\t\t\treturn false;
\t}

\tprintf("OK\\n");
\treturn true;
}

FLAC__bool test_crc(void)
{
\tFLAC__byte data[32768] = { 0 };

\tprintf("\\n+++ libFLAC unit test: crc\\n\\n");

\tif (! test_crc8(data, sizeof(data)))
\t\treturn false;

\tprintf("\\nPASSED!\\n");
\treturn true;
}

static FLAC__uint8 crc8_update_ref(FLAC__byte byte, FLAC__uint8 crc)
{
\treturn FLAC__crc8_table[crc ^ byte];
}
"""

_FLAC_TEST_MAIN = """#include "crc.h"
#include "decoders.h"

int main(void)
{
\tif(!test_crc())
\t\treturn 1;

\tif(!test_decoders())
\t\treturn 1;

\treturn 0;
}
"""


def flac_files() -> dict[str, str]:
    return {
        "src/libFLAC/crc.c": _FLAC_CRC_C,
        "src/libFLAC/include/private/crc.h": _FLAC_CRC_H,
        "src/test_libFLAC/crc.h": _FLAC_TEST_CRC_H,
        "src/test_libFLAC/crc.c": _FLAC_TEST_CRC_C,
        "src/test_libFLAC/main.c": _FLAC_TEST_MAIN,
    }


def test_a_folder_named_test_then_what_it_tests_holds_tests():
    assert in_test_dir("src/test_libFLAC/crc.c")
    assert in_test_dir("src/test_grabbag/cuesheet/main.c")
    # a Cargo package of its own (indexmap's test-serde/) is no test folder of the repository
    assert not in_test_dir("test-serde/src/lib.rs")
    facts = {f.path: f for f in facts_of(flac_files())}
    assert facts["src/test_libFLAC/crc.c"].test["kind"] == "test"
    assert graph_pairs(flac_files())["src/test_libFLAC/crc.c"][0] == "src/libFLAC/crc.c"


# flac's oss-fuzz/decoder.cc (BSD-3-Clause), shortened: a libFuzzer target, named like the decoder tests.
_FLAC_FUZZ_DECODER = """#include <cstddef>
#include <cstdint>

#include "FLAC++/decoder.h"

namespace FLAC {
\tnamespace Decoder {
\t\tclass FuzzerStream : public Stream {
\t\t\tpublic:
\t\t\t\tFuzzerStream(const uint8_t *data, size_t size) : Stream(), data_(data), size_(size) { }

\t\t\t\t::FLAC__StreamDecoderReadStatus read_callback(FLAC__byte buffer[], size_t *bytes) override {
\t\t\t\t\treturn FLAC__STREAM_DECODER_READ_STATUS_END_OF_STREAM;
\t\t\t\t}
\t\t\tprivate:
\t\t\t\tconst uint8_t *data_;
\t\t\t\tsize_t size_;
\t\t};
\t}
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
\tFLAC::Decoder::FuzzerStream decoder(data, size);
\tdecoder.set_md5_checking(true);
\tdecoder.process_until_end_of_stream();
\treturn 0;
}
"""

_FLAC_STREAM_DECODER = """#include "FLAC/stream_decoder.h"

FLAC__StreamDecoder *FLAC__stream_decoder_new(void)
{
\tFLAC__StreamDecoder *decoder = calloc(1, sizeof(FLAC__StreamDecoder));
\treturn decoder;
}

void FLAC__stream_decoder_delete(FLAC__StreamDecoder *decoder)
{
\tfree(decoder);
}

FLAC__bool FLAC__stream_decoder_process_until_end_of_stream(FLAC__StreamDecoder *decoder)
{
\treturn decoder != 0;
}
"""

_FLAC_TEST_DECODERS = """#include "decoders.h"
#include "FLAC/stream_decoder.h"

static FLAC__bool test_stream_decoder(void)
{
\tFLAC__StreamDecoder *decoder;

\tprintf("testing FLAC__stream_decoder_new()... ");
\tdecoder = FLAC__stream_decoder_new();
\tif(0 == decoder)
\t\treturn false;

\tif(!FLAC__stream_decoder_process_until_end_of_stream(decoder))
\t\treturn false;

\tFLAC__stream_decoder_delete(decoder);
\treturn true;
}

FLAC__bool test_decoders(void)
{
\treturn test_stream_decoder();
}
"""


def test_a_fuzz_target_is_a_program_and_no_subject():
    files = flac_files() | {
        "oss-fuzz/decoder.cc": _FLAC_FUZZ_DECODER,
        "src/libFLAC/stream_decoder.c": _FLAC_STREAM_DECODER,
        "src/test_libFLAC/decoders.h": "FLAC__bool test_decoders(void);\n",
        "src/test_libFLAC/decoders.c": _FLAC_TEST_DECODERS,
    }
    assert graph_pairs(files)["src/test_libFLAC/decoders.c"][0] == "src/libFLAC/stream_decoder.c"


# flac's src/flac/main.c: its main stands under #ifndef FUZZ_TOOL_FLAC with an #else renaming it, which the grammar
# reads as a declaration, so the tool is not seen as a program; the grabbag test programs are each a main.c.
_FLAC_TOOL_MAIN = """#include "share/grabbag.h"

static struct {
\tFLAC__bool verbose;
} option_values;

#ifndef FUZZ_TOOL_FLAC
int main(int argc, char *argv[])
#else
static int main_to_fuzz(int argc, char *argv[])
#endif
{
\tint retval = 0;

\tif(argc < 2)
\t\treturn 1;
\toption_values.verbose = true;
\treturn retval;
}
"""

_GRABBAG_CUESHEET = """#include "share/grabbag.h"

FLAC__StreamMetadata *grabbag__cuesheet_parse(FILE *file, const char **error_message, uint32_t *last_line_read)
{
\tFLAC__StreamMetadata *cuesheet = FLAC__metadata_object_new(FLAC__METADATA_TYPE_CUESHEET);
\t*last_line_read = 0;
\treturn cuesheet;
}

void grabbag__cuesheet_emit(FILE *file, const FLAC__StreamMetadata *cuesheet, const char *file_reference)
{
\tfprintf(file, "FILE %s\\n", file_reference);
}
"""

_GRABBAG_TEST_MAIN = """#include <stdio.h>
#include "FLAC/metadata.h"
#include "share/grabbag.h"

static int do_cuesheet(const char *infilename)
{
\tFILE *fin;
\tuint32_t last_line_read;
\tconst char *error_message;
\tFLAC__StreamMetadata *cuesheet;

\tif(0 == (fin = fopen(infilename, "r")))
\t\treturn 255;
\tif(0 != (cuesheet = grabbag__cuesheet_parse(fin, &error_message, &last_line_read))) {
\t\tgrabbag__cuesheet_emit(stdout, cuesheet, "\\"dummy.wav\\" WAVE");
\t\tFLAC__metadata_object_delete(cuesheet);
\t}
\tfclose(fin);
\treturn 0;
}

int main(int argc, char *argv[])
{
\tif(argc < 2)
\t\treturn 1;
\treturn do_cuesheet(argv[1]);
}
"""


def test_a_test_programs_main_in_its_own_folder_is_named_by_the_folder():
    files = {
        "src/flac/main.c": _FLAC_TOOL_MAIN,
        "src/share/grabbag/cuesheet.c": _GRABBAG_CUESHEET,
        "src/test_grabbag/cuesheet/main.c": _GRABBAG_TEST_MAIN,
    }
    facts = {f.path: f for f in facts_of(files)}
    assert facts["src/test_grabbag/cuesheet/main.c"].test["kind"] == "test"
    assert graph_pairs(files)["src/test_grabbag/cuesheet/main.c"][0] == "src/share/grabbag/cuesheet.c"


# flac's src/libFLAC++/metadata.cpp (BSD-3-Clause), shortened: C++ classes over the C API, nothing with C linkage.
_FLAC_CXX_METADATA = """#include "FLAC++/metadata.h"
#include <cstdlib>

namespace FLAC {
\tnamespace Metadata {
\t\tPrototype::Prototype(::FLAC__StreamMetadata *object, bool copy): object_(0)
\t\t{
\t\t\tobject_ = copy ? ::FLAC__metadata_object_clone(object) : object;
\t\t}

\t\tPrototype::~Prototype()
\t\t{
\t\t\tclear();
\t\t}

\t\tvoid Prototype::clear()
\t\t{
\t\t\tif(0 != object_)
\t\t\t\tFLAC__metadata_object_delete(object_);
\t\t\tobject_ = 0;
\t\t}
\t}
}
"""

_FLAC_TEST_METADATA = """#include "metadata.h"
#include "FLAC/metadata.h"
#include <stdio.h>

FLAC__bool test_metadata_file_manipulation(void)
{
\tFLAC__StreamMetadata *block = FLAC__metadata_object_new(FLAC__METADATA_TYPE_PADDING);

\tprintf("testing FLAC__metadata_object_new()... ");
\tif(0 == block)
\t\treturn false;
\tFLAC__metadata_object_delete(block);
\treturn true;
}
"""


def test_a_c_test_takes_no_cpp_unit_without_c_linkage():
    files = {
        "src/libFLAC++/metadata.cpp": _FLAC_CXX_METADATA,
        "src/test_libFLAC/metadata.h": "FLAC__bool test_metadata_file_manipulation(void);\n",
        "src/test_libFLAC/metadata.c": _FLAC_TEST_METADATA,
    }
    assert graph_pairs(files)["src/test_libFLAC/metadata.c"][0] is None


# leveldb (BSD-3-Clause), shortened: db/c.cc is the C binding of the C++ library, its functions in extern "C" { };
# db/c_test.c tests it from C.
_LEVELDB_C_CC = """#include "leveldb/c.h"

#include <cstdlib>
#include "leveldb/db.h"

using leveldb::DB;
using leveldb::Options;

extern "C" {

struct leveldb_t {
  DB* rep;
};

leveldb_t* leveldb_open(const leveldb_options_t* options, const char* name, char** errptr) {
  DB* db;
  if (SaveError(errptr, DB::Open(options->rep, std::string(name), &db))) {
    return nullptr;
  }
  leveldb_t* result = new leveldb_t;
  result->rep = db;
  return result;
}

void leveldb_close(leveldb_t* db) {
  delete db->rep;
  delete db;
}

}  // end extern "C"
"""

_LEVELDB_C_TEST = """#include "leveldb/c.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

static const char* phase = "";

#define CheckNoError(err)                                               \\
  if ((err) != NULL) {                                                  \\
    fprintf(stderr, "%s:%d: %s: %s\\n", __FILE__, __LINE__, phase, (err)); \\
    abort();                                                            \\
  }

int main(int argc, char** argv) {
  leveldb_t* db;
  leveldb_options_t* options;
  char* err = NULL;

  phase = "open";
  options = leveldb_options_create();
  db = leveldb_open(options, "/tmp/leveldb_c_test", &err);
  CheckNoError(err);
  leveldb_close(db);
  return 0;
}
"""


def test_a_c_test_keeps_a_cpp_unit_with_c_linkage():
    files = {"db/c.cc": _LEVELDB_C_CC, "db/c_test.c": _LEVELDB_C_TEST}
    assert graph_pairs(files)["db/c_test.c"][0] == "db/c.cc"


def _exports_c(code: str, language: str) -> bool:
    return exports_c(parse_tree(code, language)[0])


def test_c_linkage_is_found_in_units_and_headers():
    assert _exports_c(_LEVELDB_C_CC, "cpp")
    assert _exports_c(_FLAC_FUZZ_DECODER, "cpp")  # extern "C" int LLVMFuzzerTestOneInput(...)
    assert _exports_c(_FIDO_H, "c")  # #ifdef __cplusplus extern "C" {
    # jsonnet's libjsonnet.cpp: its C API header included with C linkage, the functions defined below
    assert _exports_c('extern "C" {\n#include "libjsonnet.h"\n}\n\nchar *jsonnet_version(void) { return 0; }\n', "cpp")


def test_must_not_find_c_linkage_in_plain_cpp_or_c():
    assert not _exports_c(_FLAC_CXX_METADATA, "cpp")
    assert not _exports_c(_FLAC_CRC_C, "c")
    assert not _exports_c('namespace x {\nextern "C++" {\nint f() { return 0; }\n}\n}\n', "cpp")
