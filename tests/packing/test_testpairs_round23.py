"""Test pairing, twenty-third round.

Refraining where the evidence names no single subject: a module of the library's error types is no subject by import
or use alone (ron's tests/comments.rs: ron::error::Error); a test named for the issue it reproduces
(tests/240_array_pretty.rs) keeps a calls or use subject only when the rest of its name touches it; vocabulary that
agrees only weakly (under 0.15 of the test's best possible match) with the one module a test imports decides nothing
for a test not named like it; a C or C++ test named for the documentation or examples it runs (doc_parsing.cpp,
example.c) has no subject.

C and C++: a library that starts its file names with one word (libsodium's crypto_box.c) answers to the rest
(test/default/box.c); a test opening with the header it is named for tests that header, not the header-held
implementation its name also finds (Boost.JSON's test/kind.cpp: kind.hpp, not impl/kind.ipp); in a header-only
library a test reaching the library only through helper headers takes the one library header that names what the
test is named for (cereal's unittests/multiset.cpp -> include/cereal/types/set.hpp, which serializes std::multiset).
"""

from __future__ import annotations

from repoloom.packing.testpairs import UnitTestsConfig
from tests.packing.pairing_helpers import graph_pairs


def subject(files: dict[str, str], repo: str, test: str, tcfg: UnitTestsConfig | None = None):
    return graph_pairs(files, repo, tcfg).get(test, (None, None))[0]


# --- a module of error types ------------------------------------------------------------------------------------

SQL_PKG = {
    "sqlkit/__init__.py": "from sqlkit.api import parse, format_sql\n",
    "sqlkit/api.py": (
        "from sqlkit.lexer import tokenize\n\n\ndef parse(text, limit=1000):\n    return list(tokenize(text, limit))\n\n\n"
        "def format_sql(text):\n    return ' '.join(t for _, t in tokenize(text, 1000))\n"
    ),
    "sqlkit/lexer.py": (
        "from sqlkit.exceptions import SQLParseError\n\n\ndef tokenize(text, limit):\n"
        "    if len(text) > limit:\n        raise SQLParseError('statement too long')\n"
        "    for word in text.split():\n        yield 'word', word\n"
    ),
    "sqlkit/exceptions.py": (
        "class SQLParseError(Exception):\n    '''Raised when a statement cannot be parsed.'''\n\n\n"
        "class SQLLimitError(SQLParseError):\n    '''Raised when a statement is over a limit.'''\n"
    ),
}
# the test takes only the error type from the package's modules; what it exercises comes through the entry point
LIMITS_TEST = (
    "import pytest\n\nimport sqlkit\nfrom sqlkit.exceptions import SQLParseError\n\n\n"
    "def test_long_statement_is_refused():\n    with pytest.raises(SQLParseError):\n"
    "        sqlkit.parse('select ' * 2000)\n\n\n"
    "def test_statement_under_limit_parses():\n    assert sqlkit.parse('select 1')\n"
)


def test_a_test_importing_only_the_error_types_takes_no_subject_from_them():
    files = dict(SQL_PKG, **{"tests/test_dos_prevention.py": LIMITS_TEST})
    assert subject(files, "sqlkit", "tests/test_dos_prevention.py") != "sqlkit/exceptions.py"


def test_a_test_named_for_the_errors_still_takes_their_module():
    files = dict(SQL_PKG, **{"tests/test_exceptions.py": LIMITS_TEST})
    assert subject(files, "sqlkit", "tests/test_exceptions.py") == "sqlkit/exceptions.py"


RON_LIB = {
    "Cargo.toml": '[package]\nname = "ron"\nversion = "0.9.0"\nedition = "2021"\n',
    "src/lib.rs": "pub mod de;\npub mod error;\npub mod ser;\n\npub use crate::de::from_str;\npub use crate::ser::to_string;\n",
    "src/de.rs": (
        "use crate::error::{Error, Position, SpannedError};\n\n"
        "pub fn from_str(s: &str) -> Result<String, SpannedError> {\n"
        "    if s.starts_with('/') {\n        return Err(SpannedError { code: Error::Eof, position: Position { line: 1 } });\n"
        "    }\n    Ok(s.to_string())\n}\n"
    ),
    "src/ser.rs": 'pub fn to_string(s: &str) -> String {\n    format!("({})", s)\n}\n',
    "src/error.rs": (
        "#[derive(Debug, PartialEq)]\npub enum Error {\n    Eof,\n    UnclosedBlockComment,\n}\n\n"
        "#[derive(Debug, PartialEq)]\npub struct Position {\n    pub line: usize,\n}\n\n"
        "#[derive(Debug, PartialEq)]\npub struct SpannedError {\n    pub code: Error,\n    pub position: Position,\n}\n"
    ),
}
# four tests use the error types, so the calls rule finds them common and decides nothing; the use rule sees them
RON_TEST = (
    "use ron::error::{Error, Position, SpannedError};\n\n#[test]\nfn NAME() {\n"
    '    let got: Result<String, SpannedError> = ron::from_str("/* x");\n'
    "    assert_eq!(got, Err(SpannedError { code: Error::Eof, position: Position { line: 1 } }));\n}\n"
)


