"""Configuration machinery: field declarations with ranges and choices, loading a YAML/JSON file and
command-line overrides over defaults, and type- and range-checking every value before anything runs.

The settings themselves are not here: each stage declares its section as a dataclass next to its code
(``FimConfig`` in fim/split.py, ``QualityConfig`` in filters/quality.py, ...), with a ``KEY`` naming its
place in the config file, and ``pipelines/config.py`` composes them into the build's ``Config``. A stage
receives its typed section (``section(cfg, FimConfig)``), never the whole dict. Unknown keys are an error
so a typo never silently falls back to a default; a wrong type or an out-of-range value is an error that
names the key and what it allows.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import typing
from dataclasses import field
from typing import Any, Union


class ConfigError(ValueError):
    pass


def num(default, lo=None, hi=None, *, lo_open=False, doc: str = ""):
    """A number field with an inclusive range (``lo_open``: the lower bound itself is not allowed)."""
    return field(default=default, metadata={"lo": lo, "hi": hi, "lo_open": lo_open, "doc": doc})


def share(default, doc: str = ""):
    return num(default, 0.0, 1.0, doc=doc)


def choice(default, *choices: str):
    return field(default=default, metadata={"choices": choices})


def items(*values):
    return field(default_factory=lambda: list(values))


def overrides(default_factory=dict, doc: str = ""):
    """An open mapping name -> {field of the enclosing section: value or None} (e.g. quality rules by language):
    its keys are free, each value is checked like the field it overrides, None switches a rule off."""
    return field(default_factory=default_factory, metadata={"overrides": True, "doc": doc})


# ------------------------------------------------------------------------------------------ checking


def _key(f: dataclasses.Field) -> str:
    return f.metadata.get("key", f.name)


def _to_dict(obj) -> Any:
    if dataclasses.is_dataclass(obj):
        return {_key(f): _to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    return copy.deepcopy(obj)


def _hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from_dict(cls, data: Any, where: str):
    if not isinstance(data, dict):
        raise ConfigError(f"config key {where.rstrip('.') or '(top level)'!r} must be a mapping, got {data!r}")
    fields = {_key(f): f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"unknown config key {where + unknown[0]!r}; known: {sorted(fields)}")
    hints = _hints(cls)
    values = {}
    for key, value in data.items():
        f = fields[key]
        if f.metadata.get("overrides"):
            values[f.name] = _overrides(value, cls, where + key)
        else:
            values[f.name] = _check(value, hints[f.name], f.metadata, where + key)
    return cls(**values)


def _type_name(tp) -> str:
    origin = typing.get_origin(tp)
    if origin is Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return " or ".join(_type_name(a) for a in args) + " or null"
    if origin is list:
        return "a list"
    if origin is dict or tp is dict:
        return "a mapping"
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(
        tp, getattr(tp, "__name__", str(tp))
    )


def _bound(x) -> str:
    return str(x) if isinstance(x, int) else f"{x:g}"


def _allowed(tp, meta) -> str:
    text = _type_name(tp)
    if meta.get("choices"):
        return "one of " + ", ".join(repr(c) for c in meta["choices"])
    lo, hi = meta.get("lo"), meta.get("hi")
    if lo is not None and hi is not None:
        return f"{text} in {'(' if meta.get('lo_open') else '['}{_bound(lo)}, {_bound(hi)}]"
    if lo is not None:
        return f"{text} {'>' if meta.get('lo_open') else '>='} {_bound(lo)}"
    return text


def _check(value: Any, tp, meta, key: str):
    def bad():
        return ConfigError(f"config key {key!r} must be {_allowed(tp, meta)}; got {value!r}")

    origin = typing.get_origin(tp)
    if origin is Union:
        if value is None and type(None) in typing.get_args(tp):
            return None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        try:
            return _check(value, inner, meta, key)
        except ConfigError:
            raise bad() from None
    if dataclasses.is_dataclass(tp):
        return _from_dict(tp, value, key + ".")
    if origin is list:
        (item,) = typing.get_args(tp)
        if not isinstance(value, list) or (item is not Any and not all(isinstance(v, item) for v in value)):
            raise ConfigError(
                f"config key {key!r} must be a list"
                + (f" of {item.__name__}" if item is not Any else "")
                + f"; got {value!r}"
            )
        return copy.deepcopy(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise bad()
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad()
    elif tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise bad()
    elif tp is str:
        if not isinstance(value, str):
            raise bad()
        if meta.get("choices") and value not in meta["choices"]:
            raise bad()
        return value
    elif tp is not Any:
        raise bad()
    lo, hi = meta.get("lo"), meta.get("hi")
    if lo is not None and (value < lo or (meta.get("lo_open") and value == lo)):
        raise bad()
    if hi is not None and value > hi:
        raise bad()
    return value


def _overrides(value: Any, cls, key: str) -> dict:
    """Open mapping name -> {field of cls: value or None}; each value checked like that field."""
    if not isinstance(value, dict):
        raise ConfigError(f"config key {key!r} must be a mapping of name -> {cls.KEY} overrides; got {value!r}")
    rules = {_key(f): f for f in dataclasses.fields(cls) if not f.metadata.get("overrides") and f.name != "enabled"}
    hints = _hints(cls)
    out = {}
    for name, over in value.items():
        if not isinstance(over, dict):
            raise ConfigError(f"config key {key}.{name!r} must be a mapping of {cls.KEY} overrides; got {over!r}")
        out[name] = {}
        for k, v in over.items():
            if k not in rules:
                raise ConfigError(f"unknown config key {f'{key}.{name}.{k}'!r}; known: {sorted(rules)}")
            f = rules[k]
            out[name][k] = None if v is None else _check(v, hints[f.name], f.metadata, f"{key}.{name}.{k}")
    return out


# ------------------------------------------------------------------------------------------ loading


def to_dict(obj) -> dict[str, Any]:
    """A config dataclass as the plain nested dict a config file holds."""
    return _to_dict(obj)


def from_dict(cls, data: dict):
    """Typed and checked; a ConfigError names the first bad key and what it allows."""
    return _from_dict(cls, data, "")


def open_keys(cls, where: str = "") -> frozenset[str]:
    """Dotted keys of the open mappings (``overrides`` fields) under a config dataclass."""
    out = set()
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        if f.metadata.get("overrides"):
            out.add(where + _key(f))
        elif dataclasses.is_dataclass(hints[f.name]):
            out |= open_keys(hints[f.name], f"{where}{_key(f)}.")
    return frozenset(out)


def merge(base: dict, over: dict, where: str = "", open_: frozenset[str] = frozenset()) -> dict:
    """``over`` laid over ``base``; a key ``base`` does not have is an error unless its mapping is open."""
    out = copy.deepcopy(base)
    for k, v in over.items():
        if k not in out:
            if where.rstrip(".") in open_:  # keyed by a name (a language, say): any name may be added
                out[k] = copy.deepcopy(v)
                continue
            raise ConfigError(f"unknown config key {where + k!r}; known: {sorted(out)}")
        if isinstance(out[k], dict):
            if not isinstance(v, dict):
                raise ConfigError(f"config key {where + k!r} must be a mapping")
            out[k] = merge(out[k], v, f"{where}{k}.", open_)
        elif isinstance(v, dict) and out[k] is not None:
            raise ConfigError(f"config key {where + k!r} is a value, not a mapping (got {v!r})")
        else:
            out[k] = v
    return out


def read_config_file(path: str) -> dict:
    """A YAML or JSON config file as a mapping; a clear ConfigError otherwise."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read config file {path}: {e}") from e
    try:
        if path.endswith(".json"):
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text) or {}
    except ValueError as e:  # json.JSONDecodeError and yaml.YAMLError's subclasses report where
        raise ConfigError(f"{path}: not valid {'JSON' if path.endswith('.json') else 'YAML'}: {e}") from e
    except Exception as e:  # noqa: BLE001 - yaml.YAMLError does not derive from ValueError
        raise ConfigError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping")
    return data


