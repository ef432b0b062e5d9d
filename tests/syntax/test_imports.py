"""Import and declaration extraction per language, on snippets shaped like real files."""

from __future__ import annotations

import json

import pytest

from repoloom.syntax.parse import file_facts


def facts(path, text, lang):
    return file_facts("r", path, text, lang)


def imports(path, text, lang):
    return [(r["kind"], r["target"], r["names"]) for r in facts(path, text, lang).imports]


def test_python_forms():
    src = (
        "from __future__ import annotations\n"
        "import os.path\n"
        "import numpy as np, requests.adapters as ra\n"
        "from ..core import settings, graph as g\n"
        "from . import utils\n"
        "from .plugins.base import *\n"
        "def lazy():\n"
        "    from json import decoder\n"
    )
    got = imports("pkg/sub/mod.py", src, "python")
    assert ("import", "os.path", []) in got
    assert ("import", "numpy", []) in got and ("import", "requests.adapters", []) in got
    assert ("from", "..core", ["settings", "graph"]) in got
    assert ("from", ".", ["utils"]) in got
    assert ("from", ".plugins.base", ["*"]) in got
    assert ("from", "json", ["decoder"]) in got  # imports inside functions count too
    assert not any(t == "__future__" for _, t, _ in got)
    assert [r["line"] for r in facts("a.py", src, "python").imports] == sorted(
        r["line"] for r in facts("a.py", src, "python").imports
    )


def test_python_syntax_error_still_extracts():
    got = imports("a.py", "import good\ndef broken(:\n    pass\nfrom .x import y\n", "python")
    assert ("import", "good", []) in got


def test_java():
    src = """package org.example.service;

import java.util.List;
import org.example.model.User;
import static org.example.util.Strings.join;
import org.example.repo.*;

public class UserService {
    private final UserRepository repo;
    static class Inner {}
}
interface Helper {}
"""
    f = facts("src/main/java/org/example/service/UserService.java", src, "java")
    got = [(r["kind"], r["target"]) for r in f.imports]
    assert got == [
        ("import", "java.util.List"),
        ("import", "org.example.model.User"),
        ("import", "org.example.util.Strings.join"),
        ("wildcard", "org.example.repo"),
    ]
    assert f.declarations == [
        "package:org.example.service",
        "org.example.service.UserService",
        "org.example.service.Helper",
    ]


def test_kotlin_and_scala():
    kt = "package com.acme.app\n\nimport com.acme.core.Engine\nimport com.acme.util.*\nimport com.acme.ext.format as fmt\n\nclass App(val e: Engine)\nobject Registry\nfun main() {}\n"
    f = facts("App.kt", kt, "kotlin")
    assert [(r["kind"], r["target"]) for r in f.imports] == [
        ("import", "com.acme.core.Engine"),
        ("wildcard", "com.acme.util"),
        ("import", "com.acme.ext.format"),
    ]
    assert f.declarations == ["package:com.acme.app", "com.acme.app.App", "com.acme.app.Registry", "com.acme.app.main"]
    sc = "package com.acme.jobs\n\nimport com.acme.core.Engine\nimport scala.collection.mutable._\nimport com.acme.model.{User, Order => O}\n\nclass Job extends Runnable\ntrait Step\n"
    f = facts("Job.scala", sc, "scala")
    assert [(r["kind"], r["target"]) for r in f.imports] == [
        ("import", "com.acme.core.Engine"),
        ("wildcard", "scala.collection.mutable"),
        ("import", "com.acme.model.User"),
        ("import", "com.acme.model.Order"),
    ]
    assert f.declarations == ["package:com.acme.jobs", "com.acme.jobs.Job", "com.acme.jobs.Step"]


def test_go():
    src = """package server

import (
\t"fmt"
\tlog "github.com/acme/app/internal/logging"
\t"github.com/acme/app/pkg/store"
)

type Server struct{ db *store.DB }

func New() *Server { log.Info("x"); return &Server{} }

func (s *Server) Run() {}

var ErrClosed = fmt.Errorf("closed")

const (
\tDefaultPort = 8080
)
"""
    f = facts("internal/server/server.go", src, "go")
    assert [(r["target"], r["names"]) for r in f.imports] == [
        ("fmt", []),
        ("github.com/acme/app/internal/logging", ["log"]),
        ("github.com/acme/app/pkg/store", []),
    ]
    assert f.declarations[0] == "package:server"
    assert {"Server", "New", "ErrClosed"} <= set(f.declarations) and "Run" not in f.declarations


def test_rust():
    src = """//! crate root
#[path = "platform/unix.rs"]
mod sys;
pub mod config;
mod tests { }
use crate::config::{Config, loader::Loader};
use super::shared;
use self::config::*;
use std::collections::HashMap as Map;
"""
    got = facts("src/lib.rs", src, "rust").imports
    mods = [(r["target"], r.get("path")) for r in got if r["kind"] == "mod"]
    assert mods == [("sys", "platform/unix.rs"), ("config", None)]  # inline `mod tests {}` is no file
    uses = [r["target"] for r in got if r["kind"] == "use"]
    assert uses == [
        "crate::config::Config",
        "crate::config::loader::Loader",
        "super::shared",
        "self::config::*",
        "std::collections::HashMap",
    ]


@pytest.mark.parametrize(
    "lang,path", [("typescript", "src/app.ts"), ("tsx", "src/App.tsx"), ("javascript", "src/app.js")]
)
def test_js_ts(lang, path):
    src = """import React, { useState as useS } from "react";
import * as api from "./api";
import "./styles.css";
export { helper } from "../util/helper";
export * from "./types";
const cfg = require("./config.json");
async function load() { const m = await import("./lazy"); }
"""
    got = imports(path, src, lang)
    assert ("import", "react", ["default", "useState"]) in got
    assert ("import", "./api", ["*"]) in got
    assert ("import", "./styles.css", []) in got
    assert ("export", "../util/helper", ["helper"]) in got
    assert ("export", "./types", ["*"]) in got
    assert ("require", "./config.json", []) in got
    assert ("dynamic", "./lazy", []) in got


