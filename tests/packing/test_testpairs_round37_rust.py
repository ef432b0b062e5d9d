"""Test pairing, round 37 (Rust: tests of procedural macros).

- (syntax) A Cargo test's derives (#[derive(Debug, strum::EnumTable)] -> Debug, EnumTable) and a proc-macro crate's
  derive declarations (#[proc_macro_derive(EnumTable, attributes(strum))] pub fn enum_table(..)), with the functions
  the declaring function calls that are named for it (macros::enum_table::enum_table_inner).
- (Rust) A Cargo test named for a derive macro it derives (strum's enum_variant_table.rs: #[derive(EnumTable)])
  tests the module implementing it (strum_macros/src/macros/enum_table.rs), or the crate root when the root does the
  work (zeroize_derive/src/lib.rs); a module of the macro crate the test's name names comes first (miette's
  test_diagnostic_source_macro.rs -> miette-derive/src/diagnostic_source.rs). A test deriving the trait on its
  sample types but named for something else (bincode's tests/derive.rs: Encode) is left to the other rules.
"""

from __future__ import annotations

from repoloom.syntax.parse import file_facts
from tests.packing.pairing_helpers import graph_pairs

# strum (MIT), shortened: the derive crate strum_macros hands each derive to a module of its own.
_STRUM = {
    "strum/Cargo.toml": '[package]\nname = "strum"\nversion = "0.26.3"\n',
    "strum/src/lib.rs": (
        "pub trait EnumProperty {\n    fn get_str(&self, prop: &str) -> Option<&'static str>;\n}\n\n"
        "pub trait IntoEnumIterator: Sized {\n    type Iterator: Iterator<Item = Self>;\n"
        '    fn iter() -> Self::Iterator;\n}\n\n#[cfg(feature = "derive")]\npub use strum_macros::*;\n'
    ),
    "strum_macros/Cargo.toml": '[package]\nname = "strum_macros"\nversion = "0.26.4"\n\n[lib]\nproc-macro = true\n',
    "strum_macros/src/lib.rs": (
        "extern crate proc_macro;\n\nmod helpers;\nmod macros;\n\nuse proc_macro2::TokenStream;\n"
        "use syn::DeriveInput;\n\n"
        "fn debug_print_generated(ast: &DeriveInput, toks: &TokenStream) {\n"
        '    let debug = std::env::var("STRUM_DEBUG");\n    if debug.is_ok() {\n        println!("{}", toks);\n'
        "    }\n}\n\n"
        "/// Creates a new type that maps all the variants of an enum to another generic value.\n"
        "#[proc_macro_derive(EnumTable, attributes(strum))]\n"
        "pub fn enum_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {\n"
        "    let ast = syn::parse_macro_input!(input as DeriveInput);\n\n"
        "    let toks =\n"
        "        macros::enum_table::enum_table_inner(&ast).unwrap_or_else(|err| err.to_compile_error());\n"
        "    debug_print_generated(&ast, &toks);\n    toks.into()\n}\n\n"
        "/// Add a verbose message to an enum variant.\n"
        "#[proc_macro_derive(EnumProperty, attributes(strum))]\n"
        "pub fn enum_properties(input: proc_macro::TokenStream) -> proc_macro::TokenStream {\n"
        "    let ast = syn::parse_macro_input!(input as DeriveInput);\n\n"
        "    let toks = macros::enum_properties::enum_properties_inner(&ast)\n"
        "        .unwrap_or_else(|err| err.to_compile_error());\n"
        "    debug_print_generated(&ast, &toks);\n    toks.into()\n}\n"
    ),
    "strum_macros/src/helpers/mod.rs": (
        "pub fn non_enum_error() -> syn::Error {\n"
        '    syn::Error::new(proc_macro2::Span::call_site(), "This macro only supports enums.")\n}\n'
    ),
    "strum_macros/src/macros/mod.rs": "pub mod enum_properties;\npub mod enum_table;\n",
    "strum_macros/src/macros/enum_table.rs": (
        "use proc_macro2::TokenStream;\nuse quote::{format_ident, quote};\nuse syn::{Data, DeriveInput};\n\n"
        "use crate::helpers::non_enum_error;\n\n"
        "pub fn enum_table_inner(ast: &DeriveInput) -> syn::Result<TokenStream> {\n"
        "    let name = &ast.ident;\n    let variants = match &ast.data {\n"
        "        Data::Enum(v) => &v.variants,\n        _ => return Err(non_enum_error()),\n    };\n"
        '    let table_name = format_ident!("{}Table", name);\n    let n = variants.len();\n'
        "    Ok(quote! { pub struct #table_name<T>([T; #n]); })\n}\n"
    ),
    "strum_macros/src/macros/enum_properties.rs": (
        "use proc_macro2::TokenStream;\nuse quote::quote;\nuse syn::{Data, DeriveInput};\n\n"
        "use crate::helpers::non_enum_error;\n\n"
        "pub fn enum_properties_inner(ast: &DeriveInput) -> syn::Result<TokenStream> {\n"
        "    let name = &ast.ident;\n    match &ast.data {\n        Data::Enum(_) => {}\n"
        "        _ => return Err(non_enum_error()),\n    }\n"
        "    Ok(quote! { impl strum::EnumProperty for #name {} })\n}\n"
    ),
    "strum_tests/Cargo.toml": '[package]\nname = "strum_tests"\nversion = "0.26.0"\n',
    "strum_tests/src/lib.rs": "#[derive(Debug, Eq, PartialEq)]\npub enum Color {\n    Red,\n    Blue,\n}\n",
    "strum_tests/tests/enum_variant_table.rs": (
        "use strum::EnumTable;\n\n#[derive(EnumTable)]\n#[allow(dead_code)]\nenum Color {\n    Red,\n    Yellow,\n"
        "    Green,\n    #[strum(disabled)]\n    Teal,\n    Blue,\n}\n\n"
        "#[test]\nfn default() {\n    assert_eq!(ColorTable::default(), ColorTable::new(0, 0, 0, 0));\n}\n"
    ),
    "strum_tests/tests/enum_props.rs": (
        "use strum::EnumProperty;\n\n#[derive(Debug, EnumProperty)]\nenum Test {\n"
        '    #[strum(props(key = "value"))]\n    A,\n    B,\n}\n\n'
        '#[test]\nfn prop_test() {\n    let a = Test::A;\n    assert_eq!("value", a.get_str("key").unwrap());\n}\n'
    ),
}