def ron_tests(*names: str) -> dict[str, str]:
    return dict(RON_LIB, **{f"tests/{n}.rs": RON_TEST.replace("NAME", n) for n in names})


def test_a_rust_test_using_only_the_error_module_takes_no_subject_from_it():
    got = graph_pairs(ron_tests("comments", "floats", "depth_limit", "unicode"), "ron")
    assert got["tests/comments.rs"][0] != "src/error.rs"
    assert got["tests/floats.rs"][0] != "src/error.rs"


def test_a_rust_test_named_for_the_errors_keeps_their_module():
    got = graph_pairs(ron_tests("error", "floats", "depth_limit", "unicode"), "ron")
    assert got["tests/error.rs"][0] == "src/error.rs"


# --- a test named for an issue ----------------------------------------------------------------------------------

NUMBER_LIB = {
    "Cargo.toml": '[package]\nname = "ron"\nversion = "0.9.0"\nedition = "2021"\n',
    "src/lib.rs": "pub mod number;\npub mod pretty;\n\npub use crate::number::Number;\n",
    "src/number.rs": (
        "#[derive(Debug, PartialEq)]\npub struct Number(pub f64);\n\nimpl Number {\n"
        "    pub fn parse_number(s: &str) -> Option<Number> {\n        s.parse().ok().map(Number)\n    }\n"
        "    pub fn exhaustive_number(&self) -> bool {\n        self.0.is_finite()\n    }\n"
        '    pub fn number_suffix(&self) -> &\'static str {\n        "f64"\n    }\n}\n'
    ),
    "src/pretty.rs": 'pub fn pretty_print(s: &str) -> String {\n    format!("  {}", s)\n}\n',
}
ISSUE_TEST = (
    "use ron::number::Number;\n\n#[test]\nfn parses_and_checks() {\n"
    '    let n = Number::parse_number("1.5").unwrap();\n    assert!(n.exhaustive_number());\n'
    '    assert_eq!(n.number_suffix(), "f64");\n}\n'
)


def test_an_issue_numbered_test_not_named_like_the_module_takes_none():
    files = dict(NUMBER_LIB, **{"tests/240_array_pretty.rs": ISSUE_TEST})
    assert subject(files, "ron", "tests/240_array_pretty.rs") is None
    # the same test without the issue number is a test of what it uses (the rules as before)
    files = dict(NUMBER_LIB, **{"tests/array_pretty.rs": ISSUE_TEST})
    assert subject(files, "ron", "tests/array_pretty.rs") == "src/number.rs"


def test_an_issue_numbered_test_named_like_the_module_keeps_it():
    files = dict(NUMBER_LIB, **{"tests/564_exhaustive_number.rs": ISSUE_TEST})
    assert subject(files, "ron", "tests/564_exhaustive_number.rs") == "src/number.rs"


# --- weak vocabulary agreement ----------------------------------------------------------------------------------

# ky's test/hooks.ts: what it exercises comes through the package's entry point (export * from seventeen modules);
# from source/types/options.ts it takes a type and a helper, a small part of its vocabulary
KY_WORDS = ("retry", "timeout", "backoff", "redirect", "cookie", "header", "stream", "upload", "cache", "proxy")
KY_WORDS += ("agent", "socket", "charset", "encoding", "signal", "beacon", "referrer")


