"""Test pairing, thirty-first round (rules judged by how many repositories and sets they help, blind27 and blind28 in dev).

- (C, C++) A header holds the code its test exercises, over its namesake implementation, only when that unit
  explicitly instantiates templates (fmt's src/format.cc, foonathan/memory's src/memory_pool.cpp: template class
  memory_pool<node_pool>;). A unit instantiating nothing holds the code of the class its header declares, whatever
  the header writes inline (ccache's src/ccache/util/tokenizer.hpp and tokenizer.cpp for
  unittest/test_util_tokenizer.cpp), and a C header's inline functions stay beside their implementation (klib's
  kstring.h and kstring.c for test/kstring_test.c).
"""

from __future__ import annotations

from repoloom.syntax.lang.cpp import instantiates
from repoloom.syntax.parse import parse_tree
from tests.packing.pairing_helpers import facts_of, graph_pairs

# ccache (GPL-3.0-or-later), shortened: src/ccache/util/tokenizer.hpp declares the class and writes its constructors
# and small operators inline; tokenizer.cpp holds advance(), operator*, begin() and end().
_TOKENIZER_HPP = """#pragma once

#include <ccache/util/assertions.hpp>

#include <cstddef>
#include <string_view>

namespace util {

class Tokenizer
{
public:
  enum class Mode {
    include_empty, // Include empty tokens.
    skip_empty,    // Skip empty tokens.
  };

  enum class IncludeDelimiter { no, yes };

  Tokenizer(std::string_view string,
            const char* delimiters,
            Mode mode = Mode::skip_empty,
            IncludeDelimiter include_delimiter = IncludeDelimiter::no);

  class Iterator
  {
  public:
    Iterator(const Tokenizer& tokenizer, size_t start_pos);

    Iterator operator++();
    bool operator!=(const Iterator& other) const;
    std::string_view operator*() const;

  private:
    const Tokenizer& m_tokenizer;
    size_t m_left;
    size_t m_right;

    void advance(bool initial);
  };

  Iterator begin();
  Iterator end();

private:
  friend Iterator;

  const std::string_view m_string;
  const char* const m_delimiters;
  const Mode m_mode;
  const IncludeDelimiter m_include_delimiter;
};

inline Tokenizer::Tokenizer(const std::string_view string,
                            const char* const delimiters,
                            Tokenizer::Mode mode,
                            Tokenizer::IncludeDelimiter include_delimiter)
  : m_string(string),
    m_delimiters(delimiters),
    m_mode(mode),
    m_include_delimiter(include_delimiter)
{
  DEBUG_ASSERT(delimiters != nullptr && delimiters[0] != '\\0');
}

inline Tokenizer::Iterator
Tokenizer::Iterator::operator++()
{
  advance(false);
  return *this;
}

} // namespace util
"""

_TOKENIZER_CPP = """#include "tokenizer.hpp"

namespace util {

void
Tokenizer::Iterator::advance(bool initial)
{
  constexpr auto npos = std::string_view::npos;
  const auto string = m_tokenizer.m_string;
  const auto delimiters = m_tokenizer.m_delimiters;
  const auto mode = m_tokenizer.m_mode;

  do {
    if (initial) {
      initial = false;
    } else if (m_right == string.length()) {
      m_left = npos;
    } else {
      m_left = m_right + 1;
    }
    if (m_left != npos) {
      const auto delim_pos = string.find_first_of(delimiters, m_left);
      m_right = delim_pos == npos ? string.length() : delim_pos;
    }
  } while (mode == Mode::skip_empty && m_left == m_right);
}

std::string_view
Tokenizer::Iterator::operator*() const
{
  return m_tokenizer.m_string.substr(m_left, m_right - m_left);
}

Tokenizer::Iterator
Tokenizer::begin()
{
  return Iterator(*this, 0);
}

Tokenizer::Iterator
Tokenizer::end()
{
  return Iterator(*this, std::string_view::npos);
}

} // namespace util
"""