# rustcrypto-utils' zeroize (Apache-2.0 OR MIT), shortened: zeroize_derive does the work in its crate root.
_ZEROIZE = {
    "zeroize/Cargo.toml": '[package]\nname = "zeroize"\nversion = "1.8.1"\n',
    "zeroize/src/lib.rs": (
        '#[cfg(feature = "zeroize_derive")]\npub use zeroize_derive::{Zeroize, ZeroizeOnDrop};\n\n'
        "pub trait Zeroize {\n    fn zeroize(&mut self);\n}\n\npub trait ZeroizeOnDrop {}\n\n"
        "impl Zeroize for u8 {\n    fn zeroize(&mut self) {\n        *self = 0;\n    }\n}\n"
    ),
    "zeroize_derive/Cargo.toml": '[package]\nname = "zeroize_derive"\nversion = "1.4.2"\n\n[lib]\nproc-macro = true\n',
    "zeroize_derive/src/lib.rs": (
        "use proc_macro2::TokenStream;\nuse quote::quote;\nuse syn::DeriveInput;\n\n"
        "/// Derive the `Zeroize` trait.\n#[proc_macro_derive(Zeroize, attributes(zeroize))]\n"
        "pub fn derive_zeroize(input: proc_macro::TokenStream) -> proc_macro::TokenStream {\n"
        "    derive_zeroize_impl(syn::parse_macro_input!(input as DeriveInput)).into()\n}\n\n"
        "fn derive_zeroize_impl(input: DeriveInput) -> TokenStream {\n    let name = input.ident;\n"
        "    quote! { impl ::zeroize::Zeroize for #name { fn zeroize(&mut self) {} } }\n}\n\n"
        "/// Derive the `ZeroizeOnDrop` trait.\n#[proc_macro_derive(ZeroizeOnDrop, attributes(zeroize))]\n"
        "pub fn derive_zeroize_on_drop(input: proc_macro::TokenStream) -> proc_macro::TokenStream {\n"
        "    derive_zeroize_on_drop_impl(syn::parse_macro_input!(input as DeriveInput)).into()\n}\n\n"
        "fn derive_zeroize_on_drop_impl(input: DeriveInput) -> TokenStream {\n    let name = input.ident;\n"
        "    quote! { impl ::zeroize::ZeroizeOnDrop for #name {} }\n}\n"
    ),
    "zeroize/tests/zeroize_derive.rs": (
        "//! Integration tests for `zeroize_derive` proc macros\n\n"
        "use zeroize::{Zeroize, ZeroizeOnDrop};\n\n#[test]\nfn derive_tuple_struct_test() {\n"
        "    #[derive(Zeroize, ZeroizeOnDrop)]\n    struct Z([u8; 3]);\n\n    let mut value = Z([1, 2, 3]);\n"
        "    value.zeroize();\n    assert_eq!(&value.0, &[0, 0, 0]);\n}\n"
    ),
}