def ky_repo(test: str) -> dict[str, str]:
    files = {"package.json": '{"name": "ky", "main": "source/index.ts"}\n'}
    exports = []
    for i, w in enumerate(KY_WORDS):
        files[f"source/core/part{i}.ts"] = (
            f"export function apply{w.capitalize()}(value: string): string {{\n  return value + '{w}';\n}}\n"
        )
        exports.append(f"export * from './core/part{i}.js';\n")
    files["source/types/options.ts"] = (
        "export type Options = {\n  prefixUrl?: string;\n  throwHttpErrors?: boolean;\n};\n\n"
        "export function mergeOptions(a: Options, b: Options): Options {\n  return {...a, ...b};\n}\n"
    )
    files["source/index.ts"] = "".join(exports) + "export type {Options} from './types/options.js';\n"
    body = "".join(f"  t.truthy(ky.apply{w.capitalize()}('x'));\n" for w in KY_WORDS)
    files[test] = (
        "import test from 'ava';\nimport * as ky from '../source/index.js';\n"
        "import {type Options, mergeOptions} from '../source/types/options.js';\n\n"
        "test('hooks run in order', t => {\n"
        "  const options: Options = mergeOptions({prefixUrl: 'a'}, {throwHttpErrors: false});\n"
        "  t.truthy(options.prefixUrl);\n" + body + "});\n"
    )
    return files


def test_weak_agreement_with_the_one_imported_module_names_no_subject():
    assert subject(ky_repo("test/hooks.ts"), "ky", "test/hooks.ts") is None


def test_the_same_import_by_a_test_whose_name_touches_the_module_still_pairs():
    # test/optional-merge.ts shares a start with options.ts: the import rule keeps the module it agrees with
    assert subject(ky_repo("test/optional-merge.ts"), "ky", "test/optional-merge.ts") == "source/types/options.ts"


# --- C and C++ ----------------------------------------------------------------------------------------------------


def sodium_repo(n_prefixed: int) -> dict[str, str]:
    """A library whose units are src/crypto_<x>/crypto_<x>.c, and a test named for one of them without the prefix."""
    kinds = ["box", "sign", "kdf", "auth", "stream", "hash", "verify"][:n_prefixed]
    files = {}
    for k in kinds:
        files[f"src/crypto_{k}/crypto_{k}.c"] = (
            f'#include "crypto_{k}.h"\n\nint crypto_{k}(unsigned char *out, const unsigned char *in) {{\n'
            f"    out[0] = in[0];\n    return 0;\n}}\n\nint crypto_{k}_keybytes(void) {{\n    return 32;\n}}\n"
        )
        files[f"src/include/crypto_{k}.h"] = (
            f"int crypto_{k}(unsigned char *out, const unsigned char *in);\nint crypto_{k}_keybytes(void);\n"
        )
    files["src/core.c"] = "int core_init(void) {\n    return 0;\n}\n"
    files["test/default/box.c"] = (
        '#include "cmptest.h"\n\nint main(void) {\n    unsigned char in[1] = {7}, out[1];\n'
        "    crypto_box(out, in);\n    return crypto_box_keybytes() == 32 ? 0 : 1;\n}\n"
    )
    files["test/default/cmptest.h"] = '#include "../../src/include/crypto_box.h"\n#include <stdio.h>\n'
    return files


def test_a_test_named_without_the_librarys_file_prefix_finds_its_unit():
    # the calls rule alone would not decide here: crypto_box is defined once, but only two names are used
    files = sodium_repo(5)
    assert subject(files, "sodium", "test/default/box.c", UnitTestsConfig(import_=False, lexical=False)) == (
        "src/crypto_box/crypto_box.c"
    )


def test_a_prefix_of_fewer_than_five_units_is_no_librarys_prefix():
    files = sodium_repo(4)
    assert subject(files, "sodium", "test/default/box.c", UnitTestsConfig(import_=False, lexical=False)) is None


def test_a_header_named_with_the_prefix_answers_to_no_shortened_name():
    # libtomcrypt's src/headers/tomcrypt_mac.h: headers do not count toward the prefix nor answer to the rest
    files = {f"src/headers/tomcrypt_{k}.h": f"int {k}_init(void);\n" for k in ("mac", "hash", "pk", "prng", "cipher")}
    files["src/mac/hmac.c"] = "int hmac_init(void) {\n    return 0;\n}\n"
    files["tests/mac_test.c"] = (
        '#include "../src/headers/tomcrypt_mac.h"\n\nint mac_test(void) {\n    return mac_init();\n}\n'
    )
    assert subject(files, "tomcrypt", "tests/mac_test.c", UnitTestsConfig(import_=False, lexical=False)) is None


