"""Test pairing, twenty-seventh round (classes read on blind25, then dev).

- A library starting its file names with one word set off by case (uriparser's src/UriSetPort.c, UriCopy.c ...)
  answers to the rest (test/SetPort.cpp, test/VersionSuite.cpp), as one set off by a separator does (crypto_box.c).
- Go's bench_x_test.go benchmarks x.go beside it; bench_example_test.go, with no example.go, keeps its role.
- A test in a folder of tests named for one module (OpenSSH's regress/unittests/misc/test_argv.c) tests that module,
  unless the module has a folder of its own name (jotai's src/react.ts beside src/react/: the folder mirrors a package).
- In C a header's types hold no code: the types the namesake implementation works with too (struct kex of kex.h, all
  through kex.c) do not make the header the subject; a C++ class header still may be (foonathan/memory's arena).
"""

from __future__ import annotations

from repoloom.packing.pairing.by_name import _doers, _first_word, _library_prefixed
from repoloom.packing.pairing.conventions import _kind
from tests.packing.pairing_helpers import facts_of, graph_pairs


def uri_unit(name: str, body: str) -> str:
    return f'/* uriparser - RFC 3986 URI parsing library */\n\n#include <uriparser/Uri.h>\n#include "UriCommon.h"\n\n{body}'


def uriparser_files(extra: dict[str, str] | None = None) -> dict[str, str]:
    files = {
        "include/uriparser/Uri.h": (
            "#ifndef URI_H\n#define URI_H 1\n\ntypedef struct UriUriStructA { const char *scheme; } UriUriA;\n"
            "int uriSetPortTextA(UriUriA *uri, const char *first, const char *afterLast);\n"
            "int uriSetPathA(UriUriA *uri, const char *first, const char *afterLast);\n"
            "int uriCopyUriA(UriUriA *destUri, const UriUriA *sourceUri);\n"
            "const char *uriBaseRuntimeVersionA(void);\n#endif\n"
        ),
        "src/UriCommon.h": "int uriIsHostSet(const UriUriA *uri);\n",
        "src/UriCommon.c": uri_unit(
            "Common", "int uriIsHostSet(const UriUriA *uri) {\n\treturn uri->scheme != 0;\n}\n"
        ),
        "src/UriCopy.c": uri_unit(
            "Copy",
            "int uriCopyUriA(UriUriA *destUri, const UriUriA *sourceUri) {\n\t*destUri = *sourceUri;\n\treturn 0;\n}\n",
        ),
        "src/UriSetPort.c": uri_unit(
            "SetPort",
            "int uriSetPortTextA(UriUriA *uri, const char *first, const char *afterLast) {\n"
            "\tif (!uriIsHostSet(uri)) return 1;\n\treturn afterLast < first;\n}\n",
        ),
        "src/UriSetPath.c": uri_unit(
            "SetPath",
            "int uriSetPathA(UriUriA *uri, const char *first, const char *afterLast) {\n\treturn afterLast < first;\n}\n",
        ),
        "src/UriVersion.c": uri_unit("Version", 'const char *uriBaseRuntimeVersionA(void) {\n\treturn "0.9.8";\n}\n'),
        "test/SetPort.cpp": (
            "#include <uriparser/Uri.h>\n#include <gtest/gtest.h>\n\n"
            "TEST(SetPortTextSuite, Nullptr) {\n\tUriUriA uri = {};\n"
            '\tEXPECT_EQ(uriSetPortTextA(&uri, "1", "1" + 1), 1);\n}\n'
        ),
        "test/VersionSuite.cpp": (
            "#include <uriparser/Uri.h>\n#include <gtest/gtest.h>\n#include <cstring>\n\n"
            "TEST(VersionSuite, EnsureRuntimeVersion) {\n"
            '\tEXPECT_EQ(std::strcmp(uriBaseRuntimeVersionA(), "0.9.8"), 0);\n}\n'
        ),
    }
    files.update(extra or {})
    return files


def test_a_case_set_prefix_is_dropped_from_the_subjects_names():
    pairs = graph_pairs(uriparser_files())
    assert pairs["test/SetPort.cpp"][0] == "src/UriSetPort.c"
    assert pairs["test/VersionSuite.cpp"][0] == "src/UriVersion.c"


def test_first_word_by_separator_then_by_case():
    assert _first_word("UriSetHostAuto") == ["Uri", "SetHostAuto"]
    assert _first_word("crypto_box") == ["crypto", "box"]
    assert _first_word("HTTPServer") == ["HTTPServer"]  # an acronym is no word set off by case
    assert _first_word("parser") == ["parser"]


def test_must_not_fire_under_five_units_with_the_first_word():
    # three Json* units are a library's parts, not its prefix: nothing answers to "Parser"
    files = {f"src/Json{n}.c": f"int json_{n.lower()}(void) {{ return 0; }}\n" for n in ("Parser", "Writer", "Value")}
    files.update({f"src/Uri{n}.c": f"int uri_{n.lower()}(void) {{ return 0; }}\n" for n in ("Parse", "Copy", "File")})
    facts = facts_of(files)
    kinds = {f.path: _kind(f) for f in facts}
    assert _library_prefixed(facts, kinds) == []