# miette (Apache-2.0), shortened: the derive crate has a module per helper attribute.
_MIETTE = {
    "Cargo.toml": '[package]\nname = "miette"\nversion = "7.2.0"\n',
    "src/lib.rs": "pub use miette_derive::*;\n\nmod protocol;\n\npub use protocol::*;\n",
    "src/protocol.rs": (
        "pub trait Diagnostic: std::error::Error {\n"
        "    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {\n        None\n    }\n}\n"
    ),
    "miette-derive/Cargo.toml": '[package]\nname = "miette-derive"\nversion = "7.2.0"\n\n[lib]\nproc-macro = true\n',
    "miette-derive/src/lib.rs": (
        "use quote::quote;\nuse syn::{parse_macro_input, DeriveInput};\n\nuse diagnostic::Diagnostic;\n\n"
        "mod diagnostic;\nmod diagnostic_source;\n\n"
        "#[proc_macro_derive(\n    Diagnostic,\n    attributes(diagnostic, diagnostic_source)\n)]\n"
        "pub fn derive_diagnostic(input: proc_macro::TokenStream) -> proc_macro::TokenStream {\n"
        "    let input = parse_macro_input!(input as DeriveInput);\n"
        "    let cmd = match Diagnostic::from_derive_input(input) {\n        Ok(cmd) => cmd.gen(),\n"
        "        Err(err) => return err.to_compile_error().into(),\n    };\n    quote!(#cmd).into()\n}\n"
    ),
    "miette-derive/src/diagnostic.rs": (
        "pub enum Diagnostic {\n    Struct { ident: syn::Ident },\n}\n\nimpl Diagnostic {\n"
        "    pub fn from_derive_input(input: syn::DeriveInput) -> Result<Self, syn::Error> {\n"
        "        Ok(Diagnostic::Struct { ident: input.ident })\n    }\n}\n"
    ),
    "miette-derive/src/diagnostic_source.rs": (
        "pub struct DiagnosticSource(syn::Member);\n\nimpl DiagnosticSource {\n"
        "    pub fn from_fields(fields: &syn::Fields) -> Option<Self> {\n        None\n    }\n}\n"
    ),
    "tests/test_diagnostic_source_macro.rs": (
        "use miette::Diagnostic;\n\n#[derive(Debug, miette::Diagnostic, thiserror::Error)]\n"
        '#[error("AnErr")]\nstruct AnErr;\n\n#[derive(Debug, miette::Diagnostic, thiserror::Error)]\n'
        '#[error("TestError")]\nstruct TestStructError {\n    #[diagnostic_source]\n    asdf_inner_foo: AnErr,\n}\n\n'
        "#[test]\nfn test_diagnostic_source() {\n"
        "    let error = TestStructError { asdf_inner_foo: AnErr };\n"
        "    assert!(error.diagnostic_source().is_some());\n}\n"
    ),
}

