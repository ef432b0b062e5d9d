"""Test pairing, thirty-fourth round (which subject a detected test gets).

- (C++) In a header-only library, the one library header a test includes is its subject when the test's name names
  it, where the names the test uses cannot tell (C++ templates say little to the parser, and a header the subject
  includes may define as many of them): a word of the test's name inside the header's name (frozen's
  tests/test_rand.cpp -> include/frozen/random.h; eventpp's test_queue_basic.cpp -> eventqueue.h), or the test's
  whole name a function the header defines (GSL's tests/owner_tests.cpp -> include/gsl/pointers: owner; cppzmq's
  tests/send_multipart.cpp -> zmq_addon.hpp). A name that says nothing of the header (rapidjson's
  jsoncheckertest.cpp, including document.h and using Reader of reader.h as much) still decides nothing.
- (C, C++) Of several library headers a header-only test includes, the one its name names the same way, when no header
  holds every word of the name (toml11's tests/test_get_or.cpp: get.hpp defines get_or, beside value.hpp; mlib's
  tests/except-list.c: m-list.h, beside m-string.h).
- (Python) A package's __init__.py that defines nothing of its own (its dunders aside), empty (uvicorn's
  protocols/http/__init__.py) or gathering what its modules define (werkzeug's routing/__init__.py: from .map import
  Map, from .rules import Rule, ...), is no subject of a test named for the package (tests/test_routing.py): a later
  rule may find the module the test takes, or none. An __init__.py with code of its own (flask's json/__init__.py:
  dumps, loads) stays the subject of its namesake test.
"""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs

# frozen (Apache-2.0), shortened: the random engine header, the bits header it includes (which defines as many of
# the names the test uses: log, min), and the test of the engine.
_RANDOM_H = """#ifndef FROZEN_LETITGO_RANDOM_H
#define FROZEN_LETITGO_RANDOM_H

#include "frozen/bits/algorithms.h"

#include <cstdint>
#include <type_traits>

namespace frozen {
template <class UIntType, UIntType a, UIntType c, UIntType m>
class linear_congruential_engine {
public:
  using result_type = UIntType;
  static constexpr result_type multiplier = a;
  static constexpr result_type increment = c;
  static constexpr result_type modulus = m;
  static constexpr result_type default_seed = 1u;

  linear_congruential_engine() = default;
  constexpr linear_congruential_engine(result_type s) { seed(s); }

  void seed(result_type s = default_seed) { state_ = s; }
  constexpr result_type operator()() {
    using uint_least_t = bits::select_uint_least_t<bits::log(a) + bits::log(m) + 4>;
    uint_least_t tmp = static_cast<uint_least_t>(multiplier) * state_ + increment;
    state_ = tmp % modulus;
    return state_;
  }
  constexpr void discard(unsigned long long n) {
    while (n--)
      operator()();
  }
  static constexpr result_type min() { return increment == 0u ? 1u : 0u; }
  static constexpr result_type max() { return modulus - 1u; }

private:
  result_type state_ = default_seed;
};

using minstd_rand =
    linear_congruential_engine<std::uint_fast32_t, 48271, 0, 2147483647>;

} // namespace frozen

#endif
"""

_ALGORITHMS_H = """#ifndef FROZEN_LETITGO_BITS_ALGORITHMS_H
#define FROZEN_LETITGO_BITS_ALGORITHMS_H

#include <limits>
#include <tuple>

namespace frozen {

namespace bits {

template<class T>
auto constexpr log(T v) {
  std::size_t n = 0;
  while (v > 1) {
    n += 1;
    v >>= 1;
  }
  return n;
}

template <typename T>
constexpr T min(T a, T b) {
  return a < b ? a : b;
}

constexpr std::size_t bit_weight(std::size_t n) {
  return (n <= 8*sizeof(unsigned int))
    + (n <= 8*sizeof(unsigned long))
    + (n <= 8*sizeof(unsigned long long))
    + (n <= 128);
}

} // namespace bits

} // namespace frozen

#endif
"""

