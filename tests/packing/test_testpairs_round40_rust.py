"""Test pairing, fortieth round, the Rust/C/C++ helper's rule (file named for the helper's part of the round).

- (C++) A test of a header-held library whose repository also compiles units of another purpose (cpp-peglib's peglib.h
  beside the ABI probe abi/abi_probe.cc; effcee's inline Options class in effcee.h beside match.cc; fmt's base.h and
  its FMT_ASSERT beside src/format.cc): when the test includes one library header and uses something of it, its other
  includes are helpers that lead to no library file (a vendored test/gtest/gtest.h), and no compiled unit defines
  anything the test uses, the header-only rule decides as in a header-only repository. A test using a name a unit
  defines (effcee's Match of match.cc), or whose helper headers lead into the library (re2's
  testing/exhaustive_tester.h), is left to the other rules.
"""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs

# cpp-peglib (MIT), shortened: the single-header library, its ABI probe (a compiled unit of the repository that only
# anchors the public types for abidiff), and a test of the rules.
_PEGLIB_H = """#pragma once

#include <any>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace peg {

struct SemanticValues : protected std::vector<std::any> {
  std::string_view sv() const { return sv_; }
  size_t choice() const { return choice_; }

private:
  std::string_view sv_;
  size_t choice_ = 0;
};

class parser {
public:
  parser() = default;

  parser(std::string_view grammar) { load_grammar(grammar); }

  bool load_grammar(std::string_view grammar) {
    grammar_ = std::string(grammar);
    return !grammar_.empty();
  }

  bool parse(std::string_view input) const { return !grammar_.empty() && !input.empty(); }

  void enable_packrat_parsing() { enablePackratParsing_ = true; }

  operator bool() { return !grammar_.empty(); }

private:
  std::string grammar_;
  bool enablePackratParsing_ = false;
};

} // namespace peg
"""

_ABI_PROBE = """// ABI probe for cpp-peglib.
//
// cpp-peglib is a header-only library, so there is no shared object to diff
// directly. This translation unit anchors the public ABI surface.

#include "../peglib.h"

namespace peg_abi_probe {

peg::parser *make_parser() {
  auto *p = new peg::parser();
  p->load_grammar("S <- 'a'");
  return p;
}

peg::SemanticValues *make_semantic_values() {
  return new peg::SemanticValues();
}

} // namespace peg_abi_probe
"""

_TEST_RULES = """#include <gtest/gtest.h>
#include <peglib.h>

using namespace peg;

TEST(MacroTest, Macro_simple_test) {
  parser parser(R"(
		S     <- HELLO WORLD
		HELLO <- T('hello')
		WORLD <- T('world')
		T(a)  <- a [ \\t]*
	)");

  EXPECT_TRUE(parser.parse("hello \\tworld "));
}

TEST(PackratTest, Packrat_parsing) {
  parser parser(R"(
		S <- 'a'+
	)");

  parser.enable_packrat_parsing();
  EXPECT_TRUE(parser.parse("aaa"));
}
"""


def test_a_test_of_the_one_header_of_a_library_compiling_a_probe_beside_it_tests_the_header():
    pairs = graph_pairs({"peglib.h": _PEGLIB_H, "abi/abi_probe.cc": _ABI_PROBE, "test/test_rules.cc": _TEST_RULES})
    assert pairs["test/test_rules.cc"] == ("peglib.h", "include")


# effcee (Apache-2.0), shortened: the library's one public header, whose Options class is written inline; the
# implementation of Match; the test of Options, and a test calling Match.
_EFFCEE_H = """#ifndef EFFCEE_EFFCEE_H
#define EFFCEE_EFFCEE_H

#include <string>

namespace effcee {

// Options for matching.
class Options {
 public:
  Options()
      : prefix_("CHECK"), input_name_("<stdin>"), checks_name_("<stdin>") {}

  // Sets rule prefix to a copy of |prefix|.  Returns this object.
  Options& SetPrefix(const std::string& prefix) {
    prefix_ = prefix;
    return *this;
  }
  const std::string& prefix() const { return prefix_; }

  // Sets the input name.  Returns this object.
  Options& SetInputName(const std::string& name) {
    input_name_ = name;
    return *this;
  }
  const std::string& input_name() const { return input_name_; }

 private:
  std::string prefix_;
  std::string input_name_;
  std::string checks_name_;
};

// The result of an attempted match.
class Outcome {
 public:
  explicit Outcome(bool ok) : ok_(ok) {}
  operator bool() const { return ok_; }

 private:
  bool ok_;
};

// Returns the result of attempting to match |text| against the pattern
// program in |checks|, with the given |options|.
Outcome Match(const std::string& text, const std::string& checks,
              const Options& options = Options());

}  // namespace effcee

#endif
"""

