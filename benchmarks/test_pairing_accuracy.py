"""Precision and recall of unit-test pairing (packing/testpairs.py) against hand-checked ground truth.

Two sets of ground truth, reported apart:

    tuning   benchmarks/data/test_pairs/*.json: the repositories the rules were written and tuned against
    frozen   benchmarks/data/test_pairs_frozen/*.json: 14 repositories in C, C++, Rust, TypeScript, Go and
             Python, labelled from their own build files and test runners (CMake add_test, Makefile check,
             Cargo tests/, package.json test globs, go test, pytest) and committed before any rule was changed
             for them; no rule is tuned on them. The rules were changed after its first (baseline) run had
             shown its misses, so its figures after the change are not blind.
    heldout  benchmarks/data/test_pairs_heldout/*.json: 6 more repositories (json-c, leveldb, http, jotai,
             pkg/errors, marshmallow) labelled the same way and committed after the rules were final and before
             pairing was ever run on them. Nothing is tuned on it, but its misses were read after its one run.
    blind    benchmarks/data/test_pairs_blind/*.json: 17 more repositories (C: jansson, libcbor, libyaml; C++: glog,
             crc32c, fmt; Rust: itertools, serde_json, once_cell, log; TypeScript: yup, ufo; Go: go-cmp, toml;
             Python: itsdangerous, humanize, structlog), labelled the same way and committed before the second
             round of rule changes and before pairing was ever run on them; run once, at the end of that round.
             Its misses were then read: it is part of "dev" since the third round.
    blind2   benchmarks/data/test_pairs_blind2/*.json: 12 more repositories, weighted to C, C++ and Rust (C: nghttp2,
             libevent, yyjson; C++: nghttp2's applications, snappy, spdlog, rapidjson; Rust: crossbeam, hashbrown,
             num-bigint; TypeScript: ohash; Go: golang-lru; Python: boltons), labelled the same way and committed
             before the third round of rule changes; run once, at its end (``--set blind2``). Its misses were
             then read: it is part of "dev" since the fourth round.
    blind3   benchmarks/data/test_pairs_blind3/*.json: 14 more repositories, weighted to C, C++ and Rust (C: mpack,
             libexpat, sc; C++: google/benchmark, yaml-cpp, CLI11; Rust: syn, ryu, quick-xml; TypeScript: unstorage;
             Go: logrus, cobra; Python: idna, more-itertools), labelled the same way and committed before the fourth
             round of rule changes and before pairing was ever run on them (7421485; four tests the freeze had left
             out were added before its run, 8a07bde); run once, at the end of that round (``--set blind3``).
             Its sources are read at the commits in its JSON files; the pypi entries come with ``--fetch``.
             Its misses were then read: it is part of "dev" since the fifth round.
    blind4   benchmarks/data/test_pairs_blind4/*.json: 13 more repositories, weighted to C++ and Rust (C: Unity, cwalk;
             C++: argparse, pugixml, robin-map; Rust: arrayvec, indexmap, rust-base64, petgraph; TypeScript: pathe,
             ts-extras; Go: go-multierror; Python: cachetools), labelled the same way and committed before the fifth
             round of rule changes and before pairing was ever run on them; run once, at the end of that round
             (``--set blind4``). Its misses were then read: it is part of "dev" since the sixth round.
    blind5   benchmarks/data/test_pairs_blind5/*.json: 13 more repositories, weighted to C, C++ and Rust (C: libdeflate,
             lz4, inih, stb; C++: utfcpp, magic_enum, cereal; Rust: tempfile, serde-yaml, nom; TypeScript: hookable;
             Go: go-version; Python: toolz), labelled the same way and committed before the sixth round of rule changes
             and before pairing was ever run on them; run once, at the end of that round (``--set blind5``).
             Its misses were then read: it is part of "dev" since the seventh round.
    blind6   benchmarks/data/test_pairs_blind6/*.json: 14 more repositories, weighted to C, C++ and Rust (C: tinyexpr,
             parson, picohttpparser, aklomp/base64, zlib; C++: GSL, cxxopts, nameof; Rust: slab, fastrand, rust-hex;
             TypeScript: defu; Go: spf13/cast; Python: sortedcontainers), labelled the same way and committed before
             the seventh round of rule changes and before pairing was ever run on them; run once, at the end of that
             round. Its misses were then read: it is part of "dev" since the eighth round.
    blind7   benchmarks/data/test_pairs_blind7/*.json: 15 more repositories (C: kuba--/zip, klib, http-parser, jsmn;
             C++: expected-lite, tinyxml2, parallel-hashmap; Rust: httparse, itoa, glob, lazy-static; TypeScript: destr,
             scule; Go: httprouter; Python: markupsafe), labelled the same way and committed before the eighth round of
             rule changes and before pairing was ever run on them; read at the commits in their JSON files (the
             ``fetch`` tool's GitHub snapshots); run once at the start of that round and once at its end.
             Its misses were then read: it is part of "dev" since the ninth round.
    blind8   benchmarks/data/test_pairs_blind8/*.json: 12 more repositories, weighted to Rust and C++ (Rust: num-traits,
             num-integer, unicode-ident, unicode-width; C++: TartanLlama/expected, gulrak/filesystem, hopscotch-map;
             C: crypto-algorithms, tiny-regex-c; TypeScript: cookie-es; Go: fatih/color; Python: h11), labelled the
             same way and committed before the ninth round of rule changes and before pairing was ever run on them;
             read at the commits in their JSON files (the ``fetch`` tool's GitHub snapshots); run once at the start
             of that round and once at its end. Its misses were then read: it is part of "dev" since the tenth round.
    blind9   benchmarks/data/test_pairs_blind9/*.json: 13 more repositories, weighted to TypeScript and C++ (TypeScript:
             p-queue, radix3, std-env; C++: tcbrindle/span, ordered-map, span-lite; C: streamvbyte, tidwall/btree.c;
             Rust: smallvec, cfg-if, dyn-clone; Go: google/btree; Python: tomli; 39 tests, 31 with a subject),
             labelled the same way and committed before the tenth round of rule changes and before pairing was ever
             run on them; read at the commits in their JSON files (the ``fetch`` tool's GitHub snapshots); run once
             at the start of that round and once at its end. Its misses were then read: it is part of "dev" since the
             eleventh round.
    blind10  benchmarks/data/test_pairs_blind10/*.json: 12 more repositories, weighted to TypeScript and Python, with
             topic-named tests where the repositories name them so (TypeScript: valtio, reselect, mlly; Python:
             python-dotenv, tenacity, pluggy; C: mjson, rax, clibs/list; C++: Neargye/semver; Rust: indoc; Go:
             go-humanize; 97 tests, 79 with a subject), labelled the same way and committed before the eleventh round
             of rule changes and before pairing was ever run on them; read at the commits in their JSON files (the
             ``fetch`` tool's GitHub snapshots); run once at the start of that round and once at its end. Its misses
             were then read: it is part of "dev" since the twelfth round.
    blind11  benchmarks/data/test_pairs_blind11/*.json: 11 more repositories of ordinary mid size, weighted to TypeScript
             and Python, with tests in their own folders named by topic where the repositories name them so
             (TypeScript: ts-pattern, citty, immer; Python: pyjwt, funcy, jmespath; C: qlibc, whose tests include the
             umbrella qlibc.h through a common qunit.h; C++: toml11; Rust: rust-url, reqwest, integration tests in
             tests/; Go: chi; 211 tests, 165 with a subject), labelled the same way and committed before the twelfth
             round of rule changes and before pairing was ever run on them; read at the commits in their JSON files
             (the ``fetch`` tool's GitHub snapshots); run once at the start of that round and once at its end
             (``--set blind11``). Its misses were then read: it is part of "dev" since the thirteenth round.
    blind12  benchmarks/data/test_pairs_blind12/*.json: 11 more repositories of ordinary mid size (C: argtable3; C++:
             cppzmq, whose tests exercise one of two headers, and FTXUI, tests beside their sources; Rust: time, one
             integration-test crate of modules (#[rstest]), and serde_with, three crates of Cargo tests; TypeScript:
             nanostores, with check-dts type tests, knitwork, tinyspy; Go: mapstructure; Python: arrow, sqlparse; 209
             tests, 168 with a subject), labelled the same way and committed before the thirteenth round of rule
             changes and before pairing was ever run on them; read at the commits in their JSON files (the ``fetch``
             tool's GitHub snapshots); run once at the start of that round and once at its end (``--set blind12``).
             Its rows were then read: it is part of "dev" since the fourteenth round.
    blind13  benchmarks/data/test_pairs_blind13/*.json: 10 more repositories of ordinary mid size, weighted to Rust and
             TypeScript (Rust: nix, integration tests test/sys/test_X.rs in one test crate of modules; paste; rayon,
             Cargo tests/ and `mod test;` files of two crates; TypeScript: io-ts, tests in test/ not named .test and
             dtslint type tests; unimport; antfu/utils, tests beside their modules; C: libdill; C++: foonathan/memory;
             Go: samber/lo, three modules with benchmark and example files; Python: glom, tests inside the package;
             284 tests, 259 with a subject), labelled the same way and committed before the fourteenth round of rule
             changes and before pairing was ever run on them; read at the commits in their JSON files (the ``fetch``
             tool's GitHub snapshots); run once at the start of that round and once at its end (``--set blind13``).
             Its rows were then read: it is part of "dev" since the fifteenth round.
    blind14  benchmarks/data/test_pairs_blind14/*.json: 10 more repositories, weighted to C and TypeScript (C: mpc,
             suites linked by one runner; likle/cargs, cases dispatched from an X-macro list; sokol, header-only
             libraries tested by tests/functional/sokol_X_test.c; C++: TartanLlama/optional, Catch2 tests of one
             header; Rust: tar-rs, Cargo tests with a `mod header;` folder; TypeScript: magic-regexp, vitest tests
             with expect-type; mitt, mocha tests named _test.ts and a tsc-compiled type test; untyped; Go:
             gorilla/websocket; Python: colorama, unittest *_test.py inside the package; 67 tests, 62 with a
             subject), labelled the same way and committed before the fifteenth round of rule changes and before
             pairing was ever run on them; read at the commits in their JSON files (the ``fetch`` tool's GitHub
             snapshots); run once at the start of that round and once at its end (``--set blind14``).
             Its rows were then read: it is part of "dev" since the sixteenth round.
    blind15  benchmarks/data/test_pairs_blind15/*.json: 12 more repositories, weighted to TypeScript, C and Rust
             (TypeScript: purify, src/X.test.ts beside src/X.ts; magicast, topic-named vitest tests in test/ and
             test/builders/, vendored libraries' own tests not run; fp-ts, test/X.ts run by vitest and dtslint/X.ts
             type tests; C: uthash, tests/testN.c each including one header of a header-only library; libmill,
             one program per tests/X.c; M*LIB, tests/test-mX.c, except-X.c, fail-X.c (compile failures) and
             check-X.cpp (against the STL) over header-only m-X.h; Rust: mio, Cargo tests/ over src/net/..;
             async-lock; bytemuck, three crates' Cargo tests, some compile-only; C++: type_safe, Catch2 tests of
             include/type_safe/X.hpp; Go: sourcegraph/conc; Python: validators, tests/**/test_X.py; 414 tests,
             397 with a subject), labelled the same way and committed before the sixteenth round of rule changes
             and before pairing was ever run on them; read at the commits in their JSON files (the ``fetch``
             tool's GitHub snapshots); run once at the start of that round and once at its end (``--set blind15``).
             Its rows were then read: it is part of "dev" since the seventeenth round.
    blind16  benchmarks/data/test_pairs_blind16/*.json: 12 more repositories, weighted to C and Rust (C: c-algorithms,
             test/test-X.c over src/X.c; libite, test/X.c over the src/ function it names; libuev; dirent, tests/t-X.c
             over the single header include/dirent.h; Rust: RustCrypto hashes and utils, every workspace crate's
             Cargo tests/ over its crate root or module; concurrent-queue; TypeScript: h3, topic vitest tests in
             test/; C++: sparse-map, Boost tests of include/tsl/X.h; Go: groupcache, uber-go/atomic; Python: hpack;
             152 tests, 135 with a subject), labelled the same way from their build files and test runners and
             committed before the seventeenth round of rule changes and before pairing was ever run on them; read at
             the commits in their JSON files (the ``fetch`` tool's GitHub snapshots); run once at the start of that
             round and once at its end (``--set blind16``). Its rows were then read: it is part of "dev" since the
             eighteenth round.
    blind17  benchmarks/data/test_pairs_blind17/*.json: 12 more repositories, weighted to Rust and TypeScript (Rust:
             futures-rs, Cargo tests of the futures facade over futures-util's modules and of futures-channel and
             futures-executor; async-channel and event-listener, Cargo tests over src/lib.rs; TypeScript: TanStack
             store, a monorepo of bindings with vitest and -d type tests; rou3, topic tests in test/; ofetch;
             pkg-types; C: nng, X_test.c beside src/**/X.c, registered by nng_test(); C++: hat-trie, Boost tests of
             include/tsl/X.h; optional-lite, lest tests of one header; Go: Masterminds/semver; Python: w3lib, tests
             and benchmark tests run by pytest; 182 tests, 127 with a subject), labelled the same way from their
             build files and test runners and committed before the eighteenth round of rule changes and before
             pairing was ever run on them; read at the commits in their JSON files (the ``fetch`` tool's GitHub
             snapshots); run once at the start of that round and once at its end (``--set blind17``). Its rows were
             then read: it is part of "dev" since the nineteenth round.
    blind18  benchmarks/data/test_pairs_blind18/*.json: 11 more repositories in 13 entries, weighted to Rust and
             TypeScript (Rust: smol-rs async-task, polling, async-executor, Cargo tests over the crate's modules;
             TypeScript: es-toolkit src/string and src/promise, X.spec.ts beside X.ts; hono src/utils and
             src/helper, vitest tests beside their module; tinyglobby, node --test; C: libconfuse, TESTS over
             src/confuse.c; libcheck, the framework's own check_check suites; C++: FunctionalPlus, doctest
             X_test.cpp over include/fplus/X.hpp; Go: valyala/fastjson; Python: pyrsistent; 216 tests, 194 with a
             subject), labelled by measure17 from their build files and test runners and committed before pairing
             was ever run on them; read at the commits in their JSON files (the ``fetch`` tool's GitHub
             snapshots); run once on the final main of the round (``--set blind18`` only: neither "dev" nor "all"
             includes it). Its rows were then read: it is part of "dev" since the twentieth round.
    blind19  benchmarks/data/test_pairs_blind19/*.json: 10 more repositories in 11 entries, weighted to Rust and
             Python (Rust: tokio's tokio-util and tokio-stream crates, Cargo tests over the crates' modules;
             smol-rs/async-io; flate2-rs; Python: tqdm, tests_X.py over tqdm/X.py; werkzeug and flask, pytest
             tests over src/<pkg>/X.py; TypeScript: radash, jest src/tests/X.test.ts over src/X.ts; Go:
             urfave/cli; C: cmocka, CMake self-tests over src/cmocka.c; C++: libcpr/cpr, add_cpr_test; 225 tests,
             186 with a subject), labelled by measure18 from their build files and test runners and committed
             before pairing was ever run on them; read at the commits in their JSON files (the ``fetch`` tool's
             GitHub snapshots); run once on the final main of the round (``--set blind19`` only: neither "dev"
             nor "all" includes it). Its rows were then read: it is part of "dev" since the twenty-first round.
    blind20  benchmarks/data/test_pairs_blind20/*.json: 12 more repositories in 13 entries, weighted to Rust and
             Python (Rust: async-std, tower (workspace, tests/<dir>/main.rs targets), tokio-rs/tracing's tracing
             and tracing-core crates, warp; Python: anyio (src layout), yarl, loguru; C: lighttpd, src/t/test_X.c
             including src/X.c, and c-blosc; C++: boostorg/json, one test program of test/X.cpp over
             include/boost/json/X.hpp; Go: spf13/afero; TypeScript: cheerio, vitest src/X.spec.ts; 295 tests, 229
             with a subject), labelled by measure20 from their build files and test runners and committed before
             pairing was ever run on them; read at the commits in their JSON files (the ``fetch`` tool's GitHub
             snapshots); run once on the final rules of the session (``--set blind20`` only: neither "dev" nor
             "all" includes it). Its rows were then read: it is part of "dev" since the twenty-second round.
    blind21  benchmarks/data/test_pairs_blind21/*.json: 12 more repositories, weighted to Rust and Python (Rust:
             minijinja (workspace, src/tests.rs is library code), ron (issue-numbered tests/), walkdir (src/tests/);
             Python: starlette, cattrs (src layout), jsonschema (tests inside the package); C: libsodium,
             libtomcrypt; C++: csv-parser, one Catch2 program of tests/test_*.cpp; Go: pelletier/go-toml;
             TypeScript: unctx, consola; 380 tests, 226 with a subject), labelled by measure22 from their build files
             and test runners and committed before pairing was ever run on them; read at the commits in their JSON
             files (the ``fetch`` tool's GitHub snapshots); frozen for the twenty-second round (``--set blind21``
             only then). Its rows were then read: it is part of "dev" since the twenty-third round.
    blind22  benchmarks/data/test_pairs_blind22/*.json: 14 more repositories, weighted to C and C++ (C: libxcrypt
             (test/X.c beside lib/X.c), cglm (header-only, test bodies in test/src/test_X.h, one program), libcoap
             (one CUnit program of tests/test_X.c), libcyaml (one program, local ttest.h); C++: tomlplusplus (one
             Catch2 program, .hpp/.inl), xtl (doctest, header-only), g3log (googletest), frozen (Catch2,
             header-only); Rust: eyre (workspace), miette; Python: tomlkit, waitress (src layout); Go: sprig;
             TypeScript: htmlparser2; 252 tests, 197 with a subject), labelled by measure24 from their build files
             and test runners and committed before pairing was ever run on them; read at the commits in their JSON
             files (the ``fetch`` tool's GitHub snapshots); frozen for the twenty-third round (``--set blind22``
             only then). Its rows were then read: it is part of "dev" since the twenty-fourth round.
    blind23  benchmarks/data/test_pairs_blind23/*.json: 18 more repositories, weighted to C and C++ (C: libsrtp
             (crypto/test drivers), libcork (tests/test-X.c -> src/libcork/<area>/X.c), c-rbtree, c-list
             (header-only), c-dvar (src/test-X.c beside src/), scrcpy (meson test list), libucl (shell-wrapped
             programs), libmaxminddb (local test helper header, one-file library); C++: prometheus-cpp
             (googletest, X_test.cc -> src/X.cc), valijson (googletest, header-only .hpp), bitsery (googletest,
             header-only, local common header); Rust: config-rs (one tests/testsuite target), rpds (X/test.rs
             beside X/mod.rs), tera (snapshot tests); Python: tinydb, wtforms (src layout); Go: zerolog;
             TypeScript: tsyringe (jest __tests__); 308 tests, 261 with a subject), labelled by measure26 from
             their build files and test runners and committed before pairing was ever run on them; read at the
             commits in their JSON files (the ``fetch`` tool's GitHub snapshots); frozen for the twenty-fourth
             round (``--set blind23`` only then). Its rows were then read: it is part of "dev" since the
             twenty-fifth round.
    blind24  benchmarks/data/test_pairs_blind24/*.json: 17 more repositories, weighted to C and C++ (C: utf8.h
             (header-only), tomlc99, libpsl (local common.h, one-file library), picotls (test programs from many
             files, tests that #include the subject .c), hamt, nghttp3 and ngtcp2 (one munit program,
             tests/P_X_test.c -> lib/P_X.c); C++: unordered_dense (doctest, header-only), function2 (googletest,
             header-only, local common header), libpqxx (one GLOB runner, X -> src/X.cxx or include/pqxx/X.hxx);
             Rust: jsonwebtoken, arc-swap; TypeScript: confbox, c12 (vitest); Python: hyperframe (src layout),
             databases; Go: pq; 288 tests, 225 with a subject), labelled by measure28 from their build files and
             test runners and committed before pairing was ever run on them; read at the commits in their JSON
             files (the ``fetch`` tool's GitHub snapshots); held out by the lead during the twenty-fifth round
             and run once before and once after it. Its misses were then read: it is part of "dev" since the
             twenty-sixth round.
    blind25  benchmarks/data/test_pairs_blind25/*.json: 16 more repositories, weighted to C and C++ (C:
             cpu_features and uriparser (C libraries tested by C++ googletest files), openssh-portable (one program
             per regress/unittests folder, tests.c gatherers, subjects in the top-level sources), libyang (cmocka,
             tests/utests/<area>/test_X.c -> src/X.c, local utests.h, type tests named for the YANG type); C++: ninja
             (src/X_test.cc beside src/X.cc, one googletest program, Python unittest files too), marl, cctz
             (googletest beside the sources, header-only parts), vtzero (Catch2, header-only, local common header),
             uvw (test/uvw/X.cpp -> the class header src/uvw/X.h, not the same-named stub .cpp); TypeScript: uuidjs
             (node --test, src/test/), rimraf (tap, map.js); Rust: strum (tests in their own crate for a proc-macro
             crate), ttf-parser (multi-file test target); Python: babel, diskcache; Go: goquery (benchmark files);
             350 tests, 314 with a subject), labelled by measure30 from their build files and test runners and
             committed before pairing was ever run on them; read at the commits in their JSON files (the ``fetch``
             tool's GitHub snapshots); held out by the lead during the twenty-fifth round (run before and after it,
             rows only), then frozen for the next session's round (``--set blind25`` only: neither "dev" nor "all"
             includes it).
    blind26  benchmarks/data/test_pairs_blind26/*.json: 19 more repositories, weighted to C and C++ (C: zlib-ng
             and c-ares (C libraries tested by one C++ googletest program; per-CPU variants -> arch/generic/),
             collectd (X_test.c beside X.c, including the .c), openvpn (cmocka, tests/unit_tests/openvpn/test_X.c ->
             src/openvpn/X.c, local test_common.h), unbound (one program from testcode/unitX.c, names unlike their
             subjects); C++: sentencepiece (googletest beside the sources), libaddressinput (parallel cpp/test tree,
             scope cpp), mapbox-variant (header-only, Catch2, compile-fail checks), ccache (doctest,
             test_<dir>_<name>.cpp); TypeScript: domutils, entities (vitest specs beside the sources),
             hono-node-server (vitest, test/ tree), prosemirror-model, prosemirror-transform (test/test-X.ts);
             Rust: ring (tests/X_tests.rs, src/tests/, a C test body), insta (scope insta); Python: pyupgrade
             (*_test.py -> plugins), cbor2 (Python tests of Rust files); Go: kong; 399 tests, 360 with a subject),
             labelled by measure32 from their build files and test runners and committed before pairing was ever
             run on them; read at the commits in their JSON files (the ``fetch`` tool's GitHub snapshots); held out
             by the lead during the twenty-fifth round (run before and after it, rows only), then held out from
             rounds 26 and 27. Its misses were then read: it is part of "dev" since the twenty-eighth round.
    blind27  benchmarks/data/test_pairs_blind27/*.json: 18 more repositories (19 entries), weighted to C, Go, C++
             and Rust (C: pgbouncer-libusual (scope lib: lib/test/test_X.c -> lib/usual/X.c, local
             test_common.h), libexif (test/test-X.c, names unlike their subjects), aws-c-sdkutils (tests/X_tests.c
             -> source/X.c), flac (src/test_libFLAC/X.c -> src/libFLAC/X.c with the same base name, and C++ tests
             of the C++ binding); C++: eventpp (header-only, Catch2), cppdap (googletest beside the sources), ruy
             (one program per test, typed matmul programs with no subject); Go: echo (external test packages,
             middleware), sqlx, cron; Rust: loom, tide, lettre, textwrap (tests/ targets); TypeScript:
             headers-polyfill (vitest specs beside the sources), feathers-transport-commons and feathers-core
             (mocha, two scoped packages of one download); Python: wheel, python-jose; 302 tests, 264 with a
             subject), labelled by measure34 from their build files and test runners and committed before
             pairing was ever run on them; read at the commits in their JSON files (the ``fetch`` tool's GitHub
             snapshots); held out from the round it was frozen for and the next, run by the lead before and after
             rounds 29 and 30 (rows only). Its misses may be read from round 31 on: it is part of "dev" since then.
    blind28  benchmarks/data/test_pairs_blind28/*.json: 15 more repositories (17 entries), weighted to C and Rust
             (C: opus (celt/tests/test_unit_X.c including the .c they test, names unlike their subjects), quicly (ONE
             program from t/X.c -> lib/X.c or a header-only include/quicly/X.h), croaring (one cmocka program per
             tests/X_unit.c|cpp, examples run as tests), json-glib (json-glib/tests/X.c -> json-X.c); C++: taskflow
             (header-only, doctest, vendored 3rd-party/ with its own tests), jsonnet (googletest beside the sources,
             C and Python tests of the C API); Rust: tinyvec, bincode (#[path] modules of one target, a
             #![cfg(test)] crate), RustCrypto/formats (base64ct, der, x509-cert: three scoped crates of one
             download); Go: testify (generated forwarders), gorilla/handlers; TypeScript: parse5 (vitest
             workspace), path-to-regexp (a *.spec.ts holding only case tables); Python: wsproto, pypa/build;
             232 tests, 175 with a subject), labelled by measure35 for issue 13 from their build files and test
             runners while other sessions tuned the rules; measure35 changed no rule and never ran pairing, test
             detection or this benchmark on them (the labeller never ran it). Read at the commits in their JSON
             files (the ``fetch`` tool's GitHub snapshots); held out from rounds 29 and 30, run by the lead before
             and after them (rows only). Its misses may be read from round 31 on: it is part of "dev" since then.
    blind29  benchmarks/data/test_pairs_blind29/*.json: 16 more repositories (18 entries), weighted to Python and
             TypeScript (Python: httpx, uvicorn, hypercorn (tests/ topic folders: client/, models/, middleware/,
             protocols/, supervisors/, asyncio/ and trio/ mirrors), webargs (a library-shipped CommonTestCase);
             TypeScript: http-proxy-middleware (vitest, a parallel test/unit tree and test/e2e feature tests),
             graphql-js (mocha, __tests__ beside the sources, topic-named executor tests; two scoped entries,
             src/execution and src/language, of one download), change-case (vitest workspace, specs beside the
             sources), ms (jest, format/parse tests of one index.ts); C: xz (tests/test_X.c over liblzma's API),
             libfido2 (regress/X.c -> src/X.c), git (clar suites t/unit-tests/u-X.c -> X.c at the root or in
             reftable/); C++: effcee (googletest beside the sources), pistache (googletest, tests/X_test.cc, end-to-end
             server tests); Rust: rust-lexical (lexical-parse-float and lexical-util, two scoped crates of one
             download, tests/X_tests.rs with helper modules); Go: golang-jwt (external test package, examples),
             go-yaml (gocheck suite); 295 tests, 241 with a subject), labelled by measure36p for issue 13 from their
             build files and test runners while another session tuned the rules; measure36p changed no rule and never
             ran pairing, test detection or this benchmark on them (the labeller never ran it). Read at the commits in
             their JSON files (the ``fetch`` tool's GitHub snapshots); held out from round 31, run by the lead before and
             after it (rows only). Its misses may be read from round 32 on: it is part of "dev" since then.
    blind30  benchmarks/data/test_pairs_blind30/*.json: 18 more repositories, weighted to C and C++ (C: libstrophe
             (Makefile.am TESTS, tests/test_X.c compiling or #including the source it tests, names unlike their
             subjects), wslay (one CUnit program, tests/wslay_X_test.c -> lib/wslay_X.c), aws-c-compression,
             aws-c-event-stream, aws-c-cal, aws-checksums (aws-c-common's one-driver harness, API files that dispatch
             to platform backends); C++: SQLiteCpp (googletest, tests/X_test.cpp), ada (topic-named googletest and
             ctest programs, Python tests of its release tooling), inja (doctest files #included by one main,
             header-only), cpptrace (googletest under test/unit/{internals,lib,tracing}), sml (one ctest program per
             feature file of a single-header library); Python: typeguard (src layout), python-tabulate (a one-module
             library); TypeScript: redux (vitest specs and --typecheck type tests, example apps with jest specs beside
             their sources); Rust: bumpalo (one tests/all target of feature-gated modules); Go: zap's zapcore (scope
             zapcore), go-cache, backoff; 237 tests, 211 with a subject), labelled by measure37p for issue 13 from
             their build files and test runners while another session tuned the rules; measure37p changed no rule
             and never ran pairing, test detection or this benchmark on them (the labeller never ran it). Read at the
             commits in their JSON files (the ``fetch`` tool's GitHub snapshots). Held out (HELD_OUT): frozen by
             measure37p, run only by name by the lead before and after rounds 32 and 33 (rows only): 0.673 / 0.877
             before and after round 32, 0.744 / 0.863 after round 33 (C 0.476 -> 0.833). Its misses may be read from
             round 34 on: it is part of "dev" since then.
    blind31  benchmarks/data/test_pairs_blind31/*.json: 14 more repositories, weighted to C++, Python and C (C:
             Collections-C (one munit program per test/unit/X_test.c -> src/cc_X.c, memory/ and sized/ subfolders),
             iniparser (Unity programs #including the source they test), sniproxy (Makefile.am check_PROGRAMS
             tests/X_test.c -> src/X.c beside Perl system tests); C++: mpark/variant (one googletest program per
             feature file of a single-header library), cpp-peglib (googletest files of the single header peglib.h,
             plus cargo tests of its Rust port), fast_float (ctest programs of topic-named files whose functions
             fast_float.h only declares: defined in parse_number.h); Python: platformdirs (src layout, one test per
             platform module), python-rsa (tests named by topic: test_integers.py -> core.py, test_strings.py ->
             pkcs1.py), dominate (tests named after modules, an end-to-end rendering test); TypeScript: minimatch
             (node-tap, topic-named .js and .ts tests of one index.ts, AST tests); Rust: rustversion (a proc-macro
             crate, a test of build/rustc.rs through include!), xmlparser (one integration target of mod files);
             Go: go-immutable-radix, gorilla/schema; 162 tests, 156 with a subject), labelled by measure38p for issue
             13 from their build files and test runners while another session tuned the rules; measure38p changed no
             rule and never ran pairing, test detection or this benchmark on them (the labeller never ran it). Read at
             the commits in their JSON files (the ``fetch`` tool's GitHub snapshots). Held out (HELD_OUT): frozen by
             measure38p, run only by name by the lead before and after rounds 34 and 35 (rows only): 0.577 / 0.938 before
             round 34, after it and after round 35 (C 1.000, Go 1.000, Python 0.889, C++ 0.476, Rust 0.100,
             TypeScript 0.087); test detection precision 0.955 -> 0.961, recall 0.920. Its misses may be read from
             round 36 on: it is part of "dev" since then.
    blind32  benchmarks/data/test_pairs_blind32/*.json: 16 more repositories, weighted to TypeScript, Rust and C++
             (TypeScript: ow (ava tests named after the predicate classes of source/predicates/, type tests),
             yargs-parser (mocha .mjs tests of the built lib/, Deno and browser entry tests), ts-jest (jest specs
             beside their modules, scope src), class-validator (functional specs by topic of one validation
             executor, two specs beside their decorators); Rust: pest (a workspace: integration targets of the
             derive, grammars, vm and pest crates), proc-macro2 (tests of the fallback implementation, auto-trait and
             size checks), cc-rs (integration targets of one large lib.rs, a dev-tools crate checked end to end);
             C++: boost-endian and boost-describe (Boost.Test programs from test/Jamfile, headers under
             include/boost/, functions declared in one header and defined in a detail/ one), gflags (CMake test
             programs of src/gflags.cc and the generated *.h.in headers); C: valkey (src/unit/test_X.c -> src/X.c,
             scope src), xxHash (Makefile test programs of the single header xxhash.h); Python: transitions (test
             classes rerun on each extension's machine), webob (src layout, one test module per module); Go:
             cespare/xxhash (benchmarks, a plugin check), oklog/ulid; 255 tests, 222 with a subject), labelled by
             measure39p for issue 13 from their build files and test runners while another session tuned the rules;
             measure39p changed no rule and never ran pairing, test detection or this benchmark on them (the
             labeller never ran it). Read at the commits in their JSON files (the ``fetch`` tool's GitHub
             snapshots). Held out (HELD_OUT): frozen by measure39p, run only by name by the lead (rows only); not in
             "dev" or "all". Before round 36 and after each of rounds 36, 36b and 37: 0.644 / 0.803 every time (C
             0.875, C++ 0.681, Go 1.000, Python 0.763, Rust 0.241, TypeScript 0.642; test detection precision 0.960,
             recall 0.949). Its misses may be read from round 38 on: it is part of "dev" since then.
    blind33  benchmarks/data/test_pairs_blind33/*.json: 17 more repositories, weighted to TypeScript, Rust and C++
             (TypeScript: parser-ts and monocle-ts (jest, testRegex 'test': test/X.ts per src/X.ts, monocle-ts's
             test/2.2/ tests of the classes in src/index.ts), class-transformer (functional specs by topic of one
             transform executor and its metadata storage); Rust: ciborium (a workspace: integration targets of the
             serde Deserializer, Value and tags), curl-rust (integration targets of the easy and multi handles, a
             harness = false program), xml-rs (reader and writer targets, a W3C conformance run), rust-phf (a
             workspace whose test crates test the proc macros of another crate, a test crate that is one
             #[cfg(test)] module); C++: boost-align and boost-io (test/Jamfile programs of headers under
             include/boost/, pointer overloads in detail/ headers), highwayhash (per-target test units that only
             #define the target and #include a shared body, a C port and a Java port with their tests); C:
             speexdsp (test programs beside their sources), libidn2 (Makefile.am ctests of lib/), tiny-bignum-c
             (test programs of one bn.c, Python drivers); Python: parsimonious (tests inside the package), apispec
             (src layout, the marshmallow extension's modules); Go: ksuid, go-memdb; 151 tests, 129 with a subject),
             labelled by measure40p for issue 13 from their build files and test runners while another session tuned
             the rules; measure40p changed no rule and never ran pairing, test detection or this benchmark on them
             (the labeller never ran it). Read at the commits in their JSON files (the ``fetch`` tool's GitHub
             snapshots). Held out (HELD_OUT): frozen by measure40p, run only by name by the lead (rows only); not in
             "dev" or "all".

One JSON file per repository (paths only, no third-party code):

    {"name": ..., "language": ..., "source": {"kind": "pypi"|"npm"|"github", "spec": ..., "commit": ...},
     "subdir": "" (the repository root inside the download), "scope": "" (only this folder is read),
     "checkout": download folder when it is not "name" (two entries sharing one download),
     "pairs": [{"test": path, "subject": path | null}],
     "notes": {path: why}, "labelled_from": how the tests were found (frozen set)}

"pairs" lists every file that is a test of the repository; subject null = no clear single subject.
The sources are not committed: fetch them into --root first (``--fetch`` runs pip/npm for pypi/npm
entries; github entries print the git commands to run: ``git clone`` and ``git checkout <commit>``). Then:

    python benchmarks/test_pairing_accuracy.py --root /tmp/repoloom-testpairs [--fetch] [--set frozen|dev|blind6|...] [--show-misses]

Figures (printed): test detection precision/recall over the repository's code files, and subject
precision (correct subjects / subjects proposed for true tests) and recall (correct subjects /
tests with a clear subject), per repository and overall, with pairs by rule. P counts subjects
proposed for tests with a clear subject (the issue's measure); P.all also counts a subject proposed
for a test whose truth is null as wrong.
Reproducing the frozen set: its GitHub entries were read at the commits recorded in their JSON files
(``git clone https://github.com/<spec> <root>/<name> && git -C <root>/<name> checkout <commit>``); its PyPI
entries are fetched by ``--fetch``. Three data tables of double-conversion (test/cctest/gay-*.cc, over 1 MB)
are skipped by the size limit anyway.

Measured (issue 13; frozen labels committed before any rule change, rules then written with the tuning set and
the frozen baseline's misses in view; held-out labels committed after the rules were final, run once):

    set      R      P      P.strict   per-language R
    frozen   0.548  0.831  0.733      c 0.212  cpp 0.333  go 0.833  python 0.806  rust 0.714  typescript 0.500   (before)
    frozen   0.904  0.976  0.904      c 1.000  cpp 0.952  go 0.833  python 0.861  rust 0.857  typescript 0.833   (after)
    tuning   0.928  0.980  0.878      (before)
    tuning   0.973  0.992  0.889      (after)
    heldout  0.598  0.800  0.693      c 0.048  cpp 0.400  go 1.000  python 1.000  rust 0.500  typescript 0.967   (before)
    heldout  0.862  0.974  0.852      c 0.571  cpp 1.000  go 1.000  python 1.000  rust 0.500  typescript 0.967   (after, blind)

Second round (blind set committed first, f51a414; rules then tuned on tuning + frozen + held-out only: the calls
rule, names joined from folder and file, agent nouns, facades decided by definitions, Rust calls):

    set      R      P      P.strict   per-language R
    tuning   0.973  0.992  0.889
    frozen   0.933  0.977  0.900      c 0.970  cpp 1.000  go 0.833  python 0.944  rust 0.905  typescript 0.833
    heldout  0.966  1.000  0.866      c 0.905  cpp 1.000  go 1.000  python 1.000  rust 1.000  typescript 0.967   (misses known)
    blind    0.767  0.908  0.821      c 0.660  cpp 0.644  go 1.000  python 0.926  rust 0.800  typescript 0.885   (run once)

On the blind set, 18 of the 42 tests with a subject that were missed or paired wrongly were not detected as
tests at all (crc32c src/*_unittest.cc, glog's ctest projects under src/*_unittest/, six jansson api tests,
itsdangerous test_url_safe.py); libcbor's tests include the umbrella cbor.h, whose own implementation cbor.c
then stands for every test; fmt's header-only subjects lose to src/format.cc and src/os.cc.

Third round (blind2 committed first, 1fb6ae0; rules then tuned on tuning + frozen + held-out + blind: tests found by
gtest instantiation macros, C test functions by name (run_tests), folders named for tests, Python Test classes
inheriting tests; header-only subjects; umbrella headers with their own .c; Go name pairs within the package folder;
tests named after an imported function):

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.973  0.992  0.889
    frozen   0.933  0.977  0.900      c 0.970  cpp 1.000  go 0.833  python 0.944  rust 0.905  typescript 0.833
    heldout  0.966  1.000  0.866      c 0.905  cpp 1.000  go 1.000  python 1.000  rust 1.000  typescript 0.967
    blind    0.844  0.933  0.864      c 0.745  cpp 0.800  go 1.000  python 0.963  rust 0.800  typescript 0.962   (misses known)
    blind2   0.810  0.892  0.810      c 0.733 (0.688)  cpp 0.707 (0.788)  go 1.000 (1.000)  python 1.000 (1.000)
                                      rust 0.886 (0.838)  typescript 1.000 (0.667, 2 tests with a subject)   (run once)

On blind2 the misses are mostly C and C++: libevent's test/regress_*.c pair with their own test/regress_*.h helpers
by name or with event.c through calls (R 0.450); spdlog's subjects are -inl.h implementations of headers, and its
tests pair with the declaring header or src/*.cpp (R 0.389); rapidjson's header-only subjects are missed when the
test reaches them only through other headers (R 0.739). The nghttp2 row counts src/*_test.cc as extra tests in det.P:
they are labelled in nghttp2-apps.

Fourth round (blind3 committed first, 7421485; rules then tuned on tuning + frozen + held-out + blind + blind2; the
per-language conventions are fields of each language's record in syntax/lang/): a main that hands over to a test
runner (RUN_ALL_TESTS, munit/tinytest mains) is a test main, not a test; a C test's namesake header beside it
declares the test's own functions and is never its subject; a first word shared by three or more tests of a folder
names the suite (test/regress_http.c -> http.c); x-inl.h beside x.h holds x.h's implementation unless x.h defines
more; "<name>test.cpp" in a test folder names <name>; a test named after a declarations-only header goes to the file
defining what it calls. Run once at the end:

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.973  0.992  0.889
    frozen   0.933  0.977  0.900      c 0.970  cpp 1.000  go 0.833  python 0.944  rust 0.905  typescript 0.833
    heldout  0.966  1.000  0.866      c 0.905  cpp 1.000  go 1.000  python 1.000  rust 1.000  typescript 0.967
    blind    0.844  0.933  0.864      c 0.745  cpp 0.800  go 1.000  python 0.963  rust 0.800  typescript 0.962
    blind2   0.879  0.933  0.855      c 0.800 (0.735)  cpp 0.862 (0.893)  go 1.000  python 1.000  rust 0.886 (0.838)
                                      typescript 1.000   (misses known)
    blind3   0.766  0.910  0.812      c 0.941 (0.941)  cpp 0.381 (0.421)  go 1.000 (0.861)  python 0.889 (1.000)
                                      rust 0.619 (0.812)  typescript 0.974 (1.000)   (run once; 287 tests, 197 with a subject)

On blind3, C passes (mpack, libexpat, sc: 0.941) and C++ and Rust do not. CLI11 (R 0.083) keeps its implementations
in include/CLI/impl/X_inl.hpp, a folder below the declaring X.hpp, which the -inl rule (same folder only) does not
follow, so tests pair with X.hpp; 13 of google/benchmark's 56 tests are programs that only register benchmarks
(BENCHMARK(...), with BENCHMARK_MAIN() or a main linked in) and are not detected as tests, and its gtest files pair
through calls with benchmark_register.cc; yaml-cpp's node tests pair by name with src/node.cpp. In Rust, syn's tests
are named after a concept whose module is abbreviated or elsewhere (test_attribute.rs -> attr.rs,
test_visibility.rs -> restriction.rs), and quick-xml misses its four serde tests, of which serde-se.rs, like
reader-dtd.rs, writes its #[test] functions inside macro_rules! bodies that the marker query does not see (neither is
detected as a test). Of the 20 subjects proposed for tests without one, 9 are google/benchmark's and 4 logrus's
(logrus_test.go -> logrus.go, formatter_bench_test.go -> formatter.go and two example files in hooks/slog).

Fifth round (blind4 committed first, d47c84c; rules then tuned on tuning + frozen + held-out + blind + blind2 +
blind3): an implementation header may live in a folder below its header (implementation_header_folders, C/C++
"impl": CLI11's include/CLI/impl/App_inl.hpp for include/CLI/App.hpp); a Cargo integration test whose shortened name
leaves namesakes tied by folder takes the one in its own crate's src/ (package_test_folders, Rust: syn's
tests/test_parse_buffer.rs -> src/parse.rs, not dev/parse.rs or codegen/src/parse.rs). Run once at the end:

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.973  0.992  0.889
    frozen   0.933  0.977  0.900
    heldout  0.966  1.000  0.866
    blind    0.844  0.933  0.864
    blind2   0.879  0.933  0.855
    blind3   0.807  0.919  0.815      c 0.941 (0.941)  cpp 0.524 (0.489)  go 1.000 (0.861)  python 0.889 (1.000)
                                      rust 0.667 (0.824)  typescript 0.974 (1.000)   (misses known; was 0.766 / 0.812)
    blind4   0.711  0.978  0.911      c 0.333 (0.800)  cpp 0.676 (0.960)  go 1.000 (1.000)  python 0.636 (0.875)
                                      rust 0.889 (0.774)  typescript 1.000 (1.000)   (run once; 210 tests, 187 with a subject)

On blind4, pairing is precise (P 0.978) and recall is lost to detection: det.R 0.776. cwalk's 14 test/*_test.c
(test functions named after the case, e.g. absolute_simple, dispatched by test/main.c from CMake's create_test list)
and Unity's own test/tests/test_unity_*.c (void testX(void) functions whose runner is generated) are not detected;
neither are 15 of pugixml's tests (compile-only header checks test_header_*.cpp and test_version.cpp without a
TEST, and files whose tests are all written with pugixml's own TEST_XML / TEST_XML_FLAGS macros). cachetools'
test_lru.py,
test_rr.py and test_ttl.py miss src/cachetools/__init__.py, which defines every cache class; robin-map's
policy_tests.cpp and custom_allocator_tests.cpp (Boost.Test) are missed; indexmap's workspace test crates
test-serde and test-sval (tests in src/lib.rs) are not detected. Of the 23 tests without a subject, 10 were given
one (rust-base64's src/tests.rs -> src/alphabet.rs, petgraph's tests/graph.rs -> crates/core/src/graph/mod.rs, Unity's
parameterized tests and pugixml's header-only builds -> the implementation, ...).
Tried in the fifth round and dropped (dev strict P fell): a singular module for a plural test name
(encodings.rs -> encoding.rs: +1 on blind3, -1 each on tuning and blind); #[test] inside macro_rules! bodies
(quick-xml's serde-se.rs detected, but itertools' tests/laziness.rs then paired with src/lib.rs, blind P.strict
0.864 -> 0.859); Google Benchmark registrations (BENCHMARK, BENCHMARK_MAIN) as test markers in test-named files
(blind3 R 0.807 -> 0.817 and det.R 0.930 -> 0.972, but P.strict 0.815 -> 0.797: the new tests take
benchmark_register.cc or benchmark_main.cc as subjects); an abbreviated module (test_attribute.rs -> attr.rs:
R fell on tuning and blind2).

Sixth round (blind5 committed first, 1c046af; rules then tuned on tuning + frozen + held-out + blind + blind2 +
blind3 + blind4): C/C++ tests found without a framework's macros: Unity's void testX(void) cases, RUN_TEST(f) of a
function defined in the same file (a generated runner's RUN_TEST calls functions defined elsewhere and a main
calling UnityBegin / UNITY_BEGIN hands over: runners are no tests), a project's own test-case macros written as
TEST_XML(name, "...") { ... }, exported parameterless functions named after a test-named file of a test folder (cwalk's
test/absolute_test.c: int absolute_simple(void), run by test/main.c), a test-named source of a test folder that
defines no function and includes a local header (a compile-only check, marked compile_only; pugixml's
tests/test_header_guard.cpp); a macro named in a #define and a header's test_x(const T&) helpers are no test cases
(pugixml's tests/test.hpp is the tests' helper). A compile-only check not named after its subject pairs with the one
header it includes (never that header's implementation; several headers: none). A test named only for its kind
(fuzz, quickcheck, loom, chaos, compiletest, regression/issueN, testN: tests/quick.rs, fuzz_test.go, json-c's test1.c)
gets no subject from the calls, use or lexical rules, nor from the include rule's choice among several
implementations. Run once at the end:

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.973  0.992  0.889      (unchanged)
    frozen   0.933  0.977  0.906      rust 0.905 (0.950; was 0.905)
    heldout  0.966  1.000  0.884      c 0.905 (0.905; was 0.826)
    blind    0.844  0.933  0.879      c 0.745 (0.854; was 0.833)  rust 0.800 (0.870; was 0.800)
    blind2   0.885  0.933  0.860      c 0.822 (0.740; was 0.800 (0.735))  rust 0.886 (0.861; was 0.838)
    blind3   0.807  0.919  0.820      cpp 0.524 (0.500; was 0.489)
    blind4   0.936  0.978  0.926      c 0.917 (0.892)  cpp 0.972 (0.972)  go 1.000  python 0.636 (0.875)  rust 0.889
                                      (0.774)  typescript 1.000   (misses known; was 0.711 / 0.978 / 0.911, det.R 0.776 -> 0.952)
    blind5   0.709  0.940  0.867      c 0.708 (0.810)  cpp 0.635 (0.943)  go 1.000 (1.000)  python 0.833 (0.833)
                                      rust 0.765 (0.812)  typescript 1.000 (0.667)   (run once; 150 tests, 110 with a subject)
    blind5   0.655  0.935  0.857      c 0.458 (0.733), the rest as above   (the fifth round's rules on blind5, for comparison)

On blind5 the new rules help only C (stb's compile-only header checks: R 0.300 -> 0.900); recall is lost elsewhere.
cereal (R 0.611): each unittests/X.cpp includes its own test-template header unittests/X.hpp, whose includes
(include/cereal/types/X.hpp) the include rule does not follow, and names like multimap.cpp, pair.cpp,
portable_binary_archive.cpp match no file. libdeflate (R 0.167): four programs/test_*.c define tmain (a macro for
main) and are not detected, and the others pair through programs/test_util.h with programs/prog_util.c. tempfile
(R 0.400): tests/namedtempfile.rs, tempdir.rs and tempfile.rs are named after what src/file/mod.rs and src/dir/mod.rs
define. magic_enum: test/test.cpp and test_flags.cpp miss their headers, test_aliases.cpp takes its own config header
test/aliases.hpp. Subjects proposed for tests without one (strict P): lz4's roundTripTest.c and nom's overflow.rs and
expression_ast.rs (calls), libdeflate's test_checksums.c (calls: programs/checksum.c), hookable's types.test.ts
(import), toolz's test_curried_doctests.py (lexical), magic_enum's test_module_aliases.cpp (name).
Tried in the sixth round and dropped (dev figures fell): BOOST_AUTO_TEST_CASE_TEMPLATE and friends as markers
(robin-map's policy_tests.cpp detected, then paired lexically with robin_hash.h: blind4 P.strict 0.926 -> 0.921); a
header-only rule (the one repository header a test includes, when nothing it includes has an implementation: blind
P.strict 0.879 -> 0.858, jansson's api tests then took jansson.h); a role-named test getting no subject from the
import rule either (argparse's test/test_issue_37.cpp lost its one header).

Seventh round (blind6 committed first, 0ecf2c7; rules then tuned on tuning + frozen + held-out + blind + blind2 +
blind3 + blind4 + blind5): a Cargo integration test that no file is named after pairs with the one module below the
crate root that defines a type of the test's name, when the test names that type (tempfile's tests/namedtempfile.rs
-> src/file/mod.rs, tests/tempdir.rs -> src/dir/mod.rs's TempDir rather than the crate root's Builder::tempdir; a type
of that name in the crate root, a function or method of that name, or a type the test never names: no subject); in
C and C++, a header in a test folder named for what the test is named after (magic_enum's test/aliases.hpp beside
test/test_aliases.cpp) is the test's own, never its subject. Run once at the end:

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.973  0.992  0.889      (unchanged)
    frozen   0.933  0.977  0.906      (unchanged)
    heldout  0.966  1.000  0.884      (unchanged)
    blind    0.844  0.933  0.879      (unchanged overall; fmt's test/posix-mock-test.cc now right, test/scan-test.cc,
                                      whose subject test/scan.h lies in the test folder, now wrong)
    blind2   0.885  0.933  0.860      (unchanged)
    blind3   0.807  0.919  0.820      (unchanged)
    blind4   0.936  0.978  0.926      (unchanged)
    blind5   0.736  0.953  0.880      cpp 0.654 (0.971; was 0.635 (0.943))  rust 0.882 (0.833; was 0.765 (0.812))
                                      (misses known; was 0.709 / 0.940 / 0.867)
    blind6   0.600  0.938  0.909      c 0.600 (0.600)  cpp 0.150 (0.750)  go 1.000 (1.000)  python 1.000 (1.000)
                                      rust 0.800 (1.000)  typescript 1.000 (1.000)   (run once; 55 tests, 50 with a subject)
    blind6   0.600  0.938  0.909      the sixth round's rules on blind6, for comparison: the same figures
    blind6   0.840  0.955  0.933      after that run: extension-less headers in an include/ folder read as C++
                                      (syntax/languages.py; made for GSL's misses, so not blind): c 0.600 (0.600)
                                      cpp 0.750 (0.938); every dev set's figures unchanged

On blind6, 14 of the 50 tests with a subject are GSL's tests/*_tests.cpp, whose subjects are extension-less C++
headers (include/gsl/span, include/gsl/pointers, ...): they are not read as code at all, so each is missed (R 0.000);
without GSL, recall is 30 / 36 = 0.833. The other misses: tinyexpr's smoke.c (a main in the repository root, not named
or placed as a test, run by the Makefile) is not detected; aklomp/base64's test/test_base64.c pairs by name with the
command-line program bin/base64.c instead of lib/lib.c; cxxopts' link check test/link_b.cpp (an include only) and
test/fuzz.cpp (LLVMFuzzerTestOneInput) are not detected and test/link_a.cpp pairs lexically with src/example.cpp;
fastrand's tests/smoke.rs is named for its kind ("smoke"), so the calls rule gives it nothing. Subjects proposed for
tests without one: aklomp/base64's test/benchmark.c -> lib/lib.c (calls). zlib's contrib/ test programs are counted
as extra tests (det.P 0.429).
Tried in the seventh round and dropped: tmain / wmain / _tmain as a test program's main (libdeflate's four
programs/test_*.c were detected, then all paired through programs/test_util.h with programs/prog_util.c: blind5
P.strict 0.870 -> 0.823); any definition of the test's name, functions and methods included, with the crate root's
giving way to a module below it (tempfile's tests/tempfile.rs and itertools' tests/tuples.rs right, but semver's
test_version_req.rs, crossbeam's after.rs and quick-xml's html.rs took wrong subjects: tuning P.strict 0.889 -> 0.886,
blind2 P 0.933 -> 0.928); a type of the test's name that the test does not name (anyhow's tests/test_boxed.rs took
src/kind.rs, nom's tests/float.rs src/number/mod.rs: frozen P.strict 0.906 -> 0.900).

Eighth round (blind7 committed first, 99bf5cd; rules then tuned on tuning + frozen + held-out + blind .. blind6): a C
or C++ source defining main is a program (a command-line tool, an example) that cannot be linked into a test, so it is
no candidate subject for any rule (aklomp/base64's test/test_base64.c -> lib/lib.c, not bin/base64.c; sc's
map/map_test.c -> map/sc_map.c, not map/map_example.c); a main in a header, or compiled only under a preprocessor
condition (a library file's self-test: #ifdef KSTRING_MAIN), does not make a program; the programs still weigh terms
in the lexical index. In a header-only library (no implementation file outside tests, examples and programs), a test
that reaches no implementation pairs with the repository header it includes that holds code, when that header
defines more of what the test uses than any header it includes (rapidjson's jsoncheckertest.cpp uses reader.h's
Reader as much as document.h's Document: no subject), or when it is the only one; of several included headers, the
one whose name holds the test's (magic_enum's test/test_flags.cpp -> magic_enum_flags.hpp), else the one the test's
vocabulary agrees with (GSL's tests/owner_tests.cpp -> include/gsl/pointers, cxxopts' test/link_a.cpp -> the one
header). Run once at the end:

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.973  0.992  0.889      (unchanged)
    frozen   0.933  0.977  0.906      (unchanged)
    heldout  0.966  1.000  0.884      (unchanged)
    blind    0.844  0.933  0.879      (unchanged)
    blind2   0.885  0.933  0.860      (unchanged)
    blind3   0.817  0.931  0.826      c 1.000 (1.000; was 0.941 (0.941))  cpp 0.524 (0.489; was 0.500: yaml-cpp's
                                      error_messages_test.cpp, no clear subject, now takes src/parse.cpp once
                                      util/parse.cpp, a program, is out)   (was 0.807 / 0.919 / 0.820)
    blind4   0.936  0.978  0.926      (unchanged)
    blind5   0.745  0.953  0.882      cpp 0.673 (0.972; was 0.654 (0.971))   (was 0.736 / 0.953 / 0.880)
    blind6   0.880  1.000  0.978      c 0.800 (0.800; was 0.600 (0.600))  cpp 0.800 (1.000; was 0.750 (0.938))
                                      (misses known; was 0.840 / 0.955 / 0.933)
    blind7   0.671  0.922  0.922      c 0.968 (0.968)  cpp 0.273 (0.857)  go 1.000 (1.000)  python 0.800 (0.800)
                                      rust 0.167 (0.500)  typescript 1.000 (1.000)   (run once before any rule change;
                                      70 tests, 70 with a subject)
    blind7   0.714  0.909  0.909      c 0.903 (0.933)  cpp 0.500 (0.917)  go 1.000  python 0.800 (0.800)
                                      rust 0.167 (0.500)  typescript 1.000   (run once at the end: the blind figure)
    blind7   0.729  0.911  0.911      c 0.935 (0.935), the rest as above: after that run showed klib's kstring.c and
                                      kmath.c (a main under #ifdef KSTRING_MAIN / #ifdef KF_MAIN) taken for programs,
                                      a main under a preprocessor condition no longer makes a program (a bug of the new
                                      rule; no longer a blind figure; every dev set's figures unchanged)

On blind7, C++ recall is lost to parallel-hashmap (R 0.526): its tests/parallel_*_test.cc include another test file
(#include "parallel_hash_map_test.cc") rather than the library header and get no subject, as does
container_memory_test.cc; tinyxml2's xmltest.cpp (a program in the repository root) and expected-lite's
test/expected.t.cpp (lest) are not detected as tests. Rust recall (0.167) is lost to Cargo tests whose subject is
the crate root: httparse's tests/uri.rs is not detected as a test, itoa's tests/test.rs and lazy-static's tests/test.rs and tests/ui.rs
(trybuild) get no subject, and lazy-static's tests/no_std.rs pairs lexically with src/inline_lazy.rs. jsmn's
test/tests.c pairs by name with its own framework header test/test.h; markupsafe's test_ext_init.py takes the
_speedups.pyi stub rather than _speedups.c. klib's test/kstring_test.c now pairs by name with kstring.h (it uses
three of its inline functions and one of kstring.c's; its own main had counted as a shared name with kstring.c's
main before). C's recall and strict precision are 0.903 / 0.933 blind (0.935 after the fix).

Ninth round (blind8 committed first, 35796f8; rules then tuned on tuning + frozen + held-out + blind ..
blind7): a Rust integration test named only "test" (tests/test.rs, tests/tests.rs, tests/smoke.rs; not a fuzz or
property run such as tests/quick.rs) that reaches its own crate by name (use itoa::Integer, itoa::Buffer::new(),
#[macro_use] extern crate lazy_static and the lazy_static! macro; the crate named like the package's folder or the
repository, hyphens and a rust-/.rs affix aside) pairs with the crate root when the root defines the most of the
crate's items, functions and macros it names (itoa's and lazy-static's tests/test.rs, fastrand's tests/smoke.rs ->
src/lib.rs). A #[test] written inside a macro_rules body of a file in tests/ counts as a test case (httparse's
tests/uri.rs). lest's CASE( "..." ) marks a C++ test (expected-lite's test/expected.t.cpp). A C or C++ test with no
subject of its own that includes exactly one other test source takes that test's subject (parallel-hashmap's
tests/parallel_*_test.cc -> parallel_hash_map_test.cc -> flat_hash_map_test.cc -> phmap.h). The benchmark now names a
repository's facts after its checkout folder (the crate-name check reads it).

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.973  0.992  0.889      (unchanged)
    frozen   0.933  0.977  0.906      (unchanged)
    heldout  0.966  1.000  0.884      (unchanged)
    blind    0.844  0.933  0.874      rust 0.800 (0.833; was 0.870): itertools' tests/laziness.rs (its #[test]s are
                                      written by a macro) is now found; its truth is no single subject and it takes
                                      src/lib.rs by the calls rule   (was 0.844 / 0.933 / 0.879)
    blind2   0.885  0.933  0.860      (unchanged)
    blind3   0.822  0.931  0.827      rust 0.690 (0.829; was 0.667 (0.824)): quick-xml's tests/serde-se.rs found and
                                      paired   (was 0.817 / 0.931 / 0.826)
    blind4   0.936  0.978  0.926      (unchanged; indexmap's tests/quick.rs now found, no subject, as labelled)
    blind5   0.745  0.953  0.882      (unchanged)
    blind6   0.900  1.000  0.978      rust 1.000 (1.000; was 0.800)   (was 0.880 / 1.000 / 0.978)
    blind7   0.886  0.925  0.925      cpp 0.864 (0.950; was 0.500 (0.917))  rust 0.667 (0.800; was 0.167 (0.500))
                                      (misses known; was 0.729 / 0.911 / 0.911)
    blind8   0.852  1.000  1.000      c 1.000 (1.000)  cpp 0.857 (1.000)  go 1.000 (1.000)  python 1.000 (1.000)
                                      rust 0.333 (1.000)  typescript 0.750 (1.000)   (run once before any rule change;
                                      56 tests, 54 with a subject)
    blind8   0.907  0.980  0.980      c 1.000 (1.000)  cpp 0.857 (0.947)  go 1.000  python 1.000  rust 0.833 (1.000)
                                      typescript 0.750   (run once at the end: the blind figure)

On blind8 after the round, gulrak/filesystem's test/fwd_test.cpp (it #includes filesystem_test.cpp to run the same
cases through the forward-declaration header fs_fwd.hpp) takes filesystem_test.cpp's subject filesystem.hpp by the
new included-test rule, where its label is fs_fwd.hpp (before: no subject). Still missed: hopscotch-map's
custom_allocator_tests.cpp and policy_tests.cpp (as robin-map's in blind4), unicode-ident's tests/compare.rs (named
for no subject; it reaches the crate by unicode_ident:: paths but is not named only "test"), cookie-es'
set-cookie-parser.test.ts (the file is src/set-cookie/parse.ts).

Tenth round (blind9 committed first, 257bef1; rules then tuned on tuning + frozen + held-out + blind .. blind8):
Boost.Test's BOOST_AUTO_TEST_CASE_TEMPLATE / BOOST_FIXTURE_TEST_CASE_TEMPLATE / BOOST_DATA_TEST_CASE and Catch2's
TEMPLATE_TEST_CASE family mark a C++ test (robin-map's and hopscotch-map's tests/policy_tests.cpp, then paired with
their one growth-policy header). A test of a header-only library keeps its one included header when it uses the class
the header is named after and no header below defines that name (tests/custom_allocator_tests.cpp -> robin_map.h;
GSL's tests/no_exception_ensure_tests.cpp stays unpaired: span_ext defines span too). A qualified agent noun answers
to the action, beside or joined with its folder (cookie-es' test/set-cookie-parser.test.ts -> src/set-cookie/parse.ts;
a lone tests/fuzzer.c does not). A topic-named test importing one name through the package's entry point, which
defines it itself, pairs with the entry point (cachetools' tests/test_lru.py -> src/cachetools/__init__.py). A word
written in full finds the module named short (ufo's test/utilities.test.ts -> src/utils.ts). The benchmark now also
reads the configuration files the resolver uses (package.json, tsconfig/jsconfig, go.mod, composer.json), as the
build does: before, an import of a package by its own name ('@reduxjs/toolkit') resolved nowhere. That alone moved
tuning 0.973/0.992/0.889 -> 0.981/0.992/0.887, frozen P.strict 0.906 -> 0.894 and held-out 0.884 -> 0.875 (tests
with no clear subject now reach a module through the package import); blind9 did not move (run with the old rules).

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.981  0.992  0.887      (the benchmark fix; rules: unchanged)
    frozen   0.933  0.977  0.894      (the benchmark fix; rules: unchanged)
    heldout  0.966  1.000  0.875      (the benchmark fix; rules: unchanged)
    blind    0.850  0.933  0.874      typescript 1.000 (1.000; was 0.962): ufo's utilities.test.ts   (was 0.844)
    blind2   0.885  0.933  0.860      (unchanged)
    blind3   0.822  0.931  0.827      (unchanged)
    blind4   0.963  0.978  0.928      cpp 1.000 (0.973; was 0.972 (0.972)): robin-map; python 0.909 (0.909; was
                                      0.636 (0.875)): cachetools   (was 0.936 / 0.978 / 0.926)
    blind5   0.745  0.953  0.882      (unchanged)
    blind6   0.900  1.000  0.978      (unchanged)
    blind7   0.886  0.925  0.925      (unchanged)
    blind8   0.963  0.981  0.981      cpp 0.952 (0.952; was 0.857 (0.947))  typescript 1.000 (was 0.750)
                                      (misses known; was 0.907 / 0.980 / 0.980)
    blind9   0.645  0.952  0.833      c 1.000 (1.000)  cpp 0.889 (0.889)  go 1.000 (1.000)  python 0.000 (n/a)
                                      rust 1.000 (1.000)  typescript 0.300 (0.500)   (run once before any rule change;
                                      39 tests, 31 with a subject; the same with the benchmark fix and the old rules)
    blind9   0.677  1.000  0.875      c 1.000 (1.000)  cpp 1.000 (1.000)  go 1.000  python 0.000 (n/a)  rust 1.000
                                      (1.000)  typescript 0.300 (0.500)   (run once at the end: the blind figure)

On blind9 the rows show where recall is lost (its misses were not listed): p-queue's topic-named tests (test/basic.ts,
advanced.ts, ...: R 0.125) and tomli's tests/test_*.py (R 0.000), which reach the package through tests/__init__.py;
radix3's and std-env's index/bundle tests with no clear subject take one (P.strict 0.500 and 0.333).

Eleventh round (blind10 committed first, 82565b5; rules then tuned on tuning + frozen + held-out + blind .. blind9):
a topic-named test that takes the package whole, by its default export alone or through its own test package
(tests/__init__.py: import tomli as tomllib), pairs with the one file, of the entry point and the modules it re-exports
from, that defines every name of the package the test uses; the entry itself only when it defines three or more of
them (p-queue's test/basic.ts -> source/index.ts; tomli's tests/test_*.py -> src/tomli/_parser.py; ky's thin index.ts
is not taken). A test importing one name through an entry that re-exports it takes the module it comes from, unless
the test also imports the entry's default export or that module declares only types (jotai's vanilla/basic.test.tsx
-> src/vanilla/atom.ts). A module that only re-exports is a facade whatever its name, and the longer imported name
breaks a tie among namesakes (zustand's tests/subscribe.test.tsx -> middleware/subscribeWithSelector.ts); helpers of
the test's own are set aside when the test imports the name it is called after (redux-toolkit's buildCreateApi.test.tsx
-> query/createApi.ts); names agree in the singular (unstorage's driver-dependencies.test.ts -> src/_drivers.ts).
Guards: a test named for an entry point that only re-exports several modules has no subject (std-env's and
neverthrow's index tests); a build tool's configuration (build.config.ts) is never a subject. tsd's assertions
(expectType, ...) are test cases of a *.test-d.ts file (p-queue's test-d/index.test-d.ts is now a test).

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.985  0.992  0.887      typescript 1.000 (0.943; was 0.985 (0.942))   (was 0.981 / 0.992 / 0.887)
    frozen   0.941  0.977  0.901      typescript 0.917 (0.688; was 0.833 (0.625))   (was 0.933 / 0.977 / 0.894)
    heldout  0.977  1.000  0.876      typescript 1.000 (0.909; was 0.967 (0.906))   (was 0.966 / 1.000 / 0.875)
    blind3   0.827  0.931  0.827      typescript 1.000 (was 0.974)                  (was 0.822)
    blind .. blind8: unchanged (blind 0.850, blind2 0.885, blind4 0.963, blind5 0.745, blind6 0.900, blind7 0.886,
                     blind8 0.963)
    blind9   1.000  1.000  0.969      python 1.000 (1.000; was 0.000)  typescript 1.000 (0.909; was 0.300 (0.500))
                                      (misses known; was 0.677 / 1.000 / 0.875)
    blind10  0.823  1.000  0.985      c 1.000 (1.000)  cpp 1.000 (1.000)  go 1.000 (1.000)  python 0.850 (0.944)
                                      rust 0.800 (1.000)  typescript 0.706 (1.000)   (run once before any rule change;
                                      97 tests, 79 with a subject)
    blind10  0.848  1.000  0.985      c 1.000 (1.000)  cpp 1.000 (1.000)  go 1.000 (1.000)  python 0.900 (0.947)
                                      rust 0.800 (1.000)  typescript 0.735 (1.000)   (run once at the end: the blind
                                      figure; python-dotenv 0.778 -> 0.889, valtio 0.667 -> 0.750)

On blind10 the per-repository rows (its misses were not listed) show recall lost mostly in TypeScript (reselect
R 0.625, valtio 0.750), then indoc (Rust, 0.800), pluggy (0.833) and python-dotenv (0.889); detection recall is
0.959 (semver-cpp, go-humanize, reselect).

Twelfth round (blind11 committed first, e1fef14; rules then tuned on tuning + frozen + held-out + blind .. blind10):
where the grammar fails on a JS/TS file (the root turns to ERROR), what it exports at the start of a line still counts
as defined (reselect's src/createSelectorCreator.ts); a test with a dotted qualifier takes the module defining the
name before the dot when it imports it (createSelector.withTypes.test.ts -> src/createSelectorCreator.ts); a
topic-named test importing several names through the entry point, all re-exported from one module, takes that module
(valtio's memoryleaks.test.ts, performance.test.tsx -> src/vanilla.ts); a three-letter test name counts when the test
imports exactly that name (ref.test.tsx); a Rust integration test named for a macro of its crate that it invokes takes
the module defining it (indoc's test_writedoc.rs -> src/lib.rs); a test named for a name it imports from the very
module defining it takes that module (pluggy's test_multicall.py -> _callers.py; click's test_context.py, taking
Context from the package, does not); a one-word plural test name finds the singular module or its _impl (quick-xml's
tests/encodings.rs -> src/encoding.rs, itertools' tests/tuples.rs -> src/tuple_impl.rs, GSL's utils_tests.cpp ->
include/gsl/util); code under external/, third_party/, vendor/ ... is no subject (cereal's unittests/stack.cpp ->
include/cereal/types/stack.hpp, not rapidjson's internal/stack.h).

    set      R      P      P.strict   per-language R (P.strict)
    tuning .. blind4, blind7 .. blind9: unchanged (tuning 0.985, frozen 0.941, heldout 0.977, blind2 0.885,
                     blind4 0.963, blind7 0.886, blind8 0.963, blind9 1.000)
    blind    0.861  0.934  0.876      (was 0.850 / 0.933 / 0.874)
    blind3   0.832  0.932  0.828      (was 0.827 / 0.931 / 0.827)
    blind5   0.755  0.954  0.883      (was 0.745 / 0.953 / 0.882)
    blind6   0.920  1.000  0.979      (was 0.900 / 1.000 / 0.978)
    blind10  0.937  1.000  0.987      python 0.950 (0.950)  rust 1.000 (1.000)  typescript 0.882 (1.000)
                                      (misses known; was 0.848 / 1.000 / 0.985)
    blind11  0.564  0.684  0.612      c 1.000 (1.000)  cpp 0.308 (0.308)  go 0.875 (0.913)  python 0.964 (0.931)
                                      rust 0.333 (0.625)  typescript 0.367 (0.419)   (run once before any rule
                                      change; 211 tests, 165 with a subject)
    blind11  0.576  0.688  0.613      c 1.000 (1.000)  cpp 0.308 (0.308)  go 0.875 (0.913)  python 0.964 (0.931)
                                      rust 0.333 (0.625)  typescript 0.408 (0.435)   (run once at the end: the blind
                                      figure; ts-pattern 0.290 -> 0.355)

On blind11 (its misses were not listed) the per-repository rows show recall lost in toml11 (C++, 0.308: 12 of 39
right, 31 tests paired by name; its headers include/toml11/X.hpp have namesake src/X.cpp precompile units while the
labels name the header, which may explain much of it: not checked, to keep the set blind), ts-pattern (0.355; 17 of
its 48 tests are labelled without a subject), immer (0.250), reqwest (0.417) and rust-url (0.000 of 3; detection
recall 0.429).

Thirteenth round (blind12 committed first, 6e223ff; blind11 joins dev). blind12's baseline, run once before any rule
change with the twelfth round's rules (its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind12  0.673  0.934  0.819      c 0.900 (0.900)  cpp 0.933 (1.000)  go 1.000 (1.000)  python 0.846 (0.786)
                                      rust 0.321 (0.486)  typescript 0.556 (0.833)   (run once before any rule
                                      change; 209 tests, 168 with a subject; det.R 0.746: time's 39 #[rstest] modules
                                      are not found at all, nanostores' check-dts type tests */errors.ts neither)

Rules then tuned on dev (tuning .. blind11): a C/C++ unit defining nothing of its own (explicit instantiations, one
include, forward declarations of the headers' types) that includes an implementation header by name or a header
holding code is no subject (toml11's src/parser.cpp, src/datetime.cpp: the tests pair with the headers; glog's
src/stacktrace.cc, whose namesake header only declares, stays); a test named for a name it imports through
re-exports (an entry point, export * barrels; not a package facade) takes the one module truly defining it (immer's
original.js -> src/utils/common.ts), and an entry point's re-exports are not its own definitions; the import rule's
vocabulary pick is no subject when it is an entry point gathering several modules (immer's src/immer.ts) or a
compatibility shim (_compat.py, also for the lexical rule) and the test is not named for it; a module the test takes
only names from that half the tests or more use is shared tooling (ts-pattern's src/types/helpers.ts for Expect and
Equal): no subject of the import rule, and no obstacle to the entry-point name rule (tests/optional.test.ts ->
src/patterns.ts); a test named in the plural for a name it uses finds the module defining the singular
(strings.test.ts: P.string); a Go test's shortened name stays in its package's folder (chi's path_value_test.go); a
one-word name finds its plural in -es (immer's patch.js -> src/plugins/patches.ts). toml11's labels were checked
against its build: TOML11_PRECOMPILE is OFF by default, src/X.cpp are optional precompile units (explicit template
instantiations, or one include of impl/X_impl.hpp, with #error unless TOML11_COMPILE_SOURCES), so the code a test
exercises is the header it includes: the labels stand. (The tuning row below includes sebastianbergmann/diff's 12
PHP tests; a checkout made with git archive drops its tests/ folder by export-ignore: read the commit's tree.)

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.985  0.992  0.893      (was 0.985 / 0.992 / 0.887: attrs' test_abc.py, click's test_imports.py no
                                      longer take _compat.py)
    frozen   0.948  0.977  0.901      (was 0.941 / 0.977 / 0.901: zustand's tests/vanilla/subscribe.test.tsx)
    heldout  0.977  1.000  0.885      (was 0.977 / 1.000 / 0.876: marshmallow's test_serialization.py: none)
    blind    0.861  0.934  0.881      (was 0.861 / 0.934 / 0.876: fmt's tests no longer take src/format.cc)
    blind2   0.885  0.933  0.865      (was 0.885 / 0.933 / 0.860)
    blind10  0.937  1.000  1.000      (was 0.937 / 1.000 / 0.987: pluggy's test_details.py: none)
    blind3 .. blind9: unchanged (blind3 0.832 / 0.932 / 0.828, blind4 0.963, blind5 0.755, blind6 0.920,
                     blind7 0.886, blind8 0.963, blind9 1.000)
    blind11  0.782  0.921  0.849      c 1.000 (1.000)  cpp 0.897 (0.897)  go 0.875 (0.955)  python 0.964 (0.931)
                                      rust 0.333 (0.625)  typescript 0.633 (0.705)   (misses known; was 0.576 /
                                      0.688 / 0.613: cpp 0.308, typescript 0.408 (0.435))
    blind12  0.673  0.934  0.825      c 0.900 (0.900)  cpp 0.933 (1.000)  go 1.000 (1.000)  python 0.846 (0.846)
                                      rust 0.321 (0.486)  typescript 0.556 (0.833)   (run once at the end: the blind
                                      figure; was 0.673 / 0.934 / 0.819: sqlparse P.strict 0.571 -> 0.667)

On blind12 the round's rules change one proposal: they were made for shapes (precompile units, re-exporting entry
points, shared type-check helpers, compat shims) that its repositories do not have. Its rows show where it loses:
time's 39 tests (#[rstest] cases in tests/integration/*.rs modules and src/tests.rs) are not detected as tests
(Rust R 0.321 with them, serde_with alone 0.654), nor are nanostores' 8 check-dts type tests (*/errors.ts:
TypeScript R 0.556); serde_with proposes subjects for tests labelled without one (P.strict 0.486); cppzmq's
two-header choice (R 0.733). Below the 0.90 targets on blind12 as on blind11.

Fourteenth round (blind13 committed first, fc4332c; blind12 joins dev). blind13's baseline, run once before any rule
change with the thirteenth round's rules (its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind13  0.780  0.914  0.863      c 0.720 (0.600)  cpp 0.889 (0.842)  go 0.964 (0.982)  python 0.933 (1.000)
                                      rust 0.816 (0.849)  typescript 0.551 (0.884)   (run once before any rule
                                      change; 284 tests, 259 with a subject; det.P 0.982, det.R 0.968)

Rules then tuned on dev (tuning .. blind12), aimed at ecosystems' conventions rather than one repository's names:
Rust tests marked by the common test crates' attribute macros (#[rstest], #[test_case(...)], #[test_matrix],
#[wasm_bindgen_test], #[quickcheck], #[proptest]; #[tokio::test], #[async_std::test], #[test_log::test] were found
already) and by proptest! / quickcheck! bodies; TypeScript type tests without test functions (vitest's expectTypeOf /
assertType in -d files and test folders, check-dts' errors.ts by its // THROWS lines, a test folder's module that
exports nothing and holds // @ts-expect-error lines), a type test named for no module pairing with the one
declarations-only file beside it (nanostores' computed/errors.ts -> computed/index.d.ts); the calls and use rules give
no subject when they lead to the entry point (lib.rs, mod.rs) of a package of 20 modules or more, unless the test
names the root's own macros and no other module (itertools' tests/test_std.rs and serde_with's hashbrown_* tests:
none; tests/macros_hygiene.rs keeps lib.rs); a Cargo test crate's root in its own folder is named by the folder
(serde_with's tests/schemars_0_9/main.rs -> src/schemars_0_9.rs).

    set      R      P      P.strict   per-language R (P.strict)
    blind    0.861  0.934  0.896      (was 0.861 / 0.934 / 0.881: itertools' broad tests no longer take lib.rs)
    blind12  0.869  0.942  0.874      c 0.900 (0.900)  cpp 0.933 (1.000)  go 1.000 (1.000)  python 0.846 (0.846)
                                      rust 0.792 (0.724)  typescript 0.852 (0.920)   (misses known; was 0.673 /
                                      0.934 / 0.825: rust 0.321 (0.486), typescript 0.556 (0.833))
    tuning, frozen, heldout, blind2 .. blind11: unchanged (tuning 0.985 / 0.893, frozen 0.948 / 0.901, heldout 0.977
                     / 0.885, blind11 0.782 / 0.849); det.R rose on blind (0.977 -> 0.982), blind4, blind10, blind11
    blind13  0.784  0.923  0.875      c 0.720 (0.600)  cpp 0.889 (0.842)  go 0.964 (0.982)  python 0.933 (1.000)
                                      rust 0.829 (0.887)  typescript 0.551 (0.884)   (run once at the end: the blind
                                      figure; was 0.780 / 0.914 / 0.863: rust 0.816 (0.849))

On blind13 the round's rules moved Rust (nix and rayon: R 0.816 -> 0.829, P.strict 0.849 -> 0.887) and nothing else.
Its rows show where it loses: io-ts (TypeScript R 0.333; det.R 0.786, its dtslint/*.ts type tests, $ExpectType
comments in a dtslint/ folder, are not detected: a convention seen only in that row, so not added this round), libdill
(C R 0.720, P.strict 0.600), rayon (R 0.600). Below the 0.90 targets on blind13 as on blind12.

Fifteenth round (blind14 committed first, d59322d; blind13 joins dev). blind14's baseline, run once before any rule
change (the fourteenth round's rules):

    set      R      P      P.strict   per-language R (P.strict)
    blind14  0.919  0.983  0.934      c 0.933 (0.933)  cpp 1.000 (1.000)  go 1.000 (0.750)  python 1.000 (1.000)
                                      rust 1.000 (1.000)  typescript 0.750 (1.000)   (before; det.P 0.882, det.R 1.000)

Rules then tuned on dev (blind13 included): dtslint's // $ExpectType / $ExpectError comments make a TypeScript type
test, and the folders dtslint and tsd keep type tests in (dtslint/, test-d/; Language.type_test_dirs) are looked
into (io-ts' dtslint/Codec.ts -> src/Codec.ts); C headers' macros are kept (Language.macro_names: #define hclose
dill_hclose) and the calls rule follows a test's short names through them, and a test named for a macro (tests/go1.c,
go -> dill_go -> dill_go_ -> dill_prologue) pairs with the one file defining its expansion (libdill's cr.c); a
topic-named test taking the entry point as a namespace (import * as t from '../../src/index') pairs with the file
defining every name it uses, as one taking the default export did (io-ts' test/2.1.x/*.ts -> src/index.ts).

    set      R      P      P.strict   per-language R (P.strict)
    blind13  0.911  0.955  0.911      c 0.960 (0.800)  cpp 0.889 (0.842)  go 0.964 (0.982)  python 0.933 (1.000)
                                      rust 0.829 (0.887)  typescript 0.942 (0.929)   (misses known; was 0.784 / 0.923
                                      / 0.875: c 0.720 (0.600), typescript 0.551 (0.884); det.R 0.968 -> 1.000)
    tuning, frozen, heldout, blind .. blind12: R, P and P.strict unchanged (tuning 0.985 / 0.893, frozen 0.948 /
                     0.901, blind 0.861 / 0.896, blind11 0.782 / 0.849, blind12 0.869 / 0.874)
    blind14  0.919  0.983  0.934      c 0.933 (0.933)  cpp 1.000 (1.000)  go 1.000 (0.750)  python 1.000 (1.000)
                                      rust 1.000 (1.000)  typescript 0.750 (1.000)   (run once at the end: the blind
                                      figure; unchanged from its baseline, det.P 0.882, det.R 1.000)

On blind14 the round's rules changed nothing: none of its ten repositories uses dtslint, macro aliases or namespace
imports of an entry point. Recall and strict precision meet 0.90 overall; TypeScript recall (0.750) does not meet 0.80
and Go's strict precision is 0.750 (subjects proposed for tests labelled with none).

Sixteenth round (blind15 committed first, b675ed9; blind14 joins dev). blind15's baseline, run once before any rule
change (the fifteenth round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind15  0.831  0.971  0.957      c 0.730 (0.975)  cpp 1.000 (1.000)  go 1.000 (1.000)  python 0.964 (1.000)
                                      rust 0.667 (0.720)  typescript 0.910 (0.964)   (before; 414 tests, 397 with a
                                      subject; det.P 0.914, det.R 0.952)

Rules then tuned on dev (blind14 included), whole conventions each: a C runner main is no test (it declares the
suites of other files without defining them, mpc's void suite_core(void), argtable3's get_X_testsuite(); or keeps a
table of parameterless function pointers filled from a list elsewhere, cwalk's and cargs' test/main.c; or is a
framework's generated main line, utest's UTEST_MAIN()), nor is a function taking a function pointer (mpc's
pt_add_test); a topic test importing code from one module alone, by names that module defines itself or by its own
default export, pairs with it (magic-regexp's test/experimental.test.ts -> src/further-magic.ts, untyped's
test/transform.test.ts -> src/loader/babel.ts; not the package's entry point named like the package, immer's
src/immer.ts, nor a compatibility shim); every file directly in a Cargo tests/ folder is a test target, test cases or
not (compile-only checks, harness = false mains), unless a file beside it declares it its module
(Language.test_target_dirs); a C or C++ test named for a part of one module's name pairs with it when it uses a name
the module defines (spdlog's tests/test_mpmc_q.cpp -> details/mpmc_blocking_q.h, jansson's test_pack.c ->
src/pack_unpack.c; Language.tests_named_in_part), after the calls rule.

    set      R      P      P.strict   per-language R (P.strict)
    blind    0.872  0.935  0.897      (was 0.861 / 0.934 / 0.896)
    blind2   0.902  0.946  0.877      (was 0.885 / 0.933 / 0.865)
    blind3   0.838  0.932  0.829      (was 0.832 / 0.932 / 0.828)
    blind5   0.755  0.954  0.865      (was 0.755 / 0.954 / 0.883: nom's compile-only custom_errors.rs, now found, and
                                      arithmetic.rs take subjects labelled none)
    blind11  0.788  0.922  0.844      (was 0.782 / 0.921 / 0.849)
    blind12  0.887  0.943  0.876      (was 0.869 / 0.942 / 0.874; det.R 0.971 -> 1.000)
    blind13  0.915  0.960  0.915      (was 0.911 / 0.955 / 0.911)
    blind14  0.952  0.983  0.937      c 0.933 (0.933)  cpp 1.000 (1.000)  go 1.000 (0.750)  python 1.000 (1.000)
                                      rust 1.000 (1.000)  typescript 0.875 (1.000)   (misses known; was 0.919 / 0.983
                                      / 0.934, typescript 0.750; det.P 0.882 -> 0.931)
    tuning, frozen, heldout, blind4, blind6 .. blind10: R, P and P.strict unchanged (tuning 0.985 / 0.893, frozen
                     0.948 / 0.901); det.P or det.R rose on frozen, blind, blind3, blind4, blind5, blind11, blind12
    blind15  0.831  0.968  0.954      c 0.730 (0.975)  cpp 1.000 (1.000)  go 1.000 (1.000)  python 0.964 (1.000)
                                      rust 0.667 (0.692)  typescript 0.910 (0.964)   (run once at the end: the blind
                                      figure; was 0.831 / 0.971 / 0.957; det.R 0.952 -> 0.957, rust det.R 0.941 ->
                                      1.000; det.P 0.914 -> 0.915)

On blind15 the round's rules changed detection only (Rust: every Cargo tests/ file found) and one subject proposed for
a test labelled with none (bytemuck, Rust P.strict 0.720 -> 0.692); recall is unchanged at 0.831, below the 0.90
target, with C 0.730 and Rust 0.667 below 0.80. Its rows (misses not listed) show where: uthash (R 0.723: 73 of its
101 tests paired by the include rule, the rest not), M*LIB (0.681, det.R 0.800), magicast (0.467, det.P 0.389: files
of its vendored libraries' test folders are taken for tests), bytemuck (0.500) and mio (0.692).

Seventeenth round (blind16 committed first, 1c59ba9; blind15 joins dev). blind16's baseline, run once before any rule
change (the sixteenth round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind16  0.763  0.904  0.837      c 0.936 (0.830)  cpp 1.000 (1.000)  go 0.955 (1.000)  python 1.000 (0.833)
                                      rust 0.442 (0.826)  typescript 0.692 (0.600)   (before; 152 tests, 135 with a
                                      subject; det.P 0.894, det.R 1.000)

Rules then tuned on dev (blind15 included), whole conventions each: any Cargo test target (tests/x.rs) of a small
crate (three modules or fewer in the package's src/) that reaches its own crate by name and uses mostly what the crate
root defines pairs with the crate root, whatever its name (lazy-static's tests/no_std.rs, unicode-ident's
tests/compare.rs; in a larger crate, rayon's or nom's, a topic test tests a module or nothing); a test below a
vendored folder (vendor/, third_party/, 3rdparty/) is another project's and stays a helper (magicast's
vendor/recast/test/*.ts); a test-named file with cases in a test folder's helpers/ is a test (magicast's
test/helpers/vite.test.ts); a header-only C library's macro-only header holds its code (uthash's utlist.h: its macros
count with the names it defines).

    set      R      P      P.strict   per-language R (P.strict)
    blind2   0.908  0.946  0.878      (was 0.902 / 0.946 / 0.877)
    blind5, blind6                    det.P 0.619 -> 0.622, 0.897 -> 0.912 (vendored doctest.h); R, P unchanged
    blind7   0.900  0.940  0.940      (was 0.886 / 0.925 / 0.925)
    blind8   0.981  0.981  0.981      (was 0.963 / 0.981 / 0.981)
    blind15  0.912  0.973  0.960      c 0.902 (0.980)  rust 0.667 (0.692)  typescript 0.938 (0.971)   (misses known;
                                      was 0.831 / 0.968 / 0.954, c 0.730, typescript 0.910; det.P 0.915 -> 0.964,
                                      det.R 0.957 -> 0.964)
    other dev sets: R, P and P.strict unchanged
    blind16  0.770  0.904  0.839      c 0.936 (0.830)  cpp 1.000 (1.000)  go 0.955 (1.000)  python 1.000 (0.833)
                                      rust 0.465 (0.833)  typescript 0.692 (0.600)   (run once at the end: the blind
                                      figure; was 0.763 / 0.904 / 0.837, rust 0.442 (0.826))

On blind16 the round's rules moved one Rust test (rustcrypto-utils R 0.462 -> 0.538); recall is 0.770, below the 0.90
target, and strict precision 0.839 is below 0.90. Its rows (misses not listed) show where: RustCrypto hashes (R 0.370:
27 Cargo tests of 23 small crates, each labelled with its crate root) and utils (0.538), h3 (R 0.692, det.P 0.515),
libuev (P.strict 0.429).

Eighteenth round (blind17 committed first, 2fc968e; blind16 joins dev). blind17's baseline, run once before any rule
change (the seventeenth round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind17  0.740  0.790  0.631      c 0.792 (0.613)  cpp 1.000 (1.000)  go 1.000 (1.000)  python 0.889 (1.000)
                                      rust 0.636 (0.583)  typescript 0.750 (0.500)   (before; 182 tests, 127 with a
                                      subject; det.P 0.973, det.R 0.995)

Rules then tuned on dev (blind16 included), whole conventions each: items a Rust module-level macro invocation
declares count as defined (RustCrypto's digest::buffer_fixed!(pub struct Sha256(..)), bitflags!, lazy_static!, and a
file's own item-making macro: impl_sha3_variants!(Sha3_224(..); ..)); a Cargo test target named mod (tests/mod.rs)
tests the crate root as tests/test.rs does, and such plainly named tests count the items they import as the root's
own even in a crate of many modules; bench() is no test case and a vitest x.bench.ts is no test; a C/C++ test
folder's driver holding main and the cases, included by two or more files without cases of their own, makes those
files the tests (M*LIB's tests/check-generic.hpp, utfcpp's tests/ftest.h); a plain alias of another macro (#define
ARRAY_DEF M_ARRAY_DEF) is kept and the name-in-part rule counts a header's macros; a C/C++ test named for what all its
include candidates share gets no subject (c-algorithms' test-compare-functions.c); dtslint's $ExpectType at a line's
end and // @ts-expect-error in an exporting module of dtslint's folder make type tests (fp-ts); a test named for a
name it imports matches it in the plural (toExports for to-export.test.ts); a test in a benchmark folder does not take
the harness beside it. blind16's h3 labels gained its test/unit/ and test/bench/*.test.ts tests (11, run by vitest's
default include; left out at the freeze); with them the seventeenth round's rules give blind16 0.780 / 0.909 / 0.833.

    set      R      P      P.strict   per-language R (P.strict)
    blind3   0.853  0.933  0.832      (was 0.838 / 0.932 / 0.829: syn's macro-made items)
    blind12  0.887  0.949  0.882      (was 0.887 / 0.943 / 0.876)
    blind13  0.923  0.964  0.919      (was 0.915 / 0.960 / 0.915: nix, unimport)
    blind15  0.957  0.974  0.962      c 0.988 (0.982)  rust 0.667 (0.720)  typescript 0.966 (0.966)   (was 0.912 /
                                      0.973 / 0.960: M*LIB's check-X.cpp and except-X.c, fp-ts' dtslint; det.R 0.964
                                      -> 1.000)
    blind16  0.901  0.934  0.876      c 0.936 (0.863)  rust 0.860 (0.949)  typescript 0.789 (0.652)   (was 0.780 /
                                      0.909 / 0.833 with the same labels: RustCrypto's crate roots; det.P 0.959 ->
                                      0.982)
    blind9   1.000  1.000  1.000      (was 1.000 / 1.000 / 0.969: radix3's bench test)
    tuning, frozen, heldout, blind, blind2, blind4 .. blind8, blind10, blind11, blind14: R, P and P.strict unchanged;
                     det.P rose on blind2, blind3, blind5, blind7, blind8, blind9, blind10, blind14 (benchmarks)
    blind17  0.748  0.798  0.642      c 0.792 (0.613)  cpp 1.000 (1.000)  go 1.000 (1.000)  python 0.889 (1.000)
                                      rust 0.655 (0.600)  typescript 0.750 (0.545)   (run once at the end: the blind
                                      figure; was 0.740 / 0.790 / 0.631; det.P 0.973 -> 0.978)

On blind17 the round's rules moved futures-rs (Rust R 0.636 -> 0.655) and two TypeScript figures, rou3's bench test
(P.strict) and TanStack store's derived.bench.ts (det.P). Disclosure: I wrote blind17's labels, so I knew that rou3
has radix3's test/bench/impl.test.ts (labelled none) and TanStack store a vitest bench file; the two rules were made
for and measured on dev (radix3, h3; ohash, reselect, valtio), and blind17's misses were never printed. Recall 0.748
and strict precision 0.642 are far below the 0.90 targets; C (0.792), Rust (0.655) and TypeScript (0.750) are below
0.80. Its rows show where: nng (C: R 0.792, P.strict 0.613), futures-rs (R 0.667, P.strict 0.596), event-listener and
ofetch (R 0.000), TanStack store (P.strict 0.500).

Nineteenth round (blind18 wired first, built and labelled by another session, measure17; blind17 joins dev).
blind18's baseline, run once before any rule change (the eighteenth round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind18  0.892  0.983  0.945      c 0.865 (0.889)  cpp 1.000 (1.000)  go 0.938 (0.938)  python 0.667 (1.000)
                                      rust 0.611 (0.786)  typescript 0.971 (0.971)   (before; 216 tests, 194 with a
                                      subject; det.P 0.964, det.R 0.995)

Rules then tuned on dev (blind17 included), whole conventions each: a Rust crate root that only re-exports other
crates' items (futures/src/lib.rs: pub use futures_util::future, pub mod executor { pub use futures_executor::..})
is a facade and no candidate for any rule (new Language field reexports_only); a C/C++ test beside the one compiled
unit of its folder, outside any test folder, that names it or something it defines tests it (nng's pair0_test.c ->
pair.c, dtls_tran_test.c -> dtls.c); such a test whose calls lead only into a unit of another folder of its source
tree (src/nng.c, the public API) has no subject by the calls rule; a test of one package of a monorepo named like
another package's module takes the one module of its own package whose name ends or begins with the test's
(TanStack store's packages/lit-store/tests/atom.test.ts -> src/tan-stack-store-atom.ts).

    set      R      P      P.strict   per-language R (P.strict)
    blind2   0.902  0.946  0.877      (was 0.908 / 0.946 / 0.878: crossbeam's tests/subcrates.rs, labelled with its
                                      facade src/lib.rs, is lost)
    blind12  0.887  0.955  0.892      (was 0.887 / 0.949 / 0.882: time's facade root no longer taken by path)
    blind17  0.787  0.917  0.806      c 0.875 (0.857)  rust 0.655 (0.735)  typescript 0.875 (0.636)   (was 0.748 /
                                      0.798 / 0.642: futures-rs, nng, TanStack store)
    tuning, frozen, heldout, blind, blind3 .. blind11, blind13 .. blind16: R, P and P.strict unchanged (blind3's sc
                     moves from the calls rule to the sibling rule, same subjects)
    blind18  0.892  0.983  0.945      c 0.865 (0.889)  cpp 1.000 (1.000)  go 0.938 (0.938)  python 0.667 (1.000)
                                      rust 0.611 (0.786)  typescript 0.971 (0.971)   (run once at the end: the blind
                                      figure; unchanged, no row moved; det.P 0.964, det.R 0.995)

On blind18 the round's rules move nothing: its layouts (Cargo tests of small crates, X.spec.ts beside X.ts, doctest
X_test.cpp, libconfuse's tests/ folder) hold none of the four conventions. Recall 0.892 is just below the 0.90
target and strict precision 0.945 above it; Rust (0.611) and Python (0.667) are below 0.80. Its rows show where:
polling (R 0.300), async-task (P.strict 0.400), libcheck (R 0.500, P.strict 0.556), pyrsistent (R 0.667).

Twentieth round (blind19 wired first, built and labelled by another session, measure18; blind18 joins dev).
blind19's baseline, run once before any rule change (the nineteenth round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind19  0.898  0.954  0.815      c 1.000 (1.000)  cpp 0.824 (0.452)  go 1.000 (0.870)  python 0.839 (0.825)
                                      rust 0.870 (0.855)  typescript 1.000 (1.000)   (before; 225 tests, 186 with a
                                      subject; det.P 0.941, det.R 1.000)

Rules then tuned on dev (blind18 included), whole conventions each: a Cargo test of a crate of any size that names two
or more items of its crate, every one defined by the crate root itself, tests the root (polling's tests/io.rs: Event,
Events, Poller of src/lib.rs, beside private backends defining Poller and Events too), unless it is named for one a
module defines too (tempfile's tests/tempfile.rs); one name of a Python package taken through its entry point, beside
names taken from elsewhere that the package happens to define too (pyrsistent's tests/map_test.py: pmap, operator's
add), pairs with the module the entry re-exports it from; Go's x_example_test.go holds the examples of x.go (fastjson's
update_example_test.go); a namesake beside the test that the test imports comes before namesakes in other folders,
even a helper of a test-tooling folder or a module of types (hono's src/helper/testing/index.test.ts, src/utils/
types.test.ts).

    set      R      P      P.strict   per-language R (P.strict)
    frozen   0.948  0.970  0.895      rust 0.905 (0.905)   (was 0.948 / 0.977 / 0.901: anyhow's tests/test_convert.rs,
                                      labelled src/error.rs, now takes src/lib.rs, which defines Error and Result)
    blind16  0.908  0.934  0.877      rust 0.884 (0.950)   (was 0.901 / 0.934 / 0.876: RustCrypto cmov)
    blind18  0.938  1.000  0.963      c 0.865 (0.889)  cpp 1.000 (1.000)  go 1.000 (1.000)  python 0.722 (1.000)
                                      rust 0.889 (0.842)  typescript 1.000 (1.000)   (was 0.892 / 0.983 / 0.945:
                                      polling, pyrsistent, fastjson, hono)
    tuning, heldout, blind .. blind15, blind17: R, P and P.strict unchanged (blind3, blind11 and blind13 move some
                     tests from the import or calls rule to the name rule, same subjects)
    blind19  0.898  0.954  0.815      c 1.000 (1.000)  cpp 0.824 (0.452)  go 1.000 (0.870)  python 0.839 (0.825)
                                      rust 0.870 (0.855)  typescript 1.000 (1.000)   (run once at the end: the blind
                                      figure; unchanged, no row moved; det.P 0.941, det.R 1.000)

On blind19 the round's rules move nothing. Recall 0.898 is just below the 0.90 target and strict precision 0.815 below
it; every language's recall is 0.80 or more. Its rows show where: cpr (P.strict 0.452: tests labelled with no subject
given one), flask (R 0.750, P.strict 0.706), tqdm (R 0.737), flate2 (R 0.333) and async-io (R 0.500).

Twenty-first round (blind20 wired first, built and labelled by another session, measure20; blind19 joins dev).
blind20's baseline, run once before any rule change (the twentieth round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind20  0.668  0.801  0.708      c 0.879 (0.853)  cpp 0.152 (0.385)  go 0.824 (0.778)  python 0.637 (0.662)
                                      rust 0.778 (0.700)  typescript 1.000 (0.857)   (det.P 0.877, det.R 0.868)

Recall 0.668 and strict precision 0.708 are below the 0.90 targets; C++ (boost-json: det.R 0.306), Python (loguru
R 0.439) and Rust (tower R 0.545) are below 0.80 recall.

Rules then tuned on dev (blind19 included), both refraining where evidence is thin: the calls rule takes a subject
only with a fourfold lead over the runner-up (was threefold; tests with no single subject, cpr's verb tests, still
favour some file), and the lexical rule, among three or more candidate modules, only for a test whose name touches
the module's (a shared word, one name inside the other, a shared start of four letters). After (dev, changed sets):

    set      R      P      P.strict   per-language R (P.strict)
    tuning   0.985  0.992  0.897      (was 0.893 strict)
    frozen   0.948  0.985  0.921      (was 0.948 / 0.970 / 0.895)
    heldout  0.977  1.000  0.895      (was 0.885 strict)
    blind    0.867  0.945  0.912      (was 0.872 / 0.935 / 0.897)
    blind2   0.897  0.945  0.876      (was 0.902 / 0.946 / 0.877)
    blind3   0.853  0.933  0.840      (was 0.832 strict)
    blind4   0.963  0.984  0.933      (was P 0.978, P.strict 0.928)
    blind5   0.755  0.954  0.892      (was 0.865 strict)
    blind11  0.788  0.922  0.867      (was 0.844 strict)
    blind12  0.881  0.955  0.902      (was 0.887 / 0.955 / 0.892)
    blind13  0.923  0.968  0.923      (was P 0.964, P.strict 0.919)
    blind15  0.955  0.982  0.969      (was 0.957 / 0.974 / 0.962)
    blind16  0.901  0.941  0.888      (was 0.908 / 0.934 / 0.877)
    blind18  0.938  1.000  0.968      (was 0.963 strict)
    blind19  0.898  0.965  0.835      c 1.000 (1.000)  cpp 0.882 (0.500)  go 1.000 (0.870)  python 0.821 (0.821)
                                      rust 0.870 (0.904)  typescript 1.000 (1.000)   (was 0.898 / 0.954 / 0.815)
    blind6 .. blind10, blind14, blind17: R and P.strict unchanged
    all dev sets together: R 0.9102 -> 0.9087, P.strict 0.9007 -> 0.9095

    blind20  0.651  0.805  0.716      c 0.879 (0.853)  cpp 0.152 (0.385)  go 0.824 (0.778)  python 0.613 (0.662)
                                      rust 0.741 (0.714)  typescript 1.000 (0.923)   (run once at the end: the blind
                                      figure; was 0.668 / 0.801 / 0.708; det.P 0.877, det.R 0.868)

On blind20 the refraining rules raise strict precision (0.708 -> 0.716: tower, cheerio) and cost more recall than
on dev (0.668 -> 0.651: loguru R 0.439 -> 0.390, tracing 0.727 -> 0.545). Both targets stay unmet there; C++
(boost-json, whose test detection finds 0.306 of its tests), Python (loguru) and Rust are below 0.80 recall.

Twenty-second round (blind21 wired first, built and labelled by another session, measure22; blind20 joins dev).
blind21's baseline, run once before any rule change (the twenty-first round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind21  0.735  0.933  0.709      c 0.615 (0.787)  cpp 0.529 (0.600)  go 0.929 (0.929)  python 0.841 (0.746)
                                      rust 0.867 (0.491)  typescript 1.000 (1.000)   (det.P 0.857, det.R 0.992)

Recall 0.735 and strict precision 0.709 are below the 0.90 targets; C (libsodium R 0.611), C++ (csv-parser R 0.529)
are below 0.80 recall, and strict precision is lowest on Rust (ron 0.273) and libtomcrypt (0.100): tests labelled
with no subject given one.

One rule then tuned on dev (blind20 included): a C++ test class's testX() / test_x() methods without parameters are
test cases in a source file of a test folder (Boost.JSON builds one program from every test/*.cpp by a CMake glob,
each file a class with no framework macro per case). On dev only boost-json moves (every other row is unchanged):

    set      R      P      P.strict   per-language R (P.strict)
    blind20  0.659  0.774  0.689      cpp 0.212 (0.292)   (was 0.651 / 0.805 / 0.716, cpp 0.152 (0.385);
                                      det.P 0.877 -> 0.882, det.R 0.868 -> 0.912; boost-json det.R 0.306 -> 0.571)

The newly found tests mostly pair with include/boost/json/impl/X.ipp by path, where blind20 labels the header X.hpp;
CLI11's and spdlog's labels take the implementation header (impl/X_inl.hpp, X-inl.h), so strict precision falls
there and no rule chose between the two conventions. blind21, run once at the end, is unchanged (no C++ test class
of that shape in it):

    blind21  0.735  0.933  0.709      (the blind figure; as before the round)

Twenty-third round (blind22 wired first, built and labelled by another session, measure24; blind21 joins dev).
blind22's baseline, run once before any rule change (the twenty-second round's rules; its misses not listed):

    set      R      P      P.strict   per-language R (P.strict)
    blind22  0.569  0.704  0.612      c 0.377 (0.491)  cpp 0.589 (0.516)  go 0.938 (1.000)  python 0.950 (0.905)
                                      rust 0.448 (0.542)  typescript 0.857 (1.000)   (det.P 0.968, det.R 0.952)

Recall 0.569 and strict precision 0.612 are far below the 0.90 targets; C (cglm R 0.029, libcoap 0.429), C++
(g3log 0.143, tomlplusplus 0.188) and Rust (eyre 0.462, miette 0.438) are below 0.80 recall. (The run first
stopped on eyre: its crate root names its own crate in a use, and the Rust resolver failed on it; fixed in
syntax/lang/rust.py before the baseline, no pairing rule changed.)

Rules then tuned on dev (blind21 included), refraining where evidence names no single subject and finding more C/C++
subjects: a module of error types is no subject by import or use alone (ron's src/error.rs, sqlparse's exceptions.py);
an issue-numbered test (ron's tests/240_array_pretty.rs) keeps a calls or use subject only when its name touches it;
vocabulary agreeing under 0.15 of the test's best match decides no import, use or include subject for a test not named
like the module; C/C++ tests named for documentation or examples (doc_parsing.cpp, example.c) have no subject; a
library prefixing its files' names with one word answers to the rest (libsodium's test/default/box.c ->
crypto_box/crypto_box.c); a registered suite (TEST_SUITE(kind_test, "...")) is a test case; a test opening with the
header it is named for tests that header, not the .ipp or -inl.h behind it (Boost.JSON's test/kind.cpp -> kind.hpp);
in a header-only library, a test reaching the library through helper headers takes the one library header naming its
type (cereal's multiset.cpp -> types/set.hpp); an entry point making one object from one module's class passes a test
of that object on to the class's module (loguru's logger -> _logger.py). On dev (R / P / P.strict):

    set      R      P      P.strict
    tuning   0.981  0.996  0.922      (was 0.985 / 0.992 / 0.897)
    frozen   0.948  0.985  0.955      (was 0.948 / 0.985 / 0.921)
    heldout  0.977  1.000  0.924      (was 0.977 / 1.000 / 0.895)
    blind5   0.791  0.956  0.897      (was 0.755 / 0.954 / 0.892: cereal)
    blind19  0.898  0.971  0.843      (was 0.898 / 0.965 / 0.835)
    blind20  0.795  0.906  0.809      (was 0.659 / 0.774 / 0.689: boost-json, loguru)
    blind21  0.770  0.931  0.780      (was 0.735 / 0.933 / 0.709: libsodium, ron, cattrs)
    blind2, blind6, blind7: R 0.897 -> 0.891, 0.920 -> 0.900, 0.900 -> 0.886 (weak agreement: libevent's regress.c,
    zlib's infcover.c, parallel-hashmap's erase_if_test.cc lost); blind, blind3, blind12, blind13, blind18: P.strict up
    all dev sets together (blind21 included): R 0.8831 -> 0.8934, P.strict 0.8843 -> 0.9025

blind22, run once at the end on the landed rules (the blind figure; its misses not listed):

    blind22  0.579  0.708  0.626      c 0.406 (0.509)  cpp 0.589 (0.532)  go 0.938 (1.000)  python 0.950 (0.950)
                                      rust 0.448 (0.542)  typescript 0.857 (1.000)   (was 0.569 / 0.704 / 0.612;
                                      det.P 0.968, det.R 0.952)

From the rows: libcoap R 0.429 -> 0.714, g3log and waitress strict precision up; cglm (R 0.029: header-only, test bodies
in test/src/test_X.h), tomlplusplus (0.188), g3log (0.143), eyre and miette (0.46, 0.44) do not move. Both targets stay
far off on unseen code.

Twenty-fourth round (blind23 wired first, built and labelled by another session, measure26; blind22 joins dev).
blind23's baseline, run by the lead on main's rules (rows only, its misses never printed), before the twenty-third
round's rules (main at 53840b0) and after them (main at 3048e36), the figure this round starts from:

    set      files  tests  det.P  det.R  clear  P      P.strict  R
    blind23  1288   308    0.915  0.906  261    0.929  0.831     0.755   (main at 53840b0, round 22's rules)
    blind23  1288   308    0.915  0.906  261    0.938  0.850     0.759   (main at 3048e36, round 23's rules)

Rules then tuned on dev (blind22 included), for C and C++ code held in headers and for workspaces: test cases written
TEST_IMPL(prefix, name) { ... } with checks lacking semicolons are read from the text where the grammar lost them
(cglm's test/src/test_X.h); a unit compiling a header's inline functions under another prefix passes its tests on to
that header (cglm's src/vec3.c: glmc_vec3_add(...) { glm_vec3_add(...); } -> include/cglm/vec3.h); a unit defining
nothing that includes an umbrella header defining nothing compiles the whole header-only library and is no subject
(tomlplusplus' src/toml.cpp); a name joining a folder and a file finds them before a suite's shared first word is
dropped (futures' tests/future_join.rs -> futures-util/src/future/join.rs). On dev (R / P / P.strict) only three
sets move:

    set      R      P      P.strict
    blind22  0.736  0.918  0.853      (was 0.579 / 0.708 / 0.626: cglm R 0.029 -> 0.912, tomlplusplus P.strict
                                      0.115 -> 0.800; C 0.406 -> 0.841, C++ strict precision 0.532 -> 0.829)
    blind17  0.850  0.939  0.831      (was 0.787 / 0.917 / 0.806: futures-rs R 0.667 -> 0.824)
    blind15  0.957  0.982  0.969      (was 0.955 / 0.982 / 0.969: mio's tests/unix_pipe.rs)
    all dev sets together (blind22 included): R 0.878 -> 0.888, P.strict 0.890 -> 0.901 (without blind22: 0.893 /
    0.903 -> 0.896 / 0.903); per language C 0.853 / 0.875 -> 0.887 / 0.901, C++ 0.852 / 0.858 -> 0.853 / 0.886,
    Rust 0.800 / 0.837 -> 0.814 / 0.842; no test right before is lost

blind23, run once at the end on the landed rules (main at 3471664; the blind figure; its misses not listed):

    ALL blind23  1288  308  0.915  0.906  261  0.938  0.850  0.759   (as on 3048e36: the rules moved nothing there)
    c 0.575 (0.807)  cpp 0.786 (0.846)  go 0.906 (1.000)  python 0.893 (0.893)  rust 0.889 (0.750)
    typescript 0.500 (0.714)

Recall 0.759 and strict precision 0.850 stay below the 0.90 targets; C (libmaxminddb: none of its 28 tests found,
det.R 0.000) and TypeScript (tsyringe, 11 tests) are below 0.80 recall.

Twenty-fifth round (blind24 wired first, built and labelled by another session, measure28; blind23 joins dev).
blind24's baseline, run by the lead on main's rules (rows only, its misses never printed), before the round:

    set      files  tests  det.P  det.R  clear  P      P.strict  R
    blind24  1237   288    0.874  0.938  225    0.864  0.771     0.764   (main at 6d630c7, round 24's rules)
    c 0.875 (0.982)  cpp 0.669 (0.644)  go 1.000 (0.950)  python 1.000 (1.000)  rust 0.333 (0.500)
    typescript 1.000 (1.000)

blind25 (labelled by measure30 during the round, never seen by it), its baseline the same way:

    blind25  1684   350    0.928  0.957  314    0.845  0.814     0.710   (main at a99dc8d, round 24's rules)
    c 0.581 (0.792)  cpp 0.700 (0.708)  go 0.588 (1.000)  python 0.870 (0.930)  rust 0.767 (0.793)
    typescript 1.000 (1.000)

Rules of the twenty-fifth round, tuned on dev (blind23 included) and judged on all dev sets together; a rule was kept
only where no test right before was lost and strict precision did not fall: a t/ folder holds tests (the TAP
convention: libmaxminddb's t/metadata_t.c), and a helper named with the project's prefix (t/maxminddb_test_helper.c)
stays one; the rest of a suite's name may join a folder and a file (bitsery's tests/serialization_ext_std_map.cpp ->
include/bitsery/ext/std_map.h); a shortened name may drop the library's prefix (libucl's test_msgpack_malformed.c ->
src/ucl_msgpack.c); a test under tests/ named for a topic and then a thing it uses takes the one module of its own
package named for the thing (tokio-stream's tests/time_throttle.rs -> src/stream_ext/throttle.rs); a test importing
only the module every test takes tests it (tsyringe's child-container.test.ts -> src/dependency-container.ts).
On dev (R / P / P.strict) five sets move, 40 tests gained and none lost:

    blind23  0.897  0.951  0.873      (was 0.759 / 0.938 / 0.850; det.R 0.906 -> 0.997: libmaxminddb's 28 tests)
    blind5   0.800  0.957  0.898      (was 0.791 / 0.956 / 0.897: cereal's unittests/basic_string.cpp)
    blind3   0.858  0.934  0.845      (was 0.853 / 0.933 / 0.844: benchmark's register_benchmark_test.cc)
    blind13  0.927  0.972  0.934      (was 0.923 / 0.972 / 0.934: rayon's tests/issue671-unzip.rs)
    blind19  0.903  0.971  0.844      (was 0.898 / 0.971 / 0.843: tokio-stream's tests/time_throttle.rs)
    all dev sets together: R 0.880 -> 0.889, P.strict 0.898 -> 0.899; per language C 0.861 / 0.895 -> 0.892 /
    0.898, C++ 0.848 / 0.883 -> 0.856 / 0.885, Rust 0.817 / 0.838 -> 0.821 / 0.838, TypeScript 0.935 / 0.942 ->
    0.938 / 0.942

Rule of the twenty-sixth round, tuned on dev (blind24 included) and judged on all dev sets together: a header without
an extension that defines nothing and includes only its namesake (libpqxx's include/pqxx/blob: #include
"pqxx/blob.hxx") forwards to it, answers to no name, and passes a subject on to the namesake and its implementation
(test/test_blob.cxx -> src/blob.cxx). On dev (R / P / P.strict) one set moves, 17 tests gained (one test with no
subject before now wrong: libpqxx's test_stateless_cursor.cxx -> src/cursor.cxx, labelled include/pqxx/cursor.hxx):

    blind24  0.862  0.942  0.840      (was 0.787 / 0.868 / 0.773: libpqxx 0.268 -> 0.683 recall)
    all dev sets together: R 0.884 -> 0.888, P.strict 0.893 -> 0.896; C++ 0.829 / 0.848 -> 0.848 / 0.865

The held-out sets, run by the lead on each round's landed rules (rows only, misses never printed; blind26 labelled
by measure32 during round 25 and its baseline taken in a copy at e350dff, round 24's rules):

    set      round 24's rules (before)   round 25's (de62400)       round 26's (a099dba)
    blind24  0.764 / 0.864 / 0.771      0.787 / 0.868 / 0.773      (dev from round 26 on)
    blind25  0.710 / 0.845 / 0.814      0.710 / 0.845 / 0.814      0.710 / 0.845 / 0.814
    blind26  0.839 / 0.965 / 0.921      0.839 / 0.962 / 0.918      0.839 / 0.962 / 0.918
    (R / P / P.strict)

blind24 after round 25 by language: c 0.953 (0.968), cpp 0.669 (0.644), rust 0.333 (0.500), the rest as before.
blind25 and blind26 by language after round 26: blind25 c 0.581, cpp 0.700, go 0.588, python 0.870, rust 0.767,
typescript 1.000; blind26 c 0.750, cpp 0.897, go 0.882, python 0.852 (strict precision 0.981 -> 0.963: one new wrong
pairing), rust 0.773, typescript 0.914. Recall 0.710 and 0.839 stay below 0.90; C, Go and Rust below 0.80 on one of
the two sets or both.

Twenty-seventh round: blind25 joins dev (its misses read from then on; blind26 stays held out). Rules read on
blind25's misses, grouped by cause, and judged on all dev sets together (kept where dev rose and strict precision did
not fall): a library starting its names with one word set off by case (uriparser's src/UriSetPort.c) answers to the
rest (test/SetPort.cpp); Go's bench_x_test.go tests x.go beside it (goquery); a case opened by its title
(OpenSSH's TEST_START("sshbuf_from") ... TEST_DONE()) makes a test source; a test in a folder of tests named for one
module tests it (regress/unittests/misc/test_argv.c -> misc.c; babel's tests/messages/frontend/); a C header's types
that its implementation works with too hold no code (test_kex.c -> kex.c, not kex.h). On dev (R / P / P.strict)
33 tests gained, none lost, one test with no subject now paired (OpenSSH's kex/test_proposal.c):

    blind25  0.809  0.870  0.838      (was 0.710 / 0.845 / 0.814: uriparser 0.200 -> 0.933, goquery 0.588 -> 1.000,
                                       openssh-portable 0.484 -> 0.806)
    all dev sets together: R 0.876 -> 0.883, P.strict 0.891 -> 0.893; C 0.866 / 0.895 -> 0.887 / 0.899,
    Go 0.944 / 0.953 -> 0.961 / 0.954, Python 0.889 -> 0.892

Then (same round, same judgment): a header with no namesake implementation passes its tests on to the one unit, named
like it, that includes it and defines what it declares (cpu_features' cpuinfo_mips.h -> src/impl_mips_linux_or_
android.c; ninja's msvc_helper.h -> msvc_helper-win32.cc; a header implemented per platform by several stays); a
test named for an action on a thing takes the module named for the doer (tomlplusplus' parsing_arrays.cpp ->
impl/parser.inl; csv-parser's test_read_csv.cpp -> csv_reader.cpp), or with no doer the thing
(manipulating_arrays.cpp -> impl/array.inl). 23 more tests gained, none lost:

    blind25  0.822  0.884  0.851      (cpu_features 0.636 -> 0.909, ninja 0.962 -> 1.000)
    blind22  tomlplusplus recall 0.250 -> 1.000; blind21 csv-parser 0.529 -> 0.765; libsodium, libevent one or two
    all dev sets together: R 0.883 -> 0.888, P.strict 0.893 -> 0.895; C 0.887 / 0.899 -> 0.892 / 0.905,
    C++ 0.834 / 0.851 -> 0.852 / 0.854

The round's whole change on dev: R 0.876 -> 0.888, P.strict 0.891 -> 0.895 (56 tests gained, none lost); blind25
0.710 / 0.814 -> 0.822 / 0.851 (C 0.581 -> 0.819, Go 0.588 -> 1.000, C++ 0.700 -> 0.711: uvw's 24 tests are labelled
with the class header src/uvw/X.h, where the rules, like the dev labels of spdlog, CLI11 and tomlplusplus, take the
implementation file X.ipp). Tried and dropped: a numbered sequel named for its name without the number (libsodium's
scalarmult5.c): 5 gained, 2 lost, strict precision down.

Twenty-eighth round: blind26 joins dev (its misses read from then on; blind27 stays held out). Its sources, and
the C, C++ and Rust entries of every other dev set, were read at their recorded commits (the ``fetch`` tool's
snapshots); the round's figures are over those entries (Go, TypeScript and Python only blind26's: the rules changed
touch C and C++ only). ``--set dev`` now also prints the group's sets together. Rules read on the C, C++ and Rust
misses, judged on all of them together (kept where recall rose, no test right before was lost and strict precision
did not fall): a header of test cases without main that several caseless files of its folder include is their shared
body, the includers the tests (mapbox-variant's test/t/binary_visitor_N.cpp over binary_visitor_impl.hpp; a header
named as a test, utfcpp's tests/test_unchecked_api.h, stays one); a C/C++ test named for a function the library
defines under its one-word prefix, and that it calls, tests the one unit defining it (libcbor's copy_test.c ->
cbor_copy of src/cbor.c; not cbor_isa_uint for uint_test.c, nor one of several: Boost.JSON's test/double.cpp); a
C++20 module unit that only exports a header's names is hollow, no subject (unordered_dense's
src/ankerl.unordered_dense.cpp: its tests take include/ankerl/unordered_dense.h). 16 tests gained, none lost:

    blind26  0.856  0.963  0.919      (was 0.839 / 0.962 / 0.918: mapbox-variant 0.667 -> 0.917)
    blind24  unordered_dense 0.844 -> 0.896; blind libcbor 0.680 -> 0.800; jansson, libevent, libxcrypt one each
    C, C++ and Rust of dev with blind26 whole: R 0.857 -> 0.862, P.strict 0.875 -> 0.876; C 0.880 / 0.907 ->
    0.884 / 0.908, C++ 0.856 / 0.864 -> 0.866 / 0.866, Rust 0.815 / 0.829 unchanged

Counted on dev's labels and not written (the counts showed the loss; Rust did not move this round): a Cargo test
that glob-imports its own crate (use zeroize::*) tests the crate root (3 labelled so, 4 with no subject); a Cargo
test whose leading words name one module of its own crate (rayon's tests/par_bridge_recursion.rs ->
src/iter/par_bridge.rs: 3 right, 4 wrong, 3 with no subject); a Cargo test of a proc-macro crate tests the crate
root (2 of bytemuck's derive tests, but paste's tests/test_doc.rs is labelled src/attr.rs). Tried and narrowed: the
shared-body rule at first took any header of cases, and lost utfcpp's two test-named headers. Left: unbound's testcode/unitX.c (13 tests,
a folder and prefix no other repository uses), zlib-ng's sources written PREFIX(name)(...) define no names (syntax/),
uvw's labels (round 27), libsodium's numbered sequels, libyang's typed tests.
blind27, held out, run by the lead on the round's landed rules (main 08b9ece, rows only, misses never printed):
0.807 / 0.951 / 0.906 before and after (C 0.574, C++ 0.865, Go 0.972, Python 1.000, Rust 0.533, TypeScript 0.935):
none of the three rules' layouts occurs in it.

Twenty-ninth round (C and Rust first; blind27 held out by the lead, never run here): the gap between dev (C 0.88,
Rust 0.82) and blind27 (C 0.57, Rust 0.53) says the rules fitted dev's repositories, so a rule was kept only where it
fixed misses in three or more repositories of two or more sets, lost no test that was right and did not lower dev
strict precision. Figures over the same entries as round 28 (C, C++ and Rust of every dev set, blind26 whole), by
``--set dev --show-misses``, compared test by test with the run before:

    (Rust) a Cargo test's paths into its own crate resolve through the crate's module tree (mod x; -> x.rs or
    x/mod.rs) and its root's re-exports (lib.rs: pub use waker::Waker) to the file defining each item; of the
    files named like the test, the one they reach is its subject (mio's tests/waker.rs -> src/waker.rs over
    src/sys/shell/waker.rs; tests/poll.rs -> src/poll.rs over src/sys/unix/selector/poll.rs), and the use rule
    weighs those files too: +4 (mio 2, tower-test, tracing: 3 repositories, blind15 and blind20), none lost
    (C, C++) a test named exactly for a function it calls tests the one compiled unit defining it, before the
    include rule (OpenSSH's test_xextendf.c -> misc.c, not xmalloc.c; libpqxx's test_cancel_query.cxx ->
    src/connection.cxx; libcbor's cbor_serialize_test.c -> serialization.c; libcheck's
    check_set_max_msg_size.c; libxcrypt's explicit-bzero.c): +5 (5 repositories in blind, blind18, blind22,
    blind24, blind25), none lost

    dev      C 0.884 / 0.908 -> 0.888 / 0.910   C++ 0.866 / 0.866 unchanged   Rust 0.815 / 0.829 -> 0.821 / 0.831
             all of those entries: R 0.862 -> 0.864, P.strict 0.876 -> 0.877 (9 tests gained, none lost)

Tried and dropped: the use rule's definers replaced by the resolved files alone (not added to them) gained
once_cell too and took back two subjects given to tests with none (mio's aio.rs, futures' compat_miri.rs), but lost minijinja's tests/test_deserialization.rs (its namesake value/deserialize.rs
defines no item the test names) and gave nom's tests/multiline.rs a subject it has none of; an enum variant's path
(EitherOrBoth::Both) counted as the item it ends in made itertools' tests/zip.rs wrong; the named-function rule over
headers too (GSL's owner_tests.cpp -> include/gsl/pointers: +1, one repository, and it moves a header-only test
from the include rule). Counted and not written: a Cargo test's #[derive(X)] of the repository's own
#[proc_macro_derive(X)] (serde_with's two derive tests and bytemuck's; strum's labels take the macro's module, not
the derive's lib.rs, and miette's derive tests are labelled with none); a src/**/test.rs tests the module declaring
it (rayon's src/iter/collect/test.rs only; tower's p2c/test.rs is labelled service.rs); a Cargo test named for a
segment of its own crate's path (tests/block_on.rs: async_io::block_on) takes the one file the path resolves to,
as a last resort (2 gained, bytemuck and async-io; crossbeam's after.rs, tempfile's tempfile.rs and time's macros.rs
made wrong, four tests with no subject given one); Cargo.toml's crate names
(152 of 157 crate folders with tests/ are named like their crate, and the other five gain nothing); C build files'
sources of a test program (CMake add_executable, Makefile.am _SOURCES, meson executable) name the subject of no
missed dev test (libcheck's and lighttpd's programs compile many units). Build files reach pair_tests in a build
(the gate keeps CMakeLists.txt, Makefile.am, meson.build, Cargo.toml; their FileFacts carry only the records a
language's ``config`` reader makes), but not in this benchmark, whose repo_facts reads only package.json,
composer.json, go.mod and tsconfig files besides code: a rule on build files needs both.

blind27 and blind28 (new, frozen by measure35), held out, run by the lead (rows only, misses never printed) on
main before the round (5966db7) and on the landed rules (edb8a28): blind27 0.807 / 0.906 -> 0.814 / 0.907 (Rust
0.533 -> 0.600; C 0.574, C++ 0.865, Go 0.972, Python 1.000, TypeScript 0.935 unchanged); blind28 0.651 / 0.760 before
and after (C 0.621, C++ 0.743, Go 0.800, Python 0.267, Rust 0.800, TypeScript 0.471).

Thirtieth round (Python and TypeScript; blind27 and blind28 held out by the lead, never run here): an empty round.
The Python and TypeScript entries of every dev set (tuning to blind26: 114 repositories, 872 Python and 942 TypeScript
tests; pypi entries by ``--fetch``) were run with ``--set dev --show-misses --only <those names>``: Python R 0.889,
P.strict 0.916; TypeScript 0.941 / 0.941. The criterion of round 29 (misses fixed in three or more repositories of two
or more sets, no test lost, strict precision kept) admitted none of the three rules tried, so none was written:

    of tied namesakes, the one the entry points the test imports re-export the most of its names from (anyio's
    tests/test_sockets.py: _core/_sockets.py over abc/_sockets.py; flask's test_blueprints.py: blueprints.py over
    sansio/blueprints.py): +3, none lost, Python 0.889 / 0.916 -> 0.893 / 0.918, but 2 repositories (blind19, blind20)
    a test named for its package that lands on the package's __init__.py takes the one module the entry re-exports
    every name it uses from (pyjwt's tests/test_jwt.py -> jwt/api_jwt.py): +1, and packaging's test_licenses.py lost
    a test named for a class or function one module defines and the test uses, as a last resort (sqlparse's
    test_tokenize.py -> lexer.py, cattrs' test_baseconverter.py, tqdm's tests_pandas.py): +4 in 3 repositories, but
    four tests with no subject given one and attrs' test_setattr.py made wrong: P.strict 0.918 -> 0.912

Counted: a test folder named for a module whose test also names another module (magicast's test/builders/
function-call.test.ts -> src/builders.ts, babel's tests/messages/frontend/test_extract.py -> frontend.py): 4 tests, 2
repositories; 16 TypeScript tests named like their subject only up to case and separators (10 repositories) are all
right; Python src/ layouts: 323 of the 353 tests labelled with a src/ subject (25 repositories) are right, and the
other 30 miss for topic names, ties and classes, not for the layout.

Thirty-first round (blind27 and blind28 released to dev by the lead, f75e4d6; blind29 held out, never run here):
every dev set run with ``--set dev --show-misses`` (the Go entries fetched this round, so "dev" now holds every
language's entries: 6,680 tests), blind27's and blind28's misses grouped by cause, each rule judged on all of dev by
round 29's criterion (misses fixed in three or more repositories of two or more sets, no test lost, strict precision
kept). Before, all dev sets together R 0.876, P.strict 0.895 (C 0.862 / 0.901, C++ 0.863 / 0.867, Go 0.952 / 0.954,
Python 0.879 / 0.904, Rust 0.812 / 0.829, TypeScript 0.931 / 0.941). One rule kept:

    (C, C++) a header holds the code its test uses, over its namesake implementation, only when that unit explicitly
    instantiates templates (template class memory_pool<node_pool>; fmt's template FMT_API ...;): the new Language
    field ``instantiates`` (C++), read at namespace scope only. A unit instantiating nothing holds the code of the
    class its header declares (ccache's unittest/test_config.cpp, test_util_direntry.cpp, test_util_tokenizer.cpp
    -> src/ccache/config.cpp ...; libpqxx's test_array.cxx, test_util.cxx -> src/array.cxx, src/util.cxx;
    csv-parser's test_csv_format.cpp -> csv_format.cpp), and a C header's inline functions stay beside their unit
    (klib's kstring_test.c -> kstring.c; ngtcp2's ngtcp2_fmt_test.c -> lib/ngtcp2_fmt.c); foonathan/memory's and
    fmt's headers keep their tests. +8 in 5 repositories of 4 sets (blind7, blind21, blind24, blind26), none lost

    all dev sets together: R 0.876 -> 0.878, P.strict 0.895 -> 0.896; C 0.862 / 0.901 -> 0.864 / 0.902,
    C++ 0.863 / 0.867 -> 0.868 / 0.872; blind27 0.814 / 0.907 and blind28 0.651 / 0.760 unchanged

Tried and dropped: a test file a test imports from (parse5's shared generators in test/utils/, detected as tests;
tqdm's tests_tqdm.py) is no code the test reaches, so a test reaching otherwise only its package's entry takes that
entry by the entry-point rules (parse5's packages/parse5-parser-stream/test/scripting.test.ts -> lib/index.ts): +7,
none lost, Python 0.879 -> 0.882, TypeScript 0.931 -> 0.937, but 2 repositories (tqdm, parse5); a Cargo test named
for a module and then what it checks there takes the file of its own crate named for the leading word that its paths
reach (loom's tests/rwlock_regression1.rs -> src/sync/rwlock.rs, thread_local.rs -> thread.rs; x509-cert's
builder_crl.rs -> builder.rs): +3 in 2 repositories, and three tests labelled with no subject given one (time's
serde/error_conditions.rs, rayon's scope_join.rs, num-bigint's biguint_scalar.rs): Rust P.strict 0.829 -> 0.826.
Counted and not written (one repository each): croaring's tests/X_unit.c names, json-glib's json-X.c prefix (its
path.c is not even detected), taskflow's vendored 3rd-party/ (not among syntax/folders.py's spellings: its tbb
namesakes take three tests), testify's forward_assertions_test.go -> assertion_forward.go (words reordered), quicly's
t/test.c #including lib/quicly.c, aws-c-sdkutils' AWS_TEST_CASE harness (six tests not detected), flac's
test_libFLAC/X.c (not detected). Noticed: blind28's Python 0.267 is mostly the benchmark, not pairing: SKIP_DIRS drops
every folder named build, so pypa/build's src/build/ package is never read (8 of its 10 tests then go to
tasks/release.py or none), while the build keeps it (filters/quality.py's vendored folders do not include build); read
with build not skipped, pypa-build alone goes 0.000 -> 0.875 on the same rules.

After the round, by the lead: SKIP_DIRS keeps only what the build never keeps a file from (``build`` and ``target``
are read now): all dev sets 0.878 / 0.896 -> 0.879 / 0.897 (Python 0.879 -> 0.888), blind28 0.651 / 0.760 -> 0.691 /
0.812; and 3rd-party/ and 3rd_party/ joined syntax/folders.py's copied-in folders (taskflow): dev 0.880 / 0.898,
test detection precision 0.872 -> 0.905, blind28 0.709 / 0.832. blind29, held out, run by the lead on main before
the round (f75e4d6, with the new SKIP_DIRS: unchanged by it) and on the landed rules (rows only, misses never
printed): 0.834 / 0.845 before and after (C 0.667, C++ 0.714, Go 0.842, Python 0.859, Rust 0.963, TypeScript 0.912).

Thirty-second round (blind29 released to dev by the lead, 024ec9b; blind30 held out, never run here): C and C++ on
unseen code. Every dev set run with ``--set dev --show-misses`` (6,975 tests), blind29 first; the C and C++ misses
(231 missed, 129 wrong) grouped by cause, each rule judged on all of dev by round 29's criterion. Before, all dev sets
together R 0.878, P.strict 0.896 (C 0.858 / 0.897, C++ 0.867 / 0.873); blind29 0.834 / 0.845 (C 0.667). One rule
kept, with two guards its new tests need:

    (C, C++) test folders by the names C projects give them: regress/ (the BSD convention, one program per test:
    libfido2's regress/cred.c -> src/cred.c), unittest/ (tomlc99's unittest/t1.c -> toml.c) and test_<what>/ (flac's
    src/test_libFLAC/crc.c -> src/libFLAC/crc.c, src/test_grabbag/cuesheet/main.c; not test-<what>/, a Cargo package of
    its own: indexmap's test-serde lost a test that way); a test program's main.c in a folder of its own is named by
    the folder (cuesheet/main.c -> src/share/grabbag/cuesheet.c). Guards: a libFuzzer target (a source defining
    LLVMFuzzerTestOneInput: flac's oss-fuzz/decoder.cc, which took src/test_libFLAC/decoders.c by name) is a program,
    never a subject (Language.program_entries); a C test never takes a C++ unit giving nothing C linkage (new Language
    field exports_c: extern "C" in the unit or a header it includes; leveldb's db/c.cc, fmt's src/fmt-c.cc, jsonnet's
    libjsonnet.cpp keep their C tests; flac's src/test_libFLAC/metadata.c no longer takes src/libFLAC++/metadata.cpp).
    +25 in 4 repositories of 4 sets (libfido2 8, blind29; flac 15, blind27; tomlc99 1, blind24; g3log 1, blind22),
    none that was right lost; flac's test_libFLAC++/metadata.cpp (labelled with no subject, not detected before) now
    takes src/libFLAC++/metadata.cpp and metadata_object.cpp src/libFLAC/metadata_object.c (label: metadata.cpp)

    all dev sets together: R 0.878 -> 0.882, P.strict 0.8957 -> 0.8958 (5023 of 5607 proposals right, was 4998 of
    5580); C 0.858 / 0.8966 -> 0.875 / 0.8971, C++ 0.867 / 0.873 -> 0.868 / 0.873, the other languages unchanged; test
    detection precision 0.907 -> 0.904 (25 more files taken for tests: 16 of OpenSSH's regress/ helper programs and
    openbsd-compat/regress/*test.c, flac's src/test_streams/main.c, g3log's test_performance/, ccache's
    unittest/main.cpp, futures' tests_disabled/, libcoap's examples/riot/tests_pkg_libcoap/, uriparser's
    cmake/test_find_package/); blind29 (now dev, so no longer blind) 0.834 / 0.845 -> 0.867 / 0.850,
    C 0.667 / 0.722 -> 0.872 / 0.773

Measured and not built: the build files. Of the 360 C and C++ tests missed or paired wrongly on dev, 6 (in 6
repositories of 5 sets) have their labelled subject beside them in a source list of their own: Unity's test/Makefile
(SRC7 = ../src/unity.c tests/test_unity_memory.c), tinyexpr's Makefile (smoke: smoke.c tinyexpr.c), jsmn's
(test_default: test/tests.c jsmn.h), tinyxml2's (xmltest.cpp tinyxml2.cpp), scrcpy's app/meson.build
(['tests/test_orientation.c', 'src/options.c']), tomlc99's unittest/Makefile (t1: t1.c ../toml.c; now right by the
rule above); 3 more are frozen's Makefile dependency lines (test_rand.o: test_rand.cpp ../include/frozen/random.h
...), which list every header included. Five of the six are plain Makefile rules, one a meson list, and three of
the six tests are not detected as tests at all. Every other
source list holding a missed test links the whole library (libfido2's add_regress_test(regress_cred SOURCES cred.c
mock.c), flac's add_executable(test_libFLAC bitreader.c ...), unbound's dependency lines list every header): they
name no subject. At most 6 tests: below the cost of a per-file extractor of source lists from Makefile rules, meson
lists and CMake calls (the build keeps build files as text without a parse) and of the benchmark reading build files
(its repo_facts reads only package.json, composer.json, go.mod and tsconfig files besides code).

Counted and not written (one repository each): uvw's src/uvw/X.ipp over the labelled class header src/uvw/X.h (24
tests); unbound's testcode/unitX.c (13 tests; testcode/ also holds a dozen tool programs); libsodium's numbered tests
(auth2.c, core5.c, scalarmult7.c: 22 tests) over prefixed units in algorithm folders; croaring's tests/X_unit.c;
aws-c-sdkutils' AWS_TEST_CASE harness and google/benchmark's BENCHMARK programs (not detected); libyang's type tests
named for the YANG type (int8.c ... uint64.c -> src/plugins_types/integer.c).

Thirty-third round (blind30 still held out, never run here; a short round): C and C++ test detection. The C and C++
tests of dev never detected (78 in 23 repositories before round 32) grouped by why; a test case registered by a call
was the one cause found in three repositories of three sets. Before, all dev sets together R 0.882, P.strict 0.896
(C 0.875 / 0.897, C++ 0.868 / 0.873). One rule kept:

    (C, C++) in a source of a test folder, a call naming a test, case or suite as a word of its name (AWS_TEST_CASE,
    g_test_add_data_func, BASIC_BENCHMARK_TEST) that passes a function the file defines, at file scope or in main,
    registers a test case: aws-c-sdkutils' tests/resource_name_tests.c (AWS_TEST_CASE(parse_resource_name_test,
    s_test_parse_resource_name): static cases named s_test_x), json-glib's tests/path.c (g_test_add_data_func in a main
    that then calls g_test_run, which alone made it a runner of other files' cases), google/benchmark's
    test/basic_test.cc. Not a helper's call inside its own functions (git's t/helper/test-path-utils.c hands
    posix_basename to its test_function), not "TEST" inside a word (googletest's GTEST_DEFINE_bool_ in fmt's vendored
    gmock-gtest-all.cc). +7 right (aws-c-sdkutils 5, blind27; json-glib 2, blind28: path.c -> json-path.c,
    conformance/conformance.c -> json-parser.c); benchmark (blind3) gains basic_test.cc as a test (labelled with no
    subject) and, the calls rule weighing names by how few tests use them, internal_threading_test.cc (no subject) no
    longer takes src/benchmark_register.cc; none that was right lost, no other file's kind changed on dev

    all dev sets together: R 0.8823 -> 0.8835, P.strict 0.8958 -> 0.8961 (5030 of 5613 proposals right, was 5023 of
    5607); C 0.875 / 0.8971 -> 0.880 / 0.8977, test detection recall 0.962 -> 0.967; C++ P.strict 0.8726 -> 0.8733,
    detection recall 0.978 -> 0.979; the other languages unchanged

Counted and not written: fuzz targets in test folders as tests (unordered_dense's FUZZ_TEST_CASE, cxxopts' test/fuzz.cpp,
cctz's FUZZ_TEST: three repositories, but 50 more fuzz targets under dev's test folders in 20 repositories are labelled
as no tests, so test detection precision would fall); a hub guard for the calls and include rules (libpqxx's
src/transaction.cxx takes 20 tests, none right; croaring's src/memory.c 5, none right; but libevent's event.c, CLI11's
App_inl.hpp, nng's src/nng.c and json-c's json_object.c are the right subject of 2, 2, 1 and 9 of the tests they take,
and a guard only turns wrong proposals into none: it fixes no missed test).

Thirty-fourth round (blind30 joined dev, its misses read; blind31 held out, never seen here): which subject a detected
test gets. The Python misses, then the C and C++ ones, grouped by cause and each cause counted over repositories and
sets before any code; a rule kept only where it fixed three or more repositories of two or more sets, lost no test
that was right and did not lower strict precision. Before, all dev sets together (blind30 in) R 0.8786, P.strict
0.8951 (Python 0.880 / 0.913, C++ 0.845 / 0.868). Three rules kept:

    (C++) in a header-only library, the one library header a test includes is its subject when the test's name names
    it, where the names the test uses tie with a header it includes (C++ templates say little to the parser): a word
    of the name inside the header's name (frozen's tests/test_rand.cpp -> include/frozen/random.h, eventpp's
    test_queue_basic.cpp -> eventqueue.h) or the whole name a function it defines (GSL's tests/owner_tests.cpp ->
    include/gsl/pointers: owner; cppzmq's tests/send_multipart.cpp -> zmq_addon.hpp). +5 in 4 repositories of 4 sets
    (blind6, blind12, blind22, blind27); rapidjson's jsoncheckertest.cpp, inja's test-units.cpp and GSL's
    no_exception_ensure_tests.cpp, whose names say nothing of the header, stay without one
    (C, C++) of several library headers a header-only test includes, the one its name names the same way when no
    header holds every word of the name (toml11's tests/test_get_or.cpp: get.hpp defines get_or, beside value.hpp;
    mlib's tests/except-list.c -> m-list.h; bitsery's serialization_ext_pointer_*.cpp -> ext/pointer.h; eventpp's
    test_dispatcher_basic.cpp -> eventdispatcher.h). +5 in 4 repositories of 4 sets (blind11, blind15, blind23,
    blind27), no new wrong proposal
    (Python) a package's __init__.py defining nothing of its own (its dunders aside: empty, or gathering its modules'
    names) is no subject of a test named for the package; a later rule may find the module the test takes (babel's
    tests/messages/frontend/test_init.py -> frontend.py, by import), else none (werkzeug's tests/test_routing.py,
    uvicorn's tests/protocols/test_http.py and test_websocket.py, labelled with no subject). +4 right, 3 wrong
    proposals withdrawn (pyjwt's test_jwt.py, uvicorn's test_lifespan.py, toolz's test_tlz.py): 5 repositories of
    5 sets. Python only: dev's TypeScript barrels named by their folder split the other way (redux-toolkit's
    query/utils/index.ts is the labelled subject of its namesake test; ohash's utils/index.ts is not)

    all dev sets together: R 0.8786 -> 0.8804, P.strict 0.8951 -> 0.8964 (5198 of 5799 proposals right, was 5187 of
    5795); C++ 0.845 / 0.868 -> 0.852 / 0.869; C 0.879 -> 0.880; Python 0.880 / 0.913 -> 0.881 / 0.921; Go, Rust and
    TypeScript unchanged; no test that was right lost

Counted and dropped (fewer than three repositories): a Python package whose entry point holds the whole library and
imports none of its own modules (python-tabulate's tabulate/__init__.py beside its cli.py: 7 tests; the only such
entry on dev). Counted and dropped (lower strict precision): a test importing the package whole (import diskcache)
and named for a name it offers, through the entry to the module defining it (diskcache's tests/test_index.py and
test_deque.py -> persistent.py, cachetools' test_cache.py -> __init__.py, yarl's test_cache.py -> _url.py: +4 in 3
repositories), which also takes click's tests/test_context.py and sqlparse's test_format.py and test_parse.py, labelled
with no subject (+3 wrong); the one module every name a topic test imports from the entry point comes from
(pyrsistent's regression_test.py -> _pmap.py, python-tabulate: +7 in 2 repositories where no rule decides now), which
gives subjects to 8 tests labelled with none (loguru 5, cattrs, databases, cachetools' test_threading.py); a test in a
folder of tests named for a module (httpx's tests/client/test_cookies.py -> _client.py, babel): 5 right in 2
repositories, 96 right ones lost; aws-c-cal's tests named for a platform unit (source/darwin/commoncrypto_md5.c over
the portable source/hash.c): one repository. Via a helper header, the include rule's one unit is right in one-unit
libraries (libconfuse, libmaxminddb, pugixml, cJSON, utf8proc, c-blosc: 44 tests) and wrong or unlabelled in libuev,
libite, libdeflate, fmt and filesystem (10): no guard separates them.

Thirty-fifth round (Rust, the weakest language on dev; blind31 held out, never seen here): which subject a detected
Rust test gets. Every Rust miss on dev grouped by cause and counted over repositories and sets before any code (310
lines: 103 missed, 46 wrong, 89 subjects proposed for tests labelled with none); a rule kept only where it fixed three
or more repositories of two or more sets, lost no test that was right and did not lower strict precision. Before, all
dev sets together R 0.8804, P.strict 0.8964 (Rust 0.820 / 0.834). One rule kept:

    (Rust) a Cargo test named for the auto traits it asserts (test_autotrait.rs, auto_traits.rs, async_send_sync.rs:
    assert_send::<anyhow::Error>()) tests the one file its crate's types resolve to through the crate's re-exports
    (anyhow's tests/test_autotrait.rs -> src/lib.rs, eyre's -> eyre/src/lib.rs, miette's -> src/eyreish/mod.rs);
    types from several files (semver's Version and Error) or none of its crate's (tokio-stream's async_send_sync.rs,
    labelled with none, was given stream_ext.rs by the calls rule) name no subject, decided. +3 right, 1 wrong
    proposal withdrawn: 4 repositories of 3 sets (frozen, blind19, blind22; anyhow, eyre and miette share one
    lineage of code, eyre a fork of anyhow and miette's eyreish a copy of eyre)

    all dev sets together: R 0.8804 -> 0.8809, P.strict 0.8964 -> 0.8966 (5201 of 5801 proposals right, was 5198 of
    5799); Rust 0.820 / 0.834 -> 0.824 / 0.836 (691 of 827 right, was 688 of 825); other languages unchanged; no test
    that was right lost

Counted and dropped: a Cargo test named for another crate of its workspace (zeroize's tests/zeroize_derive.rs ->
zeroize_derive/src/lib.rs, bytemuck's tests/derive.rs -> derive/src/lib.rs): 2 right, bincode's tests/derive.rs
(labelled with none) given one; a topic test landing on a folder's mod.rs that takes the module of that folder
defining the type its crate's paths resolve to (tower's tests/buffer/main.rs -> buffer/service.rs, spawn_ready,
balance): 3 right in one repository, and as "the one file inside the folder" +5 but 4 right ones lost (tower's
load_shed and retry, config-rs' file.rs, quick-xml's serde-de.rs); the one file a Cargo test's own-crate paths
resolve to, as a last resort: +15 right, 72 tests labelled with none given a subject; tests/mod.rs of a workspace's
crate as its crate root (blake2, blobby: both blind16). Not reached: proc-macro crates' derive tests (serde_with,
bytemuck, strum, time-macros, futures-macro, bincode: 8 repositories, but the facts record no #[derive(X)] and the
labels split between the crate root and the macro's module, as round 29 found).

Thirty-sixth round (blind31 joined dev, its misses read; blind32 held out, never seen here): which subject a detected
test gets, TypeScript, Rust and C++ first. Every miss of a detected test on dev grouped by cause and counted over
repositories and sets before any code; round 29's criterion (three or more repositories of two or more sets, no test
that was right lost, strict precision not lowered). Before, all dev sets together R 0.8731, P.strict 0.8972
(TypeScript 0.911 / 0.931, Python 0.881 / 0.921). One rule kept:

    (Python, TypeScript) a test file another test takes names from is that test's helper, as a support file is (a
    test never tests a test): a test reaching the code through its package's entry point alone, beside another test's
    module, still reaches it through the entry point only (tqdm's tests/tests_pandas.py and tests_synchronisation.py,
    which import closing from tests_tqdm.py: std.py by tqdm.pandas, _monitor.py by TMonitor; parse5's sax-parser,
    parser-stream, scripting, location-info and rewriting-stream tests beside the shared test/utils/common.ts, a test
    itself since it calls describe(): their package's lib/index.ts), and its name must be one it imports to name the
    module defining it (h3's test/status.test.ts beside test/_setup.ts: noContent of src/utils/response.ts, not
    src/event.ts for its status field). +8 right in 3 repositories of 3 sets (blind16, blind19, blind28)

    all dev sets together: R 0.8731 -> 0.8744, P.strict 0.8972 -> 0.8975 (5299 of 5904 proposals right, was 5291 of
    5897); TypeScript 0.911 / 0.931 -> 0.918 / 0.933, Python 0.881 -> 0.884 (P.strict 0.921); other languages
    unchanged; no test that was right lost

Counted and dropped: minimatch's tests import the package's build output (../dist/esm/index.js, tshy's layout of
src/index.ts), which the resolver leaves unresolved; mapped to src/ it would fix one test of 23 (the rest take several
names the entry defines itself, as cachetools' test_threading.py does, labelled with none); a default export of an
outside package (node:fs/promises) counted as a name of the repository (htmlparser2's src/FeedHandler.spec.ts ->
src/index.ts: parseFeed, +1); a C++ test opening with its test framework's header before the header it is named for
(uvw's test/uvw/async.cpp: <gtest/gtest.h>, then <uvw/async.h>) taken as opening with the header, over the header-held
async.ipp (+10, uvw only); the header-only rule for any test whose includes reach no implementation (cpp-peglib's
test/*.cc -> peglib.h, beside abi/ and harness/ units: +13, 47 that were right lost, most of them labelled with none and
given a header, in zlib-ng, libxcrypt, libcheck, jansson); Cargo tests whose own-crate items resolve to the crate root
though a module defines a namesake (bytemuck's tests/cast_slice_tests.rs: +1, tempfile's tests/tempfile.rs then wrong);
a numbered test taking its unnumbered sibling's subject (libsodium's sign2.c beside sign.c; counted only: +8, 7 of them
libsodium's, and 6 right ones would change in Unity, libsodium and config-rs). Not pairing's: fast_float's
parse_number.h records from_chars as 'from_chars_result_t<UC>\\nfrom_chars' (a template whose signature opens with a
macro, FASTFLOAT_CONSTEXPR20, read as the type), so none of its 25 tests can reach it; xmlparser's
tests/integration/*.rs (test! macro cases) are detected as support and its helper token.rs as a test.

Round 36b (Rust, still the weakest language on dev; blind32 held out, never seen here): which subject a detected Rust
test gets. Every Rust miss on dev grouped by cause and counted over repositories and sets before any code (320 lines:
107 missed, 50 wrong, 88 subjects proposed for tests labelled with none); round 29's criterion. Before, all dev sets
together R 0.8744, P.strict 0.8975 (Rust 0.815 / 0.834). One rule kept:

    (Rust) a helper module of a Cargo test target (a support file under a tests/ folder: reqwest's
    tests/support/not_tcp.rs, rust-lexical's tests/stackvec.rs, bumpalo's tests/all/main.rs) is test code, never
    the subject of a test named like it: the name rules pass over it and later rules decide (rust-lexical's
    tests/stackvec_tests.rs -> src/bigint.rs by what it calls, bumpalo's tests/all/tests.rs -> src/lib.rs by its
    crate's items, reqwest's tests/not_tcp.rs none). A support crate's own source (tower-test's src/mock/mod.rs)
    stays a subject. +2 right, 1 wrong proposal withdrawn: 3 repositories of 3 sets (blind11, blind29, blind30)

    all dev sets together: R 0.8744 -> 0.8748, P.strict 0.8975 -> 0.8980 (5301 of 5903 proposals right, was 5299 of
    5904); Rust 0.815 / 0.834 -> 0.817 / 0.837 (694 of 829 right, was 692 of 830); other languages unchanged; no test
    that was right lost

Counted and dropped: a proc-macro crate's own tests taking its crate root (bytemuck's derive/tests/basic.rs and
transparent_wrapper_generic.rs: +2, one repository; serde_with_macros' four tests labelled with none would get one,
and rustversion's and paste's are labelled with a module); a test-support crate's source as no subject (tracing's
test-log-support/src/lib.rs, 6 tests labelled with none: one repository); the file defining the crate macros a test
uses (tracing's tests/event.rs and macros_incompatible_concat.rs -> src/macros.rs, +2, but mio's, insta's and miette's
macro-using tests are labelled with other modules or none). Not pairing's: proc-macro crates' derive and attribute
tests (strum, serde_with, bincode, miette, rustversion) still need the facts to record #[derive(X)] and attribute paths.

Round 37 (Rust, tests of procedural macros; blind32 held out, never seen here): which subject a detected Rust test
gets. The proc-macro cause counted over every labelled dev Rust test before any code (a regular-expression scan of
derives, attribute macros and macro calls against the repository's #[proc_macro_derive], #[proc_macro_attribute],
#[proc_macro] and macro_rules! declarations); round 29's criterion. Before, all dev sets together R 0.8748, P.strict
0.8980 (Rust 0.817 / 0.837). Facts: a Cargo test's derives (syntax/lang/rust.py, test["derives"]) and a proc-macro
crate's derive declarations with the functions named for the declaring one that its body calls
(test["proc_derives"]: {"EnumTable": ["enum_table_inner"]}), both from the marker query's attributes. One rule kept:

    (Rust) a Cargo test named for a derive macro it derives (a word of its name touches the derive's: strum's
    tests/enum_variant_table.rs, #[derive(EnumTable)]) tests the module implementing it: the one file of the macro
    crate defining the function the declaring function hands the work to (macros/enum_table.rs: enum_table_inner),
    else the declaring crate root (zeroize_derive/src/lib.rs, serde_with_macros/src/lib.rs); a module of that crate
    the test's name names every word of comes first (miette's test_diagnostic_source_macro.rs ->
    miette-derive/src/diagnostic_source.rs, which the later name rule found). Before the calls and use rules.
    +7 right, none lost: 3 repositories of 3 sets (serde_with blind12, rustcrypto-utils blind16, strum blind25)

    all dev sets together: R 0.8748 -> 0.8759, P.strict 0.8980 -> 0.8986 (5308 of 5907 proposals right, was 5301 of
    5903); Rust 0.817 / 0.837 -> 0.826 / 0.842 (701 of 833 right, was 694 of 829); other languages unchanged;
    detection unchanged

Counted and dropped: any declared macro a test uses (attributes and macro calls too: serde_with's #[serde_as] in 32
tests, 1 labelled with serde_with_macros/src/lib.rs, 31 with their own module or none; time's format_description! in
7, 1 labelled with time-macros/src/lib.rs), and derives without the name guard
(serde_with, time, bincode, miette, bytemuck tests deriving on sample types, labelled with none or another module).
Left: tests named only "derive"/"macros" (bytemuck's tests/derive.rs -> derive/src/lib.rs, but bincode's and miette's
tests/derive.rs are labelled with none), rustversion's and paste's attribute tests labelled with a module.

Round 37, second helper (TypeScript/JavaScript tests reached through a package's entry points, beside the Rust one;
blind32 held out, never seen here): every TypeScript/JavaScript miss on dev grouped by cause and counted over repositories and sets before any
code (146 lines: 56 missed, 21 wrong, 41 subjects proposed for tests labelled with none, 28 detection); round 29's
criterion. Before, all dev sets together R 0.8748, P.strict 0.8980 (TypeScript 0.918 / 0.933). One rule kept:

    (TypeScript, JavaScript) a test kept beside the code, named for a topic, that no other rule pairs tests the
    module its folder's index file is, the index the test's own kind resolves the folder to (TypeScript takes
    index.d.ts before index.js); a test folder's index is a helper (support) and never taken: nanostores'
    map/production.test.js and deep-map/production.test.js (importing the root index.js) -> their folder's index.js,
    deep-map/errors.ts (a check-dts type test) -> deep-map/index.d.ts; htmlparser2's src/FeedHandler.spec.ts ->
    src/index.ts; parse5's lib/parser/parser-location-info.test.ts and lib/tokenizer/tokenizer-location-info.test.ts
    -> their folder's index.ts. +6 right in 3 repositories of 3 sets (blind12, blind22, blind28)

    all dev sets together: R 0.8748 -> 0.8757, P.strict 0.8980 -> 0.8981 (5307 of 5909 proposals right, was 5301 of
    5903); TypeScript 0.918 / 0.933 -> 0.924 / 0.933 (866 of 928 right, was 860 of 922); other languages and test
    detection unchanged; no test that was right lost

Counted and dropped: tests importing the build output (../dist/esm/index.js) mapped back to src/: +8, all minimatch's
(rimraf's are right by path already; ohash's and h3's dist tests are labelled with none); with several names the entry
defines itself taken as that entry (+2 more minimatch, +5 python-tabulate, cachetools' test_threading.py, labelled with
none, given one): two repositories; several names re-exported from several modules taken by the module defining twice
as many as any other (reselect +2, 7 labelled with none given one in valtio, h3, tanstack-store, prosemirror-model,
jotai); the labels of tests reaching the code through the entry point alone favour the module defining the names (232
tests, 39 repositories) over the entry (78, 22). Detection: every runner's files are found (node:test in ts-extras,
p-queue, tinyglobby, nanostores; ava in ky) but minimatch's node-tap files with top-level t.* assertions (9, one
repository).

Round 40, TypeScript/JavaScript and Python helper (conventions that generalize; blind32 in dev since round 38, its
misses read; blind33 held out, never seen here): every TypeScript/JavaScript, Python and Go miss and wrong proposal on
dev grouped by cause and counted over repositories and sets before any code (TypeScript 60 missed, 35 wrong, 45
subjects proposed for tests labelled with none; Python 84, 28, 40; Go 22, 7, 20); round 29's criterion. Before, all
dev sets together R 0.8687, P.strict 0.8959 (TypeScript 0.905 / 0.919, Python 0.879 / 0.923, Go 0.950 / 0.954). Two
rules kept, both resolving what the test names to the file that defines it:

    (Python) a test named for a class that no file is named for and no other rule pairs (diskcache's
    tests/test_deque.py: dc.Deque) tests the one module defining a class of that name which the test names
    (diskcache/persistent.py), a package's __init__.py too (cachetools' tests/test_cache.py: Cache); not when the test
    also uses longer names on that word defined by other modules (click's tests/test_context.py: Context of core.py,
    get_current_context of globals.py, pass_context of decorators.py; labelled with none). +5 right, none lost:
    flask test_request.py (wrappers.py), cattrs test_baseconverter.py (converters.py), diskcache, wsproto
    test_permessage_deflate.py (extensions.py), cachetools: 5 repositories of 5 sets (blind19, blind21, blind25,
    blind28, blind4)

    (TypeScript) a module declaring only types has no code to test: the import rule passes over it unless the test
    is named for it by a name not a generic one (hono-node-server's test/server-socket.test.ts imports serve from
    src/server.ts and the type ServerType from src/types.ts: src/server.ts; ts-pattern's
    tests/type-is-matching.test.ts, taking Equal from the types-only helpers too, src/types/IsMatching.ts; hookable's
    test/types.test.ts and http-proxy-middleware's test/types.spec.ts, labelled with none, no longer given
    src/types.ts; ts-pattern's tests/select.test.ts no longer given src/types/FindSelected.ts). +2 right, 3 wrong
    proposals withdrawn, none lost: 4 repositories of 4 sets (blind26, blind11, blind5, blind29)

    all dev sets together: R 0.8687 -> 0.8698, P.strict 0.8959 -> 0.8968 (5464 of 6093 proposals right, was 5457 of
    6091); TypeScript 0.905 / 0.919 -> 0.907 / 0.924 (911 of 986, was 909 of 989); Python 0.879 / 0.923 -> 0.884 /
    0.923 (817 of 885, was 812 of 880); Go, C, C++, Rust and test detection unchanged

Counted and dropped: any name (functions too) equal to the test's name defined by one module (Python +4 / 3 lost,
TypeScript +3 minimatch / 10 lost: ky's and redux-toolkit's none-labelled tests given their types modules); the class
rule in Go (chi's pattern_test.go given a wrong module) and without the guard (click's test_context.py lost); the
module defining most names the test uses (Python +18 / 21 lost); a test named for a part of one module's name
(transitions' test_graphviz.py -> diagrams_graphviz.py: +2, one repository) or for a prefix of it (none gained;
Python 2 lost, TypeScript 8); tied namesakes broken by the names used (w3lib, anyio: +2, one wrong); type tests (.test-d.ts)
labelled with none (redux 7, h3, tanstack-store 2, redux-toolkit) against 24 right ones named the same way.

Round 40 (Rust, C and C++ conventions that generalize; blind32 in dev, its misses read; blind33 held out, never seen
here): every Rust, C and C++ miss and wrong proposal on dev grouped by cause over repositories and sets before any
code (the lead's --show-misses run: Rust 122 missed, 48 wrong, 89 subjects for tests labelled with none; C++ 155, 89,
85; C 117, 58, 90); round 29's criterion. Before, all dev sets together R 0.8687, P.strict 0.8959 (C++ 0.827 / 0.870).
One rule kept:

    (C++) a test of a header-held library whose repository also compiles units of another purpose goes to the
    header-only rule, as in a header-only repository: it includes one library header and uses something of it (a
    name the header defines or a macro), its other includes are helpers that lead to no library file (a vendored
    test/gtest/gtest.h), and no compiled unit defines anything it uses (cpp-peglib's tests -> peglib.h beside the ABI
    probe abi/abi_probe.cc; effcee's options_test.cc -> effcee.h, whose Options class is
    inline, beside match.cc; fmt's test/assert-test.cc -> include/fmt/base.h: FMT_ASSERT). +10 right, none lost: 3
    repositories of 3 sets (fmt blind, effcee blind29, cpp-peglib blind31)

    all dev sets together: R 0.8687 -> 0.8703, P.strict 0.8959 -> 0.8961 (5467 of 6101 proposals right, was 5457 of
    6091); C++ 0.827 / 0.870 -> 0.834 / 0.871 (1177 of 1351 right, was 1167 of 1341); other languages and test
    detection unchanged

Counted and dropped: the header-only rule for any C++ test reaching no implementation (round 36's +13 / -47 retried
with guards: without the compiled-unit check boost-json's double.cpp and memory_resource.cpp, labelled with none,
got a header; without the helper check re2's exhaustive3_test.cc got util/utf.h; without "uses something of the
header" zlib-ng's test_cve-2003-0107.cc, labelled with gzwrite.c, got the build header zbuild.h; with no guard, 18
zlib-ng tests that were right got it, and 5 missed ones); C and C++ function names read through the name field
when a macro before the return type hides the '::' (FASTFLOAT_CONSTEXPR20 from_chars_result_t<UC> from_chars:
boost-json's, CLI11's, taskflow's ... headers then define their real names; +1 cppzmq, 2 right ones lost: boost-json's
basic_parser.cpp to impl/handler.ipp by calls, CLI11's HelpersTest.cpp, labelled with none, given a subject;
fast_float's parse_number.h still defines too little for its 25 tests); Cargo crate names from the repository and
the package folder together (pest's vm/ is pest_vm, cc-rs is cc; round 35's key also cut "grammars" to "gramma"):
+2, pest's grammars tests only; a proc-macro crate's own tests deriving its derives taking the crate root (pest
derive/ +7, bytemuck derive/ +2: two repositories); a folder's mod.rs over the one module of that folder defining the
type named like the folder (tower's buffer, balance, spawn_ready tests -> service.rs: one repository; taking the one
type-defining module whatever its name lost 5); a Cargo test named for its role or an issue taking the one file its
crate's types resolve to (event-listener, async-io, arc-swap +3, 9 labelled with none given one); tests reaching
their crate only through a support module (cc-rs, xmlparser: two repositories).

Round 40, Cargo crate names (a facts fix for issue 13, not a tuning rule; blind33 held out, never seen here): repo_facts
now reads Cargo.toml as the build keeps it, and syntax/lang/rust.py's ``config`` reader records each package's name
and library crate (`[lib] name`, else the package's name with '-' as '_'; a workspace-only or malformed manifest gives
none). The resolver's workspace-crate lookup and a Cargo test's own crate (packing/pairing/by_use.py) take the
declared name first and guess from the folder's or repository's name only where no manifest declares a package
(pest's grammars/ is pest_grammars, derive/ pest_derive, cc-rs's root package cc). The repository root's own package
is still not resolved by name in the graph, as the guess left it: resolving it moved 14 dev tests (+5 right, 3
labelled with none given a subject, 3 missed ones given a wrong one, one wrong one changed). Dev against the lead's
main run: +2 right, none lost, no subject changed (pest's grammars/tests/http.rs and sql.rs -> grammars/src/lib.rs);
Rust R 0.806 -> 0.809, P.strict 0.838 unchanged (710 of 847 proposals right, was 708 of 845), all dev 0.871 / 0.897
-> 0.872 / 0.897; detection unchanged; the files column counts the manifests now (Rust 5497 -> 5837).

This file is a benchmark, not a pytest module: it defines no test functions.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tarfile
from collections import Counter, defaultdict

from repoloom.core.config import section
from repoloom.packing.testpairs import UnitTestsConfig
from repoloom.syntax.resolving import GraphConfig
from repoloom.pipelines.config import DEFAULTS
from repoloom.packing import graph as graphs
from repoloom.packing import testpairs
from repoloom.syntax.languages import detect_language, has_grammar
from repoloom.syntax.parse import file_facts

_HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
SETS = {
    "tuning": os.path.join(_HERE, "test_pairs"),
    "frozen": os.path.join(_HERE, "test_pairs_frozen"),
    "heldout": os.path.join(_HERE, "test_pairs_heldout"),
    "blind": os.path.join(_HERE, "test_pairs_blind"),
    "blind2": os.path.join(_HERE, "test_pairs_blind2"),
    "blind3": os.path.join(_HERE, "test_pairs_blind3"),
    "blind4": os.path.join(_HERE, "test_pairs_blind4"),
    "blind5": os.path.join(_HERE, "test_pairs_blind5"),
    "blind6": os.path.join(_HERE, "test_pairs_blind6"),
    "blind7": os.path.join(_HERE, "test_pairs_blind7"),
    "blind8": os.path.join(_HERE, "test_pairs_blind8"),
    "blind9": os.path.join(_HERE, "test_pairs_blind9"),
    "blind10": os.path.join(_HERE, "test_pairs_blind10"),
    "blind11": os.path.join(_HERE, "test_pairs_blind11"),
    "blind12": os.path.join(_HERE, "test_pairs_blind12"),
    "blind13": os.path.join(_HERE, "test_pairs_blind13"),
    "blind14": os.path.join(_HERE, "test_pairs_blind14"),
    "blind15": os.path.join(_HERE, "test_pairs_blind15"),
    "blind16": os.path.join(_HERE, "test_pairs_blind16"),
    "blind17": os.path.join(_HERE, "test_pairs_blind17"),
    "blind18": os.path.join(_HERE, "test_pairs_blind18"),
    "blind19": os.path.join(_HERE, "test_pairs_blind19"),
    "blind20": os.path.join(_HERE, "test_pairs_blind20"),
    "blind21": os.path.join(_HERE, "test_pairs_blind21"),
    "blind22": os.path.join(_HERE, "test_pairs_blind22"),
    "blind23": os.path.join(_HERE, "test_pairs_blind23"),
    "blind24": os.path.join(_HERE, "test_pairs_blind24"),
    "blind25": os.path.join(_HERE, "test_pairs_blind25"),
    "blind26": os.path.join(_HERE, "test_pairs_blind26"),
    "blind27": os.path.join(_HERE, "test_pairs_blind27"),
    "blind28": os.path.join(_HERE, "test_pairs_blind28"),
    "blind29": os.path.join(_HERE, "test_pairs_blind29"),
    "blind30": os.path.join(_HERE, "test_pairs_blind30"),
    "blind31": os.path.join(_HERE, "test_pairs_blind31"),
    "blind32": os.path.join(_HERE, "test_pairs_blind32"),
    "blind33": os.path.join(_HERE, "test_pairs_blind33"),
}
# "dev" is every set the rules may be tuned against (blind27 and blind28 since round 31, blind29 since round 32,
# blind30 since round 34, blind31 since round 36, blind32 since round 38, each after the lead's before/after runs of
# the rounds it was held out from); a held-out set runs only when asked for by name (not in "all"): blind33, frozen
# by measure40p while the next round's rules were tuned, is run by the lead before and after that round.
HELD_OUT: tuple[str, ...] = ("blind33",)
GROUPS = {
    "dev": (
        "tuning",
        "frozen",
        "heldout",
        "blind",
        "blind2",
        "blind3",
        "blind4",
        "blind5",
        "blind6",
        "blind7",
        "blind8",
        "blind9",
        "blind10",
        "blind11",
        "blind12",
        "blind13",
        "blind14",
        "blind15",
        "blind16",
        "blind17",
        "blind18",
        "blind19",
        "blind20",
        "blind21",
        "blind22",
        "blind23",
        "blind24",
        "blind25",
        "blind26",
        "blind27",
        "blind28",
        "blind29",
        "blind30",
        "blind31",
        "blind32",
    ),
    "all": tuple(name for name in SETS if name not in HELD_OUT),
}
# Folders the build never keeps a file from (.git is not read; the others are dropped as vendored or installed
# code). Until round 31 "build" and "target" were skipped too, at any depth, though the build keeps them: pypa/build's
# whole package (src/build/) was never read, so its tests had no subject to find.
SKIP_DIRS = {".git", "node_modules", "__pycache__", ".tox", "dist"}


def load_truth(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def checkout_dir(root: str, truth: dict) -> str:
    """Where the download lives: two entries may share one ("checkout"), e.g. a C library and its C++ tools."""
    return os.path.join(root, truth.get("checkout", truth["name"]))


def repo_dir(root: str, truth: dict) -> str:
    return os.path.join(checkout_dir(root, truth), truth.get("subdir", ""))


def fetch(root: str, truth: dict) -> None:
    """Download a ground-truth repository with its registry's own client (benchmark time, never run time)."""
    src, dest = truth["source"], checkout_dir(root, truth)
    if os.path.isdir(dest):
        return
    os.makedirs(root, exist_ok=True)
    tmp = os.path.join(root, ".dl")
    os.makedirs(tmp, exist_ok=True)
    if src["kind"] == "pypi":
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", src["spec"], "-d", tmp],
            check=True,
        )
        base = src["spec"].split("==")[0].replace("-", "_").lower()
        archive = [
            p
            for p in glob.glob(os.path.join(tmp, "*.tar.gz"))
            if os.path.basename(p).replace("-", "_").lower().startswith(base)
        ][0]
        strip = 1
    elif src["kind"] == "npm":
        out = subprocess.run(
            ["npm", "pack", src["spec"]], cwd=tmp, check=True, capture_output=True, text=True
        ).stdout.split()
        archive, strip = os.path.join(tmp, out[-1]), 1
    else:
        print(
            f"{truth['name']}: git clone https://github.com/{src['spec']} {dest} && git -C {dest} checkout {src['commit']}"
        )
        return
    with tarfile.open(archive) as tf:
        members = []
        for m in tf.getmembers():
            parts = m.name.split("/")[strip:]
            if not parts or not (m.isfile() or m.isdir()):
                continue
            m.name = "/".join(parts)
            members.append(m)
        tf.extractall(dest, members=members, filter="data")