def load(root, path: str | None = None, overrides: dict | None = None):
    """The root config dataclass from its defaults, then the file, then the overrides; every value checked."""
    cfg, open_ = to_dict(root()), open_keys(root)
    if path:
        cfg = merge(cfg, read_config_file(path), "", open_)
    if overrides:
        cfg = merge(cfg, overrides, "", open_)
    return from_dict(root, cfg)


def section(cfg: dict, cls):
    """One stage's typed section of a config dict, checked like the whole (``section(cfg, FimConfig)``).
    The section's place is its ``KEY``; a dict without it gives the section's defaults."""
    if not (dataclasses.is_dataclass(cls) and isinstance(getattr(cls, "KEY", None), str)):
        raise ConfigError(f"{cls!r} is not a config section (a dataclass with a KEY)")
    return _check(cfg.get(cls.KEY, {}), cls, {}, cls.KEY)


def parse_set(items: list[str]) -> dict:
    """Turn ['fim.rate=0.5', 'seq_len=2048'] into a nested dict; values parse as YAML scalars."""
    import yaml

    out: dict = {}
    for item in items or []:
        if "=" not in item:
            raise ConfigError(f"--set expects key=value, got {item!r}")
        key, val = item.split("=", 1)
        node = out
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
            if not isinstance(node, dict):
                raise ConfigError(f"--set {item!r}: {p!r} was given a value above")
        try:
            node[parts[-1]] = yaml.safe_load(val)
        except Exception as e:  # noqa: BLE001 - any YAML error is a bad value
            raise ConfigError(f"--set {item!r}: cannot read the value: {e}") from e
    return out
