"""Resolution of imports to repository files, per language, on small repositories built from snippets."""

from __future__ import annotations

import json

from repoloom.syntax.resolving import GraphConfig
from repoloom.packing.resolve import dir_distance, resolve_repository
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def edges(files: dict[str, str]) -> set[tuple[str, str]]:
    facts = [file_facts("r", p, t, detect_language(p, t)) for p, t in files.items()]
    out, _ = resolve_repository(facts)
    return {(u, v) for u, vs in out.items() for v in vs}


def test_python_absolute_relative_packages():
    e = edges(
        {
            "src/app/__init__.py": "from .core import run\n",
            "src/app/core.py": "import os\nfrom app.util import helpers\nfrom . import models\nfrom ..outside import x\n",
            "src/app/util/__init__.py": "VERSION = 1\n",
            "src/app/util/helpers.py": "from app.util import VERSION\nimport app\n",
            "src/app/models.py": "from app.core import run as _r\nfrom .util.helpers import *\n",
            "tests/test_core.py": "import app.core\nfrom app import models, missing_name\n",
            "scripts/tool.py": "import helpers_local\n",
            "scripts/helpers_local.py": "X = 1\n",
        }
    )
    assert ("src/app/__init__.py", "src/app/core.py") in e
    assert ("src/app/core.py", "src/app/util/helpers.py") in e  # from pkg import submodule
    assert ("src/app/core.py", "src/app/models.py") in e  # from . import module
    assert ("src/app/util/helpers.py", "src/app/util/__init__.py") in e  # package resolves to __init__.py
    assert ("src/app/util/helpers.py", "src/app/__init__.py") in e
    assert ("src/app/models.py", "src/app/util/helpers.py") in e
    assert ("tests/test_core.py", "src/app/core.py") in e
    assert ("tests/test_core.py", "src/app/models.py") in e and ("tests/test_core.py", "src/app/__init__.py") in e
    assert ("scripts/tool.py", "scripts/helpers_local.py") in e
    assert not any(v.endswith("os.py") for _, v in e)
    # `from ..outside` climbs above src/app into src/: nothing there; no self edges
    assert all(u != v for u, v in e)


def test_python_stdlib_name_inside_package_is_not_matched():
    e = edges(
        {
            "pkg/__init__.py": "x = 1\n",
            "pkg/typing.py": "X = 1\n",
            "pkg/core.py": "from typing import Any\nfrom collections import defaultdict\n",
            "pkg/collections.py": "Y = 1\n",
        }
    )
    assert e == set()


def test_python_relative_out_of_repository_and_self_import():
    e = edges({"a.py": "from ... import x\nfrom .. import y\nimport a\n", "b.py": "from . import a\n"})
    assert e == {("b.py", "a.py")}


def test_longest_suffix_and_ambiguity_by_directory_distance():
    e = edges(
        {
            "lib/util/strings.h": "int f();\n",
            "vendor/other/util/strings.h": "int g();\n",
            "lib/main.c": '#include "util/strings.h"\n',
            "vendor/other/x.c": '#include "util/strings.h"\n',
            "tools/y.c": '#include "strings.h"\n#include <stdio.h>\n',
        }
    )
    assert ("lib/main.c", "lib/util/strings.h") in e
    assert ("vendor/other/x.c", "vendor/other/util/strings.h") in e
    # equally far from tools/: path order decides
    assert ("tools/y.c", "lib/util/strings.h") in e
    assert dir_distance("a/b", "a/c/d") == 3 and dir_distance("", "x") == 1


def test_jvm_imports_wildcards_and_same_package():
    e = edges(
        {
            "src/main/java/com/acme/model/User.java": "package com.acme.model;\npublic class User {}\n",
            "src/main/java/com/acme/model/Order.java": "package com.acme.model;\npublic class Order { User owner; }\n",
            "src/main/java/com/acme/repo/Repo.java": "package com.acme.repo;\nimport com.acme.model.*;\npublic class Repo { Order find() { return null; } }\n",
            "src/main/java/com/acme/App.java": "package com.acme;\nimport com.acme.repo.Repo;\nimport static com.acme.model.User.NAME;\nimport java.util.List;\nclass App {}\n",
            "app/src/main/kotlin/com/acme/ui/Screen.kt": "package com.acme.ui\nimport com.acme.model.User\nclass Screen(val u: User)\n",
            "src/main/scala/com/acme/jobs/Job.scala": "package com.acme.jobs\nimport com.acme.model.{Order, Missing}\nclass Job\n",
        }
    )
    assert ("src/main/java/com/acme/model/Order.java", "src/main/java/com/acme/model/User.java") in e  # same package
    assert ("src/main/java/com/acme/repo/Repo.java", "src/main/java/com/acme/model/Order.java") in e  # wildcard, used
    assert (
        "src/main/java/com/acme/repo/Repo.java",
        "src/main/java/com/acme/model/User.java",
    ) not in e  # wildcard, unused
    assert ("src/main/java/com/acme/App.java", "src/main/java/com/acme/repo/Repo.java") in e
    assert ("src/main/java/com/acme/App.java", "src/main/java/com/acme/model/User.java") in e  # static member -> type
    assert ("app/src/main/kotlin/com/acme/ui/Screen.kt", "src/main/java/com/acme/model/User.java") in e
    assert ("src/main/scala/com/acme/jobs/Job.scala", "src/main/java/com/acme/model/Order.java") in e


