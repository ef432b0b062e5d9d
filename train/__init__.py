"""The JAX trainer (the only part of repoloom that imports jax, flax, optax, orbax and grain).

Modules: ``config`` (presets, YAML/--set config), ``data`` (grain over the ArrayRecord shards),
``model`` (Gemma-architecture decoder in Flax NNX), ``trainer`` (mesh, sharded state, step, loop,
checkpoints), ``evaluate`` (held-out loss, FIM exact match), ``metrics``, ``cli`` (``repoloom train``
/ ``repoloom eval``), ``devdata`` (small real-code datasets for tests and benchmarks). See README.md.
Nothing is imported here so that ``import repoloom.train.cli`` stays cheap until a command runs.
"""