def goquery_files() -> dict[str, str]:
    return {
        "go.mod": "module github.com/PuerkitoBio/goquery\n\ngo 1.24\n",
        "array.go": (
            "package goquery\n\n// First reduces the set of matched elements to the first in the set.\n"
            "func (s *Selection) First() *Selection {\n\treturn s.Eq(0)\n}\n\n"
            "func (s *Selection) Eq(index int) *Selection {\n\treturn s.Slice(index, index+1)\n}\n"
        ),
        "query.go": (
            "package goquery\n\n// Is checks the current matched set of elements against a selector.\n"
            "func (s *Selection) Is(selector string) bool {\n\treturn s.IsMatcher(compileMatcher(selector))\n}\n"
        ),
        "type.go": (
            "package goquery\n\ntype Selection struct {\n\tNodes []*html.Node\n}\n\n"
            "func NewDocumentFromNode(root *html.Node) *Document {\n\treturn newDocument(root, nil)\n}\n"
        ),
        "bench_array_test.go": (
            'package goquery\n\nimport "testing"\n\nfunc BenchmarkFirst(b *testing.B) {\n'
            '\tsel := DocB().Find("dd")\n\tb.ResetTimer()\n\tfor i := 0; i < b.N; i++ {\n\t\tsel.First()\n\t}\n}\n'
        ),
        "bench_query_test.go": (
            'package goquery\n\nimport "testing"\n\nfunc BenchmarkIs(b *testing.B) {\n'
            '\tsel := DocW().Find("li")\n\tfor i := 0; i < b.N; i++ {\n\t\tsel.Is(".toclevel-2")\n\t}\n}\n'
        ),
        "bench_example_test.go": (
            'package goquery\n\nimport "testing"\n\nfunc BenchmarkMetalReviewExample(b *testing.B) {\n'
            '\tdoc := loadDoc("metalreview.html")\n\tfor i := 0; i < b.N; i++ {\n'
            '\t\tdoc.Find(".slider-row:nth-child(1) .slider-item").First().Is("div")\n\t}\n}\n'
        ),
        "type_test.go": (
            'package goquery\n\nimport "testing"\n\nfunc TestNewDocument(t *testing.T) {\n'
            '\tif NewDocumentFromNode(nil) == nil {\n\t\tt.Error("nil document")\n\t}\n}\n'
        ),
    }


def test_a_go_benchmark_named_for_a_file_beside_it_tests_that_file():
    pairs = graph_pairs(goquery_files())
    assert pairs["bench_array_test.go"] == ("array.go", "name")
    assert pairs["bench_query_test.go"] == ("query.go", "name")
    assert pairs["type_test.go"][0] == "type.go"


def test_must_not_fire_a_go_benchmark_named_for_no_file_keeps_its_role():
    # bench_example_test.go runs an example over the whole API: there is no example.go, and no subject
    assert graph_pairs(goquery_files())["bench_example_test.go"][0] is None


def ssh_test(folder: str, name: str, body: str) -> tuple[str, str]:
    return (
        f"regress/unittests/{folder}/{name}.c",
        '#include "includes.h"\n\n#include <stdio.h>\n\n#include "../test_helper/test_helper.h"\n\n'
        f'#include "ssherr.h"\n#include "{folder}.h"\n\nvoid {name}(void);\n\nvoid\n{name}(void)\n{{\n{body}'
        '\tASSERT_STRING_EQ(ssh_err(SSH_ERR_INVALID_FORMAT), "invalid format");\n}\n',
    )