_TEST_RAND = """#include <algorithm>
#include <frozen/random.h>
#include <iostream>
#include <random>

#include "catch.hpp"

TEST_CASE("linear_congruential_engine", "[random]") {

  frozen::linear_congruential_engine<std::uint32_t, 48271u, 0, 0x7fffffff> dist0;
  std::linear_congruential_engine<std::uint32_t, 48271u, 0, 0x7fffffff> rdist0;
  REQUIRE(dist0.min() == rdist0.min());
  REQUIRE(dist0.max() == rdist0.max());
  REQUIRE(dist0() == rdist0());

  auto next0 = dist0();
  (void) next0;
  dist0.discard(3);
  rdist0.discard(4);
  REQUIRE(dist0() == rdist0());

  frozen::minstd_rand dist1;
  (void)dist1;
}
"""

_CATCH_HPP = """#ifndef TWOBLUECUBES_SINGLE_INCLUDE_CATCH_HPP_INCLUDED
#define TWOBLUECUBES_SINGLE_INCLUDE_CATCH_HPP_INCLUDED
#define TEST_CASE(...) static void catch_test_case()
#define REQUIRE(...) (void)(__VA_ARGS__)
#endif
"""


def frozen_files() -> dict[str, str]:
    return {
        "include/frozen/random.h": _RANDOM_H,
        "include/frozen/bits/algorithms.h": _ALGORITHMS_H,
        "tests/catch.hpp": _CATCH_HPP,
        "tests/test_rand.cpp": _TEST_RAND,
    }


def test_a_header_only_test_named_inside_its_one_headers_name_tests_it():
    assert graph_pairs(frozen_files())["tests/test_rand.cpp"] == ("include/frozen/random.h", "include")


# GSL (MIT), shortened: gsl/pointers defines owner and includes gsl/util, which defines as many of the names the test
# uses (void_t, which the test also defines for itself before C++17); the test is named for owner.
_POINTERS = """#ifndef GSL_POINTERS_H
#define GSL_POINTERS_H

#include "./util"   // for GSL_DEPRECATED

#include <cstddef>     // for ptrdiff_t, nullptr_t, size_t
#include <memory>      // for shared_ptr, unique_ptr, hash
#include <type_traits> // for enable_if_t, is_convertible, is_assignable

namespace gsl
{

// owner
//
// `gsl::owner<T>` is designed as a safety mechanism for code that must deal directly with raw pointers that own
// memory.
template <class T, std::enable_if_t<std::is_pointer<T>::value, bool> = true>
using owner = T;

template <class T>
class not_null
{
public:
    constexpr not_null(T u) : ptr_(std::move(u)) {}
    constexpr T get() const { return ptr_; }

private:
    T ptr_;
};

} // namespace gsl

#endif // GSL_POINTERS_H
"""

_UTIL = """#ifndef GSL_UTIL_H
#define GSL_UTIL_H

#include <cstddef>          // for ptrdiff_t, size_t
#include <utility>          // for exchange, forward

#define GSL_SUPPRESS(x) [[gsl::suppress(x)]]

namespace gsl
{
using index = std::ptrdiff_t;

namespace details
{
    template <typename...>
    using void_t = void;

    template <typename T, typename = void>
    struct is_iterator : std::false_type
    {
    };

    template <typename T>
    struct is_iterator<T, void_t<typename std::iterator_traits<T>::value_type>> : std::true_type
    {
    };
} // namespace details

template <class F>
class final_action
{
public:
    explicit final_action(const F& ff) noexcept : f{ff} {}
    ~final_action() noexcept { f(); }

private:
    F f;
};

template <class T, class U>
constexpr T narrow_cast(U&& u) noexcept
{
    return static_cast<T>(std::forward<U>(u));
}

} // namespace gsl

#endif // GSL_UTIL_H
"""