# Configuration files the resolver reads (package names and mains, tsconfig paths, go.mod, composer.json, Cargo.toml's
# crate names): the build
# keeps them among a repository's facts, so the benchmark does too (before the tenth round it read parsable files
# only, and imports of a package by its own name, '@reduxjs/toolkit', resolved nowhere).
_CONFIG_FILE = re.compile(r"^(package\.json|composer\.json|go\.mod|Cargo\.toml|[tj]sconfig[\w.-]*\.json)$")


def repo_facts(root: str, scope: str = "") -> list:
    """FileFacts of every parsable file under root/scope (paths relative to root), and of the configuration files
    the resolver reads, as the build would make them."""
    facts = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, scope)):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            lang = detect_language(rel)
            # A dangling symlink (libite's test/data/fexist/broken-link) is no file the build could read.
            if not os.path.isfile(full) or os.path.getsize(full) > 1_000_000:
                continue
            if not has_grammar(lang) and not _CONFIG_FILE.match(name):
                continue
            with open(full, encoding="utf-8", errors="replace") as f:
                text = f.read()
            facts.append(file_facts(os.path.basename(os.path.normpath(root)), rel, text, lang))
    return facts


def predict(facts: list, cfg: dict | None = None) -> tuple[list[dict], dict]:
    cfg = cfg or DEFAULTS
    rg = graphs.build_graph(sorted(facts, key=lambda f: f.path), section(cfg, GraphConfig))
    pairs = testpairs.pair_tests(sorted(facts, key=lambda f: f.path), rg, section(cfg, UnitTestsConfig))
    return pairs, dict(rg.stats)