def openssh_files(extra: dict[str, str] | None = None) -> dict[str, str]:
    files = dict(
        [
            ssh_test(
                "misc",
                "test_argv",
                '\tchar **av = NULL;\n\tint ac = 0;\n\n\tTEST_START("argv_split empty");\n'
                '\tASSERT_INT_EQ(argv_split("", &ac, &av, 0), 0);\n\tASSERT_INT_EQ(ac, 0);\n\tTEST_DONE();\n',
            ),
            ssh_test(
                "misc",
                "test_expand",
                '\tchar *ret;\n\n\tTEST_START("dollar_expand");\n\tret = dollar_expand(NULL, "${FOO}");\n'
                '\tASSERT_STRING_EQ(ret, "bar");\n\tfree(ret);\n\tTEST_DONE();\n',
            ),
            ssh_test(
                "bitmap",
                "tests",
                '\tstruct bitmap *b;\n\n\tTEST_START("bitmap_new");\n\tb = bitmap_new();\n'
                "\tASSERT_PTR_NE(b, NULL);\n\tbitmap_free(b);\n\tTEST_DONE();\n",
            ),
        ]
    )
    files.update(
        {
            # the folder's runner: it only calls the suites of the other files
            "regress/unittests/misc/tests.c": (
                '#include "../test_helper/test_helper.h"\n\nvoid test_argv(void);\nvoid test_expand(void);\n\n'
                "void\ntests(void)\n{\n\ttest_argv();\n\ttest_expand();\n}\n"
            ),
            "regress/unittests/test_helper/test_helper.h": (
                "void test_start(const char *n);\nvoid test_done(void);\n"
                "#define TEST_START(n)\t\ttest_start(n)\n#define TEST_DONE()\t\ttest_done()\n"
            ),
            "regress/unittests/test_helper/test_helper.c": (
                '#include "test_helper.h"\n\nvoid tests(void);\n\nint\nmain(int argc, char **argv)\n{\n'
                "\ttests();\n\treturn 0;\n}\n\nvoid\ntest_start(const char *n)\n{\n\tactive_test_name = n;\n}\n"
            ),
            "ssherr.h": "#define SSH_ERR_INVALID_FORMAT\t\t-4\nconst char *ssh_err(int n);\n",
            "ssherr.c": (
                '#include "ssherr.h"\n\nconst char *\nssh_err(int n)\n{\n\tswitch (n) {\n'
                '\tcase SSH_ERR_INVALID_FORMAT:\n\t\treturn "invalid format";\n\t}\n\treturn "unknown";\n}\n'
            ),
            "misc.h": "int argv_split(const char *, int *, char ***, int);\nchar *dollar_expand(int *, const char *, ...);\n",
            "misc.c": (
                '#include "includes.h"\n#include "misc.h"\n\nint\nargv_split(const char *s, int *argcp, char ***argvp, '
                "int terminate_on_comment)\n{\n\t*argcp = 0;\n\treturn 0;\n}\n\nchar *\n"
                "dollar_expand(int *parseerr, const char *string, ...)\n{\n\treturn strdup(string);\n}\n"
            ),
            "bitmap.h": "struct bitmap;\nstruct bitmap *bitmap_new(void);\nvoid bitmap_free(struct bitmap *b);\n",
            "bitmap.c": (
                '#include "bitmap.h"\n\nstruct bitmap {\n\tu_int *d;\n\tsize_t len;\n};\n\nstruct bitmap *\n'
                "bitmap_new(void)\n{\n\treturn calloc(1, sizeof(struct bitmap));\n}\n\nvoid\n"
                "bitmap_free(struct bitmap *b)\n{\n\tfree(b);\n}\n"
            ),
        }
    )
    files.update(extra or {})
    return files


def test_a_test_in_a_folder_named_for_a_module_tests_it():
    pairs = graph_pairs(openssh_files())
    assert pairs["regress/unittests/misc/test_argv.c"][0] == "misc.c"
    assert pairs["regress/unittests/misc/test_expand.c"][0] == "misc.c"
    assert pairs["regress/unittests/bitmap/tests.c"][0] == "bitmap.c"


def test_cases_opened_by_title_make_a_test_but_a_runner_of_suites_is_none():
    kinds = {f.path: _kind(f) for f in facts_of(openssh_files())}
    assert kinds["regress/unittests/bitmap/tests.c"] == "test"
    assert kinds["regress/unittests/misc/test_argv.c"] == "test"
    assert kinds["regress/unittests/misc/tests.c"] != "test"
    assert kinds["regress/unittests/test_helper/test_helper.c"] != "test"


def perf_files(arg: str) -> dict[str, str]:
    # (tests/timing/, not libyang's tests/perf/: since round 34 a perf/ folder holds benchmarks, no tests at all)
    return {
        "tests/timing/perf.h": "void TEST_START(struct timespec *ts);\nvoid TEST_END(struct timespec *ts);\n",
        "tests/timing/run.c": (
            '#include <time.h>\n#include "perf.h"\n\nint\nrun_create(struct test_state *state)\n{\n'
            f"\tstruct timespec ts_start;\n\n\tTEST_START({arg});\n\tlyd_new_inner(state->ctx);\n"
            "\tTEST_END(&ts_start);\n\treturn 0;\n}\n"
        ),
    }


def test_must_not_fire_a_timer_without_a_title_opens_no_case():
    # libyang's tests/perf/: TEST_START(&ts_start) takes the clock, it opens no case; with a title it would
    kinds = {f.path: _kind(f) for f in facts_of(perf_files("&ts_start"))}
    assert kinds["tests/timing/run.c"] != "test"
    kinds = {f.path: _kind(f) for f in facts_of(perf_files('"create"'))}
    assert kinds["tests/timing/run.c"] == "test"


def jotai_files() -> dict[str, str]:
    return {
        "package.json": '{"name": "jotai", "main": "./src/index.ts"}\n',
        "src/react.ts": "export { Provider } from './react/Provider.ts'\nexport { useAtom } from './react/useAtom.ts'\n",
        "src/react/Provider.ts": "export function Provider(props: { children: unknown }) {\n  return props.children\n}\n",
        "src/react/useAtom.ts": "export function useAtom(atom: unknown) {\n  return [atom, () => {}]\n}\n",
        "src/vanilla.ts": "export function atom(read: unknown) {\n  return { read }\n}\n",
        "tests/react/basic.test.tsx": (
            "import { expect, it } from 'vitest'\nimport { Provider, useAtom } from 'jotai/react'\n"
            "import { atom } from 'jotai/vanilla'\n\nit('uses a primitive atom', () => {\n"
            "  const countAtom = atom(0)\n  expect(useAtom(countAtom)).toBeDefined()\n  expect(Provider).toBeDefined()\n})\n"
        ),
    }


