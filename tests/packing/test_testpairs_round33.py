"""Test pairing, thirty-third round (C and C++ test detection).

- (C, C++) A test case registered by a call naming a test, case or suite (a word of its name: AWS_TEST_CASE,
  g_test_add_data_func, BASIC_BENCHMARK_TEST) that passes a function this file defines, at file scope or in main:
  aws-c-sdkutils' tests/resource_name_tests.c (AWS_TEST_CASE(parse_resource_name_test, s_test_parse_resource_name),
  static cases with no test_ name), json-glib's tests/path.c (g_test_add_data_func in a main that then calls
  g_test_run, which alone would make it a runner of other files' cases). A helper's call inside its own functions
  registers nothing (git's t/helper/test-path-utils.c), nor does a name holding "TEST" inside a word (gtest's
  GTEST_DEFINE_bool_).
"""

from __future__ import annotations

from tests.packing.pairing_helpers import facts_of, graph_pairs

# aws-c-sdkutils (Apache-2.0), shortened: the ARN parser, its header, and its test file registered with AWS_TEST_CASE.
_RESOURCE_NAME_H = """#ifndef AWS_SDKUTILS_RESOURCE_NAME_H
#define AWS_SDKUTILS_RESOURCE_NAME_H
#pragma once

#include <aws/common/byte_buf.h>

struct aws_resource_name {
    struct aws_byte_cursor partition;
    struct aws_byte_cursor service;
    struct aws_byte_cursor region;
    struct aws_byte_cursor account_id;
    struct aws_byte_cursor resource_id;
};

AWS_EXTERN_C_BEGIN

AWS_SDKUTILS_API
int aws_resource_name_init_from_cur(struct aws_resource_name *arn, const struct aws_byte_cursor *input);

AWS_SDKUTILS_API
int aws_resource_name_length(const struct aws_resource_name *arn, size_t *size);

AWS_EXTERN_C_END

#endif /* AWS_SDKUTILS_RESOURCE_NAME_H */
"""

_RESOURCE_NAME_C = """#include <aws/sdkutils/resource_name.h>

#define ARN_SPLIT_COUNT ((size_t)5)
#define ARN_PARTS_COUNT ((size_t)6)

static const char ARN_DELIMETER[] = ":";
static const char ARN_DELIMETER_CHAR = ':';

static const size_t DELIMETER_LEN = 8; /* strlen("arn:::::") */

int aws_resource_name_init_from_cur(struct aws_resource_name *arn, const struct aws_byte_cursor *input) {
    struct aws_byte_cursor arn_parts[ARN_PARTS_COUNT];
    struct aws_array_list arn_part_list;
    aws_array_list_init_static(&arn_part_list, arn_parts, ARN_PARTS_COUNT, sizeof(struct aws_byte_cursor));
    if (aws_byte_cursor_split_on_char_n(input, ARN_DELIMETER_CHAR, ARN_SPLIT_COUNT, &arn_part_list)) {
        return aws_raise_error(AWS_ERROR_SDKUTILS_MALFORMED_ARN);
    }
    struct aws_byte_cursor *arn_prefix;
    if (aws_array_list_get_at_ptr(&arn_part_list, (void **)&arn_prefix, 0) ||
        !aws_byte_cursor_eq_c_str(arn_prefix, "arn")) {
        return aws_raise_error(AWS_ERROR_SDKUTILS_MALFORMED_ARN);
    }
    aws_array_list_get_at(&arn_part_list, &arn->partition, 1);
    aws_array_list_get_at(&arn_part_list, &arn->service, 2);
    aws_array_list_get_at(&arn_part_list, &arn->region, 3);
    aws_array_list_get_at(&arn_part_list, &arn->account_id, 4);
    aws_array_list_get_at(&arn_part_list, &arn->resource_id, 5);
    return AWS_OP_SUCCESS;
}

int aws_resource_name_length(const struct aws_resource_name *arn, size_t *size) {
    *size = arn->partition.len + arn->region.len + arn->service.len + arn->account_id.len + arn->resource_id.len +
            DELIMETER_LEN;
    return AWS_OP_SUCCESS;
}
"""

_ENDPOINTS_UTIL_C = """#include <aws/sdkutils/private/endpoints_util.h>

bool aws_is_ipv4(struct aws_byte_cursor host) {
    if (host.len > 15) {
        return false;
    }
    return aws_byte_cursor_eq_c_str(&host, "127.0.0.1");
}
"""