def score(truth: dict, facts: list, pairs: list[dict]) -> dict:
    want = {p["test"]: p["subject"] for p in truth["pairs"]}
    got = {p["test"]: p for p in pairs}
    code = {f.path for f in facts}
    found = set(got)
    r = Counter()
    r["code_files"] = len(code)
    r["tests_true"] = len(want)
    r["tests_found"] = len(found)
    r["tests_found_true"] = len(found & set(want))
    misses = []
    for test, subject in sorted(want.items()):
        g = got.get(test)
        pred = g["subject"] if g else None
        if subject:
            r["with_subject"] += 1
        if pred and subject:
            r["proposed_clear"] += 1
        if pred:
            r["proposed"] += 1
            r[f"rule.{g['rule']}"] += 1
            if pred == subject:
                r["correct"] += 1
                r[f"correct.{g['rule']}"] += 1
            else:
                misses.append((test, subject, pred, g["rule"], "wrong" if subject else "no clear subject"))
        elif subject:
            misses.append((test, subject, None, None, "missed"))
    extra = sorted(found - set(want))
    return {"counts": r, "misses": misses, "extra_tests": extra, "missed_tests": sorted(set(want) - found)}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def _row(label: str, lang: str, c: Counter) -> str:
    rules = " ".join(f"{k[5:]}={v}" for k, v in sorted(c.items()) if k.startswith("rule."))
    return (
        f"{label:28s} {lang:10s} {c['code_files']:5d} {c['tests_true']:5d} "
        f"{_ratio(c['tests_found_true'], c['tests_found']):>6s} {_ratio(c['tests_found_true'], c['tests_true']):>6s} "
        f"{c['with_subject']:5d} {_ratio(c['correct'], c['proposed_clear']):>6s} {_ratio(c['correct'], c['proposed']):>8s} "
        f"{_ratio(c['correct'], c['with_subject']):>6s}  {rules}"
    )