def test_must_not_fire_a_test_folder_mirroring_a_package_with_an_entry_module():
    # tests/react/ mirrors the package src/react/ (src/react.ts is its entry point): not one module's tests
    assert graph_pairs(jotai_files())["tests/react/basic.test.tsx"][0] != "src/react.ts"


def kex_files() -> dict[str, str]:
    return {
        "kex.h": (
            "#ifndef KEX_H\n#define KEX_H\n\n#define KEX_INIT_SENT\t0x0001\n\nstruct sshenc {\n\tchar *name;\n"
            "\tu_int key_len;\n};\nstruct newkeys {\n\tstruct sshenc enc;\n};\nstruct kex {\n"
            "\tstruct newkeys *newkeys[2];\n\tu_int flags;\n\tstruct sshbuf *my;\n};\nstruct sshbuf {\n\tu_char *d;\n};\n\n"
            "int kex_send_kexinit(struct ssh *);\nint kex_setup(struct ssh *, char *[10]);\n#endif\n"
        ),
        "kex.c": (
            '#include "includes.h"\n#include "kex.h"\n\nint\nkex_send_kexinit(struct ssh *ssh)\n{\n'
            "\tstruct kex *kex = ssh->kex;\n\tstruct newkeys *newkeys = kex->newkeys[0];\n"
            "\tstruct sshenc *enc = &newkeys->enc;\n\tstruct sshbuf *b = kex->my;\n\n"
            "\tkex->flags |= KEX_INIT_SENT;\n\treturn enc->key_len + (b != NULL);\n}\n\n"
            "int\nkex_setup(struct ssh *ssh, char *proposal[10])\n{\n\treturn kex_send_kexinit(ssh);\n}\n"
        ),
        "regress/unittests/kex/test_kex.c": (
            '#include "includes.h"\n\n#include "../test_helper/test_helper.h"\n\n#include "kex.h"\n\n'
            "static void\ndo_kex_with_key(char *kex_name)\n{\n\tstruct ssh *client = NULL;\n"
            "\tstruct kex *kex = client->kex;\n\tstruct newkeys *newkeys = kex->newkeys[0];\n"
            "\tstruct sshenc *enc = &newkeys->enc;\n\tstruct sshbuf *b = kex->my;\n\n"
            '\tTEST_START("kex_send_kexinit");\n\tASSERT_INT_EQ(kex_send_kexinit(client), 0);\n'
            "\tASSERT_PTR_NE(enc, NULL);\n\tASSERT_PTR_NE(b, NULL);\n\tTEST_DONE();\n}\n\n"
            'void\nkex_tests(void)\n{\n\tdo_kex_with_key("curve25519-sha256");\n}\n'
        ),
    }


def test_a_c_headers_types_worked_on_by_its_implementation_hold_no_code():
    assert graph_pairs(kex_files())["regress/unittests/kex/test_kex.c"][0] == "kex.c"


def test_must_not_fire_a_cpp_class_header_still_holds_its_code():
    # foonathan/memory: memory_arena.hpp holds the class template; memory_arena.cpp a few out-of-line members
    files = {
        "include/foonathan/memory/memory_arena.hpp": (
            "#ifndef FOONATHAN_MEMORY_MEMORY_ARENA_HPP_INCLUDED\n#define FOONATHAN_MEMORY_MEMORY_ARENA_HPP_INCLUDED\n"
            "namespace foonathan { namespace memory {\nclass memory_block {\npublic:\n  void* memory;\n  std::size_t size;\n};\n"
            "class memory_block_stack {\npublic:\n  void push(memory_block b) noexcept { head_ = b; }\n"
            "  memory_block pop() noexcept { return head_; }\nprivate:\n  memory_block head_;\n};\n"
            "template <class BlockAllocator, bool Cached = true>\nclass memory_arena {\npublic:\n"
            "  memory_block allocate_block() { used_.push(allocator_.allocate_block()); return used_.pop(); }\n"
            "  void deallocate_block() noexcept { cached_.push(used_.pop()); }\n"
            "  std::size_t size() const noexcept { return size_; }\nprivate:\n  memory_block_stack used_, cached_;\n"
            "  BlockAllocator allocator_;\n  std::size_t size_;\n};\n"
            "template <class RawAllocator>\nclass growing_block_allocator {\npublic:\n"
            "  memory_block allocate_block() { return {nullptr, 0}; }\n};\n}}\n#endif\n"
        ),
        "src/memory_arena.cpp": (
            '#include "memory_arena.hpp"\n\nusing namespace foonathan::memory;\n\n'
            "template class foonathan::memory::memory_arena<growing_block_allocator<heap_allocator>>;\n"
            "void memory_block_stack::steal_top(memory_block_stack& other) noexcept\n{\n  push(other.pop());\n}\n"
            "std::size_t memory_block_stack::size() const noexcept\n{\n  memory_block block = head_;\n"
            "  return block.size;\n}\n"
            "memory_block growing_block_allocator_next(memory_arena<growing_block_allocator<heap_allocator>>& a)\n{\n"
            "  a.deallocate_block();\n  return a.allocate_block();\n}\n"
        ),
        "test/memory_arena.cpp": (
            '#include "memory_arena.hpp"\n\n#include <doctest/doctest.h>\n\nusing namespace foonathan::memory;\n\n'
            'TEST_CASE("memory_block_stack")\n{\n  memory_block_stack stack;\n  memory_block block{nullptr, 0};\n'
            "  stack.push(block);\n  REQUIRE(stack.pop().size == 0);\n}\n\n"
            'TEST_CASE("memory_arena")\n{\n  memory_arena<growing_block_allocator<heap_allocator>> arena;\n'
            "  auto block = arena.allocate_block();\n  arena.deallocate_block();\n  REQUIRE(arena.size() == 0);\n"
            "  REQUIRE(block.memory == nullptr);\n}\n"
        ),
    }
    assert graph_pairs(files)["test/memory_arena.cpp"][0] == "include/foonathan/memory/memory_arena.hpp"