JSON_LIB = {
    "include/boost/json/kind.hpp": (
        "#ifndef BOOST_JSON_KIND_HPP\n#define BOOST_JSON_KIND_HPP\nnamespace boost {\nnamespace json {\n"
        "enum class kind { null, array, object };\nchar const* to_string(kind k) noexcept;\n}\n}\n"
        "#include <boost/json/impl/kind.ipp>\n#endif\n"
    ),
    "include/boost/json/impl/kind.ipp": (
        "namespace boost {\nnamespace json {\nchar const* to_string(kind k) noexcept {\n"
        '    return k == kind::null ? "null" : "other";\n}\n}\n}\n'
    ),
    "test/test_suite.hpp": "#define BOOST_TEST(x) ((void)(x))\n",
}
KIND_TEST = (
    '#include <boost/json/kind.hpp>\n\n#include "test_suite.hpp"\n\nnamespace boost {\nnamespace json {\n'
    "class kind_test {\npublic:\n    void testNames() {\n        BOOST_TEST(to_string(kind::null)[0] == 'n');\n    }\n"
    "    void run() {\n        testNames();\n    }\n};\n}\n}\n"
)


def test_a_test_opening_with_its_header_tests_that_header():
    files = dict(JSON_LIB, **{"test/kind.cpp": KIND_TEST})
    assert subject(files, "json", "test/kind.cpp") == "include/boost/json/kind.hpp"


def test_a_test_opening_with_a_helper_keeps_the_implementation_header():
    # CLI11's and spdlog's tests open with their helper (app_helper.hpp, includes.h): x_inl.hpp stays the subject
    opened = KIND_TEST.replace(
        '#include <boost/json/kind.hpp>\n\n#include "test_suite.hpp"\n',
        '#include "test_suite.hpp"\n\n#include <boost/json/kind.hpp>\n',
    )
    files = dict(JSON_LIB, **{"test/kind.cpp": opened})
    assert subject(files, "json", "test/kind.cpp") == "include/boost/json/impl/kind.ipp"


def test_a_compiled_unit_stays_the_subject_of_a_test_opening_with_its_header():
    files = {
        "src/ring.h": "int ring_push(int v);\n",
        "src/ring.c": '#include "ring.h"\n\nint ring_push(int v) {\n    return v + 1;\n}\n',
        "tests/ring.c": (
            '#include "ring.h"\n#include <assert.h>\n\nint main(void) {\n    assert(ring_push(1) == 2);\n'
            "    return 0;\n}\n"
        ),
    }
    assert subject(files, "ring", "tests/ring.c") == "src/ring.c"


def test_documentation_and_example_tests_have_no_subject():
    files = dict(JSON_LIB)
    files["test/doc_kind.cpp"] = KIND_TEST
    files["test/example.cpp"] = KIND_TEST
    got = graph_pairs(files, "json")
    assert got["test/doc_kind.cpp"][0] is None
    assert got["test/example.cpp"][0] is None


def test_a_name_merely_starting_like_doc_is_no_role():
    # test/document.cpp: "doc" is no word of its own there
    files = dict(JSON_LIB)
    files["include/boost/json/document.hpp"] = "namespace boost {\nnamespace json {\nstruct document {};\n}\n}\n"
    files["test/document.cpp"] = KIND_TEST.replace("kind.hpp", "document.hpp").replace("kind_test", "document_test")
    assert subject(files, "json", "test/document.cpp") == "include/boost/json/document.hpp"


CEREAL_LIB = {
    "include/cereal/types/set.hpp": (
        "#include <set>\nnamespace cereal {\ntemplate <class A, class K> void save(A& ar, std::set<K> const& s) {\n"
        "    ar(s.size());\n}\ntemplate <class A, class K> void save(A& ar, std::multiset<K> const& s) {\n"
        "    ar(s.size());\n}\n}\n"
    ),
    "include/cereal/types/map.hpp": (
        "#include <map>\nnamespace cereal {\ntemplate <class A, class K, class V> void save(A& ar, "
        "std::map<K, V> const& m) {\n    ar(m.size());\n}\n}\n"
    ),
    "include/cereal/types/vector.hpp": (
        "#include <vector>\nnamespace cereal {\ntemplate <class A, class T> void save(A& ar, std::vector<T> const& v) "
        "{\n    ar(v.size());\n}\n}\n"
    ),
    "unittests/common.hpp": (
        "#include <cereal/types/set.hpp>\n#include <cereal/types/map.hpp>\n#include <cereal/types/vector.hpp>\n"
        "#define CHECK_EQ(a, b) ((void)((a) == (b)))\n"
    ),
}