_RESOURCE_NAME_TESTS_C = """/**
 * Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
 * SPDX-License-Identifier: Apache-2.0.
 */

#include <aws/common/byte_buf.h>
#include <aws/sdkutils/resource_name.h>
#include <aws/testing/aws_test_harness.h>

AWS_TEST_CASE(parse_resource_name_test, s_test_parse_resource_name)
static int s_test_parse_resource_name(struct aws_allocator *allocator, void *ctx) {
    (void)allocator;
    (void)ctx;

    struct aws_byte_cursor arn_string_01 =
        AWS_BYTE_CUR_INIT_FROM_STRING_LITERAL("arn:aws-us-gov:iam::123456789012:user:ooo");
    struct aws_resource_name arn_01;
    AWS_ZERO_STRUCT(arn_01);
    ASSERT_SUCCESS(aws_resource_name_init_from_cur(&arn_01, &arn_string_01));
    ASSERT_BIN_ARRAYS_EQUALS("iam", strlen("iam"), arn_01.service.ptr, arn_01.service.len);
    return AWS_OP_SUCCESS;
}

AWS_TEST_CASE(resource_name_length_test, s_test_resource_name_length)
static int s_test_resource_name_length(struct aws_allocator *allocator, void *ctx) {
    (void)allocator;
    (void)ctx;

    struct aws_resource_name arn_01 = {
        .partition = aws_byte_cursor_from_c_str("aws"),
        .service = aws_byte_cursor_from_c_str("s3"),
        .region = aws_byte_cursor_from_c_str("us-east-1"),
        .account_id = aws_byte_cursor_from_c_str("123456789012"),
        .resource_id = aws_byte_cursor_from_c_str("bucket"),
    };
    size_t size;
    ASSERT_SUCCESS(aws_resource_name_length(&arn_01, &size));
    ASSERT_UINT_EQUALS(41, size);
    return AWS_OP_SUCCESS;
}
"""


def aws_files() -> dict[str, str]:
    return {
        "include/aws/sdkutils/resource_name.h": _RESOURCE_NAME_H,
        "source/resource_name.c": _RESOURCE_NAME_C,
        "source/endpoints_util.c": _ENDPOINTS_UTIL_C,
        "tests/resource_name_tests.c": _RESOURCE_NAME_TESTS_C,
    }


def test_cases_registered_by_a_test_macro_make_a_test():
    facts = {f.path: f for f in facts_of(aws_files())}
    signals = facts["tests/resource_name_tests.c"].test
    assert signals["kind"] == "test"
    assert signals["markers"] == 2
    assert graph_pairs(aws_files())["tests/resource_name_tests.c"][0] == "source/resource_name.c"


# json-glib (LGPL-2.1-or-later), shortened: a GLib test program whose main registers this file's cases.
_JSON_PATH_C = """#include "config.h"
#include <string.h>
#include "json-path.h"

struct _JsonPath
{
  GObject parent_instance;
  GList *nodes;
  guint is_compiled : 1;
};

JsonPath *
json_path_new (void)
{
  return g_object_new (JSON_TYPE_PATH, NULL);
}

gboolean
json_path_compile (JsonPath *path, const char *expression, GError **error)
{
  g_return_val_if_fail (expression != NULL, FALSE);
  path->is_compiled = expression[0] == '$';
  return path->is_compiled;
}

JsonNode *
json_path_match (JsonPath *path, JsonNode *root)
{
  g_return_val_if_fail (path->is_compiled, NULL);
  return json_node_copy (root);
}
"""

_JSON_PARSER_C = """#include "config.h"
#include "json-parser.h"

JsonParser *
json_parser_new (void)
{
  return g_object_new (JSON_TYPE_PARSER, NULL);
}

gboolean
json_parser_load_from_data (JsonParser *parser, const gchar *data, gssize length, GError **error)
{
  return data != NULL && length != 0;
}
"""