_OWNER_TESTS = """#include <gtest/gtest.h>

#include <gsl/pointers> // for owner
#include <type_traits>  // for declval

using namespace gsl;

GSL_SUPPRESS(f.23)
void f(int* i) { *i += 1; }

TEST(owner_tests, basic_test)
{
    owner<int*> p = new int(120);
    EXPECT_TRUE(*p == 120);
    f(p);
    EXPECT_TRUE(*p == 121);
    delete p;
}

#if __cplusplus >= 201703l
using std::void_t;
#else  // __cplusplus >= 201703l
template <class...>
using void_t = void;
#endif // __cplusplus < 201703l

template <typename U, typename = void>
static constexpr bool OwnerCompilesFor = false;
template <typename U>
static constexpr bool OwnerCompilesFor<U, void_t<decltype(gsl::owner<U>{})>> = true;
static_assert(OwnerCompilesFor<int*>, "OwnerCompilesFor<int*>");
static_assert(!OwnerCompilesFor<int>, "!OwnerCompilesFor<int>");
"""


def gsl_files() -> dict[str, str]:
    return {"include/gsl/pointers": _POINTERS, "include/gsl/util": _UTIL, "tests/owner_tests.cpp": _OWNER_TESTS}


def test_a_header_only_test_named_for_a_function_of_its_one_header_tests_it():
    assert graph_pairs(gsl_files())["tests/owner_tests.cpp"] == ("include/gsl/pointers", "include")


# rapidjson (MIT), shortened: document.h includes reader.h, and a test named for what it checks (JSON_checker's
# files) uses the Reader as much as the Document: its name says nothing of the one header it includes.
_READER_H = """#ifndef RAPIDJSON_READER_H_
#define RAPIDJSON_READER_H_

#include <cstddef>

namespace rapidjson {

struct ParseResult {
    bool IsError() const { return code_ != 0; }
    int Code() const { return code_; }
    int code_ = 0;
};

class BaseReaderHandler {
public:
    bool Null() { return true; }
    bool Bool(bool) { return true; }
};

class Reader {
public:
    template <unsigned parseFlags, typename InputStream, typename Handler>
    ParseResult Parse(InputStream& is, Handler& handler) { return ParseResult(); }
    bool HasParseError() const { return false; }
};

} // namespace rapidjson

#endif // RAPIDJSON_READER_H_
"""

_DOCUMENT_H = """#ifndef RAPIDJSON_DOCUMENT_H_
#define RAPIDJSON_DOCUMENT_H_

#include "reader.h"

namespace rapidjson {

class Document {
public:
    template <unsigned parseFlags>
    Document& Parse(const char* str) { return *this; }
    bool HasParseError() const { return parseResult_.IsError(); }

private:
    ParseResult parseResult_;
};

class StringStream {
public:
    explicit StringStream(const char* src) : src_(src) {}
    const char* src_;
};

} // namespace rapidjson

#endif // RAPIDJSON_DOCUMENT_H_
"""

_JSONCHECKERTEST = """#include "unittest.h"

#include "rapidjson/document.h"

using namespace rapidjson;

static char* ReadFile(const char* filename, size_t& length) {
    FILE *fp = fopen(filename, "rb");
    length = 0;
    return (char*)fp;
}

TEST(JsonChecker, Reader) {
    char filename[256];
    for (int i = 1; i <= 33; i++) {
        size_t length;
        char* json = ReadFile(filename, length);

        GenericDocument<UTF8<>, CrtAllocator> document;
        document.Parse(json);
        EXPECT_TRUE(document.HasParseError());

        BaseReaderHandler<> h;
        Reader reader;
        StringStream ss(json);
        EXPECT_TRUE(reader.Parse(ss, h).IsError());
    }
}
"""

_UNITTEST_H = """#ifndef UNITTEST_H_
#define UNITTEST_H_
#include "gtest/gtest.h"
#endif
"""