def test_go_module_packages_and_same_directory():
    e = edges(
        {
            "go.mod": "module github.com/acme/app\n\ngo 1.21\n",
            "internal/store/db.go": "package store\n\ntype DB struct{}\n\nfunc Open() *DB { return &DB{} }\n",
            "internal/store/cache.go": "package store\n\ntype Cache struct{ db *DB }\n",
            "internal/store/db_test.go": 'package store\n\nimport "testing"\n\nfunc TestOpen(t *testing.T) { Open() }\n',
            "cmd/app/main.go": 'package main\n\nimport (\n\t"fmt"\n\t"github.com/acme/app/internal/store"\n)\n\nfunc main() { fmt.Println(store.Open()) }\n',
        }
    )
    assert ("cmd/app/main.go", "internal/store/db.go") in e  # the file declaring the used name
    assert ("cmd/app/main.go", "internal/store/cache.go") not in e
    assert ("internal/store/cache.go", "internal/store/db.go") in e  # same package directory
    assert ("internal/store/db_test.go", "internal/store/db.go") in e
    assert not any(v.endswith("_test.go") for _, v in e)


def test_rust_modules_and_use_paths():
    e = edges(
        {
            "Cargo.toml": '[package]\nname = "demo"\n',
            "src/lib.rs": 'pub mod config;\nmod net;\n#[path = "platform/unix.rs"]\nmod sys;\nuse crate::config::Config;\n',
            "src/config.rs": "pub mod loader;\npub struct Config;\n",
            "src/config/loader.rs": "use super::Config;\nuse crate::net::client::Client;\n",
            "src/net/mod.rs": "pub mod client;\n",
            "src/net/client.rs": "use self::inner::*;\nuse crate::Missing;\npub struct Client;\n",
            "src/platform/unix.rs": "use std::io;\n",
        }
    )
    assert ("src/lib.rs", "src/config.rs") in e and ("src/lib.rs", "src/net/mod.rs") in e
    assert ("src/lib.rs", "src/platform/unix.rs") in e
    assert ("src/config.rs", "src/config/loader.rs") in e
    assert ("src/config/loader.rs", "src/config.rs") in e  # super:: -> parent module file
    assert ("src/config/loader.rs", "src/net/client.rs") in e
    assert ("src/net/mod.rs", "src/net/client.rs") in e
    assert ("src/net/client.rs", "src/lib.rs") in e  # crate::Missing: defined (if anywhere) in the crate root


def test_js_ts_extensions_index_and_tsconfig_paths():
    e = edges(
        {
            "web/tsconfig.json": json.dumps(
                {"compilerOptions": {"baseUrl": "src", "paths": {"@/*": ["*"], "#lib": ["../lib/index.ts"]}}}
            ),
            "web/src/app.tsx": "import { api } from './api';\nimport Button from '@/components/Button';\nimport lib from '#lib';\nimport 'react';\nimport { x } from 'utils/x';\n",
            "web/src/api/index.ts": "export * from './client.js';\n",
            "web/src/api/client.ts": "export const api = 1;\n",
            "web/src/components/Button.tsx": "export default function Button() { return null; }\n",
            "web/src/utils/x.ts": "export const x = 1;\n",
            "web/lib/index.ts": "const d = () => import('./lazy');\nexport default 1;\n",
            "web/lib/lazy.js": "module.exports = require('../src/utils/x');\n",
            "web/escape.js": "require('../../../etc/passwd');\n",
        }
    )
    assert ("web/src/app.tsx", "web/src/api/index.ts") in e
    assert ("web/src/app.tsx", "web/src/components/Button.tsx") in e
    assert ("web/src/app.tsx", "web/lib/index.ts") in e
    assert ("web/src/app.tsx", "web/src/utils/x.ts") in e  # baseUrl
    assert ("web/src/api/index.ts", "web/src/api/client.ts") in e  # './client.js' names the emitted file
    assert ("web/lib/index.ts", "web/lib/lazy.js") in e
    assert ("web/lib/lazy.js", "web/src/utils/x.ts") in e
    assert not any(u == "web/escape.js" for u, _ in e)