_PATH_TEST_C = """#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

static const char *test_json =
"{ \\"store\\": {"
"    \\"book\\": [ { \\"author\\": \\"Nigel Rees\\", \\"price\\": 8.95 } ]"
"} }";

static const struct {
  const char *exp;
  const char *res;
} test_expressions[] = {
  { "$.store.book[0].author", "[\\"Nigel Rees\\"]" },
  { "$..author", "[\\"Nigel Rees\\"]" },
};

static void
path_expressions_valid (gconstpointer data)
{
  const int index_ = GPOINTER_TO_INT (data);
  JsonPath *path = json_path_new ();
  GError *error = NULL;

  g_assert_true (json_path_compile (path, test_expressions[index_].exp, &error));
  g_assert_no_error (error);
  g_object_unref (path);
}

static void
path_match (gconstpointer data)
{
  const int index_ = GPOINTER_TO_INT (data);
  JsonParser *parser = json_parser_new ();
  JsonPath *path = json_path_new ();
  JsonNode *matches;

  json_parser_load_from_data (parser, test_json, -1, NULL);
  json_path_compile (path, test_expressions[index_].exp, NULL);
  matches = json_path_match (path, json_parser_get_root (parser));
  g_assert_nonnull (matches);
  json_node_unref (matches);
  g_object_unref (parser);
  g_object_unref (path);
}

int
main (int   argc,
      char *argv[])
{
  int i, j;

  g_test_init (&argc, &argv, NULL);

  for (i = 0, j = 1; i < G_N_ELEMENTS (test_expressions); i++, j++)
    {
      char *path = g_strdup_printf ("/path/expressions/valid/%d", j);
      g_test_add_data_func (path, GINT_TO_POINTER (i), path_expressions_valid);
      g_free (path);
    }

  for (i = 0, j = 1; i < G_N_ELEMENTS (test_expressions); i++, j++)
    {
      char *path = g_strdup_printf ("/path/match/%d", j);
      g_test_add_data_func (path, GINT_TO_POINTER (i), path_match);
      g_free (path);
    }

  return g_test_run ();
}
"""


def test_a_glib_main_registering_its_own_cases_is_a_test_not_a_runner():
    files = {
        "json-glib/json-path.c": _JSON_PATH_C,
        "json-glib/json-parser.c": _JSON_PARSER_C,
        "json-glib/tests/path.c": _PATH_TEST_C,
    }
    facts = {f.path: f for f in facts_of(files)}
    assert facts["json-glib/tests/path.c"].test["kind"] == "test"
    assert facts["json-glib/tests/path.c"].test["markers"] == 2


def test_must_not_take_a_runner_registering_cases_it_only_declares():
    # a runner main handing other files' cases to GLib: declared here, defined elsewhere, no case of its own
    runner = """#include <glib.h>

void test_parser_empty (void);
void test_parser_base_value (void);

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/parser/empty", test_parser_empty);
  g_test_add_func ("/parser/base-value", test_parser_base_value);
  return g_test_run ();
}
"""
    facts = {f.path: f for f in facts_of({"json-glib/tests/all.c": runner})}
    assert facts["json-glib/tests/all.c"].test["kind"] == "support"


# git (GPL-2.0), shortened: a test-tool helper hands its own functions to a checker inside its command function.
_TEST_PATH_UTILS_C = """#define USE_THE_REPOSITORY_VARIABLE

#include "test-tool.h"
#include "abspath.h"

struct test_data {
	const char *from;  /* input:  transform from this ... */
	const char *to;    /* output: ... to this.            */
	const char *alternative; /* output: ... or this.      */
};

static int test_function(struct test_data *data, char *(*func)(char *input),
			 const char *funcname)
{
	int failed = 0, i;
	char buffer[1024];
	char *to;

	for (i = 0; data[i].to; i++) {
		strcpy(buffer, data[i].from);
		to = func(buffer);
		if (!strcmp(to, data[i].to))
			continue;
		failed = 1;
	}
	return failed;
}

static char *posix_basename(char *path)
{
	char *p = path, *slash = path;
	while (*p)
		if (*(p++) == '/')
			slash = p;
	return slash;
}

static struct test_data basename_data[] = {
	{ "/", "/" },
	{ "usr/lib", "lib" },
	{ NULL, NULL }
};

int cmd__path_utils(int argc, const char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "basename"))
		return test_function(basename_data, posix_basename, argv[1]);
	return 1;
}
"""


def test_must_not_take_a_helpers_own_call_for_a_registration():
    facts = {f.path: f for f in facts_of({"t/helper/test-path-utils.c": _TEST_PATH_UTILS_C})}
    assert facts["t/helper/test-path-utils.c"].test["kind"] == "support"


def test_must_not_take_a_word_holding_test_for_a_registering_call():
    # googletest's flag definitions (fmt's vendored test/gtest/gmock-gtest-all.cc): GTEST_DEFINE_bool_ is no test
    gtest = """#include "gtest/gtest.h"

namespace testing {

static bool catch_exceptions() { return true; }

GTEST_DEFINE_bool_(catch_exceptions,
                   internal::BoolFromGTestEnv("catch_exceptions", true),
                   "True if and only if " GTEST_NAME_
                   " should catch exceptions and treat them as test failures.");

}  // namespace testing
"""
    facts = {f.path: f for f in facts_of({"test/gtest/gmock-gtest-all.cc": gtest})}
    assert facts["test/gtest/gmock-gtest-all.cc"].test["kind"] != "test"