def test_must_not_pair_a_header_only_test_whose_name_says_nothing_of_its_header():
    files = {
        "include/rapidjson/reader.h": _READER_H,
        "include/rapidjson/document.h": _DOCUMENT_H,
        "test/unittest/unittest.h": _UNITTEST_H,
        "test/unittest/jsoncheckertest.cpp": _JSONCHECKERTEST,
    }
    # (a later rule may still weigh its vocabulary; the include rule does not take the header for it)
    assert graph_pairs(files)["test/unittest/jsoncheckertest.cpp"] != ("include/rapidjson/document.h", "include")


# toml11 (MIT), shortened: the value class and the get functions, two headers the test includes; the test is named
# for get_or, which get.hpp defines, and uses the value class's names as much.
_VALUE_HPP = """#ifndef TOML11_VALUE_HPP
#define TOML11_VALUE_HPP

#include <cassert>
#include <string>

namespace toml
{

template<typename TypeConfig>
class basic_value
{
  public:
    using config_type          = TypeConfig;
    using boolean_type         = typename config_type::boolean_type;
    using integer_type         = typename config_type::integer_type;
    using floating_type        = typename config_type::floating_type;
    using string_type          = typename config_type::string_type;

    basic_value() noexcept = default;
    basic_value(boolean_type x) : type_(value_t::boolean), boolean_(x) {}
    basic_value(integer_type x) : type_(value_t::integer), integer_(x) {}

    bool is_boolean() const noexcept { return this->type_ == value_t::boolean; }
    bool is_integer() const noexcept { return this->type_ == value_t::integer; }
    boolean_type const& as_boolean() const { return this->boolean_; }
    integer_type const& as_integer() const { return this->integer_; }

  private:
    value_t type_;
    boolean_type boolean_;
    integer_type integer_;
};

using value = basic_value<type_config>;

} // toml
#endif // TOML11_VALUE_HPP
"""

_GET_HPP = """#ifndef TOML11_GET_HPP
#define TOML11_GET_HPP

#include "value.hpp"

namespace toml
{

template<typename T, typename TC>
T get(const basic_value<TC>& v)
{
    return static_cast<T>(v.as_integer());
}

// ============================================================================
// get_or(value, fallback)

template<typename TC>
basic_value<TC> const&
get_or(const basic_value<TC>& v, const basic_value<TC>&)
{
    return v;
}

template<typename T, typename TC>
T get_or(const basic_value<TC>& v, const T& opt) noexcept
{
    try
    {
        return get<T>(v);
    }
    catch(...)
    {
        return opt;
    }
}

} // toml
#endif // TOML11_GET_HPP
"""

_TEST_GET_OR = """#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "doctest.h"

#include <toml11/value.hpp>
#include <toml11/get.hpp>

#include <map>

TEST_CASE("testing get_or with exact types")
{
    using value_type = toml::value;
    using boolean_type         = typename value_type::boolean_type        ;
    using integer_type         = typename value_type::integer_type        ;
    using floating_type        = typename value_type::floating_type       ;
    using string_type          = typename value_type::string_type         ;

    const value_type v1(boolean_type(true));
    CHECK(v1.is_boolean());
    CHECK_EQ(true, toml::get_or(v1, boolean_type(false)));
    const value_type v2(integer_type(42));
    CHECK(v2.is_integer());
    CHECK_EQ(42, v2.as_integer());
    CHECK_EQ(42, toml::get_or(v2, integer_type(0)));
}
"""

_DOCTEST_H = """#ifndef DOCTEST_LIBRARY_INCLUDED
#define DOCTEST_LIBRARY_INCLUDED
#define TEST_CASE(name) static void doctest_test_case()
#define CHECK(...) (void)(__VA_ARGS__)
#define CHECK_EQ(a, b) (void)((a) == (b))
#endif
"""