def babel_files() -> dict[str, str]:
    return {
        "babel/__init__.py": "from babel.core import Locale\n\n__version__ = '2.17.0'\n",
        "babel/core.py": "class Locale:\n    def __init__(self, language):\n        self.language = language\n",
        "babel/dates.py": "def format_datetime(value, format='medium'):\n    return str(value)\n",
        "babel/messages/__init__.py": "from babel.messages.catalog import Catalog\n",
        "babel/messages/catalog.py": "class Catalog:\n    def __init__(self, locale=None):\n        self.locale = locale\n",
        "babel/messages/pofile.py": (
            "def read_po(fileobj, locale=None):\n    return fileobj.read()\n\n\n"
            "def write_po(fileobj, catalog):\n    fileobj.write(str(catalog))\n"
        ),
        "babel/messages/frontend.py": (
            "class BaseError(Exception):\n    pass\n\n\nclass CommandLineInterface:\n"
            "    def run(self, argv=None):\n        return 0\n\n\ndef concat_catalogs(paths):\n    return paths\n"
        ),
        "tests/__init__.py": "",
        "tests/messages/__init__.py": "",
        "tests/messages/consts.py": "import os\n\ndata_dir = os.path.join(os.path.dirname(__file__), 'data')\n",
        "tests/messages/frontend/__init__.py": "",
        "tests/messages/frontend/test_cli.py": (
            "import pytest\n\nfrom babel import __version__ as VERSION\nfrom babel.dates import format_datetime\n"
            "from babel.messages import Catalog, frontend\nfrom babel.messages.frontend import BaseError\n"
            "from babel.messages.pofile import read_po, write_po\nfrom tests.messages.consts import data_dir\n\n\n"
            "def test_usage():\n    cli = frontend.CommandLineInterface()\n    assert cli.run(['pybabel']) == 0\n\n\n"
            "def test_version(capsys):\n    with pytest.raises(BaseError):\n        raise BaseError(VERSION)\n"
            "    assert read_po and write_po and format_datetime and Catalog and data_dir\n"
        ),
    }


def test_a_python_test_folder_named_for_a_module_and_its_own_package_marker():
    # tests/messages/frontend/__init__.py answers to "frontend" too: the test tree's own files are no package mirror
    assert graph_pairs(babel_files())["tests/messages/frontend/test_cli.py"][0] == "babel/messages/frontend.py"


def cpuinfo_header(arch: str, title: str) -> str:
    guard = f"CPU_FEATURES_INCLUDE_CPUINFO_{arch.upper()}_H_"
    return (
        f'#ifndef {guard}\n#define {guard}\n\n#include "cpu_features_macros.h"\n\n'
        "CPU_FEATURES_START_CPP_NAMESPACE\n\n"
        f"typedef struct {{\n  int r6 : 1;\n  int msa : 1;\n}} {title}Features;\n\n"
        f"typedef struct {{\n  {title}Features features;\n}} {title}Info;\n\n"
        f"typedef enum {{\n  {arch.upper()}_R6,\n  {arch.upper()}_MSA,\n  {arch.upper()}_LAST_,\n}} {title}FeaturesEnum;\n\n"
        f"{title}Info Get{title}Info(void);\n\n"
        f"int Get{title}FeaturesEnumValue(const {title}Features* features, {title}FeaturesEnum value);\n\n"
        f"CPU_FEATURES_END_CPP_NAMESPACE\n\n#endif  // {guard}\n"
    )