def test_csharp_namespaces():
    e = edges(
        {
            "Core/Models/User.cs": "namespace Acme.Core.Models { public class User {} public class Role {} }\n",
            "Core/Guard.cs": "namespace Acme.Core;\npublic static class Guard {}\n",
            "Web/Controllers/Home.cs": "using System;\nusing Acme.Core.Models;\nusing static Acme.Core.Guard;\nnamespace Acme.Web { class Home { User u; } }\n",
            "Core/Service.cs": "namespace Acme.Core { class Service { Models.User u; Guard g; } }\n",
        }
    )
    assert ("Web/Controllers/Home.cs", "Core/Models/User.cs") in e
    assert ("Web/Controllers/Home.cs", "Core/Guard.cs") in e
    assert ("Core/Service.cs", "Core/Guard.cs") in e  # same namespace, no using


def test_php_psr4_and_require():
    e = edges(
        {
            "composer.json": json.dumps({"autoload": {"psr-4": {"App\\": "src/"}}}),
            "src/Models/User.php": "<?php\nclass User {}\n",  # no namespace declared: PSR-4 path decides
            "src/Http/Kernel.php": "<?php\nnamespace App\\Http;\nuse App\\Models\\User;\nuse Vendor\\Lib\\Thing;\nrequire_once __DIR__ . '/../helpers.php';\n",
            "src/helpers.php": "<?php\nfunction h() {}\n",
        }
    )
    assert e == {("src/Http/Kernel.php", "src/Models/User.php"), ("src/Http/Kernel.php", "src/helpers.php")}


def test_ruby_requires():
    e = edges(
        {
            "lib/acme.rb": "require 'json'\nrequire 'acme/client'\nrequire_relative 'acme/version'\n",
            "lib/acme/client.rb": "require_relative '../acme'\n",
            "lib/acme/version.rb": "VERSION = '1'\n",
            "lib/acme/json.rb": "X = 1\n",
        }
    )
    assert e == {
        ("lib/acme.rb", "lib/acme/client.rb"),
        ("lib/acme.rb", "lib/acme/version.rb"),
        ("lib/acme/client.rb", "lib/acme.rb"),
    }


def test_swift_same_module_type_references():
    e = edges(
        {
            "Sources/NetKit/Session.swift": "import Foundation\nfinal class Session { let c: Config }\n",
            "Sources/NetKit/Config.swift": "struct Config {}\n",
            "Sources/Other/Config.swift": "struct Config {}\n",
            "Tests/NetKitTests/SessionTests.swift": "@testable import NetKit\nimport XCTest\nfinal class SessionTests: XCTestCase { func test() { _ = Session() } }\n",
        }
    )
    assert ("Sources/NetKit/Session.swift", "Sources/NetKit/Config.swift") in e
    assert ("Sources/NetKit/Session.swift", "Sources/Other/Config.swift") not in e
    assert ("Tests/NetKitTests/SessionTests.swift", "Sources/NetKit/Session.swift") in e


def test_weights_grow_with_names_and_sum():
    facts = [
        file_facts("r", p, t, "python")
        for p, t in {"m.py": "X = 1\n", "a.py": "from m import a, b, c, d\n", "b.py": "from m import a\n"}.items()
    ]
    out, stats = resolve_repository(facts, GraphConfig(min_suffix_parts=1))
    assert out["a.py"]["m.py"] > out["b.py"]["m.py"] > 0
    assert stats["graph.imports"] == 2 and stats["graph.imports_resolved"] == 2


def test_jvm_external_import_does_not_match_a_partial_path():
    e = edges(
        {
            "src/com/acme/util/List.java": "package com.acme.util;\npublic class List {}\n",
            "src/com/acme/App.java": "package com.acme;\nimport java.util.List;\nclass App {}\n",
            "src/com/acme/Other.java": "package com.acme;\nimport com.acme.util.List.*;\nclass Other {}\n",
        }
    )
    assert e == {("src/com/acme/Other.java", "src/com/acme/util/List.java")}  # a wildcard over a type's members


def test_python_module_importing_itself_by_package():
    e = edges(
        {"pkg/__init__.py": "X = 1\n", "pkg/timing.py": "def f():\n    from pkg import timing\n    return timing\n"}
    )
    assert e == set()


def test_tsconfig_extends_and_only_tsconfig_json_is_discovered():
    e = edges(
        {
            "tsconfig.base.json": json.dumps(
                {"compilerOptions": {"baseUrl": ".", "paths": {"@core/*": ["packages/core/src/*"]}}}
            ),
            "packages/app/tsconfig.json": json.dumps(
                {"extends": "../../tsconfig.base.json", "compilerOptions": {"outDir": "dist"}}
            ),
            "packages/app/tsconfig.build.json": json.dumps({"compilerOptions": {"baseUrl": "nowhere"}}),
            "packages/app/src/main.ts": "import { run } from '@core/run';\n",
            "packages/core/src/run.ts": "export const run = 1;\n",
        }
    )
    assert e == {("packages/app/src/main.ts", "packages/core/src/run.ts")}
