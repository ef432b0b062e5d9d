#!/usr/bin/env bash
# One short accelerator measurement of the trainer: the `mid` preset (~180M non-embedding parameters)
# for ~50 steps, printing tokens/s and MFU (bf16 compute). Runs from the repository root:
#   bash benchmarks/train_gpu.sh [PRESET] [STEPS] [BATCH] [SEQ_LEN]
# Needs jax with a GPU/TPU backend, flax, optax, orbax-checkpoint, grain, array-record, sentencepiece,
# protobuf, pyyaml. Without network, carry missing wheels in .whl/ (see /work/.library/device/README.md).
set -euo pipefail
PRESET=${1:-mid}; STEPS=${2:-50}; BATCH=${3:-16}; SEQ=${4:-1024}
PY=${PYTHON:-python3}
if [ -d .whl ]; then
  $PY -m pip install -q --no-index --no-deps --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
$PY -c "import jax; print('jax', jax.__version__, jax.devices())" || { echo 'install jax: pip install -U "jax[cuda12]"'; exit 1; }
if [ "$($PY -c 'import jax; print(jax.default_backend())')" = cpu ]; then
  echo 'JAX sees no accelerator; install pip install -U "jax[cuda12]" (GPU) or "jax[tpu]" (TPU)'; exit 1
fi
# Make `repoloom.*` importable from this checkout without installing it (setup.py maps folders).
SHIM=$(mktemp -d); mkdir "$SHIM/repoloom"; cp repoloom_pkg/__init__.py "$SHIM/repoloom/"
for d in core syntax filters packing fim pipelines train; do ln -s "$PWD/$d" "$SHIM/repoloom/$d"; done
export PYTHONPATH=$SHIM${PYTHONPATH:+:$PYTHONPATH} PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null || true
$PY benchmarks/train_throughput.py --preset "$PRESET" --steps "$STEPS" --batch-size "$BATCH" --seq-len "$SEQ" \
  --log-every 10 --pipeline-batches 50 --set data.num_threads=16
