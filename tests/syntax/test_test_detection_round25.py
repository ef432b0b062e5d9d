"""Test detection, twenty-fifth round. A t/ folder holds tests (the TAP convention of Perl, followed by C libraries
tested with libtap: libmaxminddb's t/metadata_t.c, one program per file, named for no subject). A helper named with
the project's own prefix (t/maxminddb_test_helper.c) stays a helper although it defines test_-named functions
(test_lookup_errors(...)), which are checks the tests call."""

from __future__ import annotations

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


TAP_TEST = (
    '#include "maxminddb_test_helper.h"\n\n'
    "int main(void) {\n    const char *version = MMDB_lib_version();\n"
    '    if (ok((version != NULL), "MMDB_lib_version exists")) {\n'
    '        is(version, PACKAGE_VERSION, "version is " PACKAGE_VERSION);\n    }\n    done_testing();\n}\n'
)
HELPER_C = (
    '#include "maxminddb_test_helper.h"\n\n'
    "char *test_database_path(const char *filename) {\n    char *path = malloc(500);\n"
    '    snprintf(path, 500, "%s/%s", "maxmind-db/test-data", filename);\n    return path;\n}\n\n'
    "void test_lookup_errors(int gai_error, int mmdb_error, const char *function, const char *ip) {\n"
    '    ok(0 == gai_error, "no getaddrinfo error in call to %s for %s", function, ip);\n'
    '    ok(MMDB_SUCCESS == mmdb_error, "no MMDB error in call to %s for %s", function, ip);\n}\n'
)


def test_a_program_in_a_t_folder_is_a_test():
    s = signals("t/version_t.c", TAP_TEST)
    assert s["dir"] is True
    assert s["kind"] == "test"


def test_the_same_program_elsewhere_is_ordinary_code():
    # must not fire: a folder merely starting with t, or a file named t.c, is no test folder
    assert signals("tools/version_t.c", TAP_TEST)["kind"] == ""
    assert signals("src/t.c", TAP_TEST)["kind"] == ""


def test_a_t_folder_file_without_cases_is_a_helper():
    assert (
        signals("t/util.c", '#include "util.h"\n\nint add(int a, int b) {\n    return a + b;\n}\n')["kind"] == "support"
    )


def test_a_prefixed_test_helper_stays_a_helper():
    s = signals("t/maxminddb_test_helper.c", HELPER_C)
    assert s["markers"] > 0  # its test_-named functions look like cases
    assert s["kind"] == "support"


def test_a_test_of_helpers_is_still_a_test():
    # must not fire: tests/test_helpers.c is named for what it tests (helpers.c), with no prefix of its own
    s = signals("tests/test_helpers.c", HELPER_C.replace("maxminddb_test_helper.h", "helpers.h"))
    assert s["kind"] == "test"
    # nor is a helper-named file with cases and no prefix of its own (tests/testutils.c tests testutils)
    assert signals("tests/testutils.c", HELPER_C.replace("maxminddb_test_helper.h", "testutils.h"))["kind"] == "test"
    py = "from pkg.utils import slug\n\n\ndef test_slug():\n    assert slug('A b') == 'a-b'\n"
    assert signals("tests/test_utils.py", py)["kind"] == "test"