# bincode (MIT), shortened: tests/derive.rs derives Encode on its sample types; named for no derive.
_BINCODE = {
    "Cargo.toml": '[package]\nname = "bincode"\nversion = "2.0.0"\n',
    "src/lib.rs": (
        'pub mod enc;\n\n#[cfg(feature = "derive")]\npub use bincode_derive::{Decode, Encode};\n\n'
        "pub fn encode_into_slice<E: enc::Encode>(val: E, dst: &mut [u8]) -> usize {\n    dst.len()\n}\n"
    ),
    "src/enc.rs": "pub trait Encode {\n    fn encode(&self);\n}\n",
    "derive/Cargo.toml": '[package]\nname = "bincode_derive"\nversion = "2.0.0"\n\n[lib]\nproc-macro = true\n',
    "derive/src/lib.rs": (
        "use virtue::prelude::*;\n\n#[proc_macro_derive(Encode, attributes(bincode))]\n"
        "pub fn derive_encode(input: proc_macro::TokenStream) -> proc_macro::TokenStream {\n"
        "    derive_encode_inner(input).unwrap_or_else(|e| e.into_token_stream())\n}\n\n"
        "fn derive_encode_inner(input: TokenStream) -> Result<TokenStream> {\n    let parse = Parse::new(input)?;\n"
        "    parse.generate()\n}\n"
    ),
    "tests/derive.rs": (
        '#![cfg(feature = "derive")]\n\n#[derive(bincode::Encode, PartialEq, Debug)]\n'
        "pub(crate) struct Test<T> {\n    a: T,\n    b: u32,\n}\n\n#[test]\nfn test_encode() {\n"
        "    let start = Test { a: 5i32, b: 10u32 };\n    let mut slice = [0u8; 1024];\n"
        "    let bytes_written = bincode::encode_into_slice(start, &mut slice);\n    assert_eq!(bytes_written, 1024);\n}\n"
    ),
}


def test_facts_record_a_tests_derives_and_a_macro_crates_derive_declarations():
    lib = file_facts("strum", "strum_macros/src/lib.rs", _STRUM["strum_macros/src/lib.rs"], "rust")
    # only the functions named for the declaring one: not the debug printer it also calls
    assert lib.test["proc_derives"] == {"EnumTable": ["enum_table_inner"], "EnumProperty": ["enum_properties_inner"]}
    assert lib.test["kind"] == ""
    zero = file_facts("z", "zeroize_derive/src/lib.rs", _ZEROIZE["zeroize_derive/src/lib.rs"], "rust")
    assert zero.test["proc_derives"] == {
        "Zeroize": ["derive_zeroize_impl"],
        "ZeroizeOnDrop": ["derive_zeroize_on_drop_impl"],
    }
    miette = file_facts("m", "miette-derive/src/lib.rs", _MIETTE["miette-derive/src/lib.rs"], "rust")
    assert miette.test["proc_derives"] == {"Diagnostic": []}  # Diagnostic::from_derive_input is a helper
    t = file_facts("b", "tests/derive.rs", _BINCODE["tests/derive.rs"], "rust")
    assert t.test["kind"] == "test"
    assert t.test["derives"] == ["Debug", "Encode", "PartialEq", "bincode"]
    # a source outside tests/ records no derives of its own (sample types are no test's)
    src = file_facts("s", "strum_tests/src/lib.rs", _STRUM["strum_tests/src/lib.rs"], "rust")
    assert "derives" not in src.test and "proc_derives" not in src.test


def test_strum_shaped_tests_take_the_module_implementing_their_derive():
    pairs = graph_pairs(_STRUM, repo="strum")
    assert pairs["strum_tests/tests/enum_variant_table.rs"] == ("strum_macros/src/macros/enum_table.rs", "use")
    # named enum_props, deriving EnumProperty: over strum/src/lib.rs, which declares the trait it calls
    assert pairs["strum_tests/tests/enum_props.rs"] == ("strum_macros/src/macros/enum_properties.rs", "use")


def test_zeroize_shaped_test_takes_the_derive_crate_root_doing_the_work():
    pairs = graph_pairs(_ZEROIZE, repo="rustcrypto-utils")
    assert pairs["zeroize/tests/zeroize_derive.rs"] == ("zeroize_derive/src/lib.rs", "use")


def test_miette_shaped_test_takes_the_macro_crate_module_its_name_names():
    pairs = graph_pairs(_MIETTE, repo="miette")
    assert pairs["tests/test_diagnostic_source_macro.rs"][0] == "miette-derive/src/diagnostic_source.rs"


def test_bincode_shaped_test_named_for_no_derive_is_left_to_other_rules():
    pairs = graph_pairs(_BINCODE, repo="bincode")
    assert pairs["tests/derive.rs"][0] != "derive/src/lib.rs"