def test_ts_import_equals_require():
    assert ("require", "./legacy", []) in imports("a.ts", 'import legacy = require("./legacy");\n', "typescript")


def test_c_cpp():
    src = '#include <stdio.h>\n#include "util/strbuf.h"\n#include PLATFORM_HEADER\n#ifdef X\n#include "compat.h"\n#endif\n'
    for lang in ("c", "cpp"):
        assert imports("src/main.c", src, lang) == [
            ("include_system", "stdio.h", []),
            ("include", "util/strbuf.h", []),
            ("include", "compat.h", []),
        ]


def test_csharp():
    src = """using System;
using System.Collections.Generic;
using Acme.Core.Models;
using static Acme.Core.Guard;
using Json = Newtonsoft.Json.JsonConvert;

namespace Acme.Web.Controllers
{
    public class HomeController : Controller { private class Nested {} }
    public interface IHome {}
    namespace Admin { public record AdminUser(string Name); }
}
"""
    f = facts("Controllers/HomeController.cs", src, "csharp")
    assert [(r["kind"], r["target"]) for r in f.imports] == [
        ("using", "System"),
        ("using", "System.Collections.Generic"),
        ("using", "Acme.Core.Models"),
        ("using_static", "Acme.Core.Guard"),
        ("using_alias", "Newtonsoft.Json.JsonConvert"),
    ]
    assert set(f.declarations) == {
        "package:Acme.Web.Controllers",
        "package:Acme.Web.Controllers.Admin",
        "Acme.Web.Controllers.HomeController",
        "Acme.Web.Controllers.IHome",
        "Acme.Web.Controllers.Admin.AdminUser",
    }
    fs = facts("X.cs", "namespace Acme.Data;\npublic class Repo {}\n", "csharp")
    assert fs.declarations == ["package:Acme.Data", "Acme.Data.Repo"]


def test_php():
    src = """<?php
namespace App\\Http\\Controllers;

use App\\Models\\User;
use Illuminate\\Support\\{Str, Arr as A};
use function App\\Support\\helper;

require_once __DIR__ . '/../bootstrap.php';
include 'config/app.php';

class UserController extends Controller
{
    use AuthorizesRequests;
}
"""
    f = facts("app/Http/Controllers/UserController.php", src, "php")
    assert [(r["kind"], r["target"]) for r in f.imports] == [
        ("use", "App\\Models\\User"),
        ("use", "Illuminate\\Support\\Str"),
        ("use", "Illuminate\\Support\\Arr"),
        ("use", "App\\Support\\helper"),
        ("require", "./../bootstrap.php"),
        ("require", "config/app.php"),
    ]
    assert f.declarations == ["package:App.Http.Controllers", "App.Http.Controllers.UserController"]


def test_ruby():
    src = "require 'json'\nrequire \"acme/client\"\nrequire_relative '../support/helpers'\nrequire_relative('version')\n\nmodule Acme\n  class Client; end\nend\n"
    assert imports("lib/acme.rb", src, "ruby") == [
        ("require", "json", []),
        ("require", "acme/client", []),
        ("require_relative", "../support/helpers", []),
        ("require_relative", "version", []),
    ]


def test_swift():
    src = "import Foundation\n@testable import NetKit\n\nfinal class Session { let cfg: Config }\nstruct Config {}\nprotocol Transport {}\nenum Method { case get }\nextension Session {}\n"
    f = facts("Sources/NetKit/Session.swift", src, "swift")
    assert [r["target"] for r in f.imports] == ["Foundation", "NetKit"]
    assert f.declarations == ["Session", "Config", "Transport", "Method"]


def test_config_files():
    gomod = facts(
        "go.mod", "module github.com/acme/app // main module\n\ngo 1.21\n\nrequire golang.org/x/sync v0.5.0\n", "gomod"
    )
    assert gomod.imports == [{"kind": "gomod", "target": "github.com/acme/app", "names": [], "line": 1}]
    tsc = facts(
        "web/tsconfig.json",
        '{\n  // comment\n  "compilerOptions": {\n    "baseUrl": "./src",\n    "paths": {"@/*": ["*"], "~lib": ["lib/index.ts"],},\n  },\n}\n',
        "json",
    )
    assert tsc.imports[0]["kind"] == "tsconfig" and tsc.imports[0]["target"] == "./src"
    assert tsc.imports[0]["paths"] == {"@/*": ["*"], "~lib": ["lib/index.ts"]}
    comp = facts(
        "composer.json",
        json.dumps({"autoload": {"psr-4": {"App\\": "app/"}}, "autoload-dev": {"psr-4": {"Tests\\": ["tests/"]}}}),
        "json",
    )
    assert [(r["target"], r["names"]) for r in comp.imports] == [("App\\", ["app/"]), ("Tests\\", ["tests/"])]
    pkg = facts("packages/ui/package.json", '{"name": "@acme/ui", "main": "dist/index.js"}', "json")
    assert pkg.imports[0]["target"] == "@acme/ui"
    assert facts("data.json", '{"a": 1}', "json").imports == []
    assert facts("tsconfig.json", "{ not json", "json").imports == []


def test_records_are_small_json():
    src = "\n".join(f"import m{i}" for i in range(2000))
    f = facts("big.py", src, "python")
    assert len(f.imports) == 500
    json.dumps(f.imports)
    assert set(f.imports[0]) == {"kind", "target", "names", "line"}
