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

from repoloom.packing.pairing.by_name import _first_word, _library_prefixed
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
    return {
        "tests/perf/perf.h": "void TEST_START(struct timespec *ts);\nvoid TEST_END(struct timespec *ts);\n",
        "tests/perf/run.c": (
            '#include <time.h>\n#include "perf.h"\n\nint\nrun_create(struct test_state *state)\n{\n'
            f"\tstruct timespec ts_start;\n\n\tTEST_START({arg});\n\tlyd_new_inner(state->ctx);\n"
            "\tTEST_END(&ts_start);\n\treturn 0;\n}\n"
        ),
    }


def test_must_not_fire_a_timer_without_a_title_opens_no_case():
    # libyang's tests/perf/: TEST_START(&ts_start) takes the clock, it opens no case; with a title it would
    kinds = {f.path: _kind(f) for f in facts_of(perf_files("&ts_start"))}
    assert kinds["tests/perf/run.c"] != "test"
    kinds = {f.path: _kind(f) for f in facts_of(perf_files('"create"'))}
    assert kinds["tests/perf/run.c"] == "test"


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