def cpuinfo_impl(arch: str, title: str, os_name: str) -> str:
    return (
        f'#include "cpu_features_macros.h"\n\n#ifdef CPU_FEATURES_ARCH_{arch.upper()}\n#if {os_name}\n\n'
        f'#include "cpuinfo_{arch}.h"\n#include "internal/filesystem.h"\n#include "internal/stack_line_reader.h"\n\n'
        f"static bool Handle{title}Line(const LineResult result, {title}Features* const features) {{\n"
        "  StringView key, value;\n  if (CpuFeatures_StringView_GetAttributeKeyValue(result.line, &key, &value)) {\n"
        "    features->r6 = CpuFeatures_StringView_HasWord(value, \"r6\", ' ');\n  }\n  return !result.eof;\n}\n\n"
        f"static void FillProcCpuInfoData({title}Features* const features) {{\n"
        '  const int fd = CpuFeatures_OpenFile("/proc/cpuinfo");\n  if (fd >= 0) {\n    StackLineReader reader;\n'
        f"    StackLineReader_Initialize(&reader, fd);\n    while (Handle{title}Line(StackLineReader_NextLine(&reader), "
        "features)) {\n    }\n    CpuFeatures_CloseFile(fd);\n  }\n}\n\n"
        f"static const {title}Info kEmpty{title}Info;\n\n{title}Info Get{title}Info(void) {{\n"
        f"  {title}Info info = kEmpty{title}Info;\n  FillProcCpuInfoData(&info.features);\n  return info;\n}}\n\n"
        f"#endif  // {os_name}\n#endif  // CPU_FEATURES_ARCH_{arch.upper()}\n"
    )


def cpuinfo_test(arch: str, title: str) -> str:
    return (
        f'#include "cpuinfo_{arch}.h"\n\n#include "filesystem_for_testing.h"\n#include "gtest/gtest.h"\n\n'
        "namespace cpu_features {\nnamespace {\n\n"
        f"TEST(Cpuinfo{title}Test, FromHardwareCapBoth) {{\n"
        '  auto& fs = GetEmptyFilesystem();\n  fs.CreateFile("/proc/cpuinfo", "isa\\t\\t: mips1 mips2 mips32r6\\n");\n'
        f"  const auto info = Get{title}Info();\n  EXPECT_TRUE(info.features.r6);\n}}\n\n}}  // namespace\n}}  // namespace cpu_features\n"
    )


def cpu_features_files() -> dict[str, str]:
    return {
        "include/cpu_features_macros.h": (
            "#ifndef CPU_FEATURES_INCLUDE_CPU_FEATURES_MACROS_H_\n#define CPU_FEATURES_INCLUDE_CPU_FEATURES_MACROS_H_\n"
            "#define CPU_FEATURES_START_CPP_NAMESPACE\n#define CPU_FEATURES_END_CPP_NAMESPACE\n#endif\n"
        ),
        "include/cpuinfo_mips.h": cpuinfo_header("mips", "Mips"),
        "src/impl_mips_linux_or_android.c": cpuinfo_impl("mips", "Mips", "defined(CPU_FEATURES_OS_LINUX)"),
        "test/cpuinfo_mips_test.cc": cpuinfo_test("mips", "Mips"),
        # aarch64 is implemented once per operating system: the header is the subject
        "include/cpuinfo_aarch64.h": cpuinfo_header("aarch64", "Aarch64"),
        "src/impl_aarch64_linux_or_android.c": cpuinfo_impl("aarch64", "Aarch64", "defined(CPU_FEATURES_OS_LINUX)"),
        "src/impl_aarch64_windows.c": cpuinfo_impl("aarch64", "Aarch64", "defined(CPU_FEATURES_OS_WINDOWS)"),
        "test/cpuinfo_aarch64_test.cc": cpuinfo_test("aarch64", "Aarch64"),
        "test/filesystem_for_testing.h": '#include "internal/filesystem.h"\nclass FakeFilesystem;\n',
    }


def test_a_header_implemented_by_one_unit_of_another_name_passes_its_tests_on():
    assert graph_pairs(cpu_features_files())["test/cpuinfo_mips_test.cc"][0] == "src/impl_mips_linux_or_android.c"


def test_must_not_fire_a_header_implemented_once_per_platform_stays_the_subject():
    assert graph_pairs(cpu_features_files())["test/cpuinfo_aarch64_test.cc"][0] == "include/cpuinfo_aarch64.h"


def test_must_not_fire_a_header_holding_its_code():
    # unordered_dense's C++20 module unit re-exports the header-only library: it implements nothing of it
    files = {
        "include/ankerl/unordered_dense.h": (
            "#ifndef ANKERL_UNORDERED_DENSE_H\n#define ANKERL_UNORDERED_DENSE_H\n#include <cstdint>\n"
            "namespace ankerl {\nnamespace unordered_dense {\n"
            "inline auto mix(std::uint64_t a, std::uint64_t b) -> std::uint64_t {\n  return a * b;\n}\n"
            "inline auto wyhash(void const* data, std::size_t len) -> std::uint64_t {\n  return mix(len, 1);\n}\n"
            "template <typename T> struct hash {\n  auto operator()(T const& obj) const -> std::uint64_t {\n"
            "    return wyhash(&obj, sizeof(T));\n  }\n};\n"
            "template <class Key, class T> class table {\npublic:\n  void reserve(std::size_t n) { m_size = n; }\n"
            "  auto size() const -> std::size_t { return m_size; }\nprivate:\n  std::size_t m_size = 0;\n};\n"
            "template <class Key, class T> using map = table<Key, T>;\n"
            "template <class Key> using set = table<Key, void>;\n}\n}\n#endif\n"
        ),
        "src/ankerl.unordered_dense.cpp": (
            "module;\n\n#include <ankerl/unordered_dense.h>\n\nexport module ankerl.unordered_dense;\n\n"
            "export namespace ankerl::unordered_dense {\n    using ankerl::unordered_dense::map;\n"
            "    using ankerl::unordered_dense::set;\n}\n"
        ),
        "test/unit/unordered_dense.cpp": (
            "#include <ankerl/unordered_dense.h>\n\n#include <doctest.h>\n\n"
            'TEST_CASE("unordered_dense_map") {\n  auto m = ankerl::unordered_dense::map<int, int>();\n'
            "  m.reserve(10);\n  REQUIRE(m.size() == 10);\n}\n"
        ),
    }
    assert graph_pairs(files)["test/unit/unordered_dense.cpp"][0] == "include/ankerl/unordered_dense.h"