_MATCH_CC = """#include <string>

#include "effcee.h"

namespace effcee {

Outcome Match(const std::string& input, const std::string& checks, const Options& options) {
  if (checks.empty()) return Outcome(false);
  return Outcome(input.find(options.prefix()) != std::string::npos);
}

}  // namespace effcee
"""

_OPTIONS_TEST = """#include "gmock/gmock.h"

#include "effcee.h"

namespace {

using effcee::Options;
using ::testing::Eq;

TEST(Options, DefaultPrefixIsCHECK) {
  EXPECT_THAT(Options().prefix(), "CHECK");
}

TEST(Options, SetPrefixOnceSetsPrefix) {
  Options options;
  options.SetPrefix("foo");
  EXPECT_THAT(options.prefix(), Eq("foo"));
}

TEST(Options, SetInputNameOnceSetsInputName) {
  Options options;
  options.SetInputName("foo");
  EXPECT_THAT(options.input_name(), Eq("foo"));
}

}  // namespace
"""

_CHECK_CC = """#include <string>
#include <utility>

#include "effcee.h"

namespace effcee {

std::pair<Outcome, std::string> ParseChecks(const std::string& checks, const Options& options) {
  if (checks.find(options.prefix()) == std::string::npos) return {Outcome(false), ""};
  return {Outcome(true), checks};
}

}  // namespace effcee
"""

_CHECKS_TEST = """#include "gmock/gmock.h"

#include "effcee.h"

namespace {

using effcee::Match;
using effcee::Options;

TEST(Checks, PrefixFound) {
  EXPECT_TRUE(Match("CHECK: hello", "hello", Options()));
}

TEST(Checks, NoChecksFail) {
  EXPECT_FALSE(Match("hello", "", Options().SetPrefix("FOO")));
}

}  // namespace
"""


def test_a_test_of_inline_code_of_the_header_beside_compiled_units_tests_the_header():
    files = {
        "effcee/effcee.h": _EFFCEE_H,
        "effcee/check.cc": _CHECK_CC,
        "effcee/match.cc": _MATCH_CC,
        "effcee/options_test.cc": _OPTIONS_TEST,
    }
    pairs = graph_pairs(files)
    assert pairs["effcee/options_test.cc"] == ("effcee/effcee.h", "include")


def test_must_not_pair_with_the_header_a_test_using_what_a_compiled_unit_defines():
    files = {
        "effcee/effcee.h": _EFFCEE_H,
        "effcee/check.cc": _CHECK_CC,
        "effcee/match.cc": _MATCH_CC,
        "effcee/api_test.cc": _CHECKS_TEST,
    }
    pairs = graph_pairs(files)
    # Match is compiled in match.cc: the include rule does not take the header as where the code the test runs is
    # (a later rule may still weigh what the test imports)
    assert pairs["effcee/api_test.cc"] != ("effcee/effcee.h", "include")


# re2 (BSD-3-Clause), shortened: a small utility header, a logging header held inline, a compiled unit of the library,
# a test helper header leading to the logging header, and an exhaustive test built on that helper (no subject of its
# own).
_UTF_H = """#ifndef UTIL_UTF_H_
#define UTIL_UTF_H_

#include <stdint.h>

typedef signed int Rune;

enum {
  UTFmax = 4,
  Runeself = 0x80,
  Runemax = 0x10FFFF,
};

namespace re2 {

int runetochar(char* s, const Rune* r);
int chartorune(Rune* r, const char* s);

}  // namespace re2

#endif  // UTIL_UTF_H_
"""