_TOKENIZER_TEST = """#include <ccache/util/tokenizer.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_CASE("util::Tokenizer")
{
  using Mode = util::Tokenizer::Mode;
  using IncludeDelimiter = util::Tokenizer::IncludeDelimiter;

  SUBCASE("include empty tokens")
  {
    std::vector<std::string> tokens;
    for (const auto token : util::Tokenizer("a//b", "/", Mode::include_empty, IncludeDelimiter::no)) {
      tokens.emplace_back(token);
    }
    CHECK(tokens == std::vector<std::string>{"a", "", "b"});
  }
}
"""


def ccache_files(cpp: str = _TOKENIZER_CPP) -> dict[str, str]:
    return {
        "src/ccache/util/assertions.hpp": "#pragma once\n\n#define DEBUG_ASSERT(condition) ((void)0)\n",
        "src/ccache/util/tokenizer.hpp": _TOKENIZER_HPP,
        "src/ccache/util/tokenizer.cpp": cpp,
        "unittest/test_util_tokenizer.cpp": _TOKENIZER_TEST,
    }


def test_a_unit_instantiating_nothing_holds_its_classes_code():
    pairs = graph_pairs(ccache_files())
    assert pairs["unittest/test_util_tokenizer.cpp"] == ("src/ccache/util/tokenizer.cpp", "name")


def test_a_unit_only_instantiating_the_headers_templates_passes_its_tests_to_the_header():
    # must-not-fire: the same header with a unit holding explicit instantiations (foonathan/memory's shape) keeps it
    instantiating = (
        '#include "tokenizer.hpp"\n\nnamespace util {\n\n'
        "template class std::basic_string_view<char>;\n\n} // namespace util\n"
    )
    pairs = graph_pairs(ccache_files(instantiating))
    assert pairs["unittest/test_util_tokenizer.cpp"] == ("src/ccache/util/tokenizer.hpp", "name")


# klib (MIT), shortened: kstring.h writes its small appenders inline; kstring.c holds ksprintf and kstrtok.
_KSTRING_H = """#ifndef KSTRING_H
#define KSTRING_H

#include <stdlib.h>
#include <string.h>

typedef struct __kstring_t {
	size_t l, m;
	char *s;
} kstring_t;

typedef struct {
	uint64_t tab[4];
	int sep, finished;
	const char *p; // end of the current token
} ks_tokaux_t;

int ksprintf(kstring_t *s, const char *fmt, ...);
char *kstrtok(const char *str, const char *sep, ks_tokaux_t *aux);

static inline int kputsn(const char *p, int l, kstring_t *s)
{
	if (s->l + l + 1 >= s->m) {
		s->m = s->l + l + 2;
		s->s = (char*)realloc(s->s, s->m);
	}
	memcpy(s->s + s->l, p, l);
	s->l += l;
	s->s[s->l] = 0;
	return l;
}

static inline int kputs(const char *p, kstring_t *s)
{
	return kputsn(p, strlen(p), s);
}

static inline int kputc(int c, kstring_t *s)
{
	if (s->l + 1 >= s->m) {
		s->m = s->l + 2;
		s->s = (char*)realloc(s->s, s->m);
	}
	s->s[s->l++] = c;
	s->s[s->l] = 0;
	return c;
}

#endif
"""