def test_must_not_fire_an_example_calling_the_header():
    # bitsery's examples are illustrations, not the code under test
    files = {
        "include/bitsery/ext/compact_value.h": (
            "#ifndef BITSERY_EXT_COMPACT_VALUE_H\n#define BITSERY_EXT_COMPACT_VALUE_H\nnamespace bitsery {\n"
            "namespace ext {\nclass CompactValue;\nvoid serialize_compact(Buffer& buf, const Shape& shape);\n}\n}\n#endif\n"
        ),
        "examples/compact_shape.cpp": (
            "#include <bitsery/ext/compact_value.h>\n\nvoid serialize_compact(Buffer& buf, const Shape& shape) {\n"
            "  buf.write(shape.width);\n  buf.write(shape.height);\n}\n"
        ),
        "tests/test_compact_value.cpp": (
            "#include <bitsery/ext/compact_value.h>\n#include <gmock/gmock.h>\n\n"
            "TEST(SerializeExtensionCompactValue, Shape) {\n  Buffer buf;\n  Shape shape{1, 2};\n"
            "  bitsery::ext::serialize_compact(buf, shape);\n  EXPECT_THAT(buf.size(), ::testing::Eq(2u));\n}\n"
        ),
    }
    assert graph_pairs(files)["tests/test_compact_value.cpp"][0] == "include/bitsery/ext/compact_value.h"


def toml_files() -> dict[str, str]:
    impl = "include/toml++/impl/"
    return {
        impl + "parser.hpp": (
            '#pragma once\n#include "table.hpp"\nTOML_NAMESPACE_START\n{\n'
            "\tTOML_EXPORTED_FREE_FUNCTION\n\tparse_result TOML_CALLCONV parse(std::string_view doc);\n}\n"
            'TOML_NAMESPACE_END;\n#if TOML_HEADER_ONLY\n#include "parser.inl"\n#endif\n'
        ),
        impl + "parser.inl": (
            '#pragma once\n#include "parser.hpp"\nTOML_IMPL_NAMESPACE_START\n{\n\tclass parser\n\t{\n'
            "\t  public:\n\t\ttable parse_document(utf8_reader_interface& reader)\n\t\t{\n"
            "\t\t\treturn parse_key_value_pair_and_insert(reader);\n\t\t}\n\t};\n}\nTOML_IMPL_NAMESPACE_END;\n"
            "TOML_NAMESPACE_START\n{\n\tparse_result TOML_CALLCONV parse(std::string_view doc)\n\t{\n"
            "\t\treturn impl::do_parse(impl::utf8_reader{ doc });\n\t}\n}\nTOML_NAMESPACE_END;\n"
        ),
        impl + "array.hpp": (
            '#pragma once\n#include "node.hpp"\nTOML_NAMESPACE_START\n{\n\tclass array : public node\n\t{\n'
            "\t  public:\n\t\tTOML_EXPORTED_MEMBER_FUNCTION\n\t\tvoid push_back(node&& val);\n"
            "\t\tsize_t size() const noexcept { return elems_.size(); }\n\t};\n}\nTOML_NAMESPACE_END;\n"
        ),
        impl + "array.inl": (
            '#pragma once\n#include "array.hpp"\nTOML_NAMESPACE_START\n{\n\tTOML_EXTERNAL_LINKAGE\n'
            "\tvoid array::push_back(node&& val)\n\t{\n\t\telems_.emplace_back(std::move(val));\n\t}\n\n"
            "\tTOML_EXTERNAL_LINKAGE\n\tvoid array::flatten()\n\t{\n\t\tpreinsertion_resize(0, 0);\n\t}\n}\n"
            "TOML_NAMESPACE_END;\n"
        ),
        "tests/tests.hpp": '#pragma once\n#include "settings.hpp"\n#include <toml++/toml.hpp>\n',
        "tests/parsing_arrays.cpp": (
            '#include "tests.hpp"\n\nTEST_CASE("parsing - arrays")\n{\n'
            '\tparsing_should_succeed(FILE_LINE_ARGS, R"(integers = [ 1, 2, 3 ])"sv, [](table&& tbl)\n\t{\n'
            '\t\tCHECK(tbl["integers"].as<array>()->size() == 3);\n\t});\n}\n'
        ),
        "tests/manipulating_arrays.cpp": (
            '#include "tests.hpp"\n\nTEST_CASE("arrays - moving")\n{\n\ttoml::array arr;\n'
            "\tarr.push_back(1);\n\tarr.flatten();\n\tCHECK(arr.size() == 1u);\n}\n"
        ),
        "tests/using_iterators.cpp": (
            '#include "tests.hpp"\n\nTEST_CASE("using iterators")\n{\n\ttoml::array arr;\n'
            "\tfor (auto&& elem : arr)\n\t\tCHECK(elem.is_value());\n}\n"
        ),
    }


