"""Common languages and build formats without a grammar here are kept as text (syntax/languages.py), not
dropped as unknown_language; extensions that name two languages stay unknown."""

from __future__ import annotations

import pytest

from repoloom.filters.gate import judge
from repoloom.pipelines.config import DEFAULTS, gate_config
from repoloom.syntax.languages import detect_language

CMAKE = b"""# Find the zlib library
include(FindPackageHandleStandardArgs)
find_path(ZLIB_INCLUDE_DIR NAMES zlib.h)
find_library(ZLIB_LIBRARY NAMES z zlib zdll)
find_package_handle_standard_args(ZLIB REQUIRED_VARS ZLIB_LIBRARY ZLIB_INCLUDE_DIR)
if(ZLIB_FOUND AND NOT TARGET ZLIB::ZLIB)
  add_library(ZLIB::ZLIB UNKNOWN IMPORTED)
  set_target_properties(ZLIB::ZLIB PROPERTIES IMPORTED_LOCATION "${ZLIB_LIBRARY}")
endif()
"""
PROTO = b"""syntax = "proto3";

package helloworld;

// The greeting service definition.
service Greeter {
  rpc SayHello (HelloRequest) returns (HelloReply) {}
}

message HelloRequest {
  string name = 1;
}

message HelloReply {
  string message = 1;
}
"""
POWERSHELL = b"""param(
    [Parameter(Mandatory = $true)]
    [string]$Path
)
$files = Get-ChildItem -Path $Path -Recurse -Filter *.log
foreach ($file in $files) {
    if ($file.Length -gt 10MB) {
        Write-Host "Compressing $($file.FullName)"
        Compress-Archive -Path $file.FullName -DestinationPath "$($file.FullName).zip"
    }
}
"""
PERL = b"""package Text::Wrapper;
use strict;
use warnings;

sub new {
    my ($class, %args) = @_;
    my $self = { width => $args{width} || 72 };
    return bless $self, $class;
}

sub wrap {
    my ($self, $text) = @_;
    my @words = split /\\s+/, $text;
    my ($line, @lines) = ('');
    for my $word (@words) {
        if (length($line) + length($word) + 1 > $self->{width}) {
            push @lines, $line;
            $line = $word;
        } else {
            $line = $line ? "$line $word" : $word;
        }
    }
    return join("\\n", @lines, $line);
}

1;
"""


@pytest.mark.parametrize(
    "path, head, language",
    [
        ("cmake/FindZLIB.cmake", "", "cmake"),
        ("build/rules.mk", "", "make"),
        ("Makefile.am", "", "make"),
        ("proto/helloworld.proto", "", "protobuf"),
        ("scripts/Compress-Logs.PS1", "", "powershell"),
        ("build.bat", "", "batchfile"),
        ("infra/main.tf", "", "hcl"),
        ("lib/Text/Wrapper.pm", "", "perl"),
        ("bin/wrap", "#!/usr/bin/env perl\n", "perl"),
        ("R/fit.R", "", "r"),
        ("lib/src/widget.dart", "", "dart"),
        ("src/Data/Tree.hs", "", "haskell"),
        ("kernels/saxpy.cu", "", "cuda"),
        ("Containerfile", "", "dockerfile"),
        ("meson.build", "", "meson"),
        ("src/App.vue", "", "vue"),
        # grammar languages: C++20 module units, Bazel's Starlark (a Python subset)
        ("src/math.cppm", "", "cpp"),
        ("src/math.ixx", "", "cpp"),
        ("tools/defs.bzl", "", "python"),
        ("lib/BUILD.bazel", "", "python"),
        ("MODULE.bazel", "", "python"),
        # ambiguous extensions are not guessed
        ("src/solver.m", "", None),
        ("app.pro", "", None),
        ("rtl/alu.v", "", None),
        ("boot/start.s", "", None),
    ],
)
def test_text_format_detected(path, head, language):
    assert detect_language(path, head) == language


@pytest.mark.parametrize(
    "path, data, language",
    [
        ("cmake/FindZLIB.cmake", CMAKE, "cmake"),
        ("proto/helloworld.proto", PROTO, "protobuf"),
        ("scripts/Compress-Logs.ps1", POWERSHELL, "powershell"),
        ("lib/Text/Wrapper.pm", PERL, "perl"),
    ],
)
def test_text_format_files_are_kept(path, data, language):
    verdict = judge("r", path, data, {}, gate_config(DEFAULTS))
    assert (verdict.reason, verdict.language) == (None, language)


def test_same_text_with_an_ambiguous_extension_is_still_unknown():
    assert judge("r", "src/solver.m", PERL, {}, gate_config(DEFAULTS)).reason == "unknown_language"