_KSTRING_C = """#include <stdarg.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <stdint.h>
#include "kstring.h"

int kvsprintf(kstring_t *s, const char *fmt, va_list ap)
{
	va_list args;
	int l;
	va_copy(args, ap);
	l = vsnprintf(s->s + s->l, s->m - s->l, fmt, args);
	va_end(args);
	s->l += l;
	return l;
}

int ksprintf(kstring_t *s, const char *fmt, ...)
{
	va_list ap;
	int l;
	va_start(ap, fmt);
	l = kvsprintf(s, fmt, ap);
	va_end(ap);
	return l;
}

char *kstrtok(const char *str, const char *sep, ks_tokaux_t *aux)
{
	const char *p, *start;
	if (sep) {
		memset(aux->tab, 0, sizeof(aux->tab));
		for (p = sep; *p; ++p) aux->tab[*p>>6] |= 1ull<<(*p&0x3f);
	}
	if (aux->finished) return 0;
	for (p = start = str ? str : aux->p + 1; *p; ++p)
		if (aux->tab[*p>>6]>>(*p&0x3f)&1) break;
	aux->p = p;
	aux->finished = *p == 0;
	return (char*)start;
}
"""

_KSTRING_TEST = """#include <stdio.h>
#include <assert.h>
#include <string.h>
#include "kstring.h"

int nfail = 0;

void check(const char *what, const kstring_t *ks, const char *correct)
{
	if (ks->l != strlen(correct) || strcmp(ks->s, correct) != 0) {
		fprintf(stderr, "%s produced \\"%.*s\\" (\\"%s\\" is correct)\\n", what, (int)(ks->l), ks->s, correct);
		nfail++;
	}
}

void test_kputw(kstring_t *ks, int n)
{
	char buf[16];
	ks->l = 0;
	kputs("x", ks);
	kputc('y', ks);
	kputsn("zz", 2, ks);
	snprintf(buf, sizeof buf, "xyzz");
	check("kputs", ks, buf);
}

int main(int argc, char **argv)
{
	kstring_t ks = { 0, 0, NULL };
	test_kputw(&ks, 0);
	free(ks.s);
	return nfail > 0;
}
"""


def test_a_c_headers_inline_functions_stay_beside_their_implementation():
    pairs = graph_pairs({"kstring.h": _KSTRING_H, "kstring.c": _KSTRING_C, "test/kstring_test.c": _KSTRING_TEST})
    assert pairs["test/kstring_test.c"] == ("kstring.c", "name")


def _instantiates(code: str) -> bool:
    return instantiates(parse_tree(code, "cpp")[0])


def test_explicit_instantiations_are_found_at_namespace_scope():
    # foonathan/memory's src/memory_pool.cpp and fmt's src/format.cc (a function template, inside a namespace)
    assert _instantiates(
        '#include "memory_pool.hpp"\n\nusing namespace foonathan::memory;\n\n'
        "template class foonathan::memory::memory_pool<node_pool>;\n"
        "template class foonathan::memory::memory_pool<array_pool>;\n"
    )
    assert _instantiates(
        '#include "fmt/format-inl.h"\n\nFMT_BEGIN_NAMESPACE\n\n#if FMT_USE_LOCALE\n'
        "template FMT_API locale_ref::locale_ref(const std::locale& loc);\n#endif\n\nnamespace detail {\n\n"
        "template FMT_API auto decimal_point_impl(locale_ref) -> char;\n"
        "template FMT_API void buffer<char>::append(const char*, const char*);\n\n"
        "}  // namespace detail\nFMT_END_NAMESPACE\n"
    )


def test_must_not_find_instantiations_in_ordinary_code():
    assert not _instantiates(_TOKENIZER_CPP)
    # an explicit specialization is code of its own, not an instantiation of the header's
    assert not _instantiates(
        "template <>\nstruct hash<util::Tokenizer> {\n  size_t operator()() const { return 0; }\n};\n"
    )


def test_the_signal_is_recorded_for_sources_only():
    facts = {f.path: f for f in facts_of(ccache_files('#include "tokenizer.hpp"\ntemplate class std::vector<int>;\n'))}
    assert facts["src/ccache/util/tokenizer.cpp"].test.get("instantiates") is True
    assert "instantiates" not in facts["src/ccache/util/tokenizer.hpp"].test
    assert "instantiates" not in facts["unittest/test_util_tokenizer.cpp"].test