def test_a_test_named_for_an_action_takes_the_doer_or_the_thing():
    pairs = graph_pairs(toml_files())
    assert pairs["tests/parsing_arrays.cpp"][0] == "include/toml++/impl/parser.inl"
    assert pairs["tests/manipulating_arrays.cpp"][0] == "include/toml++/impl/array.inl"


def test_must_not_fire_an_action_on_nothing_named():
    # using_iterators.cpp: no "user", no iterators module
    assert graph_pairs(toml_files())["tests/using_iterators.cpp"][0] is None


def csv_files() -> dict[str, str]:
    internal = "include/internal/"
    return {
        internal + "csv_reader.hpp": (
            "#pragma once\nnamespace csv {\n    class CSVReader {\n    public:\n"
            "        CSVReader(csv::string_view filename, CSVFormat format = CSVFormat::guess_csv());\n"
            "        bool read_row(CSVRow &row);\n    };\n}\n"
        ),
        internal + "csv_reader.cpp": (
            '#include "csv_reader.hpp"\n\nnamespace csv {\n    CSV_INLINE CSVReader::CSVReader(csv::string_view '
            "filename, CSVFormat format) : _format(format) {\n        this->open_file(filename);\n    }\n\n"
            "    CSV_INLINE bool CSVReader::read_row(CSVRow &row) {\n        return this->records->pop_front(row);\n"
            "    }\n}\n"
        ),
        internal + "csv_reader_iterator.cpp": (
            '#include "csv_reader.hpp"\n\nnamespace csv {\n    CSV_INLINE CSVReader::iterator CSVReader::begin() {\n'
            "        return CSVReader::iterator(this, std::move(this->records->pop_front()));\n    }\n}\n"
        ),
        internal + "csv_writer.hpp": (
            "#pragma once\nnamespace csv {\n    template<class OutputStream, char Delim, char Quote>\n"
            "    class DelimWriter {\n    public:\n        template<typename T> DelimWriter& operator<<(const T& record) "
            "{\n            out << record;\n            return *this;\n        }\n    };\n}\n"
        ),
        "tests/test_read_csv.cpp": (
            '#include <catch2/catch_all.hpp>\n#include "csv.hpp"\n\nusing namespace csv;\n\n'
            'TEST_CASE("col_pos() Test", "[test_read_csv_col_pos]") {\n    CSVReader reader("./tests/data/real_data/'
            '2015_StateDepartment.csv");\n    CSVRow row;\n    REQUIRE(reader.read_row(row));\n}\n'
        ),
        "tests/test_write_csv.cpp": (
            '#include <catch2/catch_all.hpp>\n#include <sstream>\n#include "csv.hpp"\n\nusing namespace csv;\n\n'
            'TEST_CASE("CSV Comma Escape", "[test_csv_comma_escape]") {\n    std::stringstream output;\n'
            '    auto csv_writer = make_csv_writer(output);\n    csv_writer << std::vector<std::string>({ "Furthermore, '
            'this should be quoted" });\n    REQUIRE(output.str().size() > 0);\n}\n'
        ),
        "tests/test_read_json.cpp": (
            '#include <catch2/catch_all.hpp>\n#include "csv.hpp"\n\nusing namespace csv;\n\n'
            'TEST_CASE("JSON round trip", "[test_read_json]") {\n    std::string text = "{}";\n'
            "    REQUIRE(text.size() == 2);\n}\n"
        ),
    }


def test_the_doer_with_nothing_the_test_does_not_say():
    pairs = graph_pairs(csv_files())
    assert pairs["tests/test_read_csv.cpp"][0] == "include/internal/csv_reader.cpp"  # not csv_reader_iterator.cpp
    assert pairs["tests/test_write_csv.cpp"][0] == "include/internal/csv_writer.hpp"


def test_must_not_fire_a_doer_of_another_thing():
    # test_read_json.cpp: csv_reader.cpp reads CSV, a word the test does not say (even as the one reader)
    files = {p: text for p, text in csv_files().items() if not p.endswith("csv_reader_iterator.cpp")}
    assert graph_pairs(files)["tests/test_read_json.cpp"][0] is None


def test_doers_of_an_action():
    assert {"parser"} <= _doers("parsing") and {"reader"} <= _doers("read") and {"writer"} <= _doers("write")
    assert "guessing" in _doers("guess")
    assert _doers("str") == set()  # frozen's test_str_set.cpp: no "string" doer