def run_set(name: str, args) -> dict[str, Counter]:
    """Score every repository of one ground-truth set; print a row each, one per language, and the total.

    Returns the counts by language ("" for the total)."""
    total, by_lang = Counter(), defaultdict(Counter)
    print(f"\n== {name} set ({os.path.relpath(SETS[name], os.path.dirname(_HERE))})")
    print(
        f"{'repository':28s} {'lang':10s} {'files':>5s} {'tests':>5s} {'det.P':>6s} {'det.R':>6s} {'clear':>5s} {'P':>6s} {'P.strict':>8s} {'R':>6s}  rules"
    )
    for path in sorted(glob.glob(os.path.join(SETS[name], "*.json"))):
        truth = load_truth(path)
        if args.only and truth["name"] not in args.only.split(","):
            continue
        if args.fetch:
            fetch(args.root, truth)
        root = repo_dir(args.root, truth)
        if not os.path.isdir(root):
            print(f"{truth['name']:28s} missing: {root} (run with --fetch, or clone it)")
            continue
        facts = repo_facts(root, truth.get("scope", ""))
        pairs, _ = predict(facts)
        res = score(truth, facts, pairs)
        c = res["counts"]
        total.update(c)
        by_lang[truth["language"]].update(c)
        print(_row(truth["name"], truth["language"], c))
        if args.show_misses:
            for m in res["misses"]:
                print(f"    {m[4]:16s} {m[0]} -> {m[2]} [{m[3]}]  (truth: {m[1]})")
            for p in res["extra_tests"]:
                print(f"    not a test       {p}")
            for p in res["missed_tests"]:
                print(f"    test not found   {p}")
    for lang in sorted(by_lang):
        print(_row(f"  {name} {lang}", lang, by_lang[lang]))
    print(_row(f"ALL {name}", "", total))
    return {"": total, **by_lang}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--root", default="/tmp/repoloom-testpairs", help="folder holding one folder per ground-truth repository"
    )
    ap.add_argument("--fetch", action="store_true", help="download pypi/npm sources into --root first")
    ap.add_argument("--set", choices=(*SETS, *GROUPS), default="dev")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--only", default="", help="comma-separated names")
    args = ap.parse_args(argv)
    group = Counter(), defaultdict(Counter)
    for name in GROUPS.get(args.set, (args.set,)):
        for lang, c in run_set(name, args).items():
            (group[1][lang] if lang else group[0]).update(c)
    if args.set in GROUPS:
        # The group's sets together: the figure each round is judged by.
        print(f"\n== {args.set} (its sets together)")
        for lang in sorted(group[1]):
            print(_row(f"  {args.set} {lang}", lang, group[1][lang]))
        print(_row(f"ALL {args.set}", "", group[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