def test_a_header_only_test_named_for_a_function_of_one_of_its_headers_tests_that_header():
    files = {
        "include/toml11/value.hpp": _VALUE_HPP,
        "include/toml11/get.hpp": _GET_HPP,
        "tests/doctest.h": _DOCTEST_H,
        "tests/test_get_or.cpp": _TEST_GET_OR,
    }
    assert graph_pairs(files)["tests/test_get_or.cpp"] == ("include/toml11/get.hpp", "include")


# werkzeug (BSD-3-Clause), shortened: the routing package's __init__.py gathers its modules' classes; the test named
# for the package takes it as a namespace (from werkzeug import routing as r) and drives map and rules together.
_ROUTING_INIT = """\"\"\"When it comes to combining multiple controller or view functions
(however you want to call them) you need a dispatcher.
\"\"\"

from .converters import AnyConverter as AnyConverter
from .converters import BaseConverter as BaseConverter
from .exceptions import BuildError as BuildError
from .exceptions import RequestRedirect as RequestRedirect
from .map import Map as Map
from .map import MapAdapter as MapAdapter
from .rules import Rule as Rule
from .rules import Subdomain as Subdomain
"""

_ROUTING_MAP = """from .exceptions import RequestRedirect
from .rules import Rule


class Map:
    def __init__(self, rules=None, default_subdomain=""):
        self._rules = []
        for rulefactory in rules or ():
            self.add(rulefactory)

    def add(self, rulefactory):
        for rule in rulefactory.get_rules(self):
            rule.bind(self)
            self._rules.append(rule)

    def bind(self, server_name, script_name=None, url_scheme="http"):
        return MapAdapter(self, server_name, script_name, url_scheme)


class MapAdapter:
    def __init__(self, map, server_name, script_name, url_scheme):
        self.map = map
        self.server_name = server_name
        self.script_name = script_name
        self.url_scheme = url_scheme

    def match(self, path_info=None):
        for rule in self.map._rules:
            if rule.rule == path_info:
                return rule.endpoint, {}
        raise RequestRedirect(path_info + "/")
"""

_ROUTING_RULES = """class RuleFactory:
    def get_rules(self, map):
        raise NotImplementedError()


class Rule(RuleFactory):
    def __init__(self, string, endpoint=None, websocket=False):
        self.rule = string
        self.endpoint = endpoint
        self.websocket = websocket

    def get_rules(self, map):
        yield self

    def bind(self, map):
        self.map = map


class Subdomain(RuleFactory):
    def __init__(self, subdomain, rules):
        self.subdomain = subdomain
        self.rules = rules
"""

_ROUTING_CONVERTERS = """class BaseConverter:
    regex = "[^/]+"

    def to_python(self, value):
        return value


class AnyConverter(BaseConverter):
    def __init__(self, map, *items):
        self.items = items
"""

_ROUTING_EXCEPTIONS = """class RoutingException(Exception):
    pass


class RequestRedirect(RoutingException):
    def __init__(self, new_url):
        super().__init__(new_url)
        self.new_url = new_url


class BuildError(RoutingException, LookupError):
    pass
"""

_TEST_ROUTING = """from __future__ import annotations

import pytest

from werkzeug import routing as r


def test_basic_routing():
    map = r.Map(
        [
            r.Rule("/", endpoint="index"),
            r.Rule("/foo", endpoint="foo"),
            r.Rule("/bar/", endpoint="bar"),
            r.Rule("/ws", endpoint="ws", websocket=True),
        ]
    )
    adapter = map.bind("example.org", "/")
    assert adapter.match("/") == ("index", {})
    assert adapter.match("/foo") == ("foo", {})
    pytest.raises(r.RequestRedirect, lambda: adapter.match("/bar"))


def test_rule_templates():
    rules = [r.Subdomain("kb", [r.Rule("/", endpoint="kb/index")])]
    for rule in rules[0].rules:
        assert rule.get_rules(None)
        assert rule.websocket is False


def test_converter_to_python():
    class IntConverter(r.BaseConverter):
        regex = r"\\d+"

        def to_python(self, value):
            return int(value)

    assert IntConverter().to_python("42") == 42
    assert isinstance(r.AnyConverter(None, "a", "b").items, tuple)
    pytest.raises(r.BuildError, lambda: r.Map([]).bind("x").match(None))
"""