def cereal_test(name: str) -> dict[str, str]:
    return {
        f"unittests/{name}.hpp": (
            '#include "common.hpp"\n\ntemplate <class IArchive, class OArchive>\n'
            f"inline void test_{name}() {{\n    std::{name}<int> o;\n    CHECK_EQ(o.size(), 0u);\n}}\n"
        ),
        f"unittests/{name}.cpp": (
            f'#include "{name}.hpp"\n\nTEST_CASE("binary_{name}") {{\n    test_{name}<int, int>();\n}}\n'
        ),
    }


def test_a_header_only_test_behind_helpers_takes_the_header_naming_its_type():
    files = dict(CEREAL_LIB, **cereal_test("multiset"))
    assert subject(files, "cereal", "unittests/multiset.cpp") == "include/cereal/types/set.hpp"


def test_a_type_named_by_two_headers_or_none_names_no_subject():
    files = dict(CEREAL_LIB, **cereal_test("deque"))  # no header names std::deque
    assert subject(files, "cereal", "unittests/deque.cpp") is None
    both = dict(CEREAL_LIB, **cereal_test("multiset"))
    both["include/cereal/types/unordered_set.hpp"] = (
        "#include <unordered_set>\nnamespace cereal {\n// std::multiset has its own, see set.hpp\n"
        "template <class A, class K> void save(A& ar, std::multiset<K> const* s) {\n    ar(s->size());\n}\n}\n"
    )
    both["unittests/common.hpp"] = both["unittests/common.hpp"].replace(
        "#define", "#include <cereal/types/unordered_set.hpp>\n#define"
    )
    assert subject(both, "cereal", "unittests/multiset.cpp") is None


# --- an entry point that makes one object -------------------------------------------------------------------------

LOG_PKG = {
    "pyproject.toml": '[project]\nname = "loglib"\n',
    "loglib/__init__.py": (
        '"""A pre-made logger: from loglib import logger."""\nfrom ._logger import Core as _Core\n'
        'from ._logger import Logger as _Logger\n\n__version__ = "1.0"\n__all__ = ["logger"]\n\n'
        "logger = _Logger(core=_Core(), depth=0)\n"
    ),
    "loglib/_logger.py": (
        "class Core:\n    def __init__(self):\n        self.handlers = {}\n\n\nclass Logger:\n"
        "    def __init__(self, core, depth):\n        self._core = core\n        self._depth = depth\n\n"
        "    def add(self, sink):\n        self._core.handlers[len(self._core.handlers)] = sink\n"
        "        return len(self._core.handlers) - 1\n\n    def remove(self, handler_id):\n"
        "        del self._core.handlers[handler_id]\n"
    ),
    "loglib/_colorizer.py": "def colorize(text):\n    return text\n",
}
ADD_SINKS_TEST = (
    "from loglib import logger\n\n\ndef test_add_and_remove_sink():\n    i = logger.add(print)\n    logger.remove(i)\n"
)


def test_a_test_of_the_object_an_entry_point_makes_tests_its_class_module():
    files = dict(LOG_PKG, **{"tests/test_add_sinks.py": ADD_SINKS_TEST})
    assert subject(files, "loglib", "tests/test_add_sinks.py") == "loglib/_logger.py"


def test_an_entry_point_with_code_of_its_own_stays_the_subject():
    # must not fire: the entry defines a function besides the object (cachetools' __init__.py defines its caches)
    files = dict(LOG_PKG, **{"tests/test_add_sinks.py": ADD_SINKS_TEST})
    files["loglib/__init__.py"] += "\n\ndef reset():\n    logger._core.handlers.clear()\n"
    assert subject(files, "loglib", "tests/test_add_sinks.py") == "loglib/__init__.py"


def test_an_object_built_from_two_modules_stays_with_the_entry_point():
    # must not fire: classes from ._logger and ._colorizer: no one module makes the object
    files = dict(LOG_PKG, **{"tests/test_add_sinks.py": ADD_SINKS_TEST})
    files["loglib/_colorizer.py"] += "\n\nclass Colorizer:\n    pass\n"
    files["loglib/__init__.py"] = files["loglib/__init__.py"].replace(
        "from ._logger import Logger as _Logger\n",
        "from ._logger import Logger as _Logger\nfrom ._colorizer import Colorizer as _Colorizer\n",
    )
    assert subject(files, "loglib", "tests/test_add_sinks.py") == "loglib/__init__.py"