_LOGGING_H = """#ifndef UTIL_LOGGING_H_
#define UTIL_LOGGING_H_

#include <iostream>
#include <sstream>

class LogMessage {
 public:
  LogMessage(const char* file, int line) : flushed_(false) { stream() << file << ":" << line << ": "; }
  void Flush() {
    stream() << "\\n";
    std::cerr << str_.str();
    flushed_ = true;
  }
  ~LogMessage() {
    if (!flushed_) Flush();
  }
  std::ostream& stream() { return str_; }

 private:
  bool flushed_;
  std::ostringstream str_;
};

#endif  // UTIL_LOGGING_H_
"""

_RE2_H = """#ifndef RE2_RE2_H_
#define RE2_RE2_H_

#include <string>

namespace re2 {

class RE2 {
 public:
  explicit RE2(const std::string& pattern);
  bool ok() const { return ok_; }

 private:
  bool ok_ = true;
};

}  // namespace re2

#endif  // RE2_RE2_H_
"""

_RE2_CC = """#include "re2/re2.h"

#include <string>

namespace re2 {

RE2::RE2(const std::string& pattern) { (void)pattern; }

}  // namespace re2
"""

_EXHAUSTIVE_TESTER_H = """#ifndef RE2_TESTING_EXHAUSTIVE_TESTER_H_
#define RE2_TESTING_EXHAUSTIVE_TESTER_H_

#include <string>
#include <vector>

#include "util/logging.h"

namespace re2 {

void ExhaustiveTest(int maxatoms, int maxops, const std::vector<std::string>& alphabet,
                    const std::vector<std::string>& ops, int maxstrlen,
                    const std::vector<std::string>& stralphabet, const std::string& wrapper,
                    const std::string& topwrapper);

}  // namespace re2

#endif  // RE2_TESTING_EXHAUSTIVE_TESTER_H_
"""

_REGEXP_GENERATOR_H = """#ifndef RE2_TESTING_REGEXP_GENERATOR_H_
#define RE2_TESTING_REGEXP_GENERATOR_H_

#include <string>
#include <vector>

namespace re2 {

std::vector<std::string> Explode(const std::string& s);
std::vector<std::string> Split(const std::string& sep, const std::string& s);

}  // namespace re2

#endif  // RE2_TESTING_REGEXP_GENERATOR_H_
"""

_EXHAUSTIVE3_TEST = """#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "re2/testing/exhaustive_tester.h"
#include "re2/testing/regexp_generator.h"
#include "util/utf.h"

namespace re2 {

static std::vector<std::string> InterestingUTF8() {
  std::vector<std::string> v;
  std::string s;
  for (int i = 0; i <= 9; i++) {
    Rune r = 0x20 + i;
    char buf[UTFmax];
    int n = runetochar(buf, &r);
    s = std::string(buf, n);
    v.push_back(s);
  }
  return v;
}

TEST(Exhaustive3, InterestingUTF8) {
  std::vector<std::string> atoms = Split(" ", ". \\\\C");
  std::vector<std::string> ops = {"%s%s", "%s*"};
  ExhaustiveTest(3, 3, atoms, ops, 4, InterestingUTF8(), "", "");
}

}  // namespace re2
"""


def test_must_not_pair_with_its_one_header_a_test_whose_helpers_lead_into_the_library():
    files = {
        "util/utf.h": _UTF_H,
        "util/logging.h": _LOGGING_H,
        "re2/re2.h": _RE2_H,
        "re2/re2.cc": _RE2_CC,
        "re2/testing/exhaustive_tester.h": _EXHAUSTIVE_TESTER_H,
        "re2/testing/regexp_generator.h": _REGEXP_GENERATOR_H,
        "re2/testing/exhaustive3_test.cc": _EXHAUSTIVE3_TEST,
    }
    pairs = graph_pairs(files)
    # the include rule decides nothing for it (a later rule may still weigh what the test imports)
    assert pairs["re2/testing/exhaustive3_test.cc"] != ("util/utf.h", "include")