def werkzeug_files() -> dict[str, str]:
    return {
        "src/werkzeug/__init__.py": "",
        "src/werkzeug/routing/__init__.py": _ROUTING_INIT,
        "src/werkzeug/routing/map.py": _ROUTING_MAP,
        "src/werkzeug/routing/rules.py": _ROUTING_RULES,
        "src/werkzeug/routing/converters.py": _ROUTING_CONVERTERS,
        "src/werkzeug/routing/exceptions.py": _ROUTING_EXCEPTIONS,
        "tests/test_routing.py": _TEST_ROUTING,
    }


def test_a_package_init_gathering_its_modules_is_no_subject_of_the_packages_test():
    assert graph_pairs(werkzeug_files())["tests/test_routing.py"] == (None, None)


def test_an_empty_package_init_is_no_subject_of_the_packages_test():
    # uvicorn's shape: protocols/http/ holds two implementations and an empty __init__.py; the test named for the
    # package drives both
    files = {
        "uvicorn/__init__.py": "",
        "uvicorn/protocols/__init__.py": "",
        "uvicorn/protocols/http/__init__.py": "",
        "uvicorn/protocols/http/h11_impl.py": "import h11\n\n\nclass H11Protocol:\n    def data_received(self, data):\n        self.conn.receive_data(data)\n",
        "uvicorn/protocols/http/httptools_impl.py": "import httptools\n\n\nclass HttpToolsProtocol:\n    def data_received(self, data):\n        self.parser.feed_data(data)\n",
        "tests/protocols/test_http.py": (
            "import pytest\n\n"
            "from uvicorn.protocols.http.h11_impl import H11Protocol\n"
            "from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol\n\n"
            "HTTP_PROTOCOLS = [H11Protocol, HttpToolsProtocol]\n\n\n"
            '@pytest.mark.parametrize("http_protocol_cls", HTTP_PROTOCOLS)\n'
            "def test_get_request(http_protocol_cls):\n"
            "    protocol = http_protocol_cls()\n"
            '    protocol.data_received(b"GET / HTTP/1.1\\r\\n\\r\\n")\n'
        ),
    }
    assert graph_pairs(files)["tests/protocols/test_http.py"][0] != "uvicorn/protocols/http/__init__.py"


def test_a_package_init_with_code_of_its_own_stays_its_namesakes_subject():
    # flask's shape: json/__init__.py defines dumps and loads over the app's provider
    files = {
        "src/flask/__init__.py": "from . import json as json\n",
        "src/flask/json/__init__.py": (
            "from __future__ import annotations\n\n"
            "import json as _json\n\n"
            "from .provider import _default\n\n\n"
            "def dumps(obj, **kwargs):\n"
            '    kwargs.setdefault("default", _default)\n'
            "    return _json.dumps(obj, **kwargs)\n\n\n"
            "def loads(s, **kwargs):\n"
            "    return _json.loads(s, **kwargs)\n"
        ),
        "src/flask/json/provider.py": (
            "import dataclasses\n\n\n"
            "def _default(o):\n"
            "    if dataclasses and dataclasses.is_dataclass(o):\n"
            "        return dataclasses.asdict(o)\n"
            "    raise TypeError()\n\n\n"
            "class DefaultJSONProvider:\n"
            "    default = staticmethod(_default)\n"
        ),
        "tests/test_json.py": (
            "import pytest\n\n"
            "from flask import json\n\n\n"
            "def test_dump_load_unchanged():\n"
            '    data = {"a": 1}\n'
            "    assert json.loads(json.dumps(data)) == data\n"
        ),
    }
    assert graph_pairs(files)["tests/test_json.py"] == ("src/flask/json/__init__.py", "name")
